import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../functions/decide-claim.js';
import type { CompiledPolicy } from '../../src/contract.js';
import { brandKey, type PolicyPointer, readPointer, withRolledBack } from '../../src/store/policy-pointer.js';
import { pointerEntry } from '../../src/store/publish-plan.js';
import { ACME_RETURN } from './claims.js';
import { ACME, fixturePolicy } from './fixture-brands.js';
import { PUBLISHED_POLICIES } from './published-policies.js';
import { NOTHING_PUBLISHED, publish } from './seed-kv.js';
import { call, freshApp, postJson, readJson } from './worker.js';

// The fixture: ACME, whose claim (ACME_RETURN, claims.ts) and 60-day return window this file pins.
const BRAND = ACME;
const current = fixturePolicy(BRAND);
// An older ACME policy: 14-day returns instead of 60, in force for purchases before 2025-06-01.
const older: CompiledPolicy = {
  ...structuredClone(current),
  version: 'a0a0a0a0a0a0a0a0',
  windows: current.windows.map((w) => (w.name === 'return_window' ? { ...w, length: 14 } : w)),
};
const CHANGED_ON = '2025-06-01';

beforeAll(async () => {
  await publish([current], await publish([older], NOTHING_PUBLISHED, '2020-01-01'), CHANGED_ON);
});

const claim = (facts: Record<string, unknown>) => ({ brand: BRAND, claim: { ...ACME_RETURN.claim, claim_on: undefined, ...facts } });
const refundDeadline = (d: EligibilityDecision) => d.remedies.find((r) => r.remedy === 'refund')!.deadline;

describe('the policy in force at order time', () => {
  it('judges a claim under the version in force on purchased_on, and says so', async () => {
    const res = await postJson('/v1/eligibility', claim({ purchased_on: '2025-02-20', delivered_on: '2025-03-01', claim_on: '2025-03-10' }));
    const decision = await readJson<EligibilityDecision>(res);
    expect(decision.policy_version).toBe(older.version);
    expect(refundDeadline(decision)).toBe('2025-03-15');
    expect(decision.policy_selection).toEqual({
      mode: 'order_date',
      order_date: '2025-02-20',
      order_date_fact: 'purchased_on',
      version: older.version,
      effective_from: '2020-01-01',
      source: expect.any(String),
    });
    expect(res.headers.get('x-policy-selection')).toBe('order_date');
    expect(res.headers.get('x-policy-version')).toBe(older.version);
  });

  it('uses delivered_on when there is no purchased_on', async () => {
    const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', claim({ delivered_on: '2025-07-01', claim_on: '2025-07-05' })));
    expect(decision.policy_selection).toMatchObject({ order_date_fact: 'delivered_on', version: current.version, effective_from: CHANGED_ON });
    expect(refundDeadline(decision)).toBe('2025-08-30');
  });

  it("uses today's policy with ?policy=current", async () => {
    const res = await postJson('/v1/eligibility?policy=current', claim({ purchased_on: '2025-02-20', delivered_on: '2025-03-01', claim_on: '2025-03-10' }));
    const decision = await readJson<EligibilityDecision>(res);
    expect(decision.policy_selection).toMatchObject({ mode: 'current', version: current.version });
    expect(refundDeadline(decision)).toBe('2025-04-30');
    expect(res.headers.get('x-policy-selection')).toBe('current');
  });

  it("lists the brand's timeline, each entry with its state today", async () => {
    const brand = await readJson<{ timeline: { version: string; effective_from: string; state: string }[] }>(await call(`/v1/brands/${BRAND}`));
    expect(brand.timeline.map((e) => [e.version, e.effective_from, e.state])).toEqual([
      [older.version, '2020-01-01', 'past'],
      [current.version, CHANGED_ON, 'current'],
    ]);
  });

  it('follows a rollback (a pointer change) within the re-check interval', async () => {
    let now = Date.parse('2026-03-01T00:00:00Z');
    const app = freshApp({}, { now: () => now });
    const late = claim({ delivered_on: '2025-07-01', claim_on: '2025-07-05' });
    expect((await readJson<EligibilityDecision>(await app.post('/v1/eligibility?policy=current', late))).policy_version).toBe(current.version);
    const pointer = readPointer(JSON.parse((await env.POLICIES.get(brandKey(BRAND), 'text'))!)) as PolicyPointer;
    await env.POLICIES.put(brandKey(BRAND), JSON.stringify(withRolledBack(pointer, new Date().toISOString().slice(0, 10))));
    now += 31_000;
    expect((await readJson<EligibilityDecision>(await app.post('/v1/eligibility?policy=current', late))).policy_version).toBe(older.version);
    await env.POLICIES.put(brandKey(BRAND), JSON.stringify(pointer));
  });

  it('falls back to the bundle when the pointer names a version that is not stored', async () => {
    const saved = (await env.POLICIES.get(brandKey(BRAND), 'text'))!;
    await env.POLICIES.put(
      brandKey(BRAND),
      JSON.stringify({ brand: BRAND, timeline: [{ version: 'ffffffffffffffff', effective_from: '2020-01-01', published_at: '' }] }),
    );
    // A Worker built with every published brand, the fixture too.
    const app = freshApp({}, { bundle: PUBLISHED_POLICIES });
    const res = await app.post('/v1/eligibility', ACME_RETURN);
    expect(res.headers.get('x-policy-source')).toBe('bundle');
    expect(res.headers.get('x-policy-degraded')).toBe('kv-corrupt');
    await env.POLICIES.put(brandKey(BRAND), `{"brand":"${BRAND}"`);
    const again = await freshApp({}, { bundle: PUBLISHED_POLICIES }).post('/v1/eligibility', ACME_RETURN);
    expect(again.headers.get('x-policy-degraded')).toBe('kv-corrupt');
    await env.POLICIES.put(brandKey(BRAND), saved);
  });
});

// Issue 15, "the policy in force": a version published with a future effective date is scheduled.
// Until its date nothing serves it — not ?policy=current, not the coverage badge, not the brand
// routes — and on its date it takes over with no second publish.
describe('a version published with a future effective date', () => {
  const TODAY = '2026-12-05';
  const TAKES_EFFECT = '2027-06-01';
  // A later ACME policy: 90-day returns.
  const future: CompiledPolicy = {
    ...structuredClone(current),
    version: 'f0f0f0f0f0f0f0f0',
    windows: current.windows.map((w) => (w.name === 'return_window' ? { ...w, length: 90 } : w)),
  };
  const at = (day: string) => freshApp({}, { now: () => Date.parse(`${day}T12:00:00Z`) });
  let saved: { value: string; metadata: unknown };

  beforeAll(async () => {
    const listed = (await env.POLICIES.list({ prefix: brandKey(BRAND) })).keys.find((k) => k.name === brandKey(BRAND))!;
    saved = { value: (await env.POLICIES.get(brandKey(BRAND), 'text'))!, metadata: listed.metadata };
    const pointer = readPointer(JSON.parse(saved.value)) as PolicyPointer;
    await publish([future], { pointers: { [BRAND]: pointer }, legacy: [] }, TAKES_EFFECT, TODAY);
  });
  afterAll(async () => {
    await env.POLICIES.put(brandKey(BRAND), saved.value, { metadata: saved.metadata });
  });

  it('leaves ?policy=current, coverage and the brand routes on the version in force today', async () => {
    const app = at(TODAY);
    const decided = await readJson<EligibilityDecision>(
      await app.post('/v1/eligibility?policy=current', claim({ delivered_on: '2026-12-01', claim_on: '2026-12-05' })),
    );
    expect(decided.policy_selection).toMatchObject({ mode: 'current', version: current.version, effective_from: CHANGED_ON });
    expect(refundDeadline(decided)).toBe('2027-01-30');
    const coverage = await app.request(`/v1/brands/${BRAND}/coverage`);
    expect(coverage.headers.get('x-policy-version')).toBe(current.version);
    expect((await readJson<{ windows: { window: string; length: number }[] }>(coverage)).windows).toContainEqual(
      expect.objectContaining({ window: 'return_window', length: 60 }),
    );
    const brand = await readJson<{ policy_version: string; effective_from: string; timeline: { version: string; state: string }[] }>(
      await app.request(`/v1/brands/${BRAND}`),
    );
    expect(brand).toMatchObject({ policy_version: current.version, effective_from: CHANGED_ON });
    expect(brand.timeline.map((e) => [e.version, e.state])).toEqual([
      [older.version, 'past'],
      [current.version, 'current'],
      [future.version, 'scheduled'],
    ]);
    expect((await app.request(`/v1/brands/${BRAND}/sheets`)).headers.get('x-policy-version')).toBe(current.version);
  });

  it("lists the brand with today's version and the scheduled one", async () => {
    const { brands } = await readJson<{ brands: { brand: string; status: string; policy_version: string; effective_from: string; scheduled: unknown[] }[] }>(
      await at(TODAY).request('/v1/brands'),
    );
    expect(brands.find((b) => b.brand === BRAND)).toMatchObject({
      status: 'ok',
      policy_version: current.version,
      effective_from: CHANGED_ON,
      scheduled: [{ version: future.version, effective_from: TAKES_EFFECT }],
    });
  });

  it("judges an order dated after today by today's version, reporting the entry that selected it", async () => {
    const decided = await readJson<EligibilityDecision>(await at(TODAY).post('/v1/eligibility', claim({ delivered_on: '2027-07-01', claim_on: '2027-07-05' })));
    expect(decided.policy_selection).toMatchObject({
      mode: 'order_date',
      version: current.version,
      effective_from: CHANGED_ON,
      note: expect.stringContaining('after today'),
    });
  });

  it('takes over on its date with no second publish', async () => {
    const app = at(TAKES_EFFECT);
    const decided = await readJson<EligibilityDecision>(
      await app.post('/v1/eligibility?policy=current', claim({ delivered_on: '2027-06-01', claim_on: '2027-06-01' })),
    );
    expect(decided.policy_selection).toMatchObject({ version: future.version, effective_from: TAKES_EFFECT });
    expect(refundDeadline(decided)).toBe('2027-08-30');
    expect((await app.request(`/v1/brands/${BRAND}/coverage`)).headers.get('x-policy-version')).toBe(future.version);
    const { brands } = await readJson<{ brands: { brand: string; policy_version: string; scheduled: unknown[] }[] }>(await app.request('/v1/brands'));
    expect(brands.find((b) => b.brand === BRAND)).toMatchObject({ policy_version: future.version, scheduled: [] });
    // An order placed before it is still judged by the version in force then.
    const earlier = await readJson<EligibilityDecision>(await app.post('/v1/eligibility', claim({ delivered_on: '2027-05-01', claim_on: '2027-05-20' })));
    expect(earlier.policy_selection).toMatchObject({ version: current.version, effective_from: CHANGED_ON });
  });

  it('rolls back past the current version without serving the scheduled one', async () => {
    const pointer = readPointer(JSON.parse((await env.POLICIES.get(brandKey(BRAND), 'text'))!)) as PolicyPointer;
    const back = withRolledBack(pointer, TODAY) as PolicyPointer;
    expect(back.timeline.map((e) => e.version)).toEqual([older.version]);
    const entry = pointerEntry(back, TODAY);
    if (typeof entry === 'string') throw new Error(entry);
    await env.POLICIES.put(entry.key, entry.value, { metadata: entry.metadata });
    try {
      const decided = await readJson<EligibilityDecision>(
        await at(TAKES_EFFECT).post('/v1/eligibility?policy=current', claim({ delivered_on: '2027-06-01', claim_on: '2027-06-01' })),
      );
      expect(decided.policy_selection.version).toBe(older.version);
    } finally {
      await env.POLICIES.put(brandKey(BRAND), JSON.stringify(pointer));
    }
  });
});
