import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../functions/decide-claim.js';
import type { CompiledPolicy } from '../../src/contract.js';
import { pointerKey, readPointer, withRolledBack, type PolicyPointer } from '../../src/store/policy-pointer.js';
import { KOSPET_RETURN } from './claims.js';
import { publish } from './seed-kv.js';
import { BUNDLED_POLICIES } from '../../functions/bundled-policies.js';
import { bundledPolicy, call, freshApp, postJson, readJson } from './worker.js';

const current = bundledPolicy('kospet');
// An older KOSPET policy: 14-day returns instead of 30, in force for purchases before 2025-06-01.
const older: CompiledPolicy = {
  ...structuredClone(current), version: 'a0a0a0a0a0a0a0a0',
  windows: current.windows.map((w) => (w.name === 'return_window' ? { ...w, length: 14 } : w)),
};
const CHANGED_ON = '2025-06-01';

beforeAll(async () => {
  const fresh = { brands: [...BUNDLED_POLICIES.brands], pointers: {} };
  await publish([current], await publish([older], fresh, '2020-01-01'), CHANGED_ON);
});

const claim = (facts: Record<string, unknown>) => ({ brand: 'kospet', claim: { ...KOSPET_RETURN.claim, claim_on: undefined, ...facts } });
const refundDeadline = (d: EligibilityDecision) => d.remedies.find((r) => r.remedy === 'refund')!.deadline;

describe('the policy in force at order time', () => {
  it('judges a claim under the version in force on purchased_on, and says so', async () => {
    const res = await postJson('/v1/eligibility', claim({ purchased_on: '2025-02-20', delivered_on: '2025-03-01', claim_on: '2025-03-10' }));
    const decision = await readJson<EligibilityDecision>(res);
    expect(decision.policy_version).toBe(older.version);
    expect(refundDeadline(decision)).toBe('2025-03-15');
    expect(decision.policy_selection).toEqual({
      mode: 'order_date', order_date: '2025-02-20', order_date_fact: 'purchased_on', version: older.version, effective_from: '2020-01-01', source: expect.any(String),
    });
    expect(res.headers.get('x-policy-selection')).toBe('order_date');
    expect(res.headers.get('x-policy-version')).toBe(older.version);
  });

  it('uses delivered_on when there is no purchased_on', async () => {
    const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', claim({ delivered_on: '2025-07-01', claim_on: '2025-07-05' })));
    expect(decision.policy_selection).toMatchObject({ order_date_fact: 'delivered_on', version: current.version, effective_from: CHANGED_ON });
    expect(refundDeadline(decision)).toBe('2025-07-31');
  });

  it('uses today\'s policy with ?policy=current', async () => {
    const res = await postJson('/v1/eligibility?policy=current', claim({ purchased_on: '2025-02-20', delivered_on: '2025-03-01', claim_on: '2025-03-10' }));
    const decision = await readJson<EligibilityDecision>(res);
    expect(decision.policy_selection).toMatchObject({ mode: 'current', version: current.version });
    expect(refundDeadline(decision)).toBe('2025-03-31');
    expect(res.headers.get('x-policy-selection')).toBe('current');
  });

  it('lists the brand\'s timeline', async () => {
    const brand = await readJson<{ timeline: { version: string; effective_from: string }[] }>(await call('/v1/brands/kospet'));
    expect(brand.timeline.map((e) => [e.version, e.effective_from])).toEqual([[older.version, '2020-01-01'], [current.version, CHANGED_ON]]);
  });

  it('follows a rollback (a pointer change) within the re-check interval', async () => {
    let now = 0;
    const app = freshApp({}, { now: () => now });
    const late = claim({ delivered_on: '2025-07-01', claim_on: '2025-07-05' });
    expect((await readJson<EligibilityDecision>(await app.post('/v1/eligibility?policy=current', late))).policy_version).toBe(current.version);
    const pointer = readPointer(JSON.parse((await env.POLICIES.get(pointerKey('kospet'), 'text'))!)) as PolicyPointer;
    await env.POLICIES.put(pointerKey('kospet'), JSON.stringify(withRolledBack(pointer)));
    now += 31_000;
    expect((await readJson<EligibilityDecision>(await app.post('/v1/eligibility?policy=current', late))).policy_version).toBe(older.version);
    await env.POLICIES.put(pointerKey('kospet'), JSON.stringify(pointer));
  });

  it('falls back to the bundle when the pointer names a version that is not stored', async () => {
    const saved = (await env.POLICIES.get(pointerKey('kospet'), 'text'))!;
    await env.POLICIES.put(pointerKey('kospet'), JSON.stringify({ brand: 'kospet', current: 'ffffffffffffffff', timeline: [{ version: 'ffffffffffffffff', effective_from: '2020-01-01', published_at: '' }] }));
    const app = freshApp();
    const res = await app.post('/v1/eligibility', KOSPET_RETURN);
    expect(res.headers.get('x-policy-source')).toBe('bundle');
    expect(res.headers.get('x-policy-degraded')).toBe('kv-corrupt');
    await env.POLICIES.delete(pointerKey('kospet'));
    const again = await freshApp().post('/v1/eligibility', KOSPET_RETURN);
    expect(again.headers.get('x-policy-degraded')).toBe('kv-corrupt');
    await env.POLICIES.put(pointerKey('kospet'), saved);
  });
});
