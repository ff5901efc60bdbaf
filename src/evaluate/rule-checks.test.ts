// The opcodes tables run (rule-checks.ts) against the matcher closures they replaced on the hot path
// (match-test.ts, still the reference for FEEL semantics): for any cells and any values, a rule
// holds exactly when every one of its cells' matchers accepts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Literal, UnaryTest } from '../contract.js';
import { compileTest } from './match-test.js';
import { buildRuleChecks, ruleHolds } from './rule-checks.js';

const literal: fc.Arbitrary<Literal> = fc.oneof(
  fc.constantFrom(null, true, false, 0, 1, 5, 14, -3, 2.5, 'a', 'b', 'open', '2025-01-01', '2025-03-15', ''),
  fc.integer({ min: -5, max: 40 }),
);
const ordered = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constantFrom('2025-01-01', '2025-03-15', 'a', 'b'));
const op = fc.constantFrom('<', '<=', '>', '>=' as const);

const cell: fc.Arbitrary<UnaryTest> = fc.letrec<{ cell: UnaryTest }>((tie) => ({
  cell: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ any: true } as UnaryTest),
    fc.array(literal, { minLength: 1, maxLength: 12 }).map((eq): UnaryTest => ({ eq })),
    fc.tuple(op, ordered).map(([cmp, value]): UnaryTest => ({ cmp, value })),
    fc
      .tuple(ordered, ordered, fc.boolean(), fc.boolean())
      .filter(([lo, hi]) => typeof lo === typeof hi)
      .map(([lo, hi, a, b]): UnaryTest => ({ range: [lo, hi], open: [a, b] })),
    fc.constantFrom<UnaryTest>({ glob: ['o*'] }, { ref: 'x' }, { ref: 'x', op: '<' }),
    fc.array(tie('cell'), { minLength: 1, maxLength: 3 }).map((not): UnaryTest => ({ not })),
    fc.array(tie('cell'), { minLength: 1, maxLength: 3 }).map((or): UnaryTest => ({ or })),
  ),
})).cell;

describe('rule checks (opcodes) agree with the matcher closures', () => {
  it('for random rules and values, including references to another slot', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(literal, { minLength: 4, maxLength: 4 }),
        (rules, values) => {
          // Inputs read slots 0..2; `x` (references) is slot 3.
          const slotOf = (name: string) => (name === 'x' ? 3 : -1);
          const checks = buildRuleChecks(
            rules.map((tests) => ({ tests })),
            [0, 1, 2],
            slotOf,
          );
          rules.forEach((tests, r) => {
            const expected = tests.every((test, i) => compileTest(test, slotOf)(values[i]!, values));
            expect(ruleHolds(checks, r, values)).toBe(expected);
          });
        },
      ),
      { numRuns: 3000, seed: 20261121 },
    );
  });

  it('reads a slot outside the values as null', () => {
    const checks = buildRuleChecks([{ tests: [{ eq: [null] }] }, { tests: [{ cmp: '<', value: 5 }] }], [7], () => -1);
    expect(ruleHolds(checks, 0, [1, 2])).toBe(true);
    expect(ruleHolds(checks, 1, [1, 2])).toBe(false);
  });
});
