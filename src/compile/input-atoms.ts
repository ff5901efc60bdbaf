// Splits each input column's domain into "atoms": one representative value per region where every
// cell of the column gives the same answer. Verification (overlaps, gaps, masked rules) and the
// editors' diff grid both walk atoms instead of all possible claims.
//
// A cell's atoms are kept as sorted intervals of atom indexes, and found from the few atoms around
// the cell's own literals: a range in a 200,000-row table covers thousands of atoms, and trying
// every cell against every atom made large varied tables quadratic.

import type { CompiledTable, FactType, Literal, UnaryTest } from '../contract.js';
import { formatIsoDate, parseIsoDate } from '../evaluate/dates.js';
import { compileTest, type Matcher } from '../evaluate/match-test.js';
import { addTestRefs, type TestVisitor, visitTest } from '../sheet/unary-test.js';

/** The atoms one rule's cell matches: `true` for all of them (`-`), else [lo, hi, lo, hi, …] inclusive, ascending. */
export type CellAtoms = true | readonly number[];

export interface ColumnAtoms {
  values: Literal[];
  /** [rule] → the atoms the rule's cell in this column matches */
  matches: CellAtoms[];
  /** index of the null atom (a fact the claim did not send), -1 when the column has none */
  nullAtom: number;
}

/** True when the cell matches the atom (binary search over its intervals). */
export function matchesAtom(cell: CellAtoms, atom: number): boolean {
  if (cell === true) return true;
  let lo = 0,
    hi = cell.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (atom < cell[2 * mid]!) hi = mid - 1;
    else if (atom > cell[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** How many atoms the cell matches. */
export function atomCount(cell: CellAtoms, atoms: number): number {
  if (cell === true) return atoms;
  let n = 0;
  for (let i = 0; i < cell.length; i += 2) n += cell[i + 1]! - cell[i]! + 1;
  return n;
}

/** The literals a cell compares with, and its * patterns. */
function collectLiterals(test: UnaryTest, into: Literal[], globs: string[]): void {
  visitTest<void>(test, {
    any: () => {},
    ref: () => {},
    eq: (t) => {
      into.push(...t.eq);
    },
    glob: (t) => {
      globs.push(...t.glob);
    },
    cmp: (t) => {
      into.push(t.value);
    },
    range: (t) => {
      into.push(t.range[0], t.range[1]);
    },
    not: (t) => {
      for (const inner of t.not) collectLiterals(inner, into, globs);
    },
    or: (t) => {
      for (const inner of t.or) collectLiterals(inner, into, globs);
    },
  } satisfies TestVisitor<void>);
}

/** True when the cell compares order somewhere (< 14, [0..14]). */
function comparesOrder(test: UnaryTest): boolean {
  return visitTest(test, {
    any: () => false,
    eq: () => false,
    glob: () => false,
    ref: () => false,
    cmp: () => true,
    range: () => true,
    not: (t) => t.not.some(comparesOrder),
    or: (t) => t.or.some(comparesOrder),
  } satisfies TestVisitor<boolean>);
}

/** True when the cell compares with another name's value, which verification cannot enumerate. */
export function hasRefs(test: UnaryTest): boolean {
  const refs = new Set<string>();
  addTestRefs(test, refs);
  return refs.size > 0;
}

/** Representative points around every boundary of an ordered domain (numbers or day numbers). */
function orderedAtoms(points: number[], integral: boolean): number[] {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  if (sorted.length === 0) return [0];
  const step = integral ? 1 : 0.5;
  const out = [sorted[0]! - step];
  sorted.forEach((p, i) => {
    out.push(p);
    const next = sorted[i + 1];
    if (next === undefined) out.push(p + step);
    else if (next - p > (integral ? 1 : 0)) out.push(integral ? p + 1 : (p + next) / 2);
  });
  return out;
}

function domainValues(tests: UnaryTest[], type: FactType | undefined, declared?: readonly Literal[]): Literal[] {
  if (type === 'boolean') return [true, false];
  if (declared?.length) return [...declared];
  const literals: Literal[] = [],
    globs: string[] = [];
  for (const t of tests) collectLiterals(t, literals, globs);
  if (type === 'date') {
    const days = literals
      .filter((l): l is string => typeof l === 'string')
      .map(parseIsoDate)
      .filter((d): d is number => d !== null);
    return orderedAtoms(days, true).map(formatIsoDate);
  }
  if (type === 'number' || type === 'money' || (literals.some((l) => l !== null) && literals.every((l) => l === null || typeof l === 'number'))) {
    const numbers = literals.filter((l): l is number => typeof l === 'number');
    return orderedAtoms(numbers, numbers.every(Number.isInteger));
  }
  return [...new Set([...literals.filter((l) => l !== null), ...globs.map((g) => g.replace(/\*/g, 'x')), '\u0000other'])];
}

/** Atoms that are sorted values of one kind (numbers, or ISO dates) before the null atom, if any. */
function orderedPrefix(values: readonly Literal[]): number {
  const n = values[values.length - 1] === null ? values.length - 1 : values.length;
  const kind = typeof values[0];
  if (kind !== 'number' && kind !== 'string') return -1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== kind || (i > 0 && !((values[i - 1] as number | string) < (v as number | string)))) return -1;
  }
  return n;
}

/** First index in the sorted prefix [0, n) whose value is not below `v`. */
function lowerBound(values: readonly Literal[], n: number, v: number | string): number {
  let lo = 0,
    hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number | string) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inclusive intervals from a run of [from, to) segments that match. */
function addInterval(out: number[], from: number, to: number): void {
  if (from >= to) return;
  if (out.length && out[out.length - 1]! >= from - 1) out[out.length - 1] = Math.max(out[out.length - 1]!, to - 1);
  else out.push(from, to - 1);
}

/** Equality cells name their atoms directly. */
function eqAtoms(eq: readonly Literal[], atoms: number, atomOf: Map<Literal, number>): CellAtoms {
  const at: number[] = [];
  for (const v of eq) {
    const i = atomOf.get(v);
    if (i !== undefined) at.push(i);
  }
  if (at.length > 1) at.sort((a, b) => a - b);
  const out: number[] = [];
  for (const i of at) addInterval(out, i, i + 1);
  return out.length === 2 && out[0] === 0 && out[1] === atoms - 1 ? true : out;
}

/**
 * Which atoms a cell matches, trying one atom per stretch where its answer cannot change: in a
 * sorted domain, between two of the cell's literals; elsewhere, every atom that is none of them.
 */
function cellAtoms(test: UnaryTest, values: readonly Literal[], ordered: number, atomOf: Map<Literal, number>, nullAtom: number): CellAtoms {
  if ('any' in test) return true;
  if ('eq' in test) return eqAtoms(test.eq, values.length, atomOf);
  const literals: Literal[] = [],
    globs: string[] = [];
  collectLiterals(test, literals, globs);
  const m: Matcher = compileTest(test);
  const bounds = new Set<number>([0, values.length]);
  if (nullAtom >= 0) {
    bounds.add(nullAtom);
    bounds.add(nullAtom + 1);
  }
  if (globs.length || (ordered < 0 && comparesOrder(test))) {
    for (let i = 1; i < values.length; i++) bounds.add(i); // patterns, or order in an unordered domain: every atom
  } else if (ordered >= 0) {
    for (const l of literals) {
      if (l === null || typeof l === 'boolean') continue;
      const i = lowerBound(values, ordered, l);
      bounds.add(i);
      if (values[i] === l) bounds.add(i + 1);
    }
  } else {
    for (const l of literals) {
      const i = atomOf.get(l);
      if (i !== undefined) {
        bounds.add(i);
        bounds.add(i + 1);
      }
    }
  }
  const cuts = [...bounds].filter((b) => b <= values.length).sort((a, b) => a - b);
  const out: number[] = [];
  if (ordered >= 0 || globs.length || comparesOrder(test)) {
    for (let s = 0; s + 1 < cuts.length; s++) if (m(values[cuts[s]!]!, [])) addInterval(out, cuts[s]!, cuts[s + 1]!);
  } else {
    // Unordered: atoms that are none of the literals all answer alike; try one of them.
    const special = new Set(literals.map((l) => atomOf.get(l)).filter((i): i is number => i !== undefined));
    if (nullAtom >= 0) special.add(nullAtom);
    let other: boolean | undefined;
    for (let s = 0; s + 1 < cuts.length; s++) {
      const [from, to] = [cuts[s]!, cuts[s + 1]!];
      if (special.has(from)) {
        if (m(values[from]!, [])) addInterval(out, from, to);
        continue;
      }
      other ??= m(values[from]!, []);
      if (other) addInterval(out, from, to);
    }
  }
  return out.length === 2 && out[0] === 0 && out[1] === values.length - 1 ? true : out;
}

/** Equal keys for equal cells; comparisons and ranges (most cells of large tables) without JSON. */
function cellKey(test: UnaryTest): string {
  const lit = (v: number | string) => (typeof v === 'number' ? `n${v}` : `s${v}`);
  if ('cmp' in test) return `${test.cmp}${lit(test.value)}`;
  if ('range' in test) return `${test.open[0] ? '(' : '['}${lit(test.range[0])}\u0000${lit(test.range[1])}${test.open[1] ? ')' : ']'}`;
  return JSON.stringify(test);
}

/** The atoms of one column given its type, declared values and the cells of every rule. */
export function columnAtoms(table: CompiledTable, column: number, type: FactType | undefined, declared?: readonly Literal[]): ColumnAtoms {
  const tests = table.rules.map((r) => r.tests[column]!);
  const values = domainValues(tests, type, declared);
  // A fact the claim did not send is null: only `-`, `null` and not(…) cells match it, so it is a
  // region of its own (a final `-` row after rows listing every value still catches it).
  if (type !== 'boolean' && !values.includes(null)) values.push(null);
  const atomOf = new Map(values.map((v, i) => [v, i]));
  const ordered = orderedPrefix(values);
  const nullAtom = values.indexOf(null);
  // Large tables repeat their cells (`< 14`, `-`): each distinct cell is worked out once and shared.
  const seen = new Map<string, CellAtoms>();
  const single = new Map<Literal, CellAtoms>();
  const matches = tests.map((test): CellAtoms => {
    if ('any' in test) return true;
    if ('eq' in test && test.eq.length === 1) {
      const v = test.eq[0]!;
      return single.get(v) ?? single.set(v, eqAtoms(test.eq, values.length, atomOf)).get(v)!;
    }
    const key = cellKey(test);
    let cell = seen.get(key);
    if (cell === undefined) {
      cell = cellAtoms(test, values, ordered, atomOf, nullAtom);
      seen.set(key, cell);
    }
    return cell;
  });
  return { values, matches, nullAtom };
}
