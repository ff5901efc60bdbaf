// Verification beyond types, on the atoms of each table's inputs: overlapping rules in U tables
// (and disagreeing ones in A tables), gaps in tables that claim completeness, and rules an F table
// can never reach because earlier rules cover every case they would match.
//
// One walk finds all three. It splits the input space a column at a time, only where the cells of
// the rules still in play change their answer, and carries each region's rules down; a region whose
// rules are all `-` in the remaining columns is a leaf. So a table is not compared rule by rule:
// a 200,000-row varied table walks about as many regions as it has rules.

import type { CompiledTable, FactType, Literal } from '../contract.js';
import type { IssueList } from '../issue.js';
import { atomCount, type ColumnAtoms, columnAtoms, hasRefs } from './input-atoms.js';

/** Rule-in-region steps one table may take before the walk stops and says it could not finish. */
const MAX_STEPS = 50_000_000;
const MAX_GAPS = 5;

const rowOf = (source: string) => Number(source.split(':').pop());

interface Walk {
  table: CompiledTable;
  atoms: ColumnAtoms[];
  checkOverlaps: boolean;
  checkMasked: boolean;
  checkGaps: boolean;
  overlapWith: Map<number, number>; // rule → the first earlier rule it overlaps (with different outputs, for A)
  reachable: Uint8Array; // F: rules that are the first match somewhere
  gaps: Literal[][]; // a point of each gap found (MAX_GAPS at most)
  steps: number;
  outputKey: (rule: number) => string;
}

class TooLarge extends Error {}

/** The atom of each column standing for a region: its first atom, or `point`'s where set. */
function pointOf(walk: Walk, point: (number | undefined)[]): Literal[] {
  return walk.atoms.map((col, c) => {
    if (point[c] !== undefined) return col.values[point[c]!]!;
    return col.values.find((v) => v !== null) ?? null;
  });
}

/** Rules that all match a whole region: overlaps among them, and which one a first-hit table picks. */
function visitLeaf(walk: Walk, rules: readonly number[]): void {
  const first = rules[0]!;
  walk.reachable[first] = 1;
  if (!walk.checkOverlaps || rules.length < 2) return;
  // A tables: the earliest rule with other outputs than the rule itself.
  const firstOther = rules.find((r) => walk.outputKey(r) !== walk.outputKey(first));
  for (let i = 1; i < rules.length; i++) {
    const b = rules[i]!;
    const a = walk.table.hitPolicy !== 'A' ? first : walk.outputKey(b) !== walk.outputKey(first) ? first : firstOther;
    if (a === undefined || a >= b) continue;
    const known = walk.overlapWith.get(b);
    if (known === undefined || a < known) walk.overlapWith.set(b, a);
  }
}

/** The column of the rules in play whose cells single out the fewest atoms, or -1 when all are `-`. */
function nextColumn(walk: Walk, rules: readonly number[], done: readonly boolean[]): number {
  let best = -1,
    bestShare = Infinity;
  for (let c = 0; c < walk.atoms.length; c++) {
    if (done[c]) continue;
    const { matches, values } = walk.atoms[c]!;
    let share = 0,
      restricted = false;
    for (const r of rules) {
      const cell = matches[r]!;
      if (cell === true) share += 1;
      else {
        restricted = true;
        share += atomCount(cell, values.length) / values.length;
      }
    }
    if (restricted && share < bestShare) {
      best = c;
      bestShare = share;
    }
  }
  return best;
}

/** Splits column c's atoms where a cell of the rules in play starts or ends; each stretch with its rules. */
function splitColumn(walk: Walk, c: number, rules: readonly number[]): { from: number; to: number; rules: number[] }[] {
  const col = walk.atoms[c]!;
  const n = col.values.length;
  const cuts = [0, n];
  if (col.nullAtom >= 0) cuts.push(col.nullAtom, col.nullAtom + 1);
  for (const r of rules) {
    const cell = col.matches[r]!;
    if (cell !== true) for (let i = 0; i < cell.length; i += 2) cuts.push(cell[i]!, cell[i + 1]! + 1);
  }
  cuts.sort((x, y) => x - y);
  const stretches: { from: number; to: number; rules: number[] }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1] !== cuts[i]) stretches.push({ from: cuts[i]!, to: cuts[i + 1]!, rules: [] });
  const stretchAt = (atom: number) => {
    let lo = 0,
      hi = stretches.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (stretches[mid]!.from <= atom) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Rules stay in ascending order in every stretch: the first is the one a first-hit table picks.
  for (const r of rules) {
    const cell = col.matches[r]!;
    const spans = cell === true ? [0, n - 1] : cell;
    for (let i = 0; i < spans.length; i += 2) {
      const first = stretchAt(spans[i]!);
      let s = first;
      for (; s < stretches.length && stretches[s]!.from <= spans[i + 1]!; s++) stretches[s]!.rules.push(r);
      walk.steps += s - first + 1;
    }
  }
  walk.steps += stretches.length;
  if (walk.steps > MAX_STEPS) throw new TooLarge();
  return stretches;
}

/** Walks the region where the columns in `done` are fixed to `point` and `rules` are the rules matching it. */
function walkRegion(walk: Walk, rules: readonly number[], done: boolean[], point: (number | undefined)[], viaNull: boolean): void {
  const c = nextColumn(walk, rules, done);
  // Past the last column, or a first-hit table whose first rule in play covers the rest of the region:
  // nothing more to learn here.
  const settled = c < 0 || (!walk.checkOverlaps && !walk.checkGaps && walk.atoms.every((col, k) => done[k] || col.matches[rules[0]!] === true));
  if (settled) {
    visitLeaf(walk, rules);
    return;
  }
  done[c] = true;
  for (const stretch of splitColumn(walk, c, rules)) {
    point[c] = stretch.from;
    const isNull = stretch.from === walk.atoms[c]!.nullAtom;
    if (stretch.rules.length === 0) {
      // "complete" promises an answer for every value a fact can take once it is sent.
      if (walk.checkGaps && !viaNull && !isNull && walk.gaps.length < MAX_GAPS) walk.gaps.push(pointOf(walk, point));
      continue;
    }
    walkRegion(walk, stretch.rules, done, point, viaNull || isNull);
  }
  done[c] = false;
  point[c] = undefined;
}

function describe(table: CompiledTable, point: Literal[]): string {
  return point.map((v, c) => `${table.inputs[c]!.name}=${String(v).replace('\u0000other', '(any other)')}`).join(', ');
}

/** Rows that already have an error (a cell that could not be read stands in as `-`): left out, so one mistake is one error. */
function brokenRows(table: CompiledTable, issues: IssueList): Set<number> {
  return new Set(issues.errors.filter((i) => i.sheet === table.source && i.row !== undefined).map((i) => i.row!));
}

export function verifyTable(table: CompiledTable, typeOf: (name: string) => FactType | undefined, issues: IssueList): void {
  if (table.rules.some((r) => r.tests.some(hasRefs))) return; // cells comparing facts with facts: not decidable here
  const broken = brokenRows(table, issues);
  const walk: Walk = {
    table,
    atoms: table.inputs.map((input, c) => columnAtoms(table, c, typeOf(input.name), input.values as Literal[] | undefined)),
    checkOverlaps: table.hitPolicy === 'U' || table.hitPolicy === 'A',
    checkMasked: table.hitPolicy === 'F',
    checkGaps: table.complete && broken.size === 0,
    overlapWith: new Map(),
    reachable: new Uint8Array(table.rules.length),
    gaps: [],
    steps: 0,
    outputKey: (r) => JSON.stringify(table.rules[r]!.outputs),
  };
  if (!walk.checkOverlaps && !walk.checkMasked && !walk.checkGaps) return;
  const rules = table.rules.map((_, r) => r).filter((r) => !broken.has(rowOf(table.rules[r]!.source)));
  let finished = true;
  try {
    if (rules.length === 0) {
      if (walk.checkGaps) walk.gaps.push(pointOf(walk, []));
    } else
      walkRegion(
        walk,
        rules,
        table.inputs.map(() => false),
        [],
        false,
      );
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    finished = false;
    issues.warn(
      'too_large_to_verify',
      `the table's rules split its inputs into too many regions to verify them all (over ${MAX_STEPS} steps): overlaps and gaps found so far are reported, masked rules are not`,
      table.source,
      table.headerRow,
    );
  }
  report(walk, rules, finished, issues);
}

function report(walk: Walk, rules: readonly number[], finished: boolean, issues: IssueList): void {
  const { table } = walk;
  const what = table.hitPolicy === 'U' ? 'overlaps' : 'overlaps with different outputs';
  for (const b of [...walk.overlapWith.keys()].sort((x, y) => x - y)) {
    issues.error(
      'overlapping_rules',
      `rule ${what} the rule at row ${rowOf(table.rules[walk.overlapWith.get(b)!]!.source)} (hit policy ${table.hitPolicy}): expected rules that exclude each other, or hit policy F`,
      table.source,
      rowOf(table.rules[b]!.source),
    );
  }
  if (walk.checkMasked && finished) {
    for (const r of rules) {
      if (r > 0 && !walk.reachable[r])
        issues.error(
          'masked_rule',
          'rule can never match: earlier rules of this first-hit (F) table cover every case it matches: expected it above them, or remove it',
          table.source,
          rowOf(table.rules[r]!.source),
        );
    }
  }
  for (const gap of walk.gaps)
    issues.error(
      'table_gap',
      `no rule covers ${describe(table, gap)}: expected a rule for every combination, since the table is marked complete`,
      table.source,
      table.headerRow,
    );
}
