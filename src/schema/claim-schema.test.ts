// The claim schema says what checkClaim accepts: for every brand in policy-sheets/ (and a tiny
// in-memory brand), each fact's schema and the API's check agree on a set of probe values, and
// every editors' case claim is valid.

import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { compileOrThrow, tinyBrand } from '../../test/support/tiny-brand.js';
import { compileBrand } from '../cli/compile-brands.js';
import { DEFAULT_SHEETS_DIR, listBrands } from '../cli/read-sheets.js';
import type { CompiledPolicy } from '../contract.js';
import { checkClaim, checkValue } from '../evaluate/check-claim.js';
import { claimSchema, type JsonSchema } from './claim-schema.js';

const validates = (schema: JsonSchema, value: unknown) => new Validator(schema as never, '2020-12', false).validate(value).valid;

/** Values of every JSON kind, valid for some fact types and not others. */
const PROBES: unknown[] = [
  null,
  true,
  false,
  0,
  5,
  -1,
  299.99,
  0.001,
  1e12,
  1e13,
  '299.99',
  '0.5',
  '-3',
  '1e3',
  '12.345',
  'x',
  '',
  'a'.repeat(200),
  'a'.repeat(201),
  '2025-03-01',
  '2024-02-29',
  '2025-02-29',
  '2025-13-01',
  '2025-3-1',
  {},
  [],
];

const tiny = compileOrThrow(tinyBrand({}));
const brands = listBrands(DEFAULT_SHEETS_DIR).map((brand) => compileBrand(DEFAULT_SHEETS_DIR, brand, true));

describe('claimSchema', () => {
  const schema = claimSchema(tiny, 'de');

  it('is a closed object with one property per fact of the brand', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(tiny.facts.map((f) => f.name));
  });

  it('titles a fact with its label in the locale, and falls back to the default locale', () => {
    expect(schema.properties.delivered_on).toMatchObject({ title: 'Lieferdatum', format: 'date' });
    expect(claimSchema(tiny, 'fr').properties.delivered_on).toMatchObject({ title: 'delivery date' });
    // Every fact of a brand has a label in each of its languages (check refuses one without).
    expect(schema.properties.water_damage).toMatchObject({ title: 'Wasserschaden' });
  });

  it('describes a fact and the dates it cannot precede', () => {
    expect(schema.properties.delivered_on).toMatchObject({
      description: 'Date the customer received the goods. Not before purchased_on.',
      'x-not-before': ['purchased_on'],
    });
  });

  it('lists the values of an enumeration', () => {
    const issue = tiny.facts.find((f) => f.name === 'issue')!;
    expect(schema.properties.issue).toMatchObject({ enum: [...issue.values!, null] });
  });

  it('titles each value of an enumeration in the locale (values.csv), the code where a document has none', () => {
    expect(schema.properties.condition).toMatchObject({
      oneOf: [
        { const: 'unopened', title: 'ungeöffnet' },
        { const: 'opened_unused', title: 'geöffnet, aber unbenutzt' },
        { const: 'used', title: 'benutzt' },
        { type: 'null' },
      ],
    });
    const older = { ...tiny, facts: tiny.facts.map(({ valueLabels: _, ...f }) => f) };
    expect(claimSchema(older, 'de').properties.condition).toMatchObject({ oneOf: [{ const: 'unopened', title: 'unopened' }, {}, {}, { type: 'null' }] });
  });
});

describe.each([tiny, ...brands.map((b) => b.policy!)])('the claim schema of $brand', (policy: CompiledPolicy) => {
  const schema = claimSchema(policy, policy.defaultLocale);

  it.each(policy.facts.map((f) => [f.name, f] as const))('accepts for %s exactly the values checkClaim accepts', (_, fact) => {
    const verdicts = PROBES.map((value) => ({ value, schema: validates(schema.properties[fact.name]!, value), api: !('problem' in checkValue(fact, value)) }));
    expect(verdicts.filter((v) => v.schema !== v.api)).toEqual([]);
  });

  it('refuses a fact the brand does not read', () => {
    expect(validates(schema, { not_a_fact_of_this_brand: true })).toBe(false);
    expect(checkClaim(policy.facts, { not_a_fact_of_this_brand: true }).ok).toBe(false);
  });
});

describe.each(brands)('the editors’ cases of $brand', ({ policy, cases }) => {
  it('has cases to check', () => expect(cases.length).toBeGreaterThan(0));

  it('are all valid claims under the schema', () => {
    const schema = claimSchema(policy!, policy!.defaultLocale);
    expect(cases.filter((c) => !validates(schema, c.claim)).map((c) => c.name)).toEqual([]);
  });
});
