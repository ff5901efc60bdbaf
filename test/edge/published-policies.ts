// The policies the tests publish to KV (seed-kv.ts): every brand `npm run build:policies` compiled
// from policy-sheets/, handed over by the edge config (vitest.config.ts `provide`) because workerd
// cannot read dist/. Not the Worker's bundle: that holds only the brands within its budget
// (src/store/bundle-selection.ts), so "every brand" in a test means these.

import { inject } from 'vitest';
import { BundledPolicies } from '../../functions/policy-bundle.js';

/** Held like the Worker's bundle (version at hand, document parsed on first use). */
export const PUBLISHED_POLICIES = new BundledPolicies(
  Object.fromEntries(inject('publishedPolicies').map((document) => [document.brand, { version: document.version, json: document.json }])),
);

/** A published brand's compiled policy. */
export const publishedPolicy = (brand: string) => {
  const policy = PUBLISHED_POLICIES.policy(brand);
  if (!policy) throw new Error(`no policy is published for "${brand}" in the tests' KV`);
  return policy;
};
