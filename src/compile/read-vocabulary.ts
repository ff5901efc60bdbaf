// The non-table sheets of a brand and of _shared: facts, fees, reason messages, policy settings,
// remedies and windows, each read into its compiled shape with every problem reported.

import type { CompiledFact, CompiledFee, CompiledRemedy, CompiledWindow, FactType, FeeType } from '../contract.js';
import type { Sheet } from '../sheet/parse-sheet.js';
import { otherColumns, readRecords, splitList } from '../sheet/read-records.js';
import type { IssueList } from './issue.js';

const NAME = /^[a-z][a-z0-9_]*$/;
const FACT_TYPES: FactType[] = ['boolean', 'enum', 'text', 'date', 'number', 'money'];
const FEE_TYPES: FeeType[] = ['payer', 'percent', 'money', 'text'];
const UNITS = ['days', 'months', 'years'] as const;
const PERCENT_OF = /^percent_of\(\s*([a-z][a-z0-9_]*)\s*,\s*([a-z][a-z0-9_]*)\s*\)$/;

function checkName(name: string, what: string, sheet: Sheet, row: number, col: number, issues: IssueList): boolean {
  if (NAME.test(name)) return true;
  issues.error('bad_name', `"${name}" is not a valid ${what} name: expected lower-case letters, digits and _`, sheet.name, row, col);
  return false;
}

function checkUnique(seen: Set<string>, name: string, what: string, sheet: Sheet, row: number, col: number, issues: IssueList): boolean {
  if (!seen.has(name)) return seen.add(name), true;
  issues.error('duplicate_name', `${what} "${name}" is defined twice: expected each ${what} once`, sheet.name, row, col);
  return false;
}

export function readFacts(sheet: Sheet, issues: IssueList, seen = new Set<string>()): CompiledFact[] {
  const facts: CompiledFact[] = [];
  for (const r of readRecords(sheet, { required: ['fact', 'type'], optional: ['values', 'not_before', 'description'] }, issues)) {
    const name = r.get('fact'), type = r.get('type') as FactType;
    if (!checkName(name, 'fact', sheet, r.row, r.col('fact'), issues) || !checkUnique(seen, name, 'fact', sheet, r.row, r.col('fact'), issues)) continue;
    if (!FACT_TYPES.includes(type)) {
      issues.error('bad_type', `fact type "${type}" is unknown: expected one of ${FACT_TYPES.join(', ')}`, sheet.name, r.row, r.col('type'));
      continue;
    }
    const values = splitList(r.get('values'));
    if (type === 'enum' && values.length === 0) issues.error('missing_values', `enum fact "${name}" lists no values: expected comma-separated values`, sheet.name, r.row, r.col('values'));
    const notBefore = splitList(r.get('not_before'));
    if (notBefore.length && type !== 'date') issues.error('bad_not_before', `not_before only applies to date facts, and "${name}" is ${type}`, sheet.name, r.row, r.col('not_before'));
    facts.push({
      name, type, ...(type === 'enum' ? { values } : {}), ...(notBefore.length ? { notBefore } : {}),
      ...(r.get('description') ? { description: r.get('description') } : {}),
    });
  }
  return facts;
}

export function readFees(sheet: Sheet, issues: IssueList): CompiledFee[] {
  const fees: CompiledFee[] = [];
  const seen = new Set<string>();
  for (const r of readRecords(sheet, { required: ['field', 'type'], optional: ['computed_from', 'description'] }, issues)) {
    const name = r.get('field'), type = r.get('type') as FeeType;
    if (!checkName(name, 'fee', sheet, r.row, r.col('field'), issues) || !checkUnique(seen, name, 'fee field', sheet, r.row, r.col('field'), issues)) continue;
    if (!FEE_TYPES.includes(type)) {
      issues.error('bad_type', `fee type "${type}" is unknown: expected one of ${FEE_TYPES.join(', ')}`, sheet.name, r.row, r.col('type'));
      continue;
    }
    const computed = r.get('computed_from');
    const m = PERCENT_OF.exec(computed);
    if (computed && !m) issues.error('bad_formula', `"${computed}" cannot be computed: expected percent_of(percent_field, amount_fact)`, sheet.name, r.row, r.col('computed_from'));
    fees.push({ name, type, ...(m ? { percentOf: { percent: m[1]!, base: m[2]! } } : {}) });
  }
  return fees;
}

/** reasons.csv / messages.csv: code + one column per locale → code → locale → text. */
export function readMessages(sheet: Sheet, issues: IssueList, into: Record<string, Record<string, string>>): string[] {
  const locales = otherColumns(sheet, ['code']);
  for (const locale of locales) {
    if (!/^[a-z]{2}(-[a-z]{2})?$/.test(locale)) issues.error('bad_locale', `"${locale}" is not a language code: expected e.g. en, de, fr`, sheet.name, (sheet.rows[0]?.row ?? 2) - 1);
  }
  const seen = new Set<string>();
  for (const r of readRecords(sheet, { required: ['code'], extra: /^[a-z]{2}(-[a-z]{2})?$/ }, issues)) {
    const code = r.get('code');
    if (!checkName(code, 'reason code', sheet, r.row, r.col('code'), issues) || !checkUnique(seen, code, 'reason code', sheet, r.row, r.col('code'), issues)) continue;
    const texts = (into[code] ??= {});
    for (const locale of locales) if (r.get(locale)) texts[locale] = r.get(locale);
  }
  return locales;
}

export interface PolicySettings {
  brand: string; name: string; currency: string; locales: string[]; warrantyWindow?: string; claimDate: string;
  rows: Record<string, { row: number; col: number }>;
}

export function readPolicySettings(sheet: Sheet, brand: string, issues: IssueList): PolicySettings {
  const values: Record<string, string> = {};
  const rows: PolicySettings['rows'] = {};
  const known = ['brand', 'name', 'currency', 'locales', 'warranty_window', 'claim_date'];
  for (const r of readRecords(sheet, { required: ['key', 'value'] }, issues)) {
    const key = r.get('key');
    if (!known.includes(key)) {
      issues.error('unknown_setting', `unknown setting "${key}": expected one of ${known.join(', ')}`, sheet.name, r.row, r.col('key'));
      continue;
    }
    values[key] = r.get('value');
    rows[key] = { row: r.row, col: r.col('value') };
  }
  if (values.brand !== undefined && values.brand !== brand)
    issues.error('brand_mismatch', `brand "${values.brand}" does not match its folder "${brand}": expected the folder name`, sheet.name, rows.brand!.row, rows.brand!.col);
  const currency = values.currency ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) issues.error('bad_currency', `"${currency}" is not a currency code: expected e.g. USD, EUR`, sheet.name, rows.currency?.row, rows.currency?.col);
  const locales = splitList(values.locales ?? 'en');
  return { brand, name: values.name || brand, currency, locales, warrantyWindow: values.warranty_window || undefined, claimDate: values.claim_date || 'claim_on', rows };
}

export function readRemedies(sheet: Sheet, issues: IssueList, deadlineCells = new Map<string, { row: number; col: number }>()): CompiledRemedy[] {
  const remedies: CompiledRemedy[] = [];
  const seen = new Set<string>();
  for (const r of readRecords(sheet, { required: ['remedy', 'label'], optional: ['deadline', 'evidence', 'description'] }, issues)) {
    const name = r.get('remedy');
    if (!checkName(name, 'remedy', sheet, r.row, r.col('remedy'), issues) || !checkUnique(seen, name, 'remedy', sheet, r.row, r.col('remedy'), issues)) continue;
    deadlineCells.set(name, { row: r.row, col: r.col('deadline') });
    remedies.push({
      name, label: r.get('label') || name, deadline: splitList(r.get('deadline')), evidence: splitList(r.get('evidence')),
      ...(r.get('description') ? { description: r.get('description') } : {}), source: `${sheet.name}:${r.row}`,
    });
  }
  if (remedies.length === 0) issues.error('no_remedies', 'no remedies defined: expected at least one row', sheet.name, 2);
  return remedies;
}

export interface WindowCells { row: number; length: number; countsFrom: number; checkedAgainst: number }

export function readWindows(sheet: Sheet, issues: IssueList, at = new Map<string, WindowCells>()): CompiledWindow[] {
  const windows: CompiledWindow[] = [];
  const seen = new Set<string>();
  for (const r of readRecords(sheet, { required: ['window', 'length', 'unit', 'counts_from'], optional: ['checked_against', 'label', 'badge'] }, issues)) {
    const name = r.get('window');
    if (!checkName(name, 'window', sheet, r.row, r.col('window'), issues) || !checkUnique(seen, name, 'window', sheet, r.row, r.col('window'), issues)) continue;
    const lengthText = r.get('length'), unit = r.get('unit') as CompiledWindow['unit'];
    let length: CompiledWindow['length'] = 0;
    if (/^\d+$/.test(lengthText)) length = Number(lengthText);
    else if (NAME.test(lengthText)) length = { ref: lengthText };
    else issues.error('bad_length', `length "${lengthText}" is not valid: expected a whole number ≥ 0 or a fact name`, sheet.name, r.row, r.col('length'));
    if (!UNITS.includes(unit)) issues.error('bad_unit', `unit "${unit}" is unknown: expected days, months or years`, sheet.name, r.row, r.col('unit'));
    const countsFrom = r.get('counts_from').split('|').map((s) => s.trim()).filter(Boolean);
    if (countsFrom.length === 0) issues.error('missing_event', 'the window counts from nothing: expected a date fact such as delivered_on', sheet.name, r.row, r.col('counts_from'));
    at.set(name, { row: r.row, length: r.col('length'), countsFrom: r.col('counts_from'), checkedAgainst: r.col('checked_against') });
    windows.push({ name, length, unit, countsFrom, checkedAgainst: r.get('checked_against') || 'claim_on', label: r.get('label') || name, badge: /^(true|yes|√|✓|x)$/i.test(r.get('badge')), source: `${sheet.name}:${r.row}` });
  }
  return windows;
}
