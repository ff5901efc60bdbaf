// `policy test [brand…]`: run the editors' cases; each failure shows expected vs actual; rules no
// case reaches are reported too, so every rule of every table stays under test.

import { parseArgs } from '../args.js';
import { caseIssues, compileBrand } from '../compile-brands.js';
import { PolicyProblems } from '../errors.js';
import { issueFormat, printIssues } from '../print-issues.js';
import { selectBrands } from '../read-sheets.js';
import type { CommandContext } from '../main.js';

export function test(argv: string[], ctx: CommandContext): void {
  const args = parseArgs(argv, ['format'], []);
  const format = issueFormat(args.options.format);
  let failed = false;
  const summary = [];
  for (const brand of selectBrands(ctx.root, args.positional)) {
    const outcome = compileBrand(ctx.root, brand, true);
    const problems = [...outcome.issues, ...caseIssues(outcome)];
    printIssues(problems, format, ctx.root, ctx.out);
    const passed = outcome.cases.filter((c) => c.failures.length === 0).length;
    summary.push({ brand, cases: outcome.cases.length, passed, uncovered: outcome.uncovered, issues: problems });
    if (format === 'text') {
      ctx.out(`${problems.length ? '✗' : '✓'} ${brand}: ${passed}/${outcome.cases.length} cases pass` +
        (outcome.policy ? `, ${outcome.uncovered.length} rule(s) not covered` : ', does not compile'));
    }
    failed ||= problems.length > 0;
  }
  if (format === 'json') ctx.out(JSON.stringify({ ok: !failed, brands: summary }, null, 2));
  if (failed) throw new PolicyProblems('cases failed');
}
