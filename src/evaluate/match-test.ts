// Compiled unary tests → matcher closures, built once when a policy is loaded (Workers forbid
// eval, and closures keep per-claim matching to a few comparisons). FEEL null semantics: a missing
// value matches only `-`, `null`, or a `not(…)` of plain values.

import type { Literal, UnaryTest } from '../contract.js';

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
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** True when the test compares order (so `not(…)` of it can be unknown, see below). */
function isOrdered(test: UnaryTest): boolean {
  if ('cmp' in test || 'range' in test) return true;
  if ('ref' in test) return test.op !== undefined;
  if ('or' in test) return test.or.some(isOrdered);
  if ('not' in test) return test.not.some(isOrdered);
  return false;
}

/**
 * True when an order comparison of the test cannot compare `v` (null, or another kind than the end
 * it is compared with): FEEL makes that comparison null, so `not(…)` of it is null too, never true.
 */
function incomparable(test: UnaryTest, v: Literal, values: Values, slotOf: SlotOf): boolean {
  if ('cmp' in test) return !comparable(v, test.value);
  if ('range' in test) return !comparable(v, test.range[0]);
  if ('ref' in test) return test.op !== undefined && !comparable(v, values[slotOf(test.ref)] ?? null);
  if ('or' in test) return test.or.some((t) => incomparable(t, v, values, slotOf));
  if ('not' in test) return test.not.some((t) => incomparable(t, v, values, slotOf));
  return false;
}

const NO_SLOTS: SlotOf = () => -1;

export function compileTest(test: UnaryTest, slotOf: SlotOf = NO_SLOTS): Matcher {
  if ('any' in test) return ANY;
  if ('eq' in test) {
    const [first] = test.eq;
    if (test.eq.length === 1) return (v) => v === first;
    const set = new Set<Literal>(test.eq);
    return (v) => set.has(v);
  }
  if ('glob' in test) {
    const patterns = test.glob.map(globToRegExp);
    return (v) => typeof v === 'string' && patterns.some((p) => p.test(v));
  }
  if ('cmp' in test) {
    const { cmp, value } = test;
    return (v) => compare(cmp, v, value);
  }
  if ('range' in test) {
    const [lo, hi] = test.range;
    const [openLo, openHi] = test.open;
    return (v) => compare(openLo ? '>' : '>=', v, lo) && compare(openHi ? '<' : '<=', v, hi);
  }
  if ('ref' in test) {
    const { op } = test;
    const slot = slotOf(test.ref);
    return op ? (v, values) => compare(op, v, values[slot] ?? null) : (v, values) => v !== null && v === values[slot];
  }
  if ('or' in test) {
    const parts = test.or.map((t) => compileTest(t, slotOf));
    return (v, values) => parts.some((m) => m(v, values));
  }
  const inner = compileTest(test.not.length === 1 ? test.not[0]! : { or: test.not }, slotOf);
  if (!isOrdered(test)) return (v, values) => !inner(v, values);
  // not(< 5) on null or on "a" is unknown, not true (this used to be special-cased for null only).
  return (v, values) => !incomparable(test, v, values, slotOf) && !inner(v, values);
}
