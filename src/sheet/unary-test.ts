// The kinds of a compiled input cell (contract.ts UnaryTest) and the one way to walk them: a visitor
// with an entry per kind. Every walk over cells — matching, verification, reference collection,
// formatting, type checks — is such a visitor declared `satisfies TestVisitor<…>`, so adding a
// kind makes the compiler list each walk that does not handle it yet (checklist: cell-syntax.ts).

import type { UnaryTest } from '../contract.js';

export const TEST_KINDS = ['any', 'eq', 'glob', 'cmp', 'range', 'ref', 'not', 'or'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

/** The variant of UnaryTest whose tag is `K` (each variant has exactly one of the kinds as a key). */
export type TestOfKind<K extends TestKind> = Extract<UnaryTest, Record<K, unknown>>;

/** One handler per kind. */
export type TestVisitor<R> = { readonly [K in TestKind]: (test: TestOfKind<K>) => R };

export function kindOf(test: UnaryTest): TestKind {
  for (const kind of TEST_KINDS) if (kind in test) return kind;
  throw new TypeError(`not a unary test: ${JSON.stringify(test)}`);
}

export function visitTest<R>(test: UnaryTest, visitor: TestVisitor<R>): R {
  return (visitor[kindOf(test)] as (t: UnaryTest) => R)(test);
}

/** The names a cell compares with (`< delivered_on`, inside not(…) or a list), added to `into`. */
export function addTestRefs(test: UnaryTest, into: Set<string>): void {
  visitTest<void>(test, {
    any: () => {},
    eq: () => {},
    glob: () => {},
    cmp: () => {},
    range: () => {},
    ref: (t) => {
      into.add(t.ref);
    },
    not: (t) => {
      for (const inner of t.not) addTestRefs(inner, into);
    },
    or: (t) => {
      for (const inner of t.or) addTestRefs(inner, into);
    },
  });
}
