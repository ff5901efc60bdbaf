import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../functions/decide-claim.js';
import { FORMAT_VERSION } from '../../src/contract.js';
import { brandKey, versionKey } from '../../src/store/policy-pointer.js';
import { ACME_RETURN } from './claims.js';
import { ACME, fixturePolicy } from './fixture-brands.js';
import { PUBLISHED_POLICIES, publishedPolicy } from './published-policies.js';
import { brokenKv, builtBefore, countingKv, emptyKv, freshApp, readJson } from './worker.js';

// The fixture: ACME, the brand of the claim these tests send (claims.ts).
const BRAND = ACME;
const acme = fixturePolicy(BRAND);
const builtWithOlderAcme = builtBefore(BRAND);
// A Worker built with every published brand (the Worker's own bundle holds no fixture brand).
const builtWithAll = PUBLISHED_POLICIES;
const ANOTHER_BRAND = PUBLISHED_POLICIES.brands.find((b) => b !== BRAND)!;

async function decide(app: ReturnType<typeof freshApp>) {
  const res = await app.post('/v1/eligibility', ACME_RETURN);
  return { res, decision: await readJson<EligibilityDecision>(res) };
}

const headers = (res: Response) => ({
  source: res.headers.get('x-policy-source'),
  degraded: res.headers.get('x-policy-degraded'),
  version: res.headers.get('x-policy-version'),
});

describe('the policy store', () => {
  describe('in steady state', () => {
    it('reads the pointer and the version (two KV reads, no brand list), then answers from isolate memory with zero', async () => {
      const { reads, kv } = countingKv();
      const app = freshApp({ POLICIES: kv }, { bundle: builtWithOlderAcme });
      expect(headers((await decide(app)).res)).toMatchObject({ source: 'kv', degraded: null, version: acme.version });
      expect(reads).toEqual([brandKey(BRAND), versionKey(BRAND, acme.version)]);
      reads.length = 0;
      for (let i = 0; i < 5; i++) expect(headers((await decide(app)).res).source).toBe('cache');
      expect(reads).toEqual([]);
    });

    it('never reads a version the Worker was built with: the bundled copy is that document', async () => {
      const { reads, kv } = countingKv();
      const app = freshApp({ POLICIES: kv }, { bundle: builtWithAll });
      const { res, decision } = await decide(app);
      expect(headers(res)).toMatchObject({ source: 'kv', degraded: null, version: acme.version });
      expect(decision.policy_selection).toMatchObject({ source: 'kv', effective_from: expect.any(String) });
      expect(reads).toEqual([brandKey(BRAND)]);
      reads.length = 0;
      expect(headers((await decide(app)).res).source).toBe('cache');
      expect(reads).toEqual([]);
    });

    it('negative-caches an unknown id: one read per re-check interval, however often it is asked', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      const { reads, kv } = countingKv();
      const app = freshApp({ POLICIES: kv }, { now: () => now });
      for (let i = 0; i < 3; i++) expect((await app.post('/v1/eligibility', { ...ACME_RETURN, brand: 'no-such-brand' })).status).toBe(404);
      expect(reads).toEqual([brandKey('no-such-brand')]);
      now += 31_000;
      expect((await app.post('/v1/eligibility', { ...ACME_RETURN, brand: 'no-such-brand' })).status).toBe(404);
      expect(reads).toEqual([brandKey('no-such-brand'), brandKey('no-such-brand')]);
    });

    it('re-checks the brand list and pointer after the interval, never the immutable version', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      const { reads, kv } = countingKv();
      const app = freshApp({ POLICIES: kv }, { now: () => now });
      await decide(app);
      reads.length = 0;
      now += 29_000;
      await decide(app);
      expect(reads).toEqual([]);
      now += 2_000;
      await decide(app);
      expect(reads).toEqual([brandKey(BRAND)]);
    });
  });

  it('reads a version published in format 1 (each `-` cell an object), deciding as from format 2', async () => {
    const FORMAT_1 = 'f1f1f1f1f1f1f1f1';
    const pointer = brandKey(BRAND);
    const original = (await env.POLICIES.get(pointer, 'text'))!;
    const { decision: fromFormat2 } = await decide(freshApp());
    try {
      await env.POLICIES.put(versionKey(BRAND, FORMAT_1), JSON.stringify({ ...acme, formatVersion: 1, version: FORMAT_1 }));
      await env.POLICIES.put(
        pointer,
        JSON.stringify({
          brand: BRAND,
          current: FORMAT_1,
          timeline: [{ version: FORMAT_1, effective_from: '2020-01-01', published_at: '2020-01-01T00:00:00Z' }],
        }),
      );
      const { res, decision } = await decide(freshApp());
      expect(headers(res)).toMatchObject({ source: 'kv', degraded: null, version: FORMAT_1 });
      expect(decision.remedies).toEqual(fromFormat2.remedies);
    } finally {
      await env.POLICIES.put(pointer, original);
    }
  });

  describe('after a re-check that fails', () => {
    it('answers from memory, degraded, and reads KV again only at the next re-check', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      let failing = false;
      const reads: string[] = [];
      const kv = {
        list: (o: Parameters<typeof env.POLICIES.list>[0]) => env.POLICIES.list(o),
        get: (key: string, type: 'text') => {
          reads.push(key);
          return failing ? Promise.reject(new Error('network')) : env.POLICIES.get(key, type);
        },
      };
      const app = freshApp({ POLICIES: kv }, { now: () => now });
      await decide(app);
      failing = true;
      now += 31_000;
      reads.length = 0;
      for (let i = 0; i < 3; i++) expect(headers((await decide(app)).res)).toMatchObject({ source: 'cache', degraded: 'kv-unreadable', version: acme.version });
      expect(reads).toEqual([brandKey(BRAND)]);
      failing = false;
      now += 31_000;
      expect(headers((await decide(app)).res)).toMatchObject({ source: 'kv', degraded: null });
      expect(app.logs).toHaveLength(1);
    });
  });

  describe('falls back to the bundled policies', () => {
    it('when KV has nothing published yet: answers, not degraded', async () => {
      const app = freshApp({ POLICIES: emptyKv }, { bundle: builtWithAll });
      const { res, decision } = await decide(app);
      expect(res.status).toBe(200);
      expect(headers(res)).toMatchObject({ source: 'bundle', degraded: null, version: acme.version });
      expect(decision.policy_selection).toMatchObject({ source: 'bundle', effective_from: null });
      expect(app.logs).toEqual([]);
    });

    it('when KV cannot be read: degraded, each key that failed logged once however many requests', async () => {
      const app = freshApp({ POLICIES: brokenKv('network') }, { bundle: builtWithAll });
      for (let i = 0; i < 3; i++) expect(headers((await decide(app)).res)).toMatchObject({ source: 'bundle', degraded: 'kv-unreadable' });
      expect(app.logs.map((line) => JSON.parse(line))).toEqual([
        expect.objectContaining({ event: 'policy_store_fault', fault: 'kv-unreadable', key: brandKey(BRAND) }),
      ]);
      const health = await readJson<{ status: string }>(await app.request('/healthz'));
      expect(health.status).toBe('degraded');
    });

    it.each([
      ['the pointer is not JSON', brandKey(BRAND), '{oops', 'kv-corrupt'],
      ['the pointer is malformed', brandKey(BRAND), `{"brand":"${BRAND}","timeline":[]}`, 'kv-corrupt'],
      [
        "the pointer is another brand's",
        brandKey(BRAND),
        JSON.stringify({ brand: ANOTHER_BRAND, timeline: [{ version: acme.version, effective_from: '2020-01-01', published_at: '' }] }),
        'kv-corrupt',
      ],
      ['the version document is truncated', versionKey(BRAND, acme.version), JSON.stringify(acme).slice(0, 500), 'kv-corrupt'],
      ["the version document is another brand's", versionKey(BRAND, acme.version), JSON.stringify(publishedPolicy(ANOTHER_BRAND)), 'kv-corrupt'],
      [
        'the version document has a newer format',
        versionKey(BRAND, acme.version),
        JSON.stringify({ ...acme, formatVersion: FORMAT_VERSION + 1 }),
        'format-too-new',
      ],
    ])('when %s: degraded (%s)', async (_, key, value, fault) => {
      const original = (await env.POLICIES.get(key, 'text'))!;
      await env.POLICIES.put(key, value);
      const app = freshApp({}, { bundle: builtWithOlderAcme });
      const { res, decision } = await decide(app);
      expect(res.status).toBe(200);
      expect(headers(res)).toMatchObject({ source: 'bundle', degraded: fault });
      expect(decision.policy_version).toBe(builtWithOlderAcme.version(BRAND));
      expect(app.logs.map((l) => JSON.parse(l).fault)).toEqual([fault]);
      await env.POLICIES.put(key, original);
    });

    it('keeps answering from memory when KV breaks after a good read', async () => {
      let now = Date.parse('2026-03-01T00:00:00Z');
      let broken = false;
      const kv = {
        list: (o: Parameters<typeof env.POLICIES.list>[0]) => env.POLICIES.list(o),
        get: (key: string, type: 'text') => (broken ? Promise.reject(new Error('down')) : env.POLICIES.get(key, type)),
      };
      const app = freshApp({ POLICIES: kv }, { now: () => now });
      await decide(app);
      broken = true;
      now += 60_000;
      expect(headers((await decide(app)).res)).toMatchObject({ source: 'cache', degraded: 'kv-unreadable' });
    });
  });
});
