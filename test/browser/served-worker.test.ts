// The Worker exactly as wrangler builds it (wrangler.toml: minified, no name-keeping wrappers), over
// HTTP under `wrangler dev` with KV seeded as `npm start` seeds it: every API route answers. The edge
// tests (test/edge) build the Worker with Vite instead, so only this file covers that artefact.

import { describe, expect, it } from 'vitest';
import { demoProducts, firstCaseClaims, SEEDED_BRANDS } from './brand-claims.js';
import { BASE } from './browser-session.js';

const CLAIMS = firstCaseClaims();
const [FIRST] = CLAIMS;

const post = (path: string, body: unknown) =>
  fetch(`${BASE}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe.skipIf(!BASE)('the wrangler-built Worker, every API route', () => {
  it('GET /healthz and the brand list', async () => {
    expect((await fetch(`${BASE}/healthz`)).status).toBe(200);
    const brands = await fetch(`${BASE}/v1/brands`);
    expect(brands.status).toBe(200);
    const { brands: list } = (await brands.json()) as { brands: { brand: string }[] };
    // Every brand found in policy-sheets/, as `npm start` seeds them.
    expect(list.map((b) => b.brand).sort()).toEqual([...SEEDED_BRANDS]);
  });

  it("POST /v1/eligibility decides each brand's claim from the policy published to KV", async () => {
    // Each brand's first editors' case, as a storefront would send it.
    for (const request of CLAIMS) {
      const response = await post('/v1/eligibility', request);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-policy-source')).toMatch(/^(kv|cache)$/);
      expect(response.headers.get('x-request-id')).toBeTruthy();
      const decision = (await response.json()) as { brand: string; remedies: { status: string }[] };
      expect(decision.brand).toBe(request.brand);
      expect(decision.remedies.length).toBeGreaterThan(0);
      for (const r of decision.remedies) expect(['eligible', 'review', 'ineligible']).toContain(r.status);
    }
  });

  it('POST /v1/eligibility/batch answers every item', async () => {
    const response = await post('/v1/eligibility/batch', { items: [FIRST, { brand: 'nope', claim: {} }] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      count: 2,
      failed: 1,
      results: [
        { index: 0, status: 200 },
        { index: 1, status: 404 },
      ],
    });
  });

  it('a bad request is a problem naming the field; a wrong method is 405 with Allow', async () => {
    const bad = await post('/v1/eligibility', { brand: FIRST!.brand, claim: { delivered_on: 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await bad.json())).toContain('claim.delivered_on');
    const wrong = await fetch(`${BASE}/v1/eligibility`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('POST');
  });

  it('coverage, sheets, OpenAPI and the docs page', async () => {
    const [product] = demoProducts();
    const sheets = (await (await fetch(`${BASE}/v1/brands/${FIRST!.brand}/sheets`)).json()) as { sheets: { sheet: string }[] };
    for (const path of [
      `/v1/brands/${FIRST!.brand}`,
      `/v1/brands/${product!.brand}/coverage?product_line=${product!.line}&part=${product!.part}`,
      `/v1/brands/${FIRST!.brand}/sheets`,
      `/v1/brands/${FIRST!.brand}/sheets/${sheets.sheets[0]!.sheet}`,
      '/openapi.json',
      '/docs',
    ]) {
      const response = await fetch(`${BASE}${path}`);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
  });
});
