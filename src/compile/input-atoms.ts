// Splits each input column's domain into "atoms": one representative value per region where every
// cell of the column gives the same answer. Verification (overlaps, gaps, masked rules) and the
// editors' diff grid both walk combinations of atoms instead of all possible claims.

import type { CompiledTable, FactType, Literal, UnaryTest } from '../contract.js';
import { formatIsoDate, parseIsoDate } from '../evaluate/dates.js';
import { compileTest } from '../evaluate/match-test.js';

/** The atoms one rule's cell matches: `true` for all of them (`-`), else their indexes. */
export type CellAtoms = true | Set<number>;

export interface ColumnAtoms {
  values: Literal[];
  /** [rule] → the atoms the rule's cell in this column matches (sparse: tables can have 10,000 rules) */
  matches: CellAtoms[];
}

export const matchesAtom = (cell: CellAtoms, atom: number) => cell === true || cell.has(atom);

function collectLiterals(test: UnaryTest, into: Literal[], globs: string[]): void {
  if ('eq' in test) into.push(...test.eq);
  else if ('glob' in test) globs.push(...test.glob);
  else if ('cmp' in test) into.push(test.value);
  else if ('range' in test) into.push(...test.range);
  else if ('not' in test) test.not.forEach((t) => collectLiterals(t, into, globs));
  else if ('or' in test) test.or.forEach((t) => collectLiterals(t, into, globs));
}

export function hasRefs(test: UnaryTest): boolean {
  if ('ref' in test) return true;
  if ('not' in test) return test.not.some(hasRefs);
  if ('or' in test) return test.or.some(hasRefs);
  return false;
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

/** The atoms of one column given its type, declared values and the cells of every rule. */
export function columnAtoms(table: CompiledTable, column: number, type: FactType | undefined, declared?: readonly Literal[]): ColumnAtoms {
  const tests = table.rules.map((r) => r.tests[column]!);
  let values: Literal[];
  if (type === 'boolean') values = [true, false];
  else if (declared && declared.length) values = [...declared];
  else {
    const literals: Literal[] = [], globs: string[] = [];
    tests.forEach((t) => collectLiterals(t, literals, globs));
    if (type === 'date') {
      const days = literals.filter((l): l is string => typeof l === 'string').map(parseIsoDate).filter((d): d is number => d !== null);
      values = orderedAtoms(days, true).map(formatIsoDate);
    } else if (type === 'number' || type === 'money' || (literals.some((l) => l !== null) && literals.every((l) => l === null || typeof l === 'number'))) {
      const numbers = literals.filter((l): l is number => typeof l === 'number');
      values = orderedAtoms(numbers, numbers.every(Number.isInteger));
    } else {
      values = [...new Set([...literals.filter((l) => l !== null), ...globs.map((g) => g.replace(/\*/g, 'x')), '\u0000other'])];
    }
  }
  // A fact the claim did not send is null: only `-`, `null` and not(…) cells match it, so it is a
  // region of its own (a final `-` row after rows listing every value still catches it).
  if (type !== 'boolean' && !values.includes(null)) values.push(null);
  const atomOf = new Map(values.map((v, i) => [v, i]));
  const matches = tests.map((test): CellAtoms => {
    if ('any' in test) return true;
    // Equality cells name their atoms directly; anything else is tried against every atom.
    if ('eq' in test) return new Set(test.eq.flatMap((v) => (atomOf.has(v) ? [atomOf.get(v)!] : [])));
    const m = compileTest(test);
    const hit = new Set(values.flatMap((v, i) => (m(v, []) ? [i] : [])));
    return hit.size === values.length ? true : hit;
  });
  return { values, matches };
}
