// Compiled unary tests → matcher closures, built once when a policy is loaded (Workers forbid
// eval, and closures keep per-claim matching to a few comparisons). FEEL null semantics: a missing
// value matches only `-`, `null`, or a `not(…)` of plain values.

import type { Literal, UnaryTest } from '../contract.js';

export type Facts = Record<string, Literal>;
export type Matcher = (value: Literal, facts: Facts) => boolean;

const ANY: Matcher = () => true;

function compare(op: string, a: Literal, b: Literal): boolean {
  if (a === null || b === null || typeof a !== typeof b || typeof a === 'boolean') return false;
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

/** True when the test compares order (so `not(…)` of it stays unknown, i.e. false, on null). */
function isOrdered(test: UnaryTest): boolean {
  if ('cmp' in test || 'range' in test) return true;
  if ('ref' in test) return test.op !== undefined;
  if ('or' in test) return test.or.some(isOrdered);
  if ('not' in test) return test.not.some(isOrdered);
  return false;
}

export function compileTest(test: UnaryTest): Matcher {
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
    const { ref, op } = test;
    return op ? (v, facts) => compare(op, v, facts[ref] ?? null) : (v, facts) => v !== null && v === facts[ref];
  }
  if ('or' in test) {
    const parts = test.or.map(compileTest);
    return (v, facts) => parts.some((m) => m(v, facts));
  }
  const inner = compileTest(test.not.length === 1 ? test.not[0]! : { or: test.not });
  const unknownOnNull = isOrdered({ not: test.not });
  return (v, facts) => (v === null ? !unknownOnNull && !inner(v, facts) : !inner(v, facts));
}
