// The CLI's exit codes live here and only here: 0 clean, 1 policy problems, 2 wrong usage,
// 3 the policy store failed (unreachable, refused, corrupt), 4 anything else (a bug).

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Policy problems were found and printed; the command fails without a stack trace. */
export class PolicyProblems extends Error {
  override name = 'PolicyProblems';
}

/** The key-value store cannot be read or written, or holds what we cannot read: a fault. */
export class StoreError extends Error {
  override name = 'StoreError';
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof PolicyProblems) return 1;
  if (error instanceof StoreError) return 3;
  return 4;
}
