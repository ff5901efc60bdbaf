// One rule for brand ids, used by the compiler (a folder under policy-sheets/), the publisher and the
// Worker (KV keys, URLs, request bodies): whatever compiles also publishes and serves.

/** A lowercase letter, then lowercase letters, digits and hyphens; at most 63 characters. */
export const BRAND_ID = /^[a-z][a-z0-9-]{0,62}$/;

export const BRAND_ID_RULE = 'lowercase letters, digits and hyphens, starting with a letter, at most 63 characters';

export const isBrandId = (id: string): boolean => BRAND_ID.test(id);
