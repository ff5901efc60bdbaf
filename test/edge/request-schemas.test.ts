// The hand checks in front of the request schemas: whatever body they accept, the schema accepts with
// the same value and no "__proto__" key hides in it; whatever they leave, the schema judges (and names).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchRequestSchema, EligibilityRequestSchema, quickBatchRequest, quickEligibilityRequest } from '../../functions/request-schemas.js';
import { prototypeKeys } from '../../functions/validate.js';

/** An object as JSON text, so that a "__proto__" key stays an own field as JSON.parse makes it. */
const objectText = (entries: [string, string][]) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
const json = (depth: number) => fc.jsonValue({ maxDepth: depth }).map((v) => JSON.stringify(v) ?? 'null');

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'delivered_on', 'order_amount', ''), fc.string({ maxLength: 12 }));
const factValue = fc.oneof(
  {
    arbitrary: fc
      .oneof(fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 12 }), fc.constant(null))
      .map((v) => JSON.stringify(v)),
    weight: 6,
  },
  { arbitrary: json(2), weight: 1 },
);
const claim = fc.oneof({ arbitrary: fc.array(fc.tuple(key, factValue), { maxLength: 6 }).map(objectText), weight: 6 }, { arbitrary: json(2), weight: 1 });
const brand = fc.oneof(
  fc
    .constantFrom('brand', 'shop', 'acme-2', 'a-b', 'a'.repeat(63), 'a_b', 'a'.repeat(64), '9lives', 'Brand', '', '-x', ' brand', 'a'.repeat(65), 'bränd')
    .map((b) => JSON.stringify(b)),
  json(1),
);
const field = (name: string, arb: fc.Arbitrary<string>) => arb.map((value): [string, string] => [name, value]);
const eligibilityBody = fc.oneof(
  { arbitrary: fc.tuple(field('brand', brand), field('claim', claim)).map(objectText), weight: 6 },
  { arbitrary: fc.tuple(field('claim', claim), field('brand', brand)).map(objectText), weight: 1 },
  { arbitrary: fc.array(fc.oneof(field('brand', brand), field('claim', claim), fc.tuple(key, json(1))), { maxLength: 4 }).map(objectText), weight: 2 },
  { arbitrary: json(3), weight: 1 },
);
const batchBody = fc.oneof(
  { arbitrary: fc.array(eligibilityBody, { maxLength: 4 }).map((items) => objectText([['items', `[${items.join(',')}]`]])), weight: 4 },
  { arbitrary: fc.array(fc.tuple(fc.constantFrom('items', 'extra', '__proto__'), json(2)), { maxLength: 2 }).map(objectText), weight: 1 },
);

/** Every body the quick check accepts is one the schema accepts, with the same value; returns how many it accepted. */
function agreesWithSchema(text: string, quick: (body: unknown) => unknown, schema: typeof EligibilityRequestSchema | typeof BatchRequestSchema): boolean {
  const body: unknown = JSON.parse(text);
  const fast = quick(body);
  if (fast === undefined) return false;
  const parsed = schema.safeParse(body);
  expect(parsed.success, text).toBe(true);
  expect(fast, text).toEqual(parsed.data);
  expect(prototypeKeys(body), text).toEqual([]);
  return true;
}

describe('quickEligibilityRequest', () => {
  it('accepts the usual body as it is', () => {
    const body = { brand: 'any-brand', claim: { delivered_on: '2025-03-01', order_amount: 19.9, proof_of_purchase: true, part: null } };
    expect(quickEligibilityRequest(body)).toEqual(body);
  });

  it.each([
    ['an unknown field', { brand: 'any-brand', claim: {}, extra: 1 }],
    ['a nested fact value', { brand: 'any-brand', claim: { part: { name: 'x' } } }],
    ['a "__proto__" fact', JSON.parse('{"brand": "any-brand", "claim": {"__proto__": 1}}')],
    ['a bad brand id', { brand: 'Any-Brand', claim: {} }],
    ['a claim that is a list', { brand: 'any-brand', claim: [] }],
  ])('leaves %s to the schema', (_what, body) => {
    expect(quickEligibilityRequest(body)).toBeUndefined();
  });

  it('never accepts what the schema would refuse or change', () => {
    let accepted = 0;
    fc.assert(
      fc.property(eligibilityBody, (text) => {
        if (agreesWithSchema(text, quickEligibilityRequest, EligibilityRequestSchema)) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: a good share of the generated bodies are the usual kind.
    expect(accepted).toBeGreaterThan(150);
  });
});

describe('quickBatchRequest', () => {
  it('never accepts what the schema would refuse or change', () => {
    let accepted = 0;
    fc.assert(
      fc.property(batchBody, (text) => {
        if (agreesWithSchema(text, quickBatchRequest, BatchRequestSchema)) accepted++;
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(15);
  });

  it('leaves an empty cart and one over the limit to the schema', () => {
    const item = { brand: 'any-brand', claim: {} };
    expect(quickBatchRequest({ items: [] })).toBeUndefined();
    expect(quickBatchRequest({ items: Array.from({ length: 101 }, () => item) })).toBeUndefined();
    expect(quickBatchRequest({ items: [item, item] })).toEqual({ items: [item, item] });
  });
});
