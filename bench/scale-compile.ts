// Child process of the scale section: compiles one synthetic brand and writes the policy, so that a
// compile that runs away (pairwise verification at 10,000 rows) can be stopped at a time cap.
//   tsx bench/scale-compile.ts <rows> <U|C|F> <out.json> [sku|varied]

import { writeFileSync } from 'node:fs';
import { compilePolicy, policyToJson } from '../src/index.js';
import { type SkuHitPolicy, syntheticBrand, type TableShape } from './synthetic-brand.js';

const [rows, hit, out, shape = 'sku'] = process.argv.slice(2);
compilePolicy(syntheticBrand('warm', 10, hit as SkuHitPolicy, shape as TableShape)); // JIT warm-up, not timed
const sheets = syntheticBrand('synth', Number(rows), hit as SkuHitPolicy, shape as TableShape);
const start = performance.now();
const result = compilePolicy(sheets);
const compileMs = performance.now() - start;
const unverified = result.warnings.filter((w) => w.code === 'too_large_to_verify');
if (!result.ok || unverified.length) {
  if (result.ok) console.error(JSON.stringify(unverified));
  else console.error(JSON.stringify(result.issues.slice(0, 5)));
  process.exit(1);
}
writeFileSync(out!, policyToJson(result.policy));
console.log(JSON.stringify({ compileMs, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
