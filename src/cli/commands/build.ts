// `policy build [--out dir]`: compile every brand, run its cases, and write one JSON document per
// brand plus an index. Nothing is written unless every brand compiles and passes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyToJson } from '../../store/policy-document.js';
import { parseArgs } from '../args.js';
import { type BrandOutcome, caseIssues, compileBrand } from '../compile-brands.js';
import { PolicyProblems, UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { printIssues } from '../print-issues.js';
import { listBrands } from '../read-sheets.js';

export const DEFAULT_OUT_DIR = 'dist/policies';

export function build(argv: string[], ctx: CommandContext): void {
  const args = parseArgs(argv, ['out'], []);
  const outDir = typeof args.options.out === 'string' ? args.options.out : DEFAULT_OUT_DIR;
  const outcomes: BrandOutcome[] = listBrands(ctx.root).map((brand) => compileBrand(ctx.root, brand, true));
  let failed = false;
  for (const o of outcomes) {
    const problems = [...o.issues, ...caseIssues(o)];
    printIssues([...problems, ...o.warnings], 'text', ctx.root, ctx.out);
    failed ||= problems.length > 0;
  }
  if (failed) throw new PolicyProblems('build refused: fix the problems above');
  const index: Record<string, { version: string; name: string; bytes: number }> = {};
  writeOut(outDir, () => mkdirSync(outDir, { recursive: true }));
  for (const o of outcomes) {
    const json = policyToJson(o.policy!);
    writeOut(outDir, () => writeFileSync(join(outDir, `${o.brand}.json`), json));
    index[o.brand] = { version: o.policy!.version, name: o.policy!.name, bytes: json.length };
    ctx.out(`✓ ${o.brand} ${o.policy!.version} — ${o.cases.length} cases pass, ${(json.length / 1024).toFixed(1)} KB`);
  }
  writeOut(outDir, () => writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 2)));
}

/** --out names a place the user chose: a file there, or no permission, is their mistake, not a bug. */
function writeOut(outDir: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new UsageError(`cannot write to --out ${outDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}): expected a folder you can write to`);
  }
}
