// `policy test [brand…]`: run the editors' cases; each failing case is shown with expected vs
// actual per column; rules no case reaches are reported too, so every rule of every table stays
// under test. --format github/json give the same findings as annotations / data.

import type { CaseResult } from '../../cases/run-cases.js';
import type { Issue } from '../../issue.js';
import { parseArgs } from '../args.js';
import { caseIssues, compileBrand } from '../compile-brands.js';
import { PolicyProblems } from '../errors.js';
import type { CommandContext } from '../main.js';
import { issueFormat, printIssues } from '../print-issues.js';
import { formatTable } from '../print-table.js';
import { selectBrands } from '../read-sheets.js';

/** Each failing cell as a sheet:row:column line, then the case's expected vs actual side by side. */
function printFailure(c: CaseResult, problems: Issue[], root: string, out: (line: string) => void): void {
  printIssues(
    problems.filter((i) => i.code === 'case_failed' && i.sheet === c.sheet && i.row === c.row),
    'text',
    root,
    out,
  );
  const lines = formatTable(
    ['column', 'expected', 'actual'],
    c.failures.map((f) => [`${f.column}  > ${f.field}`, f.expected || '(none)', f.actual]),
  );
  for (const line of lines) out(`    ${line}`);
}

export function test(argv: string[], ctx: CommandContext): void {
  const args = parseArgs(argv, ['format'], []);
  const format = issueFormat(args.options.format);
  let failed = false;
  const summary = [];
  for (const brand of selectBrands(ctx.root, args.positional)) {
    const outcome = compileBrand(ctx.root, brand, true);
    const problems = [...outcome.issues, ...caseIssues(outcome)];
    const failing = outcome.cases.filter((c) => c.failures.length > 0);
    if (format === 'text') {
      // Failing cases as expected-vs-actual tables; every other problem as a sheet:row:column line.
      printIssues(
        problems.filter((i) => i.code !== 'case_failed'),
        format,
        ctx.root,
        ctx.out,
      );
      for (const c of failing) printFailure(c, problems, ctx.root, ctx.out);
    } else printIssues(problems, format, ctx.root, ctx.out);
    const passed = outcome.cases.length - failing.length;
    summary.push({ brand, cases: outcome.cases.length, passed, uncovered: outcome.uncovered, issues: problems });
    if (format === 'text') {
      ctx.out(
        `${problems.length ? '✗' : '✓'} ${brand}: ${passed}/${outcome.cases.length} cases pass` +
          (outcome.refused ? `, ${outcome.refused} row(s) refused` : '') +
          (outcome.policy ? `, ${outcome.uncovered.length} rule(s) not covered` : ', does not compile'),
      );
    }
    failed ||= problems.length > 0;
  }
  if (format === 'json') ctx.out(JSON.stringify({ ok: !failed, brands: summary }, null, 2));
  if (failed) throw new PolicyProblems('cases failed');
}
