// Representative claims for the fixture brands the tests own (fixture-brands.ts), each with the answer
// its fixture's cases.csv gives (the case named beside it), so the expectation belongs to the test.

import { ACME, NIMBUS_PRINT } from './fixture-brands.js';

/**
 * ACME AC01: a sealed box sent back on day 60 of the 60-day return window (its last day): refund
 * eligible until 2025-04-30, no restocking fee; the 1-year warranty open until 2026-03-01.
 */
export const ACME_RETURN = {
  brand: ACME,
  claim: {
    purchase_region: 'eu',
    issue: 'non_quality',
    condition: 'unopened',
    delivered_on: '2025-03-01',
    claim_on: '2025-04-30',
    order_amount: 89,
  },
};

/** ACME AC02: the same one day later: refund ineligible, window_expired. */
export const ACME_LATE_RETURN = { ...ACME_RETURN, claim: { ...ACME_RETURN.claim, claim_on: '2025-05-01' } };

/**
 * ACME AC03: an opened, unused pair bought for 129.95: refund eligible with a 10% restocking fee,
 * 12.995 rounded half-up to 13.00.
 */
export const ACME_OPENED = {
  brand: ACME,
  claim: {
    purchase_region: 'uk',
    issue: 'non_quality',
    condition: 'opened_unused',
    hygiene_seal_broken: false,
    delivered_on: '2025-03-01',
    claim_on: '2025-03-20',
    order_amount: 129.95,
  },
};

/**
 * Nimbus Print NP05: a build plate faulty after two months: repair eligible until 2025-08-25, the
 * end of its 6-month warranty counted from the receipt date (2025-02-25).
 */
export const NIMBUS_BUILD_PLATE = {
  brand: NIMBUS_PRINT,
  claim: {
    part: 'build_plate',
    issue: 'quality_defect',
    condition: 'used',
    purchased_on: '2025-02-25',
    delivered_on: '2025-03-01',
    claim_on: '2025-05-01',
  },
};
