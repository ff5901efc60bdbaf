import { describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../functions/decide-claim.js';
import { ELEGOO_UNWANTED, KOKONI_WARRANTY, KOSPET_RETURN } from './claims.js';
import { postJson, readJson } from './worker.js';

const remedy = (d: EligibilityDecision, name: string) => d.remedies.find((r) => r.remedy === name)!;

describe('POST /v1/eligibility', () => {
  describe('for each brand published from the sheets', () => {
    it.each([
      ['KOSPET: unopened return on day 30', KOSPET_RETURN, 'refund', 'eligible', '2025-03-31'],
      ['KOKONI: printer on the last day of its 1-year warranty (from 2024-02-29)', KOKONI_WARRANTY, 'warranty_service', 'eligible', '2025-02-28'],
      ['ELEGOO: unwanted unopened printer on day 14', ELEGOO_UNWANTED, 'refund', 'eligible', '2025-03-15'],
    ])('%s', async (_, body, name, status, deadline) => {
      const res = await postJson('/v1/eligibility', body);
      expect(res.status).toBe(200);
      const decision = await readJson<EligibilityDecision>(res);
      expect(decision.brand).toBe(body.brand);
      expect(remedy(decision, name)).toMatchObject({ status, deadline });
      // Every remedy names the sheet row that decided it.
      for (const r of decision.remedies) expect(r.source).toMatch(new RegExp(`^${body.brand}/[\\w-]+\\.csv:\\d+$`));
    });

    it("works out ELEGOO's restocking fee (5% of 299.99, half-up to the cent)", async () => {
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', ELEGOO_UNWANTED));
      expect(remedy(decision, 'refund').fees).toMatchObject({ restocking_fee_pct: 5, restocking_fee_amount: 15 });
    });

    it('gives every ineligible remedy its reasons, cited', async () => {
      const late = { ...KOSPET_RETURN, claim: { ...KOSPET_RETURN.claim, claim_on: '2025-04-01' } };
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', late));
      expect(remedy(decision, 'refund')).toMatchObject({ status: 'ineligible', reasons: [expect.objectContaining({ code: 'window_expired' })] });
      expect(remedy(decision, 'refund').reasons[0]!.source).toMatch(/^kospet\/[\w-]+\.csv:\d+$/);
    });
  });

  describe('claim_on', () => {
    it('defaults to today (UTC)', async () => {
      const { claim_on: _, ...claim } = KOSPET_RETURN.claim;
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', { brand: 'kospet', claim }));
      expect(decision.as_of).toBe(new Date().toISOString().slice(0, 10));
    });
  });

  describe('?explain=1', () => {
    it('adds the trace of every table and the rows that matched', async () => {
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility?explain=1', KOSPET_RETURN));
      expect(decision.trace!.length).toBeGreaterThan(0);
      expect(decision.trace!.some((step) => step.matched.length > 0)).toBe(true);
    });

    it('is left out otherwise', async () => {
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', KOSPET_RETURN));
      expect(decision.trace).toBeUndefined();
    });
  });

  describe('localized messages', () => {
    it('picks the locale from Accept-Language and says which it used', async () => {
      const late = { ...KOSPET_RETURN, claim: { ...KOSPET_RETURN.claim, claim_on: '2025-04-01' } };
      const res = await postJson('/v1/eligibility', late, { 'accept-language': 'fr-CH, de;q=0.5' });
      const decision = await readJson<EligibilityDecision>(res);
      expect(res.headers.get('content-language')).toBe('fr');
      expect(decision.locale).toBe('fr');
      const english = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', late));
      expect(remedy(decision, 'refund').reasons[0]!.message).not.toBe(remedy(english, 'refund').reasons[0]!.message);
    });

    it('words labels, statuses, fees, evidence and the summaries in that locale, from the policy sheets', async () => {
      const [german, english] = await Promise.all([
        postJson('/v1/eligibility', KOSPET_RETURN, { 'accept-language': 'de' }).then((r) => readJson<EligibilityDecision>(r)),
        postJson('/v1/eligibility', KOSPET_RETURN).then((r) => readJson<EligibilityDecision>(r)),
      ]);
      const [de, en] = [remedy(german, 'refund'), remedy(english, 'refund')];
      expect(german.summary).not.toBe('');
      expect(german.summary).not.toBe(english.summary);
      for (const field of ['label', 'status_label', 'summary'] as const) expect(de[field]).not.toBe(en[field]);
      expect(Object.keys(de.fees_labels)).toEqual(Object.keys(de.fees));
      expect(de.required_evidence_labels).toHaveLength(de.required_evidence.length);
      expect(de.required_evidence_labels).not.toEqual(en.required_evidence_labels);
    });

    it('falls back to the policy default for a language it does not have', async () => {
      const res = await postJson('/v1/eligibility', KOSPET_RETURN, { 'accept-language': 'ja' });
      expect(res.headers.get('content-language')).toBe('en');
    });
  });

  describe('policy headers', () => {
    it('say the source, the version and the selection; a repeat answers from isolate memory', async () => {
      const first = await postJson('/v1/eligibility', KOKONI_WARRANTY);
      const decision = await readJson<EligibilityDecision>(first);
      expect(first.headers.get('x-policy-version')).toBe(decision.policy_version);
      expect(first.headers.get('x-policy-selection')).toBe('order_date');
      expect(first.headers.get('cache-control')).toBe('no-store');
      const again = await postJson('/v1/eligibility', KOKONI_WARRANTY);
      expect(again.headers.get('x-policy-source')).toBe('cache');
      expect(again.headers.get('x-policy-degraded')).toBeNull();
    });
  });
});
