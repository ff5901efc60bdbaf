// Issue 14, "a broken brand breaks only itself": each failure reported there, reproduced against real
// local KV. A key whose id breaks the brand-id rule, a listed brand whose pointer is gone, a brand
// whose pointer or document is corrupt or too new — each marks only its own row and its own cart
// items, while every other brand answers as before and /healthz stays 200 naming what is degraded.

import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandRow } from '../../functions/brand-rows.js';
import { PolicyCache } from '../../functions/policy-store.js';
import type { Problem } from '../../functions/problem.js';
import type { BatchItemResult } from '../../functions/routes/eligibility.js';
import type { CompiledPolicy } from '../../src/contract.js';
import { FORMAT_VERSION } from '../../src/contract.js';
import { BRAND_KEY_PREFIX, brandKey, versionKey } from '../../src/store/policy-pointer.js';
import { ACME_RETURN } from './claims.js';
import { FaultyKv } from './faulty-kv.js';
import { ACME, fixturePolicy } from './fixture-brands.js';
import { PUBLISHED_POLICIES } from './published-policies.js';
import { NOTHING_PUBLISHED, publish } from './seed-kv.js';
import { countingKv, freshApp, readJson } from './worker.js';

// A brand only KV holds (the Worker was not built with it): nothing can stand in for it.
const ghost: CompiledPolicy = { ...fixturePolicy(ACME), brand: 'ghost', name: 'Ghost', version: '6060606060606060' };
const GHOST_CLAIM = { ...ACME_RETURN, brand: 'ghost' };

interface List {
  brands: BrandRow[];
  next_cursor: string | null;
}
interface Health {
  status: string;
  degraded_brands: { brand: string; fault: string; answered: string }[];
}
interface Batch {
  count: number;
  failed: number;
  results: BatchItemResult[];
}

beforeAll(async () => {
  await publish([ghost], NOTHING_PUBLISHED, '2020-01-01');
});
afterAll(async () => {
  await env.POLICIES.delete(brandKey('ghost'));
});

/** An isolate whose KV has `fault` on `key`; `kv` to inject more. */
function isolateWith(key?: string, fault?: Parameters<FaultyKv['inject']>[1]) {
  const kv = new FaultyKv(env.POLICIES);
  if (key && fault) kv.inject(key, fault);
  return { kv, ...freshApp({ POLICIES: kv }) };
}

const cart = (app: ReturnType<typeof freshApp>) => app.post('/v1/eligibility/batch', { items: [GHOST_CLAIM, ACME_RETURN] });

describe('a KV key whose brand id breaks the rule ("Acme X")', () => {
  const BAD = `${BRAND_KEY_PREFIX}Acme X`;
  beforeAll(async () => {
    const listed = (await env.POLICIES.list({ prefix: brandKey(ACME) })).keys[0]!;
    await env.POLICIES.put(BAD, (await env.POLICIES.get(brandKey(ACME), 'text'))!, { metadata: listed.metadata });
  });
  afterAll(async () => {
    await env.POLICIES.delete(BAD);
  });

  it('is marked in the brand list, which lists every other brand as before', async () => {
    const app = freshApp();
    const res = await app.request('/v1/brands');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-policy-degraded')).toBeNull();
    const { brands } = await readJson<List>(res);
    expect(brands.find((b) => b.brand === 'Acme X')).toMatchObject({ status: 'unavailable', fault: 'invalid-brand-id', policy_version: null });
    for (const id of PUBLISHED_POLICIES.brands) expect(brands.find((b) => b.brand === id)).toMatchObject({ status: 'ok', policy_version: expect.any(String) });
  });

  it('never affects another brand, and its id is refused by name', async () => {
    const app = freshApp();
    const res = await app.post('/v1/eligibility', ACME_RETURN);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-policy-degraded')).toBeNull();
    const refused = await readJson<Problem>(await app.post('/v1/eligibility', { ...ACME_RETURN, brand: 'Acme X' }));
    expect(refused).toMatchObject({ status: 400, errors: [{ path: 'brand', message: expect.stringContaining('lower-case letter') }] });
    expect((await app.request('/healthz')).status).toBe(200);
  });
});

describe('a listed brand whose pointer is missing', () => {
  it('answers 404 for that brand alone: the list, a mixed cart and /healthz answer', async () => {
    const app = isolateWith(brandKey('ghost'), { kind: 'absent' });
    const list = await app.request('/v1/brands');
    expect(list.status).toBe(200);
    expect((await readJson<List>(list)).brands.map((b) => b.brand)).toEqual(expect.arrayContaining(['ghost', ...PUBLISHED_POLICIES.brands]));
    expect((await app.post('/v1/eligibility', GHOST_CLAIM)).status).toBe(404);
    const batch = await readJson<Batch>(await cart(app));
    expect(batch.results.map((r) => r.status)).toEqual([404, 200]);
    expect((await app.request('/healthz')).status).toBe(200);
  });
});

describe.each([
  ['the pointer is corrupt', brandKey('ghost'), '{"brand":"ghost","timeline":', 'kv-corrupt'],
  ['the pointer names a version that is not stored', versionKey('ghost', ghost.version), null, 'kv-corrupt'],
  [
    'the version document has a newer format',
    versionKey('ghost', ghost.version),
    JSON.stringify({ ...ghost, formatVersion: FORMAT_VERSION + 1 }),
    'format-too-new',
  ],
])('a brand whose %s (and that no bundle holds)', (_, key, value, fault) => {
  const broken = () => isolateWith(key, value === null ? { kind: 'absent' } : { kind: 'value', value });

  it('fails alone in a cart, with its own 503 problem, the healthy item answered', async () => {
    const app = broken();
    const res = await cart(app);
    expect(res.status).toBe(200);
    const batch = await readJson<Batch>(res);
    expect(batch).toMatchObject({ count: 2, failed: 1 });
    expect(batch.results[0]).toMatchObject({
      index: 0,
      status: 503,
      problem: { type: '/docs#problem-policy-unavailable', errors: [{ path: 'items[0].brand' }] },
    });
    expect(batch.results[1]).toMatchObject({ index: 1, status: 200 });
    expect(res.headers.get('x-policy-degraded')).toBeNull();
  });

  it(`answers 503 for that brand only; the list marks it (${fault}) and /healthz names it, still 200`, async () => {
    const app = broken();
    const alone = await app.post('/v1/eligibility', GHOST_CLAIM);
    expect(alone.status).toBe(503);
    expect(alone.headers.get('retry-after')).toBe('30');
    expect((await app.post('/v1/eligibility', ACME_RETURN)).headers.get('x-policy-degraded')).toBeNull();
    const { brands } = await readJson<List>(await app.request('/v1/brands'));
    expect(brands.find((b) => b.brand === 'ghost')).toMatchObject({ status: 'unavailable', fault });
    expect(brands.filter((b) => b.status !== 'ok').map((b) => b.brand)).toEqual(['ghost']);
    const health = await app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await readJson<Health>(health)).toMatchObject({ status: 'degraded', degraded_brands: [{ brand: 'ghost', fault, answered: 'no' }] });
  });
});

describe('the brand list', () => {
  it('costs one KV list call per page, none while the page is held', async () => {
    const { reads, kv } = countingKv();
    const app = freshApp({ POLICIES: kv });
    const first = await readJson<List>(await app.request('/v1/brands?limit=2'));
    expect(first.brands).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    expect(reads).toEqual([`list:${BRAND_KEY_PREFIX}`]);
    // However many brands there are: one list call per further page.
    const listed = [...first.brands];
    let pages = 1;
    for (let cursor = first.next_cursor; cursor; pages++) {
      const page = await readJson<List>(await app.request(`/v1/brands?limit=2&cursor=${encodeURIComponent(cursor)}`));
      listed.push(...page.brands);
      cursor = page.next_cursor;
      expect(reads).toHaveLength(pages + 1);
    }
    expect(listed.map((b) => b.brand)).toEqual(expect.arrayContaining(['ghost', ...PUBLISHED_POLICIES.brands]));
    await app.request('/v1/brands?limit=2');
    expect(reads).toHaveLength(pages);
  });

  it('refuses a page size it cannot serve, naming the query field', async () => {
    const problem = await readJson<Problem>(await freshApp().request('/v1/brands?limit=5000'));
    expect(problem).toMatchObject({ status: 400, errors: [{ path: 'query.limit' }] });
  });
});

describe('an isolate that answered for many brands', () => {
  it('holds a bounded number of documents, pointers and unknown ids', async () => {
    const brands = Array.from({ length: 60 }, (_, i): CompiledPolicy => ({ ...ghost, brand: `load-${i}`, version: `10ad${String(i).padStart(12, '0')}` }));
    await publish(brands, NOTHING_PUBLISHED, '2020-01-01');
    const cache = new PolicyCache();
    const app = freshApp({}, { cache });
    for (const b of brands) expect((await app.post('/v1/eligibility', { ...ACME_RETURN, brand: b.brand })).status).toBe(200);
    for (let i = 0; i < 2_100; i++) await app.request(`/v1/brands/nobody-${i}`);
    expect(cache.versions.size).toBeLessThanOrEqual(50);
    expect(cache.pointers.size).toBe(60);
    expect(cache.absent.size).toBeLessThanOrEqual(2_000);
    for (const b of brands) await env.POLICIES.delete(brandKey(b.brand));
  });
});
