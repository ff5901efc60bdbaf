// One decision table against a set of facts, with the DMN hit policies. Evaluation never throws:
// a violated hit policy (two rows in a U table, disagreeing rows in an A table) is returned as an
// error the caller reports.

import type { CompiledTable, HitPolicy, Literal } from '../contract.js';
import { addTestRefs } from '../sheet/unary-test.js';
import type { Values } from './match-test.js';
import { buildRuleChecks, type RuleChecks, ruleHolds } from './rule-checks.js';

export interface PreparedTable {
  table: CompiledTable;
  /** Slot of every name the table reads (inputs and references). */
  slots: Map<string, number>;
  inputSlots: number[];
  /** The rules' cells that are not `-` (most cells are `-`), as opcodes. */
  checks: RuleChecks;
  /** Rules by the value of one equality-only input column, so large tables are not scanned. */
  index?: { input: number; byValue: Map<Literal, number[]>; always: number[] };
}

export interface TableHit {
  rules: number[]; // the rules the hit policy selects, in result order
  error?: string;
}

/**
 * Rules by the value of the equality-only input column that leaves the fewest candidates on average
 * (over its listed values and one unlisted value), when that scans clearly fewer rules than all.
 * Columns are scored by counting; only the chosen one is built (this runs on every cold start).
 */
function buildIndex(table: CompiledTable): PreparedTable['index'] {
  const { rules } = table;
  if (rules.length < 4) return undefined;
  let bestInput = -1;
  let bestScore = rules.length * 0.75;
  const distinct = new Set<Literal>();
  for (let input = 0; input < table.inputs.length; input++) {
    let listed = 0,
      always = 0,
      indexable = true;
    distinct.clear();
    for (let r = 0; r < rules.length && indexable; r++) {
      const test = rules[r]!.tests[input]!;
      if ('any' in test) always++;
      else if ('eq' in test) {
        listed += test.eq.length;
        for (const v of test.eq) distinct.add(v);
      } else indexable = false;
    }
    if (!indexable || distinct.size === 0) continue;
    const score = (listed + always * (distinct.size + 1)) / (distinct.size + 1);
    if (score < bestScore) {
      bestScore = score;
      bestInput = input;
    }
  }
  if (bestInput < 0) return undefined;
  const byValue = new Map<Literal, number[]>();
  const always: number[] = [];
  for (let r = 0; r < rules.length; r++) {
    const test = rules[r]!.tests[bestInput]!;
    if ('any' in test) {
      always.push(r);
      for (const list of byValue.values()) list.push(r);
    } else if ('eq' in test) {
      for (const v of test.eq) {
        const list = byValue.get(v);
        if (list === undefined) byValue.set(v, [...always, r]);
        else if (list[list.length - 1] !== r) list.push(r);
      }
    }
  }
  return { input: bestInput, byValue, always };
}

/** Every name a table reads, in a stable order: its inputs, then references in cells. */
export function tableNames(table: CompiledTable): string[] {
  const names = new Set(table.inputs.map((i) => i.name));
  for (const rule of table.rules) {
    for (const test of rule.tests) addTestRefs(test, names);
    for (const out of rule.outputs) if (out && 'ref' in out) names.add(out.ref);
  }
  return [...names];
}

/**
 * Prepares a table to run against slot-indexed values. `slots` maps names to slots shared with the
 * rest of a policy; without it the table numbers its own names (a standalone table).
 */
export function prepareTable(table: CompiledTable, slots?: Map<string, number>): PreparedTable {
  const own = slots ?? new Map(tableNames(table).map((name, i) => [name, i]));
  const slotOf = (name: string) => own.get(name) ?? -1;
  const inputSlots = table.inputs.map((i) => slotOf(i.name));
  return { table, slots: own, inputSlots, checks: buildRuleChecks(table.rules, inputSlots, slotOf), index: buildIndex(table) };
}

function matchingRules(prepared: PreparedTable, values: Values): number[] {
  const { table, checks, index } = prepared;
  const candidates = index ? (index.byValue.get(values[prepared.inputSlots[index.input]!] ?? null) ?? index.always) : null;
  const first = table.hitPolicy === 'F';
  const matched: number[] = [];
  const count = candidates ? candidates.length : table.rules.length;
  for (let c = 0; c < count; c++) {
    const r = candidates ? candidates[c]! : c;
    if (!ruleHolds(checks, r, values)) continue;
    matched.push(r);
    if (first) break;
  }
  return matched;
}

/** Output values of a rule, resolving references to facts. */
export function ruleOutputs(prepared: PreparedTable, rule: number, values: Values): (Literal | Literal[])[] {
  return prepared.table.rules[rule]!.outputs.map((out) =>
    out === null ? null : 'ref' in out ? (values[prepared.slots.get(out.ref) ?? -1] ?? null) : out.value,
  );
}

function priorityKey(prepared: PreparedTable, rule: number, facts: Values): number[] {
  const table = prepared.table;
  const values = ruleOutputs(prepared, rule, facts);
  return table.outputs.map((o, i) => {
    if (!o.priority) return 0;
    const at = o.priority.indexOf(values[i] as Literal);
    return at < 0 ? o.priority.length : at;
  });
}

const byPriority = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

export function selectRules(prepared: PreparedTable, facts: Values): TableHit {
  const { table } = prepared;
  const matched = matchingRules(prepared, facts);
  switch (table.hitPolicy) {
    case 'U':
      return matched.length > 1
        ? { rules: [], error: `hit policy U: rules ${matched.map((r) => table.rules[r]!.source).join(' and ')} both match` }
        : { rules: matched };
    case 'A': {
      const first = matched.length ? JSON.stringify(ruleOutputs(prepared, matched[0]!, facts)) : '';
      const differs = matched.find((r) => JSON.stringify(ruleOutputs(prepared, r, facts)) !== first);
      return differs !== undefined
        ? { rules: [], error: `hit policy A: rules ${table.rules[matched[0]!]!.source} and ${table.rules[differs]!.source} match with different outputs` }
        : { rules: matched.slice(0, 1) };
    }
    case 'P': {
      if (matched.length < 2) return { rules: matched };
      const keyed = matched.map((r) => ({ r, key: priorityKey(prepared, r, facts) }));
      keyed.sort((a, b) => byPriority(a.key, b.key) || a.r - b.r);
      return { rules: [keyed[0]!.r] };
    }
    case 'O': {
      const keyed = matched.map((r) => ({ r, key: priorityKey(prepared, r, facts) }));
      keyed.sort((a, b) => byPriority(a.key, b.key) || a.r - b.r);
      return { rules: keyed.map((k) => k.r) };
    }
    default:
      return { rules: matched };
  }
}

/** The DMN value of a table: one output → its value, several → an object; lists for multi-hit. */
export const isSingleHit = (policy: HitPolicy) => policy === 'U' || policy === 'A' || policy === 'P' || policy === 'F';

/** A multi-hit table's outputs in result order → the DMN result: the list, or its aggregate. */
export function collectOutputs<T>(policy: HitPolicy, all: T[]): T[] | number | null {
  if (policy === 'R' || policy === 'O' || policy === 'C') return all;
  if (policy === 'C#') return new Set(all.map((v) => JSON.stringify(v))).size;
  const numbers = all.filter((v): v is T & number => typeof v === 'number');
  if (numbers.length === 0 || numbers.length !== all.length) return null;
  if (policy === 'C+') return numbers.reduce((a, b) => a + b, 0);
  return policy === 'C<' ? Math.min(...numbers) : Math.max(...numbers);
}

/** One selected rule's outputs as the DMN value: the value of a single output, else an object by output name. */
function rowValue(prepared: PreparedTable, rule: number, facts: Values): unknown {
  const outputs = prepared.table.outputs;
  const values = ruleOutputs(prepared, rule, facts);
  if (outputs.length === 1) return values[0];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < values.length; i++) {
    const name = outputs[i]!.name;
    // An output may be called __proto__ (a legal column name): define it rather than set the prototype.
    if (name === '__proto__') Object.defineProperty(row, name, { value: values[i], enumerable: true, writable: true, configurable: true });
    else row[name] = values[i];
  }
  return row;
}

/** The outputs' defaults when no rule matches (DMN defaultOutputEntry), shaped like a row's value. */
function defaultValue(table: CompiledTable): unknown {
  const outputs = table.outputs;
  if (outputs.length === 1) return outputs[0]!.default;
  return Object.fromEntries(outputs.map((o) => [o.name, o.default ?? null]));
}

export function tableResult(prepared: PreparedTable, hit: TableHit, facts: Values): unknown {
  const table = prepared.table;
  if (hit.error) return null;
  if (hit.rules.length === 0 && table.outputs.some((o) => o.default !== undefined)) return defaultValue(table);
  if (isSingleHit(table.hitPolicy)) return hit.rules.length ? rowValue(prepared, hit.rules[0]!, facts) : null;
  return collectOutputs(
    table.hitPolicy,
    hit.rules.map((r) => rowValue(prepared, r, facts)),
  );
}
