// One decision table on its own, outside any brand: the DMN conformance entry point (and the
// `policy table` command). Inputs are read from a JSON object; `a.b` names reach into nested objects.

import type { CompiledTable, Literal } from '../contract.js';
import { IssueList, type Issue } from '../compile/issue.js';
import { verifyTable } from '../compile/verify-tables.js';
import { parseSheet } from '../sheet/parse-sheet.js';
import { parseTable } from '../sheet/parse-table.js';
import { prepareTable, selectRules, tableResult } from './evaluate-table.js';

export type StandaloneTable = { ok: true; table: CompiledTable; warnings: Issue[] } | { ok: false; issues: Issue[] };

export function parseStandaloneTable(name: string, text: string): StandaloneTable {
  const issues = new IssueList();
  const sheet = parseSheet(name, text, issues);
  const table = sheet ? parseTable(sheet, { describe: () => undefined, strictNames: false }, issues) : null;
  if (table) verifyTable(table, () => undefined, issues);
  if (!table || issues.errors.length) return { ok: false, issues: issues.errors };
  return { ok: true, table, warnings: issues.warnings };
}

function lookup(facts: Record<string, unknown>, name: string): Literal {
  let value: unknown = name in facts ? facts[name] : undefined;
  if (value === undefined && name.includes('.')) {
    value = name.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), facts);
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** Prepared once per table: preparing costs far more than evaluating (closures per cell). */
const prepared = new WeakMap<CompiledTable, ReturnType<typeof prepareTable>>();

export interface TableEvaluation { result: unknown; matched: string[]; error?: string }

export function evaluateTable(table: CompiledTable, input: Record<string, unknown>): TableEvaluation {
  const ready = prepared.get(table) ?? prepared.set(table, prepareTable(table)).get(table)!;
  const values = [...ready.slots.keys()].map((name) => lookup(input, name));
  const hit = selectRules(ready, values);
  return {
    result: tableResult(ready, hit, values),
    matched: hit.rules.map((r) => table.rules[r]!.source),
    ...(hit.error ? { error: hit.error } : {}),
  };
}
