// The Worker's bundled policies: versions known without parsing, each document parsed once, on first
// use, and only the brands the bundle holds (never an Object.prototype property).

import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES } from '../../functions/bundled-policies.js';
import { BundledPolicies } from '../../functions/policy-bundle.js';

describe('BundledPolicies', () => {
  it('knows a version without parsing the document', () => {
    const bundle = new BundledPolicies({ acme: { version: 'a1a1a1a1a1a1a1a1', json: 'not JSON: parsing would throw' } });
    expect(bundle.version('acme')).toBe('a1a1a1a1a1a1a1a1');
    expect(() => bundle.policy('acme')).toThrow(SyntaxError);
  });

  it('parses a document once, the first time it is asked for', () => {
    // Whichever brand the Worker was built with first: the bundle holds the seed brands within its budget.
    const brand = BUNDLED_POLICIES.brands[0]!;
    const policy = BUNDLED_POLICIES.policy(brand)!;
    expect(policy.brand).toBe(brand);
    expect(policy.version).toBe(BUNDLED_POLICIES.version(brand));
    expect(BUNDLED_POLICIES.policy(brand)).toBe(policy);
  });

  it('lists its brands sorted, and finds nothing else', () => {
    const [first, second] = BUNDLED_POLICIES.brands;
    const bundle = BundledPolicies.of({ zeta: BUNDLED_POLICIES.policy(first!)!, alpha: BUNDLED_POLICIES.policy(second ?? first!)! });
    expect(bundle.brands).toEqual(['alpha', 'zeta']);
    for (const brand of ['constructor', '__proto__', 'toString', 'no-such-brand']) {
      expect(bundle.version(brand)).toBeUndefined();
      expect(bundle.policy(brand)).toBeUndefined();
    }
  });
});
