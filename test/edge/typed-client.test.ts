import { exports } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../functions/index.js';
import { KOKONI_WARRANTY } from './claims.js';

// The client a storefront or support portal would build from the exported AppType.
const client = hc<AppType>('http://api.test', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(input instanceof URL ? input.href : (input as string | Request), init),
});

describe('a typed hono/client', () => {
  it('decides a claim with typed request and response', async () => {
    const res = await client.v1.eligibility.$post({ json: KOKONI_WARRANTY, query: { explain: '1' } });
    expect(res.status).toBe(200);
    if (!res.ok) throw new Error('expected a decision');
    const decision = await res.json();
    // Typed: remedies, policy_selection and trace are known fields here.
    expect(decision.remedies.find((r) => r.remedy === 'warranty_service')?.status).toBe('eligible');
    expect(decision.policy_selection.mode).toBe('order_date');
    expect(decision.trace?.length).toBeGreaterThan(0);
  });

  it('reads brands and coverage', async () => {
    const brands = await (await client.v1.brands.$get({ query: {} })).json();
    expect(brands.brands.map((b) => b.brand)).toContain('kokoni');
    const res = await client.v1.brands[':brand'].coverage.$get({ param: { brand: 'kokoni' }, query: { part: 'extruder' } });
    if (res.status !== 200) throw new Error('expected the coverage summary');
    const coverage = await res.json();
    expect(coverage.windows.find((w) => w.window === 'part_warranty')?.length).toBe(3);
  });
});
