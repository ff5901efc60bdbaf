// The editors' cases sheet: each row a claim and the expected answer. A row is a claim first: its
// facts go through the same checks the API applies (checkClaim), so a case cannot test a claim no
// client could send. Runs the valid rows against a compiled policy, reports every mismatch by
// sheet:row:column, and which rules no case ever reached.

import type { CompiledFact, CompiledPolicy, Decision, Literal } from '../contract.js';
import { checkClaim, checkValue } from '../evaluate/check-claim.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import { columnLetter, type Issue, IssueList } from '../issue.js';
import { parseLiteral } from '../sheet/cell-syntax.js';
import { parseSheet, type SheetRow } from '../sheet/parse-sheet.js';
import { type CaseColumns, expectationProblem, normalizeExpected, readCaseColumns } from './case-columns.js';

export interface CaseFailure {
  column: string;
  field: string;
  expected: string;
  actual: string;
}
export interface CaseResult {
  name: string;
  row: number;
  sheet: string;
  claim: Record<string, unknown>;
  failures: CaseFailure[];
  decision: Decision;
}
export interface CasesReport {
  results: CaseResult[];
  issues: Issue[];
  uncovered: string[]; // rule sources no case matched
  refused: number; // rows not run: a value the API refuses, or no expectation
}

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
  if (sub === 'reason' || sub === 'reasons')
    return remedy.reasons
      .map((r) => r.code)
      .sort()
      .join(', ');
  if (sub === 'deadline') return remedy.deadline ?? '';
  if (sub === 'evidence') return [...remedy.required_evidence].sort().join(', ');
  const fee = remedy.fees[sub];
  return fee === undefined ? '' : String(fee);
}

const factIndexes = new WeakMap<CompiledPolicy, Map<string, CompiledFact>>();
const factsByName = (policy: CompiledPolicy) => factIndexes.get(policy) ?? factIndexes.set(policy, new Map(policy.facts.map((f) => [f.name, f]))).get(policy)!;

/** 1. The row's facts as the claim a client would send, checked as the API checks it; null if refused. */
function claimOfRow(policy: CompiledPolicy, columns: CaseColumns, { row, cells }: SheetRow, sheet: string, issues: IssueList): Record<string, unknown> | null {
  const facts = factsByName(policy);
  const claim: Record<string, unknown> = {};
  const columnOf = new Map<string, number>();
  let ok = true;
  for (const c of columns.facts) {
    const text = cells[c.index] ?? '';
    const fact = facts.get(c.name)!;
    if (!text) continue;
    const v = cellValue(fact.type, text);
    if ('problem' in v) {
      issues.error('bad_cell', `${v.problem}: expected a ${fact.type}`, sheet, row, c.index);
      ok = false;
    } else {
      claim[c.name] = v.value;
      columnOf.set(c.name, c.index);
    }
  }
  const checked = checkClaim(policy.facts, claim);
  if (checked.ok) return ok ? claim : null;
  for (const p of checked.problems) {
    const name = p.path.replace(/^claim\./, '');
    const valueProblem = 'problem' in checkValue(facts.get(name)!, claim[name]);
    // The API refuses this claim (400): a case cannot expect an answer for it.
    issues.error(
      valueProblem ? 'bad_cell' : 'dates_out_of_order',
      `${JSON.stringify(String(claim[name]))} for ${name}: ${p.message}`,
      sheet,
      row,
      columnOf.get(name),
    );
  }
  return null;
}

/** 2. The row's expectations, each readable as its field; null when one is not, or none is given. */
function expectationsOfRow(policy: CompiledPolicy, columns: CaseColumns, { row, cells }: SheetRow, sheet: string, issues: IssueList) {
  const expected: { field: string; index: number; text: string }[] = [];
  let ok = true;
  for (const c of columns.expects) {
    const text = cells[c.index] ?? '';
    if (!text) continue;
    const problem = expectationProblem(policy, c.field, text);
    if (problem) {
      issues.error('bad_expectation', `"${text}" cannot be expected of > ${c.field}: ${problem}`, sheet, row, c.index);
      ok = false;
    } else expected.push({ field: c.field, index: c.index, text });
  }
  if (ok && expected.length === 0) {
    issues.error('no_expectation', 'the case expects nothing, so it tests nothing: expected a value in at least one "> …" column', sheet, row, columns.name);
    return null;
  }
  return ok ? expected : null;
}

/** 3. A case name used before: results and annotations could not tell the two apart. */
function checkCaseName(columns: CaseColumns, { row, cells }: SheetRow, seen: Map<string, number>, sheet: string, issues: IssueList): string | undefined {
  const name = columns.name === undefined ? undefined : cells[columns.name];
  if (!name) return undefined;
  const first = seen.get(name);
  if (first !== undefined)
    issues.error('duplicate_case', `case "${name}" is also the case at row ${first}: expected each case named once`, sheet, row, columns.name);
  else seen.set(name, row);
  return name;
}

export function runCases(policy: CompiledPolicy, sheetName: string, text: string): CasesReport {
  const issues = new IssueList();
  const sheet = parseSheet(sheetName, text, issues);
  const results: CaseResult[] = [];
  const covered = new Set<string>();
  let refused = 0;
  if (sheet) {
    const columns = readCaseColumns(sheet, policy, issues);
    const names = new Map<string, number>();
    const unknownReported = new Set<number>();
    for (const line of sheet.rows) {
      const name = checkCaseName(columns, line, names, sheetName, issues);
      const claim = claimOfRow(policy, columns, line, sheetName, issues);
      const expected = expectationsOfRow(policy, columns, line, sheetName, issues);
      if (!claim || !expected) {
        refused++;
        continue;
      } // their answers would test nothing
      const asOf = typeof claim[policy.claimDate] === 'string' ? (claim[policy.claimDate] as string) : '2025-01-01';
      const decision = evaluateClaim(policy, claim, asOf, { trace: true });
      for (const step of decision.trace ?? []) {
        for (const s of step.matched) covered.add(s);
      }
      const failures: CaseFailure[] = [];
      for (const e of expected) {
        const actual = actualOf(decision, e.field);
        if (actual === undefined) {
          if (!unknownReported.has(e.index))
            issues.error(
              'unknown_expectation',
              `"> ${e.field}" names no remedy, warranty field or derived fact: expected e.g. "> refund" or "> refund.deadline"`,
              sheetName,
              sheet.headerRow,
              e.index,
            );
          unknownReported.add(e.index);
          continue;
        }
        const want = normalizeExpected(e.field, e.text);
        if (want !== actual) failures.push({ column: columnLetter(e.index), field: e.field, expected: want, actual: actual || '(none)' });
      }
      results.push({ name: name || `row ${line.row}`, row: line.row, sheet: sheetName, claim, failures, decision });
    }
  }
  const uncovered = policy.tables.flatMap((t) => t.rules.map((r) => r.source)).filter((s) => !covered.has(s));
  return { results, issues: issues.items, uncovered, refused };
}

export type { Literal };
