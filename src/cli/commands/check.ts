// `policy check [brand…]`: compile and verify, print every problem; exit 1 when any brand has one.

import type { Issue } from '../../issue.js';
import { parseArgs } from '../args.js';
import { caseIssues, compileBrand } from '../compile-brands.js';
import { PolicyProblems } from '../errors.js';
import type { CommandContext } from '../main.js';
import { issueFormat, printIssues } from '../print-issues.js';
import { selectBrands } from '../read-sheets.js';

export function check(argv: string[], ctx: CommandContext): void {
  const args = parseArgs(argv, ['format'], []);
  const format = issueFormat(args.options.format);
  const report: { brand: string; version?: string; issues: Issue[]; warnings: Issue[] }[] = [];
  for (const brand of selectBrands(ctx.root, args.positional)) {
    const outcome = compileBrand(ctx.root, brand, false);
    report.push({ brand, version: outcome.policy?.version, issues: outcome.issues, warnings: outcome.warnings });
    printIssues([...outcome.issues, ...outcome.warnings], format, ctx.root, ctx.out);
    if (format === 'text') ctx.out(outcome.issues.length ? `✗ ${brand}: ${outcome.issues.length} problem(s)` : `✓ ${brand} ${outcome.policy!.version}`);
  }
  if (format === 'json') ctx.out(JSON.stringify({ ok: report.every((r) => r.issues.length === 0), brands: report }, null, 2));
  if (report.some((r) => r.issues.length)) throw new PolicyProblems('policy problems');
}

export { caseIssues };
