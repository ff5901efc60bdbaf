// Child process of the scale section: compiles one synthetic brand and writes the policy, so that a
// compile that runs away (pairwise verification at 10,000 rows) can be stopped at a time cap.
//   tsx bench/scale-compile.ts <rows> <U|C|F> <out.json>

import { writeFileSync } from 'node:fs';
import { compilePolicy, policyToJson } from '../src/index.js';
import { syntheticBrand, type SkuHitPolicy } from './synthetic-brand.js';

const [rows, hit, out] = process.argv.slice(2);
compilePolicy(syntheticBrand('warm', 10, hit as SkuHitPolicy)); // JIT warm-up, not timed
const sheets = syntheticBrand('synth', Number(rows), hit as SkuHitPolicy);
const start = performance.now();
const result = compilePolicy(sheets);
const compileMs = performance.now() - start;
if (!result.ok) {
  console.error(JSON.stringify(result.issues.slice(0, 5)));
  process.exit(1);
}
writeFileSync(out!, policyToJson(result.policy));
console.log(JSON.stringify({ compileMs, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
