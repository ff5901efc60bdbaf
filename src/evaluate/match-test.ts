// Compiled unary tests → matcher closures, built once when a policy is loaded (Workers forbid
// eval, and closures keep per-claim matching to a few comparisons). FEEL null semantics: a missing
// value matches only `-`, `null`, or a `not(…)` of plain values.

import type { Literal, UnaryTest } from '../contract.js';
import { type TestVisitor, visitTest } from '../sheet/unary-test.js';

/** Fact values by slot: names are resolved to array indexes when a policy is prepared. */
export type Values = Literal[];
export type Matcher = (value: Literal, values: Values) => boolean;
/** Slot of a name that tests may reference (`< max_days`); -1 when unknown (reads as null). */
export type SlotOf = (name: string) => number;

const ANY: Matcher = () => true;

/** FEEL orders numbers with numbers and strings (dates) with strings; anything else compares to null. */
const comparable = (a: Literal, b: Literal) => a !== null && b !== null && typeof a === typeof b && typeof a !== 'boolean';

function compare(op: string, a: Literal, b: Literal): boolean {
  if (a === null || b === null || typeof a !== typeof b || typeof a === 'boolean') return false; // see comparable
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** True when the test compares order (so `not(…)` of it can be unknown, see below). */
function isOrdered(test: UnaryTest): boolean {
  return visitTest(test, {
    any: () => false,
    eq: () => false,
    glob: () => false,
    cmp: () => true,
    range: () => true,
    ref: (t) => t.op !== undefined,
    not: (t) => t.not.some(isOrdered),
    or: (t) => t.or.some(isOrdered),
  } satisfies TestVisitor<boolean>);
}

/**
 * True when an order comparison of the test cannot compare `v` (null, or another kind than the end
 * it is compared with): FEEL makes that comparison null, so `not(…)` of it is null too, never true.
 */
function incomparable(test: UnaryTest, v: Literal, values: Values, slotOf: SlotOf): boolean {
  return visitTest(test, {
    any: () => false,
    eq: () => false,
    glob: () => false,
    cmp: (t) => !comparable(v, t.value),
    range: (t) => !comparable(v, t.range[0]),
    ref: (t) => t.op !== undefined && !comparable(v, values[slotOf(t.ref)] ?? null),
    not: (t) => t.not.some((inner) => incomparable(inner, v, values, slotOf)),
    or: (t) => t.or.some((inner) => incomparable(inner, v, values, slotOf)),
  } satisfies TestVisitor<boolean>);
}

const NO_SLOTS: SlotOf = () => -1;

/** A cell as a matcher closure, built once per policy version (see the module comment). */
export function compileTest(test: UnaryTest, slotOf: SlotOf = NO_SLOTS): Matcher {
  return visitTest(test, {
    any: () => ANY,
    eq: ({ eq }) => {
      const [first] = eq;
      if (eq.length === 1) return (v) => v === first;
      const set = new Set<Literal>(eq);
      return (v) => set.has(v);
    },
    glob: ({ glob }) => {
      const patterns = glob.map(globToRegExp);
      return (v) => typeof v === 'string' && patterns.some((p) => p.test(v));
    },
    cmp:
      ({ cmp, value }) =>
      (v) =>
        compare(cmp, v, value),
    range:
      ({ range: [lo, hi], open: [openLo, openHi] }) =>
      (v) =>
        compare(openLo ? '>' : '>=', v, lo) && compare(openHi ? '<' : '<=', v, hi),
    ref: ({ ref, op }) => {
      const slot = slotOf(ref);
      return op ? (v, values) => compare(op, v, values[slot] ?? null) : (v, values) => v !== null && v === values[slot];
    },
    or: ({ or }) => {
      const parts = or.map((t) => compileTest(t, slotOf));
      return (v, values) => parts.some((m) => m(v, values));
    },
    not: (t) => {
      const inner = compileTest(t.not.length === 1 ? t.not[0]! : { or: t.not }, slotOf);
      if (!isOrdered(t)) return (v, values) => !inner(v, values);
      // not(< 5) on null or on "a" is unknown, not true (this used to be special-cased for null only).
      return (v, values) => !incomparable(t, v, values, slotOf) && !inner(v, values);
    },
  } satisfies TestVisitor<Matcher>);
}
