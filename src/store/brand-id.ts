// The one rule for brand ids, shared by the compiler (policy.csv and the folder name), the publisher
// and the Worker (`:brand`, a body's `brand`, a key in a brand list page): whatever compiles also
// publishes and serves. Lower-case ASCII so ids are URL path segments and KV key parts as they are.

/** A letter, then letters, digits or hyphens; 63 characters at most (a DNS label's bound). */
export const BRAND_ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** The rule in words, for messages: "expected <this>". */
export const BRAND_ID_RULE = 'a brand id: a lower-case letter, then lower-case letters, digits or hyphens, at most 63 characters';

export const isBrandId = (value: unknown): value is string => typeof value === 'string' && BRAND_ID_PATTERN.test(value);

/** What is wrong with `id` as a brand id, or null when it is one. */
export function brandIdProblem(id: string): string | null {
  if (BRAND_ID_PATTERN.test(id)) return null;
  const shown = id.length > 70 ? `${id.slice(0, 67)}…` : id;
  return `"${shown}" is not ${BRAND_ID_RULE}`;
}
