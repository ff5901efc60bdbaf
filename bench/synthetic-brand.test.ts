// The benches' synthetic brands must keep compiling as the sheet language grows (a new required
// translation once left `npm run bench:brands` and the scale section unable to start).

import { describe, expect, it } from 'vitest';
import { checkClaim, compilePolicy } from '../src/index.js';
import { formatIssue } from '../src/issue.js';
import { syntheticBrand, syntheticClaims } from './synthetic-brand.js';

describe('the benches’ synthetic brand', () => {
  it.each([
    ['U', 'sku'],
    ['C', 'sku'],
    ['F', 'varied'],
  ] as const)('compiles with hit policy %s, a %s table', (hit, shape) => {
    const result = compilePolicy(syntheticBrand('synth-test', 50, hit, shape));
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it.each(['sku', 'varied'] as const)('sends %s claims the Worker accepts: only facts the brand reads', (shape) => {
    const result = compilePolicy(syntheticBrand('synth-test', 50, 'F', shape));
    if (!result.ok) throw new Error('does not compile');
    for (const { claim } of syntheticClaims('synth-test', 50, 20, shape)) expect(checkClaim(result.policy.facts, claim).ok).toBe(true);
  });
});
