// One decision table on its own, outside any brand: the DMN conformance entry point (and the
// `policy table` command). Inputs are read from a JSON object; `a.b` names reach into nested objects.

import { verifyTable } from '../compile/verify-tables.js';
import type { CompiledTable, Literal } from '../contract.js';
import { type Issue, IssueList } from '../issue.js';
import { parseSheet } from '../sheet/parse-sheet.js';
import { parseTable } from '../sheet/parse-table.js';
import { type PreparedTable, prepareTable, selectRules, tableResult } from './evaluate-table.js';

export type StandaloneTable = { ok: true; table: CompiledTable; warnings: Issue[] } | { ok: false; issues: Issue[] };

export function parseStandaloneTable(name: string, text: string): StandaloneTable {
  const issues = new IssueList();
  const sheet = parseSheet(name, text, issues);
  const table = sheet ? parseTable(sheet, { describe: () => undefined, strictNames: false, bareText: false }, issues) : null;
  if (table) verifyTable(table, () => undefined, issues);
  if (!table || issues.errors.length) return { ok: false, issues: issues.errors };
  return { ok: true, table, warnings: issues.warnings };
}

/** A table prepared once, with the names it reads; nested ones (`a.b`) reach into objects. */
interface Ready {
  prepared: PreparedTable;
  names: string[];
  nested: string[][];
}

function lookup(facts: Record<string, unknown>, name: string, path: string[]): Literal {
  let value: unknown = facts[name];
  if (value === undefined && path.length > 1) {
    value = facts;
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  // Inherited members (`constructor`) and objects are not literals: they read as not given.
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** Prepared once per table: preparing costs far more than evaluating. */
const cache = new WeakMap<CompiledTable, Ready>();

function ready(table: CompiledTable): Ready {
  const held = cache.get(table);
  if (held) return held;
  const prepared = prepareTable(table);
  const names = [...prepared.slots.keys()];
  const entry: Ready = { prepared, names, nested: names.map((name) => name.split('.')) };
  cache.set(table, entry);
  return entry;
}

export interface TableEvaluation {
  result: unknown;
  matched: string[];
  error?: string;
}

export function evaluateTable(table: CompiledTable, input: Record<string, unknown>): TableEvaluation {
  const { prepared, names, nested } = ready(table);
  const values: Literal[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) values[i] = lookup(input, names[i]!, nested[i]!);
  const hit = selectRules(prepared, values);
  const matched: string[] = new Array(hit.rules.length);
  for (let i = 0; i < matched.length; i++) matched[i] = table.rules[hit.rules[i]!]!.source;
  const result = tableResult(prepared, hit, values);
  return hit.error ? { result, matched, error: hit.error } : { result, matched };
}
