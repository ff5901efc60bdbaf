// What a client may send, as zod/mini schemas (the small build of zod: the Worker bundle stays
// light). Claim facts are not listed here: they are the brand's vocabulary, checked by checkClaim.

import * as z from 'zod/mini';

export const MAX_BATCH_ITEMS = 100;

const BrandId = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a brand id: lower-case letters, digits, - or _ (GET /v1/brands lists them)'),
  z.describe('Brand id, as listed by GET /v1/brands'),
);

const ClaimFacts = z.record(z.string(), z.unknown()).check(
  z.describe('Claim facts by name (GET /v1/brands/{brand} lists them); dates YYYY-MM-DD, money in currency units. claim_on defaults to today (UTC).'),
);

export const EligibilityRequestSchema = z.strictObject({ brand: BrandId, claim: ClaimFacts });
export type EligibilityRequest = z.infer<typeof EligibilityRequestSchema>;

export const BatchRequestSchema = z.strictObject({
  items: z.array(EligibilityRequestSchema).check(
    z.minLength(1, 'expected at least one item'),
    z.maxLength(MAX_BATCH_ITEMS, `expected at most ${MAX_BATCH_ITEMS} items: split the cart into several calls`),
  ),
});
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

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
