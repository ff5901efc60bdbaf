// Store faults injected under every route: a brand-list page, a brand's pointer or its version document
// absent, corrupt, of a newer format, throwing or never answering. Whatever breaks, the Worker answers
// from the last good copy in isolate memory or else the bundled policy, says so in X-Policy-Degraded,
// logs each fault once however many requests and re-checks follow, and never answers 5xx for it. A
// list fault touches only the brand list and /healthz; a brand's fault only that brand's routes.

import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../src/contract.js';
import { BRAND_KEY_PREFIX, brandKey, type PolicyPointer, versionKey } from '../../src/store/policy-pointer.js';
import { keysToRead, planPublish, readPublishedState } from '../../src/store/publish-plan.js';
import { ACME_RETURN } from './claims.js';
import { type Fault, FaultyKv } from './faulty-kv.js';
import { ACME, fixturePolicy } from './fixture-brands.js';
import { PUBLISHED_POLICIES } from './published-policies.js';
import { builtBefore, freshApp, readJson } from './worker.js';

// The fixture: ACME, the brand of the claim these tests send (claims.ts).
const BRAND = ACME;
const acme = fixturePolicy(BRAND);
// These isolates run a Worker built with every published brand but an older ACME than KV holds, so
// that every key, the version document too, is read from KV.
const builtWith = builtBefore(BRAND);
const KV_TIMEOUT_MS = 20;
const RECHECK_MS = 30_000;

/** What a route reads: the fixture brand's keys, or the brand list. */
type Reads = 'brand' | 'list';
const routes: [name: string, send: (app: ReturnType<typeof freshApp>) => Promise<Response>, reads: Reads][] = [
  ['POST /v1/eligibility', (app) => app.post('/v1/eligibility', ACME_RETURN), 'brand'],
  ['POST /v1/eligibility/batch', (app) => app.post('/v1/eligibility/batch', { items: [ACME_RETURN, ACME_RETURN] }), 'brand'],
  ['GET /v1/brands', (app) => app.request('/v1/brands'), 'list'],
  ['GET /v1/brands/:brand', (app) => app.request(`/v1/brands/${BRAND}`), 'brand'],
  ['GET /v1/brands/:brand/coverage', (app) => app.request(`/v1/brands/${BRAND}/coverage?product_line=studio-pro-x`), 'brand'],
  ['GET /v1/brands/:brand/sheets/returns', (app) => app.request(`/v1/brands/${BRAND}/sheets/returns`), 'brand'],
  ['GET /healthz', (app) => app.request('/healthz'), 'list'],
];

const pointer = async () => JSON.parse((await env.POLICIES.get(brandKey(BRAND), 'text'))!) as PolicyPointer;
const MISSING = '0000000000000000';

interface Scenario {
  what: string;
  key: string;
  fault: () => Promise<Fault>;
  /** X-Policy-Degraded on the routes that read the key; null: answered from the bundle, not degraded. */
  degraded: string | null;
  /** The key the fault is logged under, when not the one injected. */
  logged?: string;
  /** Where a warm isolate answers from: the copy in memory, unless the pointer itself is gone. */
  warm: 'memory' | 'bundle';
}

const at = { list: `list:${BRAND_KEY_PREFIX}`, pointer: brandKey(BRAND), version: versionKey(BRAND, acme.version) };
const scenario = (what: string, key: string, fault: () => Promise<Fault>, degraded: string | null, more: Partial<Scenario> = {}): Scenario => ({
  what,
  key,
  fault,
  degraded,
  warm: 'memory',
  ...more,
});
const staleVersion = async (): Promise<Fault> => ({
  kind: 'value',
  value: JSON.stringify({ ...(await pointer()), timeline: [{ version: MISSING, effective_from: '2000-01-01', published_at: '2026-01-01T00:00:00Z' }] }),
});

const SCENARIOS: Scenario[] = [
  scenario('listing the brands throws', at.list, async () => ({ kind: 'throw', message: 'KV LIST failed: 500 Internal Server Error' }), 'kv-unreadable', {
    logged: `list ${BRAND_KEY_PREFIX}`,
  }),
  scenario('listing the brands never answers', at.list, async () => ({ kind: 'hang' }), 'kv-unreadable', { logged: `list ${BRAND_KEY_PREFIX}` }),
  // Absent is "not published here": the bundled copy answers, and that is what X-Policy-Source says.
  scenario('the pointer is missing', at.pointer, async () => ({ kind: 'absent' }), null, { warm: 'bundle' }),
  scenario('the pointer names a version that is not stored', at.pointer, staleVersion, 'kv-corrupt', { logged: versionKey(BRAND, MISSING), warm: 'bundle' }),
  scenario('the pointer is corrupt JSON', at.pointer, async () => ({ kind: 'value', value: `{"brand":"${BRAND}","current":` }), 'kv-corrupt'),
  scenario('reading the pointer throws', at.pointer, async () => ({ kind: 'throw', message: 'network connection lost' }), 'kv-unreadable'),
  scenario('reading the pointer never answers', at.pointer, async () => ({ kind: 'hang' }), 'kv-unreadable'),
  scenario('the version document is missing', at.version, async () => ({ kind: 'absent' }), 'kv-corrupt'),
  scenario('the version document is corrupt JSON', at.version, async () => ({ kind: 'value', value: JSON.stringify(acme).slice(0, 1000) }), 'kv-corrupt'),
  scenario(
    'the version document is of a newer format',
    at.version,
    async () => ({ kind: 'value', value: JSON.stringify({ ...acme, formatVersion: FORMAT_VERSION + 1 }) }),
    'format-too-new',
  ),
  scenario('reading the version document throws', at.version, async () => ({ kind: 'throw', message: 'KV GET failed: 503' }), 'kv-unreadable'),
  scenario('reading the version document never answers', at.version, async () => ({ kind: 'hang' }), 'kv-unreadable'),
];

let injected = 0,
  requests = 0;

function isolate() {
  let clock = Date.parse('2026-03-01T00:00:00Z');
  const kv = new FaultyKv(env.POLICIES);
  const app = freshApp({ POLICIES: kv }, { now: () => clock, kvTimeoutMs: KV_TIMEOUT_MS, bundle: builtWith });
  return {
    kv,
    app,
    later: () => {
      clock += RECHECK_MS + 1;
    },
  };
}

async function expectAnswered(res: Response, route: string): Promise<void> {
  requests++;
  expect(res.status, `${route} answered ${res.status}`).toBeLessThan(500);
  expect(res.status, route).toBe(200);
  await res.arrayBuffer();
}

const faultsLogged = (logs: string[]) => logs.map((l) => JSON.parse(l) as { event: string; fault: string; key: string });

afterAll(() => {
  console.log(
    `kv faults: ${injected} faults injected (${SCENARIOS.length} kinds × ${routes.length} routes, cold and warm isolates), ${requests} requests, 0 answers 5xx, each fault logged once`,
  );
});

describe('when KV fails', () => {
  describe.each(SCENARIOS)('and $what', ({ key, fault: makeFault, degraded, logged, warm }) => {
    it('a cold isolate answers every route from the bundled policy, degraded, logging once', async () => {
      const { kv, app, later } = isolate();
      kv.inject(key, await makeFault());
      const target: Reads = key === at.list ? 'list' : 'brand';
      for (const [route, send, reads] of routes) {
        injected++;
        for (let round = 0; round < 2; round++) {
          const res = await send(app);
          if (reads === target) {
            expect(res.headers.get('x-policy-degraded'), route).toBe(degraded);
            expect(res.headers.get('x-policy-source'), route).toBe('bundle');
          }
          await expectAnswered(res, route);
          later(); // past the re-check interval: the store reads KV again, and fails again
        }
      }
      const decision = await readJson<{ policy_version: string }>(await app.post('/v1/eligibility', ACME_RETURN));
      expect(decision.policy_version).toBe(target === 'list' ? acme.version : builtWith.version(BRAND));
      expect(faultsLogged(app.logs)).toEqual(
        degraded ? [{ level: 'error', event: 'policy_store_fault', fault: degraded, key: logged ?? key, message: expect.any(String) }] : [],
      );
    });

    it(`a warm isolate answers every route from ${warm === 'memory' ? 'the copy in memory' : 'the bundled policy'}, degraded, logging once`, async () => {
      const { kv, app, later } = isolate();
      for (const [route, send] of routes) await expectAnswered(await send(app), route);
      kv.inject(key, await makeFault());
      const target: Reads = key === at.list ? 'list' : 'brand';
      for (const [route, send, reads] of routes) {
        injected++;
        later();
        const res = await send(app);
        if (key === at.version) {
          // Version documents are immutable: once in memory they are never read again, so never fail.
          expect(res.headers.get('x-policy-degraded'), route).toBeNull();
        } else if (reads === target) {
          expect(res.headers.get('x-policy-degraded'), route).toBe(degraded);
          // `kv` when another key was re-read fine on the way: the policy itself still came from memory.
          if (warm === 'memory') expect(['cache', 'kv'], route).toContain(res.headers.get('x-policy-source'));
          else expect(res.headers.get('x-policy-source'), route).toBe('bundle');
        }
        await expectAnswered(res, route);
      }
      expect(faultsLogged(app.logs)).toHaveLength(key === at.version || !degraded ? 0 : 1);
    });
  });

  it('waits no longer than the deadline for a read that never answers, then not again until the re-check', async () => {
    const { kv, app } = isolate();
    kv.inject(() => true, { kind: 'hang' });
    const started = performance.now();
    const res = await app.post('/v1/eligibility', ACME_RETURN);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-policy-degraded')).toBe('kv-unreadable');
    // One key read, no list: the brand's pointer waits out one deadline.
    expect(kv.reads).toEqual([at.pointer]);
    for (let i = 0; i < 5; i++) expect((await app.post('/v1/eligibility', ACME_RETURN)).status).toBe(200);
    expect(kv.reads).toEqual([at.pointer]);
    // workerd's clock only moves on I/O; the timer is I/O, so the wait is measurable and bounded.
    expect(performance.now() - started).toBeLessThan(KV_TIMEOUT_MS * 50);
  });

  it('recovers once KV heals: the next re-check reads it, and answers are no longer degraded', async () => {
    const { kv, app, later } = isolate();
    kv.inject(at.pointer, { kind: 'throw', message: 'down' });
    expect((await app.post('/v1/eligibility', ACME_RETURN)).headers.get('x-policy-degraded')).toBe('kv-unreadable');
    kv.heal();
    later();
    const res = await app.post('/v1/eligibility', ACME_RETURN);
    expect(res.headers.get('x-policy-degraded')).toBeNull();
    expect(res.headers.get('x-policy-source')).toBe('kv');
  });
});

describe('a publish interrupted between the version and the pointer', () => {
  it('leaves the old version live for the Worker', async () => {
    const brands = [...PUBLISHED_POLICIES.brands];
    const values: Record<string, string | null> = {};
    for (const key of keysToRead(brands)) values[key] = await env.POLICIES.get(key, 'text');
    const state = readPublishedState(brands, values);
    if (typeof state === 'string') throw new Error(state);
    const changed = { ...acme, name: `${acme.name} 2`, version: 'feedfacefeedface' };
    const plan = planPublish([changed], state, '2020-01-01', '2026-03-01T00:00:00Z', '2026-03-01');
    if ('problems' in plan) throw new Error(plan.problems.join('; '));
    // Only the first phase (the version documents) reaches KV: the process dies before the pointers.
    for (const { key, value } of plan.phases[0]!) await env.POLICIES.put(key, value);
    try {
      const { app } = isolate();
      const res = await app.post('/v1/eligibility', ACME_RETURN);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-policy-degraded')).toBeNull();
      expect(res.headers.get('x-policy-source')).toBe('kv');
      expect((await readJson<{ policy_version: string }>(res)).policy_version).toBe(acme.version);
    } finally {
      await env.POLICIES.delete(versionKey(BRAND, 'feedfacefeedface'));
    }
  });
});
