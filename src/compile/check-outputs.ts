// Gives each output column of a brand table its role (verdict, remedies/status, reason, deadline,
// evidence, fee, or derived fact) and checks every cell against it: √/×/review verdicts, known
// reason codes and windows, payers, percentages within 0–100.

import type { CompiledFee, CompiledTable, Literal, OutputRole, OutputValue } from '../contract.js';
import type { IssueList } from '../issue.js';
import { outputName } from '../sheet/parse-table.js';

export const META_FIELDS = ['reason', 'deadline', 'evidence'];

export interface OutputVocabulary {
  remedies: Set<string>;
  fees: Map<string, CompiledFee>;
  reasons: Set<string>;
  windows: Set<string>;
  factType(name: string): string | undefined;
}

export function outputRole(name: string, vocab: OutputVocabulary): OutputRole | string {
  if (vocab.remedies.has(name)) return { kind: 'verdict', remedy: name };
  if (name === 'remedies') return { kind: 'remedies' };
  if (name === 'status') return { kind: 'status' };
  if (META_FIELDS.includes(name) || vocab.fees.has(name)) return { kind: 'meta', field: name };
  const dot = name.indexOf('.');
  if (dot >= 0) {
    const remedy = name.slice(0, dot),
      field = name.slice(dot + 1);
    if (!vocab.remedies.has(remedy)) return `"${remedy}" is not one of this brand's remedies (${[...vocab.remedies].join(', ')})`;
    if (!META_FIELDS.includes(field) && !vocab.fees.has(field)) return `"${field}" is not reason, deadline, evidence or a field of fees.csv`;
    return { kind: 'meta', field, remedy };
  }
  if (vocab.factType(name) !== undefined) return `"${name}" is a claim fact: a table cannot overwrite it`;
  return { kind: 'derived' };
}

const VERDICTS: Record<string, string> = { true: 'eligible', false: 'ineligible', eligible: 'eligible', ineligible: 'ineligible', review: 'review' };
const asList = (v: OutputValue): Literal[] => ('ref' in v ? [] : Array.isArray(v.value) ? v.value : [v.value]);

/** Checks one cell of a classified column; returns the normalized value or a problem. */
function checkCell(role: OutputRole, value: OutputValue, vocab: OutputVocabulary): { value: OutputValue } | { problem: string } {
  if (role.kind === 'derived') return { value };
  // Only money fields copy a fact (refund_amount = order_amount); elsewhere a bare word that happens
  // to name a fact is a value, e.g. the reason code water_damage.
  if ('ref' in value && !(role.kind === 'meta' && vocab.fees.get(role.field)?.type === 'money')) value = { value: value.ref };
  const list = asList(value).map(String);
  switch (role.kind) {
    case 'verdict':
    case 'status': {
      const verdict = list.length === 1 ? VERDICTS[list[0]!] : undefined;
      return verdict ? { value: { value: verdict } } : { problem: `"${list.join(', ')}" is not a verdict: expected √ (eligible), × (ineligible) or review` };
    }
    case 'remedies': {
      const unknown = list.find((r) => r !== '*' && !vocab.remedies.has(r));
      if (unknown) return { problem: `"${unknown}" is not one of this brand's remedies: expected ${[...vocab.remedies].join(', ')} or *` };
      return { value: { value: list.includes('*') ? [...vocab.remedies] : list } };
    }
    case 'meta':
      return checkMetaCell(role.field, value, list, vocab);
  }
}

function checkMetaCell(field: string, value: OutputValue, list: string[], vocab: OutputVocabulary): { value: OutputValue } | { problem: string } {
  if (field === 'reason') {
    const unknown = list.find((c) => !vocab.reasons.has(c));
    return unknown
      ? { problem: `unknown reason code "${unknown}": expected a code from _shared/reasons.csv or the brand's messages.csv` }
      : { value: { value: list } };
  }
  if (field === 'deadline') {
    const unknown = list.length === 1 ? (vocab.windows.has(list[0]!) ? undefined : list[0]) : list.join(', ');
    return unknown !== undefined ? { problem: `"${unknown}" is not a window: expected one window name from windows.csv` } : { value };
  }
  if (field === 'evidence') return { value: { value: list } };
  const fee = vocab.fees.get(field)!;
  if ('ref' in value) {
    return vocab.factType(value.ref) === 'money'
      ? { value }
      : { problem: `"${value.ref}" is not a money fact: expected an amount or a money fact such as order_amount` };
  }
  const v = 'value' in value ? value.value : null;
  switch (fee.type) {
    case 'payer':
      return v === 'brand' || v === 'customer' ? { value } : { problem: `"${list.join(', ')}" is not a payer: expected brand or customer` };
    case 'percent':
      return typeof v === 'number' && v >= 0 && v <= 100
        ? { value }
        : { problem: `"${list.join(', ')}" is not a percentage: expected a number from 0% to 100%` };
    case 'money':
      return typeof v === 'number' && v >= 0 ? { value } : { problem: `"${list.join(', ')}" is not an amount: expected a number ≥ 0 or a money fact` };
    default:
      return { value: { value: list.join(', ') } };
  }
}

/** A percentage between 0 and 1 exclusive, almost always a spreadsheet fraction (0.1 for 10 %); else null. */
function percentFraction(role: OutputRole, value: OutputValue, vocab: OutputVocabulary): number | null {
  if (role.kind !== 'meta' || vocab.fees.get(role.field)?.type !== 'percent' || !('value' in value)) return null;
  return typeof value.value === 'number' && value.value > 0 && value.value < 1 ? value.value : null;
}

/** Columns of a row whose verdict needs a reason: ×/review without a reason column for it. */
function checkReasons(table: CompiledTable, rowIndex: number, cellRow: number, columnOf: (o: number) => number, issues: IssueList): void {
  const rule = table.rules[rowIndex]!;
  const roles = table.outputs.map((o) => o.role!);
  const hasReason = (remedy?: string) =>
    roles.some((r, i) => r.kind === 'meta' && r.field === 'reason' && (r.remedy === undefined || r.remedy === remedy) && rule.outputs[i] !== null);
  roles.forEach((role, i) => {
    const out = rule.outputs[i];
    if (!out || !('value' in out) || out.value === 'eligible') return;
    if (role.kind === 'verdict' && !hasReason(role.remedy))
      issues.error(
        'missing_reason',
        `${role.remedy} is ${out.value} without a reason: expected a code in the "> reason" column`,
        table.source,
        cellRow,
        columnOf(i),
      );
    if (role.kind === 'status' && !hasReason())
      issues.error('missing_reason', `status ${out.value} without a reason: expected a code in the "> reason" column`, table.source, cellRow, columnOf(i));
  });
  const status = roles.findIndex((r) => r.kind === 'status');
  const remedies = roles.findIndex((r) => r.kind === 'remedies');
  if (status >= 0 && rule.outputs[status] !== null && (remedies < 0 || rule.outputs[remedies] === null))
    issues.error(
      'status_without_remedies',
      'a status needs the remedies it applies to: expected remedy names in the "> remedies" column',
      table.source,
      cellRow,
      columnOf(status),
    );
}

/** Classifies and checks the outputs of a parsed brand table in place. */
export function checkOutputs(table: CompiledTable, header: string[], vocab: OutputVocabulary, issues: IssueList): void {
  const columnOf = (o: number) => header.findIndex((h) => outputName(h) === table.outputs[o]!.name);
  const headerRow = table.headerRow;
  let usable = true;
  table.outputs.forEach((output, o) => {
    const role = outputRole(output.name, vocab);
    if (typeof role === 'string') {
      issues.error('unknown_output', `output "${output.name}": ${role}`, table.source, headerRow, columnOf(o));
      usable = false;
      return;
    }
    output.role = role;
    // A default verdict, fee or reason would decide remedies no row speaks about: only a table
    // output that derives a fact can fall back to a value.
    if (output.default !== undefined && role.kind !== 'derived') {
      issues.error(
        'bad_default',
        `"> ${output.name}" cannot have a default: only an output that derives a fact (read by a later table or window) can`,
        table.source,
        headerRow,
        columnOf(o),
      );
      usable = false;
    }
  });
  if (!usable) return;
  table.rules.forEach((rule, r) => {
    const row = Number(rule.source.split(':').pop());
    rule.outputs.forEach((value, o) => {
      if (value === null) return;
      const role = table.outputs[o]!.role!;
      const checked = checkCell(role, value, vocab);
      if ('problem' in checked) {
        issues.error('bad_cell', checked.problem, table.source, row, columnOf(o));
        return;
      }
      rule.outputs[o] = checked.value;
      const fraction = percentFraction(role, checked.value, vocab);
      if (fraction !== null) {
        const meant = Math.round(fraction * 10_000) / 100;
        issues.warn('suspicious_percent', `${fraction} is taken as ${fraction} %: if you meant ${meant} %, write ${meant}%`, table.source, row, columnOf(o));
      }
    });
    checkReasons(table, r, row, columnOf, issues);
  });
}
