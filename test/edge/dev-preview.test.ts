// The local preview's Worker side (functions/dev-preview.ts): with DEV_PREVIEW unset — production —
// nothing changes (no dev route, no dev key read, caching headers as they were); with DEV_PREVIEW=1
// and POLICY_RECHECK_SECONDS=0, as `npm run dev` runs it, the playground finds the dev script's
// problem records, every answer is no-store, and a version published a moment ago answers the next
// request even though the Worker bundles the older one.

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { KvReader } from '../../functions/env.js';
import { DEV_PROBLEMS_PREFIX, type DevProblemsRecord, devProblemsKey } from '../../src/store/dev-problems.js';
import { brandKey, type PolicyPointer, readPointer } from '../../src/store/policy-pointer.js';
import { PUBLISHED_POLICIES, publishedPolicy } from './published-policies.js';
import { publish, SEEDED_EFFECTIVE_FROM } from './seed-kv.js';
import { countingKv, freshApp, readJson } from './worker.js';

// Any brand the Worker was built with: the mechanism is the same for all.
const brand = PUBLISHED_POLICIES.brands[0]!;
const record: DevProblemsRecord = {
  brand,
  checked_at: '2026-12-05T10:00:00.000Z',
  compiled_version: null,
  live_version: publishedPolicy(brand).version,
  total: 1,
  problems: [{ where: `${brand}/cases.csv:4:AP`, code: 'case_failed', severity: 'error', message: 'case "x": refund is eligible: expected review' }],
};

/** The seeded namespace plus the dev script's records: one good, one corrupt (left out, never an error). */
function withDevRecords(kv: KvReader = env.POLICIES): KvReader {
  const dev: Record<string, string> = { [devProblemsKey(brand)]: JSON.stringify(record), [devProblemsKey('zz-corrupt')]: '{not json' };
  return {
    get: async (key, type) => dev[key] ?? kv.get(key, type),
    list: async (options) =>
      options.prefix === DEV_PROBLEMS_PREFIX ? { keys: Object.keys(dev).map((name) => ({ name })), list_complete: true } : kv.list(options),
  };
}

const coveragePath = `/v1/brands/${brand}/coverage`;

describe('without DEV_PREVIEW (production)', () => {
  it('has no dev route: GET /v1/dev/problems is the same 404 as any unknown path, and reads no dev key', async () => {
    const { reads, kv } = countingKv(withDevRecords());
    const { request } = freshApp({ POLICIES: kv });
    const dev = await request('/v1/dev/problems');
    const unknown = await request('/v1/no-such-route');
    expect(dev.status).toBe(404);
    expect(await dev.json()).toMatchObject({ type: '/docs#problem-not-found', title: (await readJson<{ title: string }>(unknown)).title });
    expect((await request('/v1/dev/problems', { method: 'PUT' })).status).toBe(404);
    expect(reads.filter((r) => r.includes('dev:'))).toEqual([]);
  });

  it('keeps the caching headers of every route', async () => {
    const { request } = freshApp({ POLICIES: withDevRecords() });
    expect((await request(coveragePath)).headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect((await request(`/v1/brands/${brand}`)).headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
  });
});

describe('with DEV_PREVIEW=1 (npm run dev)', () => {
  const dev = { DEV_PREVIEW: '1', POLICY_RECHECK_SECONDS: '0' };

  it('answers GET /v1/dev/problems with the records the dev script wrote, skipping unreadable ones', async () => {
    const { request } = freshApp({ ...dev, POLICIES: withDevRecords() });
    const res = await request('/v1/dev/problems');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ brands: [record] });
  });

  it('makes every answer no-store, so a browser never shows the version before the last save', async () => {
    const { request } = freshApp({ ...dev, POLICIES: withDevRecords() });
    for (const path of [coveragePath, `/v1/brands/${brand}`, '/v1/brands', `/v1/brands/${brand}/sheets`, '/healthz']) {
      expect((await request(path)).headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('serves a version published a moment ago on the next request, though the Worker bundles the older one', async () => {
    const { request } = freshApp(dev);
    const before = await readJson<{ policy_version: string }>(await request(`/v1/brands/${brand}`));
    expect(before.policy_version).toBe(publishedPolicy(brand).version);

    const saved = { ...structuredClone(publishedPolicy(brand)), version: 'd0d0d0d0d0d0d0d0', name: 'Saved a moment ago' };
    const pointer = readPointer(JSON.parse((await env.POLICIES.get(brandKey(brand), 'text'))!)) as PolicyPointer;
    await publish([saved], { pointers: { [brand]: pointer }, legacy: [] }, SEEDED_EFFECTIVE_FROM);

    const after = await readJson<{ policy_version: string; name: string }>(await request(`/v1/brands/${brand}`));
    expect(after).toMatchObject({ policy_version: saved.version, name: saved.name });
    expect((await request(coveragePath)).headers.get('x-policy-version')).toBe(saved.version);
  });
});

describe('with DEV_PREVIEW=1, when the local store is busy', () => {
  it('answers GET /v1/dev/problems with a 503 problem, not an internal error', async () => {
    // What the dev script's concurrent write looks like from the Worker: the read fails (SQLITE_BUSY).
    const busy: KvReader = {
      get: () => Promise.reject(new Error('KV GET failed: 500 Internal Server Error')),
      list: () => Promise.reject(new Error('KV GET failed: 500 Internal Server Error')),
    };
    const { request, logs } = freshApp({ DEV_PREVIEW: '1', POLICIES: busy });
    const res = await request('/v1/dev/problems');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ type: '/docs#problem-policy-unavailable' });
    expect(logs.filter((l) => l.includes('"unhandled"'))).toEqual([]);
  });
});
