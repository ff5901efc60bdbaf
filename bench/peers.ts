// The same decision tables for the peers: each CompiledTable translated to a GoRules zen-engine JDM
// decision-table node and to json-rules-engine rules, plus the floor — a minimal hand-written JSON
// interpreter that scans every row with a switch over flattened cells (no closures, no index). Every engine
// answers "which rows does each table select, with which outputs"; run.ts checks they agree.

import { type ZenDecision, ZenEngine } from '@gorules/zen-engine';
import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';
import type { CompiledTable, Literal, UnaryTest } from '../src/contract.js';

export type Facts = Record<string, Literal>;
/** Per table: the selected rows (after the hit policy) with their output values. */
export type Selection = { row: number; outputs: (Literal | Literal[])[] }[][];

const globSource = (glob: string) => `^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`;
const isOrdered = (t: UnaryTest): boolean =>
  'cmp' in t || 'range' in t || ('ref' in t && t.op !== undefined) || ('not' in t && t.not.some(isOrdered)) || ('or' in t && t.or.some(isOrdered));

// ---------- zen-engine: a JDM graph, one decision-table node per table ----------

const zenLiteral = (v: Literal | Literal[]): string => JSON.stringify(v);

/**
 * A unary test as a zen expression over `$`, FEEL's "null never compares" made explicit. Zen's
 * unary parser rejects a parenthesised group holding a comma, so globs become one regex.
 */
function zenTest(t: UnaryTest): string {
  if ('any' in t) return '';
  if ('eq' in t) return t.eq.length === 1 ? `$ == ${zenLiteral(t.eq[0]!)}` : `$ in ${zenLiteral(t.eq)}`;
  if ('glob' in t) return `$ != null and matches($, ${JSON.stringify(`(?i)^(?:${t.glob.map((g) => globSource(g).slice(1, -1)).join('|')})$`)})`;
  if ('cmp' in t) return `$ != null and $ ${t.cmp} ${zenLiteral(t.value)}`;
  if ('range' in t) {
    const [lo, hi] = t.range;
    return `$ != null and $ ${t.open[0] ? '>' : '>='} ${zenLiteral(lo)} and $ ${t.open[1] ? '<' : '<='} ${zenLiteral(hi)}`;
  }
  if ('ref' in t) return t.op ? `$ != null and ${t.ref} != null and $ ${t.op} ${t.ref}` : `$ != null and $ == ${t.ref}`;
  if ('or' in t) return t.or.map((x) => `(${zenTest(x)})`).join(' or ');
  const inner = t.not.map(zenTest).join(' or ');
  return isOrdered(t) ? `$ != null and not(${inner})` : `not(${inner})`;
}

function zenTableNode(table: CompiledTable, id: string) {
  const outputs = table.outputs.map((_, o) => ({ id: `o${o}`, name: `o${o}`, field: `o${o}` }));
  return {
    id,
    type: 'decisionTableNode',
    name: table.name,
    position: { x: 0, y: 0 },
    content: {
      hitPolicy: table.hitPolicy === 'F' ? 'first' : 'collect',
      outputPath: id,
      inputs: table.inputs.map((input, i) => ({ id: `i${i}`, name: input.name, field: input.name })),
      outputs: [...outputs, { id: 'row', name: 'row', field: 'row' }],
      rules: table.rules.map((rule, r) => {
        const cells: Record<string, string> = { _id: `r${r}`, row: String(r) };
        rule.tests.forEach((test, i) => {
          cells[`i${i}`] = zenTest(test);
        });
        rule.outputs.forEach((out, o) => {
          cells[`o${o}`] = out === null ? 'null' : 'ref' in out ? out.ref : zenLiteral(out.value);
        });
        return cells;
      }),
    },
  };
}

/** One JDM graph holding every table side by side (input → each table → output). */
export function zenDecision(engine: ZenEngine, tables: CompiledTable[]): ZenDecision {
  const nodes = tables.map((t, i) => zenTableNode(t, `t${i}`));
  return engine.createDecision({
    nodes: [
      { id: 'in', type: 'inputNode', name: 'claim', position: { x: 0, y: 0 } },
      ...nodes,
      { id: 'out', type: 'outputNode', name: 'decision', position: { x: 0, y: 0 } },
    ],
    edges: nodes.flatMap((n) => [
      { id: `in-${n.id}`, sourceId: 'in', targetId: n.id, type: 'edge' },
      { id: `${n.id}-out`, sourceId: n.id, targetId: 'out', type: 'edge' },
    ]),
  });
}

type ZenRow = Record<string, Literal | Literal[]>;

export function zenSelection(tables: CompiledTable[], result: Record<string, ZenRow | ZenRow[] | undefined>): Selection {
  return tables.map((table, i) => {
    const value = result[`t${i}`];
    const rows = value === undefined ? [] : Array.isArray(value) ? value : [value];
    return rows.map((row) => ({ row: Number(row.row), outputs: table.outputs.map((_, o) => row[`o${o}`] ?? null) }));
  });
}

// ---------- json-rules-engine: one engine per table set, one rule per row ----------

type Condition = Record<string, unknown>;

function jreConditions(fact: string, t: UnaryTest): Condition[] {
  if ('any' in t) return [];
  if ('eq' in t) return [t.eq.length === 1 ? { fact, operator: 'equal', value: t.eq[0] } : { fact, operator: 'in', value: t.eq }];
  if ('glob' in t) return [{ fact, operator: 'glob', value: t.glob.map(globSource) }];
  if ('cmp' in t) {
    const op = { '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive' }[t.cmp];
    return [{ fact, operator: op, value: t.value }];
  }
  if ('range' in t) {
    return [
      { fact, operator: t.open[0] ? 'greaterThan' : 'greaterThanInclusive', value: t.range[0] },
      { fact, operator: t.open[1] ? 'lessThan' : 'lessThanInclusive', value: t.range[1] },
    ];
  }
  if ('ref' in t && !t.op)
    return [
      { fact, operator: 'equal', value: { fact: t.ref } },
      { fact, operator: 'notEqual', value: null },
    ];
  if ('or' in t) return [{ any: t.or.map((x) => ({ all: jreConditions(fact, x) })) }];
  if ('not' in t && t.not.every((x) => 'eq' in x)) return [{ fact, operator: 'notIn', value: t.not.flatMap((x) => ('eq' in x ? x.eq : [])) }];
  throw new Error(`json-rules-engine translation: unsupported cell ${JSON.stringify(t)}`);
}

/**
 * One engine holding every row of every table. With `stopAtFirstHit` (a single F table) rows get
 * descending priorities and the engine stops at the first success, as its docs suggest for first-hit.
 */
export function jreEngine(tables: CompiledTable[], stopAtFirstHit = false): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  if (stopAtFirstHit)
    engine.on('success', () => {
      engine.stop();
    });
  engine.addOperator('glob', (value: unknown, patterns: string[]) => typeof value === 'string' && patterns.some((p) => new RegExp(p, 'i').test(value)));
  for (const [t, table] of tables.entries()) {
    for (const [r, rule] of table.rules.entries()) {
      const all = rule.tests.flatMap((test, i) => jreConditions(table.inputs[i]!.name, test));
      const properties: RuleProperties = {
        name: rule.source,
        conditions: { all: all as unknown as NestedCondition[] },
        event: { type: table.name, params: { table: t, row: r } },
        ...(stopAtFirstHit ? { priority: table.rules.length - r } : {}),
      };
      engine.addRule(properties);
    }
  }
  return engine;
}

/** Events → selection; a first-hit (F) table keeps its lowest matching row. */
export function jreSelection(tables: CompiledTable[], events: { params?: Record<string, unknown> }[], facts: Facts): Selection {
  const rows: number[][] = tables.map(() => []);
  for (const e of events) rows[e.params!.table as number]!.push(e.params!.row as number);
  return tables.map((table, t) => {
    const sorted = rows[t]!.sort((a, b) => a - b);
    return (table.hitPolicy === 'F' ? sorted.slice(0, 1) : sorted).map((row) => ({ row, outputs: outputsOf(table, row, facts) }));
  });
}

// ---------- the floor: a minimal interpreter of the compiled JSON ----------

/**
 * One cell, flattened to a single object shape so the interpreter's switch stays monomorphic:
 * what a tight hand-written interpreter of JSON tables would load before evaluating anything.
 */
interface FloorCell {
  input: number;
  kind: 'eq' | 'glob' | 'cmp' | 'range' | 'ref' | 'or' | 'not';
  values: Literal[];
  op: string;
  lo: Literal;
  hi: Literal;
  open: [boolean, boolean];
  regex: RegExp | null;
  parts: FloorCell[];
}
interface FloorTable {
  table: CompiledTable;
  first: boolean;
  inputs: string[];
  rows: FloorCell[][];
}

function floorCell(t: UnaryTest, input: number): FloorCell {
  const cell: FloorCell = { input, kind: 'eq', values: [], op: '', lo: null, hi: null, open: [false, false], regex: null, parts: [] };
  if ('eq' in t) cell.values = t.eq;
  else if ('glob' in t) Object.assign(cell, { kind: 'glob', regex: new RegExp(t.glob.map(globSource).join('|'), 'i') });
  else if ('cmp' in t) Object.assign(cell, { kind: 'cmp', op: t.cmp, lo: t.value });
  else if ('range' in t) Object.assign(cell, { kind: 'range', lo: t.range[0], hi: t.range[1], open: t.open });
  else if ('ref' in t) Object.assign(cell, { kind: 'ref', op: t.op ?? '', values: [t.ref] });
  else if ('or' in t) Object.assign(cell, { kind: 'or', parts: t.or.map((x) => floorCell(x, input)) });
  else if ('not' in t) Object.assign(cell, { kind: 'not', parts: t.not.map((x) => floorCell(x, input)), op: isOrdered(t) ? 'ordered' : '' });
  return cell;
}

export function floorTables(tables: CompiledTable[]): FloorTable[] {
  return tables.map((table) => ({
    table,
    first: table.hitPolicy === 'F',
    inputs: table.inputs.map((i) => i.name),
    rows: table.rules.map((rule) => rule.tests.flatMap((t, i) => ('any' in t ? [] : [floorCell(t, i)]))),
  }));
}

function compare(op: string, a: Literal, b: Literal): boolean {
  if (a === null || b === null || typeof a !== typeof b || typeof a === 'boolean') return false;
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

function holds(c: FloorCell, v: Literal, facts: Facts): boolean {
  switch (c.kind) {
    case 'eq':
      return c.values.length === 1 ? c.values[0] === v : c.values.includes(v);
    case 'glob':
      return typeof v === 'string' && c.regex!.test(v);
    case 'cmp':
      return compare(c.op, v, c.lo);
    case 'range':
      return compare(c.open[0] ? '>' : '>=', v, c.lo) && compare(c.open[1] ? '<' : '<=', v, c.hi);
    case 'ref':
      return c.op ? compare(c.op, v, facts[c.values[0] as string] ?? null) : v !== null && v === facts[c.values[0] as string];
    case 'or':
      return c.parts.some((p) => holds(p, v, facts));
    default:
      return !(c.op && v === null) && !c.parts.some((p) => holds(p, v, facts));
  }
}

export function outputsOf(table: CompiledTable, row: number, facts: Facts): (Literal | Literal[])[] {
  return table.rules[row]!.outputs.map((out) => (out === null ? null : 'ref' in out ? (facts[out.ref] ?? null) : out.value));
}

/** Rows each table selects, by scanning every row: first-hit stops at the first match, the rest collect. */
export function interpret(tables: FloorTable[], facts: Facts): Selection {
  const selection: Selection = [];
  for (const t of tables) {
    const values = t.inputs.map((name) => facts[name] ?? null);
    const selected: Selection[number] = [];
    for (let r = 0; r < t.rows.length; r++) {
      const cells = t.rows[r]!;
      let ok = true;
      for (let c = 0; c < cells.length && ok; c++) ok = holds(cells[c]!, values[cells[c]!.input]!, facts);
      if (!ok) continue;
      selected.push({ row: r, outputs: outputsOf(t.table, r, facts) });
      if (t.first) break;
    }
    selection.push(selected);
  }
  return selection;
}

export { ZenEngine };
