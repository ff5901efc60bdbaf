// The local preview's problem channel (`npm run dev`), shared by the dev script that writes it and
// the Worker that shows it: one key per brand in the local KV namespace, holding what the latest
// re-check of the brand's sheets found. Only `npm run dev` writes these keys, and the Worker serves
// them only when its DEV_PREVIEW var is "1" (functions/dev-preview.ts): production never has either.

export const DEV_PROBLEMS_PREFIX = 'dev:problems:';
export const devProblemsKey = (brand: string) => `${DEV_PROBLEMS_PREFIX}${brand}`;

/** At most this many problems are kept per brand: a banner, not a report (the terminal has them all). */
export const MAX_DEV_PROBLEMS = 100;

export interface DevProblem {
  /** `sheet:row:column`, as the CLI prints it (row and column when the problem has them). */
  where: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface DevProblemsRecord {
  brand: string;
  /** When the sheets were last re-checked (ISO timestamp). */
  checked_at: string;
  /** The version the sheets compile to, null when they do not compile. */
  compiled_version: string | null;
  /** The version the preview serves for today's claims after this re-check (the last good one when broken). */
  live_version: string | null;
  problems: readonly DevProblem[];
  /** How many problems there were in all, when more than MAX_DEV_PROBLEMS. */
  total: number;
}

const isProblem = (p: unknown): p is DevProblem => {
  const v = p as Partial<DevProblem> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.where === 'string' &&
    typeof v.code === 'string' &&
    (v.severity === 'error' || v.severity === 'warning') &&
    typeof v.message === 'string'
  );
};

/** Reads a stored record, or null when the value is not one (the Worker then leaves it out). */
export function readDevProblems(value: unknown): DevProblemsRecord | null {
  const r = value as Partial<DevProblemsRecord> | null;
  if (typeof r !== 'object' || r === null || typeof r.brand !== 'string' || typeof r.checked_at !== 'string') return null;
  if (!Array.isArray(r.problems) || !r.problems.every(isProblem) || typeof r.total !== 'number') return null;
  const version = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    brand: r.brand,
    checked_at: r.checked_at,
    compiled_version: version(r.compiled_version),
    live_version: version(r.live_version),
    problems: r.problems,
    total: r.total,
  };
}
