// One claim per seed brand for the browser tests, which run against the Worker seeded as `npm start` seeds it
// (policy-sheets/ only, no fixture brands). The edge tests use the fixture brands' claims (test/edge/claims.ts).

export const KOSPET_RETURN = {
  brand: 'kospet',
  claim: {
    channel: 'official_store',
    part: 'watch',
    issue: 'non_quality',
    condition: 'unopened',
    original_packaging: true,
    delivered_on: '2025-03-01',
    claim_on: '2025-03-31',
    original_purchaser: true,
  },
};

export const KOKONI_WARRANTY = {
  brand: 'kokoni',
  claim: {
    channel: 'official_store',
    part: 'printer',
    issue: 'quality_defect',
    delivered_on: '2024-02-29',
    claim_on: '2025-02-28',
    original_purchaser: true,
    same_region: true,
    accessories_complete: true,
  },
};

export const ELEGOO_UNWANTED = {
  brand: 'elegoo',
  claim: {
    issue: 'non_quality',
    product_line: 'neptune-4-pro',
    part: 'printer',
    channel: 'official_store',
    delivered_on: '2025-03-01',
    claim_on: '2025-03-15',
    condition: 'unopened',
    order_amount: 299.99,
    proof_of_purchase: true,
    return_approved: true,
    same_region: true,
    accessories_complete: true,
  },
};
