// The combination rules of policy-sheets/README.md ("How a brand's tables make a decision") on a
// small brand built in memory: most severe verdict, every reason, not_applicable, fees from the rows
// that describe the final status, deadlines, facts not established, the trace — and no throwing.

import { describe, expect, it } from 'vitest';
import { compileOrThrow, TINY_BRAND, tinyBrand, tinyWith } from '../../test/support/tiny-brand.js';
import type { Claim, CompiledPolicy, Decision, RemedyDecision } from '../contract.js';
import { evaluateClaim } from './evaluate-claim.js';

const AS_OF = '2025-03-05';
const remedy = (decision: Decision, name: string): RemedyDecision => {
  const found = decision.remedies.find((r) => r.remedy === name);
  if (!found) throw new Error(`no decision for ${name}`);
  return found;
};
const decide = (policy: CompiledPolicy, claim: Claim, options = {}) => evaluateClaim(policy, claim, AS_OF, options);
const codes = (r: RemedyDecision) => r.reasons.map((x) => x.code);
const cited = (r: RemedyDecision) => r.reasons.map((x) => `${x.code}@${x.source}`);

describe('evaluateClaim', () => {
  describe('when several rows speak about one remedy', () => {
    const policy = tinyWith({
      'grant.csv': 'C,condition,> refund\nAny condition,-,√\n',
      'review.csv': 'C,condition,> refund,> reason\nOpened,not(unopened),review,brand_discretion\n',
      'refuse.csv': 'C,condition,> refund,> reason\nUsed,used,×,used_product\n',
    });

    it.each([
      ['eligible when every row grants it', 'unopened', 'eligible', [], 'tiny/grant.csv:2'],
      ['review when the most severe row says review', 'opened_unused', 'review', ['brand_discretion'], 'tiny/review.csv:2'],
      ['ineligible when any row refuses it', 'used', 'ineligible', ['used_product', 'brand_discretion'], 'tiny/refuse.csv:2'],
    ])('makes it %s', (_what, condition, status, reasons, source) => {
      const refund = remedy(decide(policy, { condition }), 'refund');
      expect(refund.status).toBe(status);
      expect(codes(refund)).toEqual(reasons);
      expect(refund.source).toBe(source);
    });

    it('lists the reasons of every non-eligible verdict in evaluation order, each citing its row', () => {
      expect(cited(remedy(decide(policy, { condition: 'used' }), 'refund'))).toEqual(['used_product@tiny/refuse.csv:2', 'brand_discretion@tiny/review.csv:2']);
    });

    it('gives each reason its message in the requested locale', () => {
      const refund = remedy(decide(policy, { condition: 'used' }, { locale: 'de' }), 'refund');
      expect(refund.reasons.map((r) => r.message)).toEqual(['Gebrauchte Artikel können nicht zurückgegeben werden.', 'Die Marke entscheidet im Einzelfall.']);
    });

    it('falls back to the default locale for a locale the brand does not offer', () => {
      const decision = decide(policy, { condition: 'used' }, { locale: 'fr' });
      expect(decision.locale).toBe('en');
      expect(remedy(decision, 'refund').reasons[0]?.message).toBe('Used items cannot be returned.');
    });
  });

  describe('with an exclusions table of hit policy C', () => {
    const policy = tinyWith({
      'warranty.csv': TINY_BRAND['warranty.csv']!,
      'exclusions.csv': TINY_BRAND['exclusions.csv']!,
    });

    it('lists every cause that applies, not just the first', () => {
      const repair = remedy(decide(policy, { issue: 'quality_defect', water_damage: true, labels_tampered: true }), 'repair');
      expect(repair.status).toBe('ineligible');
      expect(cited(repair)).toEqual(['water_damage@tiny/exclusions.csv:2', 'labels_tampered@tiny/exclusions.csv:3']);
    });

    it('applies a row to every remedy it lists in > remedies', () => {
      const decision = decide(policy, { issue: 'quality_defect', labels_tampered: true });
      expect(decision.remedies.map((r) => [r.remedy, r.status, codes(r)])).toEqual([
        ['refund', 'ineligible', ['labels_tampered']],
        ['replace', 'ineligible', ['labels_tampered']],
        ['repair', 'ineligible', ['labels_tampered']],
      ]);
    });

    it('lists a reason once when two rows give the same code', () => {
      const twice = tinyWith({
        'a.csv': 'C,water_damage,> repair,> reason\nWet,true,×,"""water_damage"""\n',
        'b.csv': 'C,water_damage,> repair,> reason\nAlso wet,true,×,"""water_damage"""\n',
      });
      expect(cited(remedy(decide(twice, { water_damage: true }), 'repair'))).toEqual(['water_damage@tiny/a.csv:2']);
    });
  });

  describe('when no matching row speaks about a remedy', () => {
    const policy = tinyWith({ 'warranty.csv': 'C,issue,> repair\nDefect,quality_defect,√\n' });

    it('makes it ineligible with not_applicable, citing the remedy’s row in remedies.csv', () => {
      const decision = decide(policy, { issue: 'non_quality' });
      expect(remedy(decision, 'repair')).toMatchObject({ status: 'ineligible', source: 'tiny/remedies.csv:4' });
      expect(cited(remedy(decision, 'repair'))).toEqual(['not_applicable@tiny/remedies.csv:4']);
    });

    it('answers every remedy of the brand, in remedies.csv order', () => {
      const decision = decide(policy, { issue: 'quality_defect' });
      expect(decision.remedies.map((r) => [r.remedy, r.status])).toEqual([
        ['refund', 'ineligible'],
        ['replace', 'ineligible'],
        ['repair', 'eligible'],
      ]);
      expect(codes(remedy(decision, 'refund'))).toEqual(['not_applicable']);
    });

    it('does not count a row that only names the remedy in a fee column as a verdict', () => {
      const fees = tinyWith({ 'ship.csv': 'C,issue,> refund.return_shipping_paid_by\nAny,-,customer\n' });
      expect(codes(remedy(decide(fees, {}), 'refund'))).toEqual(['not_applicable']);
    });
  });

  describe('fees', () => {
    const policy = tinyWith({
      'returns.csv': `C,condition,> refund,> reason,> restocking_fee_pct,> return_shipping_paid_by
Unopened,unopened,√,,5%,customer
Opened,opened_unused,√,,15%,customer
Used,used,review,brand_discretion,25%,customer
`,
      'timing.csv': 'C,return_window,> refund,> reason\nLate,closed,×,window_expired\n',
    });
    const refundOf = (claim: Claim) => remedy(decide(policy, { delivered_on: '2025-03-01', ...claim }), 'refund');

    it('takes the fee and payer fields of the row that grants the remedy', () => {
      expect(refundOf({ condition: 'opened_unused', order_amount: 100 }).fees).toEqual({
        restocking_fee_pct: 15,
        return_shipping_paid_by: 'customer',
        restocking_fee_amount: 15,
      });
    });

    it('takes the fees of a row that sends the remedy to review', () => {
      expect(refundOf({ condition: 'used', order_amount: 100 }).fees).toMatchObject({ restocking_fee_pct: 25, restocking_fee_amount: 25 });
    });

    describe('computes percent_of fees half-up to the cent', () => {
      it.each([
        ['5% of 299.99', 'unopened', 299.99, 15],
        ['15% of 19.99', 'opened_unused', 19.99, 3],
        ['15% of 129.99', 'opened_unused', 129.99, 19.5],
        ['15% of 3.30 (0.495)', 'opened_unused', 3.3, 0.5],
        ['15% of 1.90 (0.285, where floats give 0.28)', 'opened_unused', 1.9, 0.29],
        ['5% of 0.10 (0.005)', 'unopened', 0.1, 0.01],
        ['15% of "19.99" sent as a string', 'opened_unused', '19.99', 3],
        ['15% of 0', 'opened_unused', 0, 0],
      ])('%s', (_what, condition, order_amount, amount) => {
        expect(refundOf({ condition, order_amount }).fees.restocking_fee_amount).toBe(amount);
      });
    });

    it('gives the percentage but no amount when the order amount is not sent', () => {
      expect(refundOf({ condition: 'opened_unused' }).fees).toEqual({ restocking_fee_pct: 15, return_shipping_paid_by: 'customer' });
    });

    it('gives no amount for an order amount with sub-cent digits (not an amount in cents)', () => {
      expect(refundOf({ condition: 'opened_unused', order_amount: 19.999 }).fees).not.toHaveProperty('restocking_fee_amount');
    });

    it('gives a refused remedy none of the fees of the rows that would have granted it', () => {
      const refund = refundOf({ condition: 'opened_unused', order_amount: 100, claim_on: '2025-03-16' });
      expect(refund.status).toBe('ineligible');
      expect(refund.fees).toEqual({});
    });

    it('gives a granted remedy no fees from a × in the same row: the × brings only its reasons', () => {
      const mixed = tinyWith({
        'mixed.csv': 'C,issue,> refund,> repair,> reason,> return_shipping_paid_by\nChange of mind,non_quality,√,×,not_quality_issue,customer\n',
      });
      const decision = decide(mixed, { issue: 'non_quality' });
      expect(remedy(decision, 'refund').fees).toEqual({ return_shipping_paid_by: 'customer' });
      expect(remedy(decision, 'repair')).toMatchObject({ status: 'ineligible', fees: {} });
      expect(codes(remedy(decision, 'repair'))).toEqual(['not_quality_issue']);
    });

    it('gives a refused remedy the fields of a row that only refuses (who pays to ship it back)', () => {
      const refusal = tinyWith({ 'refused.csv': 'C,condition,> refund,> reason,> return_shipping_paid_by\nUsed,used,×,used_product,customer\n' });
      expect(remedy(decide(refusal, { condition: 'used' }), 'refund')).toMatchObject({ status: 'ineligible', fees: { return_shipping_paid_by: 'customer' } });
    });

    it('copies a money fact into a money field (refund_amount = order_amount)', () => {
      const full = tinyWith({ 'full.csv': 'C,issue,> refund,> refund_amount\nDefect,quality_defect,√,order_amount\n' });
      expect(remedy(decide(full, { issue: 'quality_defect', order_amount: 249.5 }), 'refund').fees).toEqual({ refund_amount: 249.5 });
    });
  });

  describe('deadlines', () => {
    const claim = { issue: 'quality_defect', delivered_on: '2025-03-01' };

    it('uses the remedy’s default window from remedies.csv, counting the delivery day as day 0', () => {
      const decision = decide(compileOrThrow(tinyBrand()), claim);
      expect(remedy(decision, 'replace')).toMatchObject({
        deadline: '2025-03-15',
        deadline_basis: expect.stringContaining('return_window: 14 days from delivered_on'),
        other_deadlines: [{ window: 'warranty', deadline: '2026-03-01' }],
      });
      expect(remedy(decision, 'repair').deadline).toBe('2026-03-01');
    });

    it('uses the window a row names in > deadline instead of the default', () => {
      const policy = tinyWith({ 'warranty.csv': 'C,issue,> replace,> replace.deadline\nDefect,quality_defect,√,"""warranty"""\n' });
      expect(remedy(decide(policy, claim), 'replace')).toMatchObject({
        deadline: '2026-03-01',
        deadline_basis: expect.stringContaining('warranty: 1 years from delivered_on'),
        other_deadlines: [{ window: 'return_window', deadline: '2025-03-15' }],
      });
    });

    it('ignores a > deadline of a row that refuses the remedy when another row grants it', () => {
      const policy = tinyWith({
        'grant.csv': 'C,issue,> replace\nDefect,quality_defect,√\n',
        'mixed.csv': 'C,issue,> refund,> replace,> reason,> deadline\nDefect,quality_defect,√,×,brand_discretion,"""warranty"""\n',
      });
      const decision = decide(policy, claim);
      expect(remedy(decision, 'refund').deadline).toBe('2026-03-01');
      expect(remedy(decision, 'replace')).toMatchObject({ status: 'ineligible', deadline: '2025-03-15' });
    });

    it('falls back to the purchase date when the delivery date is missing', () => {
      const decision = decide(compileOrThrow(tinyBrand()), { issue: 'quality_defect', purchased_on: '2025-02-20' });
      expect(remedy(decision, 'refund').deadline).toBe('2025-03-06');
      expect(decision.warranty).toMatchObject({ starts_on: '2025-02-20', deadline: '2026-02-20', status: 'open' });
    });

    it('has no deadline when the window cannot start', () => {
      const decision = decide(compileOrThrow(tinyBrand()), { issue: 'quality_defect' });
      expect(remedy(decision, 'refund').deadline).toBeNull();
      expect(decision.warranty).toMatchObject({ starts_on: null, deadline: null, status: 'unknown' });
    });

    it.each([
      ['on the last day (day 14) is in time', '2025-03-15', 'eligible'],
      ['the day after is late', '2025-03-16', 'ineligible'],
    ])('a claim %s', (_when, claim_on, status) => {
      const policy = compileOrThrow(tinyBrand());
      expect(remedy(decide(policy, { condition: 'unopened', delivered_on: '2025-03-01', claim_on }), 'refund').status).toBe(status);
    });

    it('dates the claim with as-of when claim_on is not sent', () => {
      const policy = compileOrThrow(tinyBrand());
      const late = evaluateClaim(policy, { condition: 'unopened', delivered_on: '2025-03-01' }, '2025-03-16');
      expect(late.as_of).toBe('2025-03-16');
      expect(remedy(late, 'refund').status).toBe('ineligible');
    });
  });

  describe('evidence', () => {
    it('asks for the remedy’s own evidence plus what the granting rows add, once each', () => {
      const policy = tinyWith({ 'proof.csv': 'C,issue,> replace,> evidence\nDefect,quality_defect,√,"photo, video"\n' });
      expect(remedy(decide(policy, { issue: 'quality_defect' }), 'replace').required_evidence).toEqual(['receipt', 'photo', 'video']);
    });
  });

  describe('facts not established', () => {
    const policy = tinyWith({
      'region.csv': 'C,same_region,water_damage,> repair,> reason\nElsewhere,false,-,×,outside_purchase_region\nHome,true,false,√,\n',
    });

    it('lists the flags the tables read that the claim did not send', () => {
      expect([...decide(policy, {}).facts_not_established].sort()).toEqual(['same_region', 'water_damage']);
      expect(decide(policy, { same_region: true }).facts_not_established).toEqual(['water_damage']);
      expect(decide(policy, { same_region: false, water_damage: false }).facts_not_established).toEqual([]);
    });

    it('reads an unsent flag as false', () => {
      const repair = remedy(decide(policy, {}), 'repair');
      expect(repair.status).toBe('ineligible');
      expect(cited(repair)).toEqual(['outside_purchase_region@tiny/region.csv:2']);
      expect(remedy(decide(policy, { same_region: true }), 'repair').status).toBe('eligible');
    });

    it('reads a flag sent as null like one not sent', () => {
      const decision = decide(policy, { same_region: null, water_damage: false });
      expect(remedy(decision, 'repair').status).toBe('ineligible');
      expect(decision.facts_not_established).toEqual(['same_region']);
    });

    it('lists a flag sent with the wrong type, which it reads as not sent', () => {
      const decision = decide(policy, { same_region: 'yes', water_damage: false });
      expect(remedy(decision, 'repair').status).toBe('ineligible');
      expect(decision.facts_not_established).toEqual(['same_region']);
    });
  });

  describe('the trace', () => {
    const policy = compileOrThrow(tinyBrand());
    const claim = { issue: 'quality_defect', condition: 'used', water_damage: true, delivered_on: '2024-01-10', claim_on: '2025-03-05' };

    it('lists every table in evaluation order with the rows that matched', () => {
      expect(decide(policy, claim, { trace: true }).trace).toEqual([
        { table: 'tiny/exclusions.csv', hit_policy: 'C', matched: ['tiny/exclusions.csv:2'] },
        { table: 'tiny/returns.csv', hit_policy: 'C', matched: [] },
        { table: 'tiny/warranty.csv', hit_policy: 'U', matched: ['tiny/warranty.csv:2'] },
        { table: 'tiny/timing.csv', hit_policy: 'C', matched: ['tiny/timing.csv:2', 'tiny/timing.csv:3'] },
      ]);
    });

    it('is left out unless asked for', () => {
      expect(decide(policy, claim)).not.toHaveProperty('trace');
    });

    it('names the row behind every reason', () => {
      const decision = decide(policy, claim);
      expect(decision.remedies.map((r) => [r.remedy, r.status, cited(r)])).toEqual([
        ['refund', 'ineligible', ['window_expired@tiny/timing.csv:2']],
        ['replace', 'ineligible', ['water_damage@tiny/exclusions.csv:2', 'window_expired@tiny/timing.csv:2']],
        ['repair', 'ineligible', ['water_damage@tiny/exclusions.csv:2', 'window_expired@tiny/timing.csv:3']],
      ]);
    });
  });

  describe('the decision', () => {
    it('names the brand, the policy version and the windows', () => {
      const policy = compileOrThrow(tinyBrand());
      const decision = decide(policy, { delivered_on: '2025-03-01' });
      expect(decision).toMatchObject({ brand: 'tiny', policy_version: policy.version, as_of: AS_OF, locale: 'en' });
      expect(decision.windows.map((w) => [w.window, w.label, w.deadline, w.status])).toEqual([
        ['return_window', '14-day returns', '2025-03-15', 'open'],
        ['warranty', '1-year warranty', '2026-03-01', 'open'],
      ]);
      expect(decision.warranty?.window).toBe('warranty');
    });
  });

  describe('with claim values of the wrong type', () => {
    const policy = compileOrThrow(tinyBrand());
    const statuses = (d: Decision) => d.remedies.map((r) => [r.remedy, r.status, codes(r), r.deadline, r.fees]);

    it.each<[string, Claim]>([
      ['numbers for dates', { delivered_on: 20250301, claim_on: 1741132800000 }],
      ['impossible dates', { delivered_on: '2025-02-30', purchased_on: '2025-13-01' }],
      ['Date objects', { delivered_on: new Date('2025-03-01') as unknown }],
      ['an enum value that is not allowed', { issue: 'broken', condition: 'USED' }],
      ['a number for an enum', { issue: 5, condition: true }],
      ['strings for flags', { water_damage: 'yes', labels_tampered: 'true' }],
      ['numbers for flags', { water_damage: 1, labels_tampered: 0 }],
      ['objects and arrays', { issue: { value: 'quality_defect' }, condition: ['used'], water_damage: [] }],
      ['an amount with words', { order_amount: 'ten euros' }],
      ['an amount that is not finite', { order_amount: Number.POSITIVE_INFINITY }],
      ['NaN', { order_amount: Number.NaN }],
      ['a negative amount', { order_amount: -5 }],
      ['a huge text', { product_line: 'x'.repeat(100_000) }],
      ['facts the brand does not know', { colour: 'red', toString: 'x', constructor: 1 }],
      ['a __proto__ key', JSON.parse('{"__proto__": {"water_damage": true}, "issue": 7}') as Claim],
    ])('does not throw on %s and decides as if they were not sent', (_what, claim) => {
      let decision: Decision | undefined;
      expect(() => {
        decision = decide(policy, claim);
      }).not.toThrow();
      expect(statuses(decision!)).toEqual(statuses(decide(policy, {})));
    });

    it('does not throw on a hand-made document whose remedy names a window it does not define', () => {
      const compiled = compileOrThrow(tinyBrand());
      const edited: CompiledPolicy = { ...compiled, remedies: compiled.remedies.map((r) => ({ ...r, deadline: ['nowhere', ...r.deadline] })) };
      const decision = evaluateClaim(edited, { delivered_on: '2025-03-01' }, AS_OF);
      for (const r of decision.remedies) {
        expect(r.deadline).toBeNull();
        expect(r.other_deadlines.map((o) => o.window)).toEqual(compiled.remedies.find((x) => x.name === r.remedy)!.deadline);
      }
    });

    it('does not throw on a garbage as-of date', () => {
      expect(() => evaluateClaim(policy, { delivered_on: '2025-03-01' }, 'not a date')).not.toThrow();
      expect(evaluateClaim(policy, { delivered_on: '2025-03-01' }, 'not a date').windows.every((w) => w.status === 'unknown')).toBe(true);
    });
  });
});
