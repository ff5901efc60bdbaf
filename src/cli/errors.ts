// The CLI's exit codes live here and only here: 0 clean, 1 policy problems, 2 wrong usage.

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Policy problems were found and printed; the command fails without a stack trace. */
export class PolicyProblems extends Error {
  override name = 'PolicyProblems';
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof PolicyProblems) return 1;
  return 3;
}
