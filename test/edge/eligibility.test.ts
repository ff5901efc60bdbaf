import { describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../functions/decide-claim.js';
import { caseResults } from './case-claims.js';
import { ACME_LATE_RETURN, ACME_OPENED, ACME_RETURN, NIMBUS_BUILD_PLATE } from './claims.js';
import { ACME } from './fixture-brands.js';
import { PUBLISHED_POLICIES, publishedPolicy } from './published-policies.js';
import { postJson, readJson } from './worker.js';

const remedy = (d: EligibilityDecision, name: string) => d.remedies.find((r) => r.remedy === name)!;
const citing = (brand: string) => new RegExp(`^${brand}/[\\w-]+\\.csv:\\d+$`);

describe('POST /v1/eligibility', () => {
  describe('for the fixture brands, as their cases.csv answers', () => {
    it.each([
      ['ACME (AC01): a sealed box on the last day of its 60-day return window', ACME_RETURN, 'refund', 'eligible', '2025-04-30'],
      ['ACME (AC03): an opened pair, refundable within the same window', ACME_OPENED, 'refund', 'eligible', '2025-04-30'],
      ['Nimbus Print (NP05): a build plate within its 6-month warranty from the receipt', NIMBUS_BUILD_PLATE, 'repair', 'eligible', '2025-08-25'],
    ])('%s', async (_, body, name, status, deadline) => {
      const res = await postJson('/v1/eligibility', body);
      expect(res.status).toBe(200);
      const decision = await readJson<EligibilityDecision>(res);
      expect(decision.brand).toBe(body.brand);
      expect(remedy(decision, name)).toMatchObject({ status, deadline });
      // Every remedy names the sheet row that decided it.
      for (const r of decision.remedies) expect(r.source).toMatch(citing(body.brand));
    });

    it("works out ACME's restocking fee (AC03: 10% of 129.95, half-up to the cent)", async () => {
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', ACME_OPENED));
      expect(remedy(decision, 'refund').fees).toMatchObject({ restocking_fee_pct: 10, restocking_fee_amount: 13 });
    });

    it('gives every ineligible remedy its reasons, cited (ACME AC02: a day late)', async () => {
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', ACME_LATE_RETURN));
      expect(remedy(decision, 'refund')).toMatchObject({ status: 'ineligible', reasons: [expect.objectContaining({ code: 'window_expired' })] });
      expect(remedy(decision, 'refund').reasons[0]!.source).toMatch(citing(ACME));
    });
  });

  describe('for every published brand', () => {
    it.each(PUBLISHED_POLICIES.brands)("%s answers its editors' first case, each remedy citing its own sheet row", async (brand) => {
      const { claim, name } = caseResults(publishedPolicy(brand))[0]!;
      const res = await postJson('/v1/eligibility', { brand, claim });
      expect(res.status, name).toBe(200);
      const decision = await readJson<EligibilityDecision>(res);
      expect(decision.remedies.length).toBeGreaterThan(0);
      for (const r of decision.remedies) expect(r.source).toMatch(citing(brand));
    });
  });

  describe('claim_on', () => {
    it('defaults to today (UTC)', async () => {
      const { claim_on: _, ...claim } = ACME_RETURN.claim;
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', { brand: ACME, claim }));
      expect(decision.as_of).toBe(new Date().toISOString().slice(0, 10));
    });
  });

  describe('?explain=1', () => {
    it('adds the trace of every table and the rows that matched', async () => {
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility?explain=1', ACME_RETURN));
      expect(decision.trace!.length).toBeGreaterThan(0);
      expect(decision.trace!.some((step) => step.matched.length > 0)).toBe(true);
    });

    it('is left out otherwise', async () => {
      const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', ACME_RETURN));
      expect(decision.trace).toBeUndefined();
    });
  });

  // ACME words its sheets in en (its default) and de.
  describe('localized messages', () => {
    it('picks the first locale from Accept-Language the brand has, and says which it used', async () => {
      const res = await postJson('/v1/eligibility', ACME_LATE_RETURN, { 'accept-language': 'fr-CH, de;q=0.5' });
      const decision = await readJson<EligibilityDecision>(res);
      expect(res.headers.get('content-language')).toBe('de');
      expect(decision.locale).toBe('de');
      const english = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', ACME_LATE_RETURN));
      expect(remedy(decision, 'refund').reasons[0]!.message).not.toBe(remedy(english, 'refund').reasons[0]!.message);
    });

    it('words labels, statuses, fees, evidence and the summaries in that locale, from the policy sheets', async () => {
      const [german, english] = await Promise.all([
        postJson('/v1/eligibility', ACME_OPENED, { 'accept-language': 'de' }).then((r) => readJson<EligibilityDecision>(r)),
        postJson('/v1/eligibility', ACME_OPENED).then((r) => readJson<EligibilityDecision>(r)),
      ]);
      const [de, en] = [remedy(german, 'refund'), remedy(english, 'refund')];
      expect(german.summary).not.toBe('');
      expect(german.summary).not.toBe(english.summary);
      for (const field of ['label', 'status_label', 'summary'] as const) expect(de[field]).not.toBe(en[field]);
      expect(Object.keys(de.fees).length).toBeGreaterThan(0);
      expect(Object.keys(de.fees_labels)).toEqual(Object.keys(de.fees));
      expect(de.fees_labels).not.toEqual(en.fees_labels);
      expect(de.required_evidence_labels).toHaveLength(de.required_evidence.length);
      expect(de.required_evidence_labels).not.toEqual(en.required_evidence_labels);
    });

    it('falls back to the policy default for a language it does not have', async () => {
      const res = await postJson('/v1/eligibility', ACME_RETURN, { 'accept-language': 'ja' });
      expect(res.headers.get('content-language')).toBe('en');
    });
  });

  describe('policy headers', () => {
    it('say the source, the version and the selection; a repeat answers from isolate memory', async () => {
      const first = await postJson('/v1/eligibility', NIMBUS_BUILD_PLATE);
      const decision = await readJson<EligibilityDecision>(first);
      expect(first.headers.get('x-policy-version')).toBe(decision.policy_version);
      expect(first.headers.get('x-policy-selection')).toBe('order_date');
      expect(first.headers.get('cache-control')).toBe('no-store');
      const again = await postJson('/v1/eligibility', NIMBUS_BUILD_PLATE);
      expect(again.headers.get('x-policy-source')).toBe('cache');
      expect(again.headers.get('x-policy-degraded')).toBeNull();
    });
  });
});
