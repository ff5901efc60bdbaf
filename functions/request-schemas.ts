// What a client may send, as zod/mini schemas (the small build of zod: the Worker bundle stays
// light). Claim facts are not listed here: they are the brand's vocabulary, checked by checkClaim.

import * as z from 'zod/mini';
import { BRAND_ID_PATTERN, BRAND_ID_RULE } from '../src/store/brand-id.js';

export const MAX_BATCH_ITEMS = 100;

const BRAND_ID = BRAND_ID_PATTERN;

const BrandId = z
  .string()
  .check(z.regex(BRAND_ID, `expected ${BRAND_ID_RULE} (GET /v1/brands lists them)`), z.describe('Brand id, as listed by GET /v1/brands'));

const ClaimFacts = z
  .record(z.string(), z.unknown())
  .check(z.describe('Claim facts by name (GET /v1/brands/{brand} lists them); dates YYYY-MM-DD, money in currency units. claim_on defaults to today (UTC).'));

export const EligibilityRequestSchema = z.strictObject({ brand: BrandId, claim: ClaimFacts });
export type EligibilityRequest = z.infer<typeof EligibilityRequestSchema>;

/**
 * The usual body, checked by hand (it is most of the traffic): exactly `brand` and `claim`, a brand id,
 * a claim object whose facts are plain values. Anything else — a nested value, a "__proto__" key, a
 * wrong shape — is left to EligibilityRequestSchema, which names every problem.
 */
export function quickEligibilityRequest(body: unknown): EligibilityRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length !== 2) return undefined;
  const { brand, claim } = body as Record<string, unknown>;
  if (typeof brand !== 'string' || !BRAND_ID.test(brand)) return undefined;
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) return undefined;
  for (const name of Object.keys(claim)) {
    const value = (claim as Record<string, unknown>)[name];
    if (name === '__proto__' || (typeof value === 'object' && value !== null)) return undefined;
  }
  return { brand, claim: claim as Record<string, unknown> };
}

export const BatchRequestSchema = z.strictObject({
  items: z
    .array(EligibilityRequestSchema)
    .check(
      z.minLength(1, 'expected at least one item'),
      z.maxLength(MAX_BATCH_ITEMS, `expected at most ${MAX_BATCH_ITEMS} items: split the cart into several calls`),
    ),
});
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

/** A cart whose every item passes quickEligibilityRequest; anything else goes to BatchRequestSchema. */
export function quickBatchRequest(body: unknown): BatchRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length !== 1) return undefined;
  const { items } = body as Record<string, unknown>;
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_BATCH_ITEMS) return undefined;
  const checked: EligibilityRequest[] = [];
  for (const item of items) {
    const request = quickEligibilityRequest(item);
    if (!request) return undefined;
    checked.push(request);
  }
  return { items: checked };
}

const Flag = z.optional(z.enum(['1', '0', 'true', 'false']));

export const EligibilityQuerySchema = z.object({
  explain: Flag,
  policy: z.optional(z.enum(['order_date', 'current'])),
});
export type EligibilityQuery = z.infer<typeof EligibilityQuerySchema>;

const QueryText = z.optional(z.string().check(z.minLength(1), z.maxLength(100)));

export const CoverageQuerySchema = z.object({ product_line: QueryText, part: QueryText });
export type CoverageQueryParams = z.infer<typeof CoverageQuerySchema>;

export const isOn = (flag: string | undefined): boolean => flag === '1' || flag === 'true';

export const SheetQuerySchema = z.object({ format: z.optional(z.enum(['json', 'csv'])) });
export type SheetQuery = z.infer<typeof SheetQuerySchema>;
