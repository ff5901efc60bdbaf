import { describe, expect, it } from 'vitest';
import { coveragePolicies } from '../../functions/coverage-terms.js';
import { summarizeCoverage } from '../../src/evaluate/summarize-coverage.js';
import { ACME, fixturePolicy, NIMBUS_PRINT } from './fixture-brands.js';
import { PUBLISHED_POLICIES } from './published-policies.js';
import { call, readJson } from './worker.js';

const todayUtc = () => new Date().toISOString().slice(0, 10);

interface Brand {
  brand: string;
  name: string;
  policy_version: string;
  locales: string[];
}

describe('GET /v1/brands', () => {
  it('lists every published brand with its current version', async () => {
    const res = await call('/v1/brands');
    expect(res.status).toBe(200);
    const { brands } = await readJson<{ brands: Brand[] }>(res);
    expect(brands.map((b) => b.brand)).toEqual([...PUBLISHED_POLICIES.brands]);
    for (const b of brands) expect(b.policy_version).toMatch(/^[0-9a-f]{16}$/);
    expect(res.headers.get('x-policy-source')).toBe('kv');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
  });
});

describe('GET /v1/brands/:brand', () => {
  it('describes remedies, windows, claim facts and reason wording in the asked locale', async () => {
    const res = await call(`/v1/brands/${ACME}`, { headers: { 'accept-language': 'de' } });
    expect(res.status).toBe(200);
    const brand = await readJson<{
      remedies: { remedy: string; source: string }[];
      windows: { window: string; length: number | null; unit: string }[];
      facts: { name: string; type: string; values: string[] | null }[];
      reasons: { code: string; message: string }[];
      timeline: { version: string; effective_from: string }[];
      policy_version: string;
      locale: string;
    }>(res);
    expect(brand.remedies.map((r) => r.remedy)).toContain('refund');
    expect(brand.windows).toContainEqual(expect.objectContaining({ window: 'return_window', length: 60, unit: 'days' }));
    expect(brand.facts).toContainEqual(expect.objectContaining({ name: 'purchase_region', type: 'enum', values: ['eu', 'uk', 'us', 'other'] }));
    expect(brand.locale).toBe('de');
    expect(res.headers.get('content-language')).toBe('de');
    // ACME's own German wording (its messages.csv), not the shared one.
    expect(brand.reasons.find((r) => r.code === 'window_expired')!.message).toBe('Die 60-tägige Rückgabefrist oder die Garantie von ACME ist abgelaufen.');
    expect(brand.timeline.at(-1)!.version).toBe(brand.policy_version);
  });
});

describe('GET /v1/brands/:brand/coverage', () => {
  const coverageOf = (query: string) => `/v1/brands/${NIMBUS_PRINT}/coverage?${query}`;
  const path = coverageOf('part=build_plate');

  it('summarizes windows and remedies for a product line and part, with machine-readable policies[]', async () => {
    const res = await call(path);
    expect(res.status).toBe(200);
    const coverage = await readJson<{
      part: string;
      windows: { window: string; length: number | null }[];
      policies: { id: string; type: string; duration: string | null; remedy: string | null }[];
    }>(res);
    expect(coverage.part).toBe('build_plate');
    // Nimbus Print's parts.csv: 6 months for a build plate (12 for the printer).
    expect(coverage.windows).toContainEqual(expect.objectContaining({ window: 'warranty', length: 6 }));
    expect(coverage.policies).toContainEqual(expect.objectContaining({ id: `${NIMBUS_PRINT}.refund`, type: 'remedy', remedy: 'refund', duration: 'P14D' }));
    expect(coverage.policies).toContainEqual(expect.objectContaining({ type: 'warranty', duration: 'P6M' }));
  });

  it('is cacheable: ETag by version, query and locale, Cache-Control, and 304 on If-None-Match', async () => {
    const first = await call(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^W/"${first.headers.get('x-policy-version')}-`));
    expect(first.headers.get('cache-control')).toContain('max-age=300');
    expect(first.headers.get('vary')).toContain('Accept-Language');

    const revalidated = await call(path, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);

    const otherPart = await call(coverageOf('part=printer'));
    const otherLocale = await call(path, { headers: { 'accept-language': 'de' } });
    expect(new Set([etag, otherPart.headers.get('etag'), otherLocale.headers.get('etag')]).size).toBe(3);
    expect((await call(path, { headers: { 'if-none-match': otherPart.headers.get('etag')! } })).status).toBe(200);
  });

  it('answers each query and locale with its own summary, also when the isolate answers from memory', async () => {
    const queries = ['part=printer', 'part=build_plate', 'part=resin_vat', 'part=nozzle'];
    for (let round = 0; round < 2; round++) {
      for (const query of queries) {
        for (const lang of ['en', 'de']) {
          const res = await call(coverageOf(query), { headers: { 'accept-language': lang } });
          const params = new URLSearchParams(query);
          const summary = summarizeCoverage(
            fixturePolicy(NIMBUS_PRINT),
            { product_line: params.get('product_line') ?? undefined, part: params.get('part') ?? undefined, locale: lang },
            todayUtc(),
          );
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          expect(await readJson(res), `${query} ${lang}, round ${round}`).toEqual(
            JSON.parse(JSON.stringify({ ...summary, policies: coveragePolicies(fixturePolicy(NIMBUS_PRINT), summary) })),
          );
        }
      }
    }
  });

  it('rejects a part the brand does not know, by query path', async () => {
    const res = await call(coverageOf('part=rocket'));
    expect(res.status).toBe(400);
    const problem = await readJson<{ errors: { path: string }[] }>(res);
    expect(problem.errors[0]!.path).toBe('query.part');
  });
});
