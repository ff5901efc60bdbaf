import { exports } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../functions/index.js';
import { NIMBUS_BUILD_PLATE } from './claims.js';
import { NIMBUS_PRINT } from './fixture-brands.js';

// The client a storefront or support portal would build from the exported AppType.
const client = hc<AppType>('http://api.test', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(input instanceof URL ? input.href : (input as string | Request), init),
});

describe('a typed hono/client', () => {
  it('decides a claim with typed request and response', async () => {
    const res = await client.v1.eligibility.$post({ json: NIMBUS_BUILD_PLATE, query: { explain: '1' } });
    expect(res.status).toBe(200);
    if (!res.ok) throw new Error('expected a decision');
    const decision = await res.json();
    // Typed: remedies, policy_selection and trace are known fields here.
    expect(decision.remedies.find((r) => r.remedy === 'repair')?.status).toBe('eligible');
    expect(decision.policy_selection.mode).toBe('order_date');
    expect(decision.trace?.length).toBeGreaterThan(0);
  });

  it('reads brands and coverage', async () => {
    const brands = await (await client.v1.brands.$get({ query: {} })).json();
    expect(brands.brands.map((b) => b.brand)).toContain(NIMBUS_PRINT);
    // Nimbus Print's parts.csv: build plates get a 6-month warranty.
    const res = await client.v1.brands[':brand'].coverage.$get({ param: { brand: NIMBUS_PRINT }, query: { part: 'build_plate' } });
    if (res.status !== 200) throw new Error('expected the coverage summary');
    const coverage = await res.json();
    expect(coverage.windows.find((w) => w.window === 'warranty')).toMatchObject({ length: 6, unit: 'months' });
  });
});
