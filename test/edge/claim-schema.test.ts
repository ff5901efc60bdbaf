// GET /v1/brands/:brand/claim-schema for every brand the Worker bundles: a JSON Schema 2020-12 that a
// standard validator accepts each editors' case with, and that refuses an unknown fact and a value
// outside an enumeration; titled in the negotiated language and revalidated by policy version.

import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { caseResults } from './case-claims.js';
import { PUBLISHED_POLICIES, publishedPolicy } from './published-policies.js';
import { call, readJson } from './worker.js';

interface SchemaBody {
  $schema: string;
  properties: Record<string, { title?: string; enum?: unknown[] }>;
  'x-locale': string;
}

const fetchSchema = async (brand: string, headers: Record<string, string> = {}) => {
  const res = await call(`/v1/brands/${brand}/claim-schema`, { headers });
  return { res, body: await readJson<SchemaBody>(res) };
};
const validator = (schema: SchemaBody) => new Validator(schema as never, '2020-12', false);

describe.each(PUBLISHED_POLICIES.brands)('GET /v1/brands/%s/claim-schema', (brand) => {
  const policy = publishedPolicy(brand);

  it('validates every editors’ case claim of the brand', async () => {
    const { res, body } = await fetchSchema(brand);
    expect(res.status).toBe(200);
    expect(body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const cases = caseResults(policy);
    expect(cases.length).toBeGreaterThan(0);
    const check = validator(body);
    expect(cases.filter((c) => !check.validate(c.claim).valid).map((c) => c.name)).toEqual([]);
  });

  it('refuses a fact the brand does not read and a value outside an enumeration', async () => {
    const { body } = await fetchSchema(brand);
    const check = validator(body);
    const claim = caseResults(policy)[0]!.claim;
    expect(check.validate({ ...claim, not_a_fact_of_this_brand: true }).valid).toBe(false);
    const enumFact = policy.facts.find((f) => f.type === 'enum')!;
    expect(check.validate({ ...claim, [enumFact.name]: 'no_such_value' }).valid).toBe(false);
  });

  it('titles facts in every locale of the brand, and answers 304 to its own ETag', async () => {
    for (const locale of policy.locales) {
      const { res, body } = await fetchSchema(brand, { 'accept-language': locale });
      expect(res.headers.get('content-language')).toBe(locale);
      expect(body['x-locale']).toBe(locale);
      const labelled = policy.facts.filter((f) => f.labels?.[locale]);
      for (const fact of labelled) expect(body.properties[fact.name]?.title).toBe(fact.labels![locale]);
      const again = await call(`/v1/brands/${brand}/claim-schema`, { headers: { 'accept-language': locale, 'if-none-match': res.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
  });
});

describe('GET /v1/brands/:brand/claim-schema for a brand with nothing published', () => {
  it('answers 404 unknown-brand naming path.brand', async () => {
    const res = await call('/v1/brands/no-such-brand/claim-schema');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: [{ path: 'path.brand' }] });
  });
});
