// checkClaim against a small vocabulary: every problem by its path, accepted values as literals, and
// the per-vocabulary index it keeps between calls never leaking one vocabulary or claim into another.

import { describe, expect, it } from 'vitest';
import type { CompiledFact } from '../contract.js';
import { checkClaim } from './check-claim.js';

const FACTS: CompiledFact[] = [
  { name: 'delivered_on', type: 'date' },
  { name: 'claim_on', type: 'date', notBefore: ['delivered_on'] },
  { name: 'condition', type: 'enum', values: ['unopened', 'used'] },
  { name: 'order_amount', type: 'money' },
  { name: 'proof_of_purchase', type: 'boolean' },
];

describe('checkClaim', () => {
  it('accepts the facts of the vocabulary, money as a number', () => {
    expect(
      checkClaim(FACTS, { delivered_on: '2025-03-01', claim_on: '2025-03-05', condition: 'used', order_amount: '19.90', proof_of_purchase: null }),
    ).toEqual({ ok: true, facts: { delivered_on: '2025-03-01', claim_on: '2025-03-05', condition: 'used', order_amount: 19.9, proof_of_purchase: null } });
  });

  it('names every problem by its path, in the order of the claim, then the date order', () => {
    const checked = checkClaim(FACTS, { colour: 'red', claim_on: '2025-02-01', condition: 'new', delivered_on: '2025-03-01' }, 'items[2].claim');
    expect(checked).toEqual({
      ok: false,
      problems: [
        { path: 'items[2].claim.colour', message: expect.stringContaining('unknown fact') },
        { path: 'items[2].claim.condition', message: 'expected one of unopened, used' },
        { path: 'items[2].claim.claim_on', message: expect.stringContaining('before delivered_on') },
      ],
    });
  });

  it('refuses a claim that is not an object', () => {
    expect(checkClaim(FACTS, [])).toEqual({ ok: false, problems: [{ path: 'claim', message: 'expected an object of claim facts' }] });
  });

  describe('when called again (the vocabulary is indexed once)', () => {
    it('judges each claim on its own', () => {
      expect(checkClaim(FACTS, { condition: 'new' }).ok).toBe(false);
      expect(checkClaim(FACTS, { condition: 'used' })).toEqual({ ok: true, facts: { condition: 'used' } });
    });

    it('keeps vocabularies apart, even with the same fact names', () => {
      const other: CompiledFact[] = [
        { name: 'condition', type: 'enum', values: ['new'] },
        { name: 'claim_on', type: 'date' },
      ];
      expect(checkClaim(FACTS, { condition: 'new' }).ok).toBe(false);
      expect(checkClaim(other, { condition: 'new', claim_on: '2025-01-01' }).ok).toBe(true);
      expect(checkClaim(other, { order_amount: 1 }).ok).toBe(false);
      // `other` has no not_before: an earlier claim_on is fine there.
      expect(checkClaim(other, { claim_on: '2020-01-01' }).ok).toBe(true);
      expect(checkClaim(FACTS, { delivered_on: '2025-03-01', claim_on: '2020-01-01' }).ok).toBe(false);
    });
  });
});
