// One decision table against a set of facts, with the DMN hit policies. Evaluation never throws:
// a violated hit policy (two rows in a U table, disagreeing rows in an A table) is returned as an
// error the caller reports.

import type { CompiledTable, Literal } from '../contract.js';
import { compileTest, type Facts, type Matcher } from './match-test.js';

export interface PreparedTable {
  table: CompiledTable;
  /** [rule] → the rule's tests that are not `-`, as input index + matcher (most cells are `-`). */
  checks: { inputs: number[]; matchers: Matcher[] }[];
  /** Rules by the value of one equality-only input column, so large tables are not scanned. */
  index?: { input: number; byValue: Map<Literal, number[]>; always: number[] };
}

export interface TableHit {
  rules: number[];               // the rules the hit policy selects, in result order
  error?: string;
}

function buildIndex(table: CompiledTable): PreparedTable['index'] {
  if (table.rules.length < 16) return undefined;
  let best: PreparedTable['index'];
  let bestSize = 1;
  table.inputs.forEach((_, input) => {
    const byValue = new Map<Literal, number[]>();
    const always: number[] = [];
    for (let r = 0; r < table.rules.length; r++) {
      const test = table.rules[r]!.tests[input]!;
      if ('any' in test) always.push(r);
      else if ('eq' in test) for (const v of test.eq) byValue.set(v, [...(byValue.get(v) ?? []), r]);
      else return;
    }
    if (byValue.size > bestSize) {
      bestSize = byValue.size;
      for (const [v, rules] of byValue) byValue.set(v, [...rules, ...always].sort((a, b) => a - b));
      best = { input, byValue, always };
    }
  });
  return best;
}

export function prepareTable(table: CompiledTable): PreparedTable {
  const checks = table.rules.map((rule) => {
    const inputs = rule.tests.flatMap((t, i) => ('any' in t ? [] : [i]));
    return { inputs, matchers: inputs.map((i) => compileTest(rule.tests[i]!)) };
  });
  return { table, checks, index: buildIndex(table) };
}

function matchingRules(prepared: PreparedTable, facts: Facts): number[] {
  const { table, checks, index } = prepared;
  const inputs = table.inputs;
  const values: Literal[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) values[i] = facts[inputs[i]!.name] ?? null;
  const candidates = index ? index.byValue.get(values[index.input]!) ?? index.always : null;
  const matched: number[] = [];
  const count = candidates ? candidates.length : checks.length;
  for (let c = 0; c < count; c++) {
    const r = candidates ? candidates[c]! : c;
    const { inputs: at, matchers } = checks[r]!;
    let ok = true;
    for (let i = 0; i < matchers.length; i++) {
      if (!matchers[i]!(values[at[i]!]!, facts)) { ok = false; break; }
    }
    if (ok) {
      matched.push(r);
      if (table.hitPolicy === 'F') break;
    }
  }
  return matched;
}

/** Output values of a rule, resolving references to facts. */
export function ruleOutputs(table: CompiledTable, rule: number, facts: Facts): (Literal | Literal[])[] {
  return table.rules[rule]!.outputs.map((out) => (out === null ? null : 'ref' in out ? facts[out.ref] ?? null : out.value));
}

function priorityKey(table: CompiledTable, rule: number, facts: Facts): number[] {
  const values = ruleOutputs(table, rule, facts);
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

export function selectRules(prepared: PreparedTable, facts: Facts): TableHit {
  const { table } = prepared;
  const matched = matchingRules(prepared, facts);
  switch (table.hitPolicy) {
    case 'U':
      return matched.length > 1
        ? { rules: [], error: `hit policy U: rules ${matched.map((r) => table.rules[r]!.source).join(' and ')} both match` }
        : { rules: matched };
    case 'A': {
      const first = matched.length ? JSON.stringify(ruleOutputs(table, matched[0]!, facts)) : '';
      const differs = matched.find((r) => JSON.stringify(ruleOutputs(table, r, facts)) !== first);
      return differs !== undefined
        ? { rules: [], error: `hit policy A: rules ${table.rules[matched[0]!]!.source} and ${table.rules[differs]!.source} match with different outputs` }
        : { rules: matched.slice(0, 1) };
    }
    case 'P': {
      if (matched.length < 2) return { rules: matched };
      const keyed = matched.map((r) => ({ r, key: priorityKey(table, r, facts) }));
      keyed.sort((a, b) => byPriority(a.key, b.key) || a.r - b.r);
      return { rules: [keyed[0]!.r] };
    }
    case 'O': {
      const keyed = matched.map((r) => ({ r, key: priorityKey(table, r, facts) }));
      keyed.sort((a, b) => byPriority(a.key, b.key) || a.r - b.r);
      return { rules: keyed.map((k) => k.r) };
    }
    default:
      return { rules: matched };
  }
}

/** The DMN value of a table: one output → its value, several → an object; lists for multi-hit. */
export function tableResult(table: CompiledTable, hit: TableHit, facts: Facts): unknown {
  if (hit.error) return null;
  const rowValue = (r: number) => {
    const values = ruleOutputs(table, r, facts);
    if (table.outputs.length === 1) return values[0];
    return Object.fromEntries(table.outputs.map((o, i) => [o.name, values[i]]));
  };
  const single = table.hitPolicy === 'U' || table.hitPolicy === 'A' || table.hitPolicy === 'P' || table.hitPolicy === 'F';
  if (single) return hit.rules.length ? rowValue(hit.rules[0]!) : null;
  const all = hit.rules.map(rowValue);
  if (table.hitPolicy === 'R' || table.hitPolicy === 'O' || table.hitPolicy === 'C') return all;
  if (table.hitPolicy === 'C#') return new Set(all.map((v) => JSON.stringify(v))).size;
  const numbers = all.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0 || numbers.length !== all.length) return null;
  if (table.hitPolicy === 'C+') return numbers.reduce((a, b) => a + b, 0);
  return table.hitPolicy === 'C<' ? Math.min(...numbers) : Math.max(...numbers);
}
