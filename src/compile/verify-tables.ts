// Verification beyond types, on the atoms of each table's inputs: overlapping rules in U tables
// (and disagreeing ones in A tables), gaps in tables that claim completeness, and rules an F table
// can never reach because earlier rules cover every case they would match.

import type { CompiledTable, FactType, Literal } from '../contract.js';
import { columnAtoms, hasRefs, matchesAtom, type CellAtoms, type ColumnAtoms } from './input-atoms.js';
import type { IssueList } from './issue.js';

const MAX_COMBINATIONS = 200_000;

const rowOf = (source: string) => Number(source.split(':').pop());

function describe(table: CompiledTable, atoms: ColumnAtoms[], combo: number[]): string {
  return combo.map((a, c) => `${table.inputs[c]!.name}=${String(atoms[c]!.values[a]).replace('\u0000other', '(any other)')}`).join(', ');
}

/** Calls visit for every combination of atoms in the given per-column atom lists; stops on false. */
function forEachCombination(lists: number[][], visit: (combo: number[]) => boolean | void): void {
  const combo = lists.map(() => 0);
  if (lists.some((l) => l.length === 0)) return;
  const current = () => combo.map((i, c) => lists[c]![i]!);
  for (;;) {
    if (visit(current()) === false) return;
    let c = lists.length - 1;
    while (c >= 0 && ++combo[c]! >= lists[c]!.length) combo[c--] = 0;
    if (c < 0) return;
  }
}

const size = (lists: number[][]) => lists.reduce((n, l) => n * l.length, 1);

function ruleMatches(atoms: ColumnAtoms[], rule: number, combo: number[]): boolean {
  return combo.every((a, c) => matchesAtom(atoms[c]!.matches[rule]!, a));
}

function intersects(x: CellAtoms, y: CellAtoms): boolean {
  if (x === true || y === true) return true;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const a of small) if (large.has(a)) return true;
  return false;
}

function overlapping(atoms: ColumnAtoms[], a: number, b: number): boolean {
  return atoms.every((col) => intersects(col.matches[a]!, col.matches[b]!));
}

const atomList = (col: ColumnAtoms, cell: CellAtoms) => (cell === true ? col.values.map((_, i) => i) : [...cell]);

/**
 * Rules grouped by the atoms of their most selective column (one where every cell lists values),
 * so checks compare a rule only with rules that can share a case with it: a 10,000-row table keyed
 * by SKU is not compared pairwise.
 */
interface Buckets { key: number; atAtom(atom: number): number[]; near(cell: CellAtoms): number[] }

function bucketRules(atoms: ColumnAtoms[], n: number): Buckets {
  const all = Array.from({ length: n }, (_, i) => i);
  let key = -1, best = 1;
  atoms.forEach((col, c) => {
    if (col.values.length > best && col.matches.every((m) => m !== true)) { key = c; best = col.values.length; }
  });
  if (key < 0) return { key, atAtom: () => all, near: () => all };
  const byAtom = new Map<number, number[]>();
  atoms[key]!.matches.forEach((m, r) => { for (const a of m as Set<number>) (byAtom.get(a) ?? byAtom.set(a, []).get(a)!).push(r); });
  return {
    key,
    atAtom: (atom) => byAtom.get(atom) ?? [],
    near: (cell) => {
      if (cell === true) return all;
      const rules = new Set<number>();
      for (const a of cell) for (const r of byAtom.get(a) ?? []) rules.add(r);
      return [...rules].sort((x, y) => x - y);
    },
  };
}

function sameOutputs(table: CompiledTable, a: number, b: number): boolean {
  return JSON.stringify(table.rules[a]!.outputs) === JSON.stringify(table.rules[b]!.outputs);
}

export function verifyTable(table: CompiledTable, typeOf: (name: string) => FactType | undefined, issues: IssueList): void {
  if (table.rules.some((r) => r.tests.some(hasRefs))) return; // cells comparing facts with facts: not decidable here
  const atoms = table.inputs.map((input, c) => columnAtoms(table, c, typeOf(input.name), input.values as Literal[] | undefined));
  const n = table.rules.length;
  const headerRow = table.headerRow;
  const buckets = bucketRules(atoms, n);
  const rulesAt = (combo: number[]) => (buckets.key < 0 ? buckets.atAtom(-1) : buckets.atAtom(combo[buckets.key]!));

  if (table.hitPolicy === 'U' || table.hitPolicy === 'A') {
    const reported = new Set<number>();
    for (let b = 1; b < n; b++) {
      const near = buckets.key < 0 ? buckets.near(true) : buckets.near(atoms[buckets.key]!.matches[b]!);
      for (const a of near) {
        if (a >= b || reported.has(b)) break;
        if (!overlapping(atoms, a, b) || (table.hitPolicy === 'A' && sameOutputs(table, a, b))) continue;
        reported.add(b);
        const what = table.hitPolicy === 'U' ? 'overlaps' : 'overlaps with different outputs';
        issues.error('overlapping_rules', `rule ${what} the rule at row ${rowOf(table.rules[a]!.source)} (hit policy ${table.hitPolicy}): expected rules that exclude each other, or hit policy F`, table.source, rowOf(table.rules[b]!.source));
      }
    }
  }

  if (table.hitPolicy === 'F') {
    for (let r = 1; r < n; r++) {
      const region = atoms.map((col) => atomList(col, col.matches[r]!));
      if (size(region) > MAX_COMBINATIONS) continue;
      let reachable = false;
      forEachCombination(region, (combo) => {
        for (const e of rulesAt(combo)) {
          if (e >= r) break;
          if (ruleMatches(atoms, e, combo)) return;
        }
        reachable = true;
        return false;
      });
      if (!reachable) issues.error('masked_rule', 'rule can never match: earlier rules of this first-hit (F) table cover every case it matches: expected it above them, or remove it', table.source, rowOf(table.rules[r]!.source));
    }
  }

  if (table.complete) {
    const all = atoms.map((col) => col.values.map((_, i) => i));
    if (size(all) > MAX_COMBINATIONS) {
      issues.warn('too_large_to_verify', `the table has too many input combinations to check completeness (${size(all)})`, table.source, headerRow);
      return;
    }
    const gaps: string[] = [];
    forEachCombination(all, (combo) => {
      // "complete" promises an answer for every value a fact can take once it is sent.
      if (combo.some((a, c) => atoms[c]!.values[a] === null)) return;
      for (const r of rulesAt(combo)) if (ruleMatches(atoms, r, combo)) return;
      gaps.push(describe(table, atoms, combo));
      return gaps.length < 5;
    });
    for (const gap of gaps) issues.error('table_gap', `no rule covers ${gap}: expected a rule for every combination, since the table is marked complete`, table.source, headerRow);
  }
}
