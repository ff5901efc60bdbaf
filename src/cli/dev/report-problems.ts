// What `npm run dev` says about a brand whose saved sheets do not pass: the terminal lines (every
// problem at its sheet:row:column, and that the last good version is still the one served) and the
// record the playground's banner reads (src/store/dev-problems.ts).

import { formatIssue, type Issue } from '../../issue.js';
import { type DevProblem, type DevProblemsRecord, MAX_DEV_PROBLEMS } from '../../store/dev-problems.js';

const whereOf = (issue: Issue) => [issue.sheet, issue.row, issue.column].filter((p) => p !== undefined).join(':');

/** Terminal lines for a brand that failed its re-check; `live` is the version still served (null: none). */
export function problemLines(brand: string, problems: readonly Issue[], live: string | null): string[] {
  const errors = problems.filter((p) => p.severity !== 'warning').length;
  const kept = live ? `still serving the last good version, ${live}` : 'nothing of it is published yet';
  return [
    `✗ ${brand}: ${errors} problem(s), not published — ${kept}`,
    ...problems.map((p) => `    ${p.severity === 'warning' ? 'warning ' : ''}${formatIssue(p)}`),
  ];
}

export interface RecheckResult {
  brand: string;
  problems: readonly Issue[];
  compiledVersion: string | null;
  liveVersion: string | null;
}

/** The record stored for the playground: the latest re-check of the brand, problems capped. */
export function devProblemsRecord(result: RecheckResult, checkedAt: string): DevProblemsRecord {
  const problems: DevProblem[] = result.problems.slice(0, MAX_DEV_PROBLEMS).map((p) => ({
    where: whereOf(p),
    code: p.code,
    severity: p.severity === 'warning' ? 'warning' : 'error',
    message: p.message,
  }));
  return {
    brand: result.brand,
    checked_at: checkedAt,
    compiled_version: result.compiledVersion,
    live_version: result.liveVersion,
    problems,
    total: result.problems.length,
  };
}
