// Shared by build, check and test: compile each brand and run its cases, collecting every problem.

import { type CaseResult, runCases } from '../cases/run-cases.js';
import { compilePolicy } from '../compile/compile-policy.js';
import type { CompiledPolicy } from '../contract.js';
import type { Issue } from '../issue.js';
import { type BrandFolder, readBrand } from './read-sheets.js';

export interface BrandOutcome {
  brand: string;
  policy?: CompiledPolicy;
  issues: Issue[];
  warnings: Issue[];
  cases: CaseResult[];
  uncovered: string[];
  refused?: number; // case rows not run (each reported as an issue)
}

export function compileBrand(root: string, brand: string, withCases: boolean): BrandOutcome {
  return compileFolder(brand, readBrand(root, brand), withCases);
}

/** The same for sheets read from elsewhere (a git ref). */
export function compileFolder(brand: string, folder: BrandFolder, withCases: boolean): BrandOutcome {
  const result = compilePolicy(folder.sheets);
  const unread = folder.problems ?? [];
  // A file that could not be read is reported once, not again as a missing or empty sheet.
  const unreadSheets = new Set(unread.map((p) => p.sheet));
  const compileIssues = result.ok ? [] : result.issues.filter((i) => !unreadSheets.has(i.sheet));
  if (!result.ok || unread.length) return { brand, issues: [...unread, ...compileIssues], warnings: result.warnings, cases: [], uncovered: [] };
  const outcome: BrandOutcome = { brand, policy: result.policy, issues: [], warnings: result.warnings, cases: [], uncovered: [] };
  if (!withCases) return outcome;
  let uncovered: Set<string> | null = null;
  for (const file of folder.cases) {
    const report = runCases(result.policy, file.name, file.text);
    // Appended one by one: a 200,000-row cases sheet is too many arguments for push(...list).
    for (const issue of report.issues) outcome.issues.push(issue);
    for (const caseResult of report.results) outcome.cases.push(caseResult);
    outcome.refused = (outcome.refused ?? 0) + report.refused;
    uncovered = uncovered ? new Set(report.uncovered.filter((s) => uncovered!.has(s))) : new Set(report.uncovered);
  }
  outcome.uncovered = uncovered ? [...uncovered] : [];
  return outcome;
}

/** Cases failing or rules uncovered, as issues in the same sheet:row:column form. */
export function caseIssues(outcome: BrandOutcome): Issue[] {
  const failures: Issue[] = outcome.cases.flatMap((c) =>
    c.failures.map((f) => ({
      code: 'case_failed',
      sheet: c.sheet,
      row: c.row,
      column: f.column,
      severity: 'error' as const,
      message: `case "${c.name}": ${f.field} is ${f.actual}: expected ${f.expected}`,
    })),
  );
  const uncovered: Issue[] = outcome.uncovered.map((source) => {
    const [sheet, row] = [source.replace(/:\d+$/, ''), Number(source.split(':').pop())];
    return {
      code: 'rule_not_covered',
      sheet,
      row,
      severity: 'error' as const,
      message: 'no case reaches this rule: expected a case in cases.csv that matches it',
    };
  });
  return [...failures, ...uncovered];
}
