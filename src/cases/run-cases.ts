// The editors' cases sheet: each row a claim and the expected answer. Runs them against a compiled
// policy, reports every mismatch by sheet:row:column, and which rules no case ever reached.

import type { CompiledPolicy, Decision, Literal } from '../contract.js';
import { IssueList, columnLetter, type Issue } from '../compile/issue.js';
import { parseLiteral } from '../sheet/cell-syntax.js';
import { parseSheet } from '../sheet/parse-sheet.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';

export interface CaseFailure { column: string; field: string; expected: string; actual: string }
export interface CaseResult { name: string; row: number; sheet: string; claim: Record<string, unknown>; failures: CaseFailure[]; decision: Decision }
export interface CasesReport {
  results: CaseResult[];
  issues: Issue[];
  uncovered: string[];           // rule sources no case matched
}

const STATUS_ALIASES: Record<string, string> = { '√': 'eligible', '✓': 'eligible', '×': 'ineligible', '✗': 'ineligible' };

/** A claim cell → the JSON value a client would send for that fact type. */
function cellValue(type: string, text: string): { value: unknown } | { problem: string } {
  if (type === 'boolean') {
    const lit = parseLiteral(text.toLowerCase() === 'yes' ? 'true' : text.toLowerCase() === 'no' ? 'false' : text);
    return lit?.ok && typeof lit.value === 'boolean' ? { value: lit.value } : { problem: `"${text}" is not true/false` };
  }
  if (type === 'number' || type === 'money') {
    return /^-?\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { problem: `"${text}" is not a number` };
  }
  return { value: text };
}

function actualOf(decision: Decision, field: string): string | undefined {
  const [head, ...rest] = field.split('.');
  const sub = rest.join('.');
  if (head === 'warranty') return decision.warranty ? String((decision.warranty as unknown as Record<string, unknown>)[sub || 'status'] ?? '') : '';
  const remedy = decision.remedies.find((r) => r.remedy === head);
  if (!remedy) {
    const derived = decision.derived[field];
    return derived === undefined ? undefined : String(derived ?? '');
  }
  if (!sub) return remedy.status;
  if (sub === 'reason' || sub === 'reasons') return remedy.reasons.map((r) => r.code).sort().join(', ');
  if (sub === 'deadline') return remedy.deadline ?? '';
  if (sub === 'evidence') return [...remedy.required_evidence].sort().join(', ');
  const fee = remedy.fees[sub];
  return fee === undefined ? '' : String(fee);
}

function normalizeExpected(field: string, text: string): string {
  const sub = field.split('.').slice(1).join('.');
  if (!sub) return STATUS_ALIASES[text] ?? text;
  if ((sub === 'reason' || sub === 'reasons' || sub === 'evidence') && (text === '-' || text === 'none')) return '';
  if (sub === 'reason' || sub === 'reasons' || sub === 'evidence') return text.split(',').map((s) => s.trim()).filter(Boolean).sort().join(', ');
  const lit = parseLiteral(text);
  if (lit?.ok && typeof lit.value === 'number') return String(lit.value);
  return text === '-' || text === 'none' ? '' : text;
}

export function runCases(policy: CompiledPolicy, sheetName: string, text: string): CasesReport {
  const issues = new IssueList();
  const sheet = parseSheet(sheetName, text, issues);
  const results: CaseResult[] = [];
  const covered = new Set<string>();
  if (sheet) {
    const facts = new Map(policy.facts.map((f) => [f.name, f]));
    const headerRow = (sheet.rows[0]?.row ?? 2) - 1;
    const columns = sheet.header.map((h, i) => ({ h: h.trim(), i }));
    const nameColumn = columns.find((c) => c.h === 'case');
    const factColumns = columns.filter((c) => c !== nameColumn && c.h && !c.h.startsWith('>') && !c.h.startsWith('#'));
    const expectColumns = columns.filter((c) => c.h.startsWith('>')).map((c) => ({ ...c, field: c.h.slice(1).trim() }));
    for (const c of factColumns) if (!facts.has(c.h)) issues.error('unknown_fact', `"${c.h}" is not a fact: expected a name from facts.csv, or "> remedy" for an expectation`, sheetName, headerRow, c.i);
    for (const { row, cells } of sheet.rows) {
      const claim: Record<string, unknown> = {};
      for (const c of factColumns) {
        const text = cells[c.i] ?? '';
        const fact = facts.get(c.h);
        if (!text || !fact) continue;
        const v = cellValue(fact.type, text);
        if ('problem' in v) issues.error('bad_cell', `${v.problem}: expected a ${fact.type}`, sheetName, row, c.i);
        else claim[c.h] = v.value;
      }
      const asOf = typeof claim[policy.claimDate] === 'string' ? (claim[policy.claimDate] as string) : '2025-01-01';
      const decision = evaluateClaim(policy, claim, asOf, { trace: true });
      decision.trace?.forEach((step) => step.matched.forEach((s) => covered.add(s)));
      const failures: CaseFailure[] = [];
      for (const c of expectColumns) {
        const text = cells[c.i] ?? '';
        if (!text) continue;
        const actual = actualOf(decision, c.field);
        if (actual === undefined) {
          issues.error('unknown_expectation', `"> ${c.field}" names no remedy, warranty field or derived fact: expected e.g. "> refund" or "> refund.deadline"`, sheetName, headerRow, c.i);
          continue;
        }
        const expected = normalizeExpected(c.field, text);
        if (expected !== actual) failures.push({ column: columnLetter(c.i), field: c.field, expected, actual: actual || '(none)' });
      }
      results.push({ name: (nameColumn && cells[nameColumn.i]) || `row ${row}`, row, sheet: sheetName, claim, failures, decision });
    }
  }
  const uncovered = policy.tables.flatMap((t) => t.rules.map((r) => r.source)).filter((s) => !covered.has(s));
  return { results, issues: issues.items, uncovered };
}

export type { Literal };
