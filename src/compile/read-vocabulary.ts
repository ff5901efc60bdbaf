// The non-table sheets of a brand and of _shared: facts, fees, reason messages, policy settings,
// remedies and windows, each read into its compiled shape with every problem reported.

import * as z from 'zod/mini';
import type { CompiledFact, CompiledFee, CompiledRemedy, CompiledWindow, FactType, FeeType } from '../contract.js';
import type { IssueList } from '../issue.js';
import type { Sheet } from '../sheet/parse-sheet.js';
import { otherColumns, readRecords, type SheetRecord, splitList } from '../sheet/read-records.js';
import { listCell, nameCell, oneOfCell, parseRow, type RowOf, textCell } from '../sheet/row-schema.js';
import { brandIdProblem } from '../store/brand-id.js';
import { entryOf } from './entry-of.js';
import { didYouMean } from './suggest.js';

const NAME = /^[a-z][a-z0-9_]*$/;
const LOCALE = /^[a-z]{2}(-[a-z]{2})?$/;
const FACT_TYPES: readonly FactType[] = ['boolean', 'enum', 'text', 'date', 'number', 'money'];
const FEE_TYPES: readonly FeeType[] = ['payer', 'percent', 'money', 'text'];
const UNITS = ['days', 'months', 'years'] as const;
const PERCENT_OF = /^percent_of\(\s*([a-z][a-z0-9_]*)\s*,\s*([a-z][a-z0-9_]*)\s*\)$/;

function checkName(name: string, what: string, sheet: Sheet, row: number, col: number, issues: IssueList): boolean {
  if (NAME.test(name)) return true;
  issues.error('bad_name', `"${name}" is not a valid ${what} name: expected lower-case letters, digits and _`, sheet.name, row, col);
  return false;
}

function checkUnique(seen: Set<string>, name: string, what: string, sheet: Sheet, row: number, col: number, issues: IssueList): boolean {
  if (!seen.has(name)) {
    seen.add(name);
    return true;
  }
  issues.error('duplicate_name', `${what} "${name}" is defined twice: expected each ${what} once`, sheet.name, row, col);
  return false;
}

const FACT_ROW = {
  fact: { schema: nameCell('fact'), code: 'bad_name' },
  // Empty in a brand row that extends a shared fact: the shared type stands.
  type: { schema: z.union([z.literal(''), oneOfCell(FACT_TYPES, 'fact type')]), code: 'bad_type' },
  values: { schema: listCell, code: 'bad_values' },
  not_before: { schema: listCell, code: 'bad_not_before' },
  description: { schema: textCell, code: 'bad_description' },
};
/** `label_en`, `label_de`…: what customers and support agents call the fact, per locale. */
const LABEL_COLUMN = /^label_([a-z]{2}(?:-[a-z]{2})?)$/;

/** The `label_<locale>` cells of a facts.csv row, locale → text (empty cells left out). */
function labelsOf(sheet: Sheet, r: SheetRecord): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const column of otherColumns(sheet, Object.keys(FACT_ROW))) {
    const locale = LABEL_COLUMN.exec(column)?.[1];
    if (locale && r.get(column)) labels[locale] = r.get(column);
  }
  return labels;
}

/**
 * facts.csv → the vocabulary, on top of `base` (the shared facts, when reading a brand's sheet). A
 * brand row naming a shared fact extends it for that brand only: its values are added to an enum's,
 * its not_before dates and labels are added, its description replaces the shared one. Its type must
 * be left empty or stay the same: a brand cannot change what a shared fact means. `seen` collects the
 * names the sheet's rows give.
 */
export function readFacts(
  sheet: Sheet,
  issues: IssueList,
  base: readonly CompiledFact[] = [],
  seen = new Set<string>(),
  rows = new Map<string, FactPlace>(),
): CompiledFact[] {
  const facts = new Map(base.map((f) => [f.name, f]));
  const records = readRecords(sheet, { required: ['fact', 'type'], optional: ['values', 'not_before', 'description'], extra: LABEL_COLUMN }, issues);
  const labelColumns = new Map<string, number>();
  sheet.header.forEach((h, i) => {
    const locale = LABEL_COLUMN.exec(h.trim().toLowerCase())?.[1];
    if (locale) labelColumns.set(locale, i);
  });
  for (const r of records) {
    const row = parseRow(FACT_ROW, r, sheet.name, issues);
    if (!row || !checkUnique(seen, row.fact, 'fact', sheet, r.row, r.col('fact'), issues)) continue;
    // A missing label is reported where the fact is first defined (the shared row for a shared fact).
    if (!rows.has(row.fact)) rows.set(row.fact, { sheet: sheet.name, row: r.row, labelColumns, values: new Map() });
    // A value with no label anywhere is reported where it is listed (values.csv has no row for it).
    const listed = rows.get(row.fact)!.values;
    for (const value of row.values) if (!listed.has(value)) listed.set(value, { sheet: sheet.name, row: r.row, col: r.col('values') });
    const shared = facts.get(row.fact);
    const fact = shared ? extendFact(shared, row, sheet, r, issues) : newFact(row, sheet, r, issues);
    if (fact) facts.set(fact.name, { ...fact, ...labelled(fact.labels, labelsOf(sheet, r)) });
  }
  return [...facts.values()];
}

type FactRow = RowOf<typeof FACT_ROW>;

/** Where a fact is defined: its sheet, row and the sheet's label_<locale> columns, and where each enum value is listed. */
export interface FactPlace {
  sheet: string;
  row: number;
  labelColumns: Map<string, number>;
  values: Map<string, { sheet: string; row: number; col: number }>;
}

const labelled = (before: CompiledFact['labels'], added: Record<string, string>) =>
  before || Object.keys(added).length ? { labels: { ...before, ...added } } : {};

function newFact(row: FactRow, sheet: Sheet, r: SheetRecord, issues: IssueList): CompiledFact | null {
  const { fact: name, type, values, not_before: notBefore, description } = row;
  if (type === '') {
    issues.error(
      'bad_type',
      `fact "${name}" has no type: expected one of ${FACT_TYPES.join(', ')} (only a fact _shared/facts.csv defines can leave it empty)`,
      sheet.name,
      r.row,
      r.col('type'),
    );
    return null;
  }
  // A shared enum may leave its values to each brand (part: every brand lists its own parts).
  if (type === 'enum' && values.length === 0 && !sheet.name.startsWith('_shared/'))
    issues.error('missing_values', `enum fact "${name}" lists no values: expected comma-separated values`, sheet.name, r.row, r.col('values'));
  if (type !== 'enum' && values.length) issues.error('bad_values', `only enum facts list values, and "${name}" is ${type}`, sheet.name, r.row, r.col('values'));
  if (notBefore.length && type !== 'date')
    issues.error('bad_not_before', `not_before only applies to date facts, and "${name}" is ${type}`, sheet.name, r.row, r.col('not_before'));
  return {
    name,
    type,
    ...(type === 'enum' ? { values } : {}),
    ...(notBefore.length ? { notBefore } : {}),
    ...(description ? { description } : {}),
  };
}

function extendFact(shared: CompiledFact, row: FactRow, sheet: Sheet, r: SheetRecord, issues: IssueList): CompiledFact | null {
  const { fact: name, type, values, not_before: notBefore, description } = row;
  if (type !== '' && type !== shared.type) {
    issues.error(
      'fact_redefined',
      `fact "${name}" is ${shared.type} in _shared/facts.csv: a brand can add values or labels to it but not make it ${type} (leave type empty, or name a new fact)`,
      sheet.name,
      r.row,
      r.col('type'),
    );
    return null;
  }
  if (values.length && shared.type !== 'enum')
    issues.error('bad_values', `only enum facts list values, and "${name}" is ${shared.type}`, sheet.name, r.row, r.col('values'));
  if (notBefore.length && shared.type !== 'date')
    issues.error('bad_not_before', `not_before only applies to date facts, and "${name}" is ${shared.type}`, sheet.name, r.row, r.col('not_before'));
  const addedNotBefore = [...new Set([...(shared.notBefore ?? []), ...notBefore])];
  return {
    ...shared,
    ...(shared.type === 'enum' ? { values: [...new Set([...(shared.values ?? []), ...values])] } : {}),
    ...(addedNotBefore.length ? { notBefore: addedNotBefore } : {}),
    ...(description ? { description } : {}),
  };
}

const FEE_ROW = {
  field: { schema: nameCell('fee'), code: 'bad_name' },
  type: { schema: oneOfCell(FEE_TYPES, 'fee type'), code: 'bad_type' },
  computed_from: {
    schema: z.string().check(
      z.refine((t: string) => t === '' || PERCENT_OF.test(t), {
        error: (i) => `"${String(i.input)}" cannot be computed: expected percent_of(percent_field, amount_fact)`,
      }),
    ),
    code: 'bad_formula',
  },
};

/**
 * fees.csv → fee fields. A computed fee's formula must name a percent field of the sheet and a money
 * fact (`factType`): a misspelt name would otherwise compute nothing, silently.
 */
export function readFees(sheet: Sheet, issues: IssueList, factType: (name: string) => FactType | undefined): CompiledFee[] {
  const fees: CompiledFee[] = [];
  const formulas: { fee: CompiledFee; row: number; col: number }[] = [];
  const seen = new Set<string>();
  for (const r of readRecords(sheet, { required: ['field', 'type'], optional: ['computed_from', 'description'] }, issues)) {
    const row = parseRow(FEE_ROW, r, sheet.name, issues);
    if (!row || !checkUnique(seen, row.field, 'fee field', sheet, r.row, r.col('field'), issues)) continue;
    const m = PERCENT_OF.exec(row.computed_from);
    const fee: CompiledFee = { name: row.field, type: row.type, ...(m ? { percentOf: { percent: m[1]!, base: m[2]! } } : {}) };
    fees.push(fee);
    if (m) formulas.push({ fee, row: r.row, col: r.col('computed_from') });
  }
  const percentFields = fees.filter((f) => f.type === 'percent').map((f) => f.name);
  for (const { fee, row, col } of formulas) {
    const { percent, base } = fee.percentOf!;
    if (!percentFields.includes(percent))
      issues.error(
        'unknown_field',
        `${fee.name} is computed from "${percent}", which is not a percent field of fees.csv${didYouMean(percent, percentFields)}: expected percent_of(percent_field, amount_fact)`,
        sheet.name,
        row,
        col,
      );
    if (factType(base) !== 'money')
      issues.error(
        'unknown_field',
        `${fee.name} is computed from "${base}", which is not a money fact of facts.csv: expected percent_of(percent_field, amount_fact) with an amount such as order_amount`,
        sheet.name,
        row,
        col,
      );
  }
  return fees;
}

/** A reason code's kind (reasons.csv / messages.csv `kind`) and where it is written. */
export interface ReasonKind {
  kind: string;
  sheet: string;
  row: number;
  col: number;
}

/**
 * reasons.csv / messages.csv: code, an optional `kind` (the badge's group), one column per locale →
 * code → locale → text; `rows` gets each code's row, `kinds` each kind given (a brand's over the shared).
 */
export function readMessages(
  sheet: Sheet,
  issues: IssueList,
  into: Record<string, Record<string, string>>,
  rows = new Map<string, number>(),
  kinds = new Map<string, ReasonKind>(),
): string[] {
  const locales = otherColumns(sheet, ['code', 'kind']);
  for (const locale of locales) {
    if (!LOCALE.test(locale))
      issues.error('bad_locale', `"${locale}" is not a language code: expected e.g. en, de, fr`, sheet.name, (sheet.rows[0]?.row ?? 2) - 1);
  }
  const seen = new Set<string>();
  for (const r of readRecords(sheet, { required: ['code'], optional: ['kind'], extra: LOCALE }, issues)) {
    const code = r.get('code');
    if (!checkName(code, 'reason code', sheet, r.row, r.col('code'), issues) || !checkUnique(seen, code, 'reason code', sheet, r.row, r.col('code'), issues))
      continue;
    rows.set(code, r.row);
    const kind = r.get('kind');
    if (kind && checkName(kind, 'reason kind', sheet, r.row, r.col('kind'), issues))
      kinds.set(code, { kind, sheet: sheet.name, row: r.row, col: r.col('kind') });
    const texts = entryOf(into, code, () => ({}));
    for (const locale of locales) if (r.get(locale)) texts[locale] = r.get(locale);
  }
  return locales;
}

export interface PolicySettings {
  brand: string;
  name: string;
  currency: string;
  locales: string[];
  warrantyWindow?: string;
  claimDate: string;
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
    // The last of two rows would silently win: the editor meant one of them.
    if (rows[key])
      issues.error(
        'duplicate_setting',
        `setting "${key}" is given twice (first in row ${rows[key]!.row}): expected each setting once`,
        sheet.name,
        r.row,
        r.col('key'),
      );
    values[key] = r.get('value');
    rows[key] = { row: r.row, col: r.col('value') };
  }
  const idProblem = brandIdProblem(brand);
  if (idProblem)
    issues.error(
      'bad_brand_id',
      `the folder name ${idProblem}: rename the folder (and the brand setting)`,
      sheet.name,
      rows.brand?.row ?? sheet.headerRow,
      rows.brand?.col,
    );
  else if (values.brand !== undefined && values.brand !== brand)
    issues.error(
      'brand_mismatch',
      `brand "${values.brand}" does not match its folder "${brand}": expected the folder name`,
      sheet.name,
      rows.brand!.row,
      rows.brand!.col,
    );
  const currency = values.currency ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency))
    issues.error('bad_currency', `"${currency}" is not a currency code: expected e.g. USD, EUR`, sheet.name, rows.currency?.row, rows.currency?.col);
  const locales = splitList(values.locales ?? 'en');
  const at = rows.locales;
  for (const [i, locale] of locales.entries()) {
    if (!LOCALE.test(locale)) issues.error('bad_locale', `"${locale}" is not a language code: expected e.g. en, de, fr`, sheet.name, at?.row, at?.col);
    else if (locales.indexOf(locale) < i)
      issues.error('duplicate_locale', `"${locale}" is listed twice in locales: expected each language once`, sheet.name, at?.row, at?.col);
  }
  return {
    brand,
    name: values.name || brand,
    currency,
    locales,
    warrantyWindow: values.warranty_window || undefined,
    claimDate: values.claim_date || 'claim_on',
    rows,
  };
}

const REMEDY_ROW = {
  remedy: { schema: nameCell('remedy'), code: 'bad_name' },
  deadline: { schema: listCell, code: 'bad_deadline' },
  evidence: { schema: listCell, code: 'bad_evidence' },
};

/** `label_de`, `description_fr`…: customer wording, one column per locale (a bare `label` is the default locale's). */
const LOCALIZED = (...bases: string[]) => new RegExp(`^(${bases.join('|')})_[a-z]{2}(-[a-z]{2})?$`);

/** Where a sheet keeps one wording per locale: locale → column name and index (-1: no such column). */
type LocaleColumns = Map<string, { name: string; index: number }>;

/**
 * The `<base>_<locale>` column of each of the brand's locales; a bare `<base>` column (the sheets'
 * first convention) is the default locale's. Both for the same locale is a mistake: one would be ignored.
 */
function localeColumns(sheet: Sheet, base: string, locales: readonly string[], issues: IssueList): LocaleColumns {
  const index = (name: string) => sheet.header.findIndex((h) => h.trim().toLowerCase() === name);
  const columns: LocaleColumns = new Map();
  locales.forEach((locale, i) => {
    const suffixed = index(`${base}_${locale}`);
    if (i === 0 && index(base) >= 0 && suffixed >= 0)
      issues.error(
        'duplicate_header',
        `columns "${base}" and "${base}_${locale}" both give the ${locale} ${base}: expected one of them`,
        sheet.name,
        sheet.headerRow,
        index(base),
      );
    const name = i === 0 && suffixed < 0 && index(base) >= 0 ? base : `${base}_${locale}`;
    columns.set(locale, { name, index: index(name) });
  });
  return columns;
}

/**
 * A row's wording per locale, with a missing_translation problem at the empty cell — or at the row,
 * naming the column, when the sheet has no such column — for each locale without one. `required`
 * false: a row may give none (an optional description), but one given must be given in every locale.
 */
function localized(
  columns: LocaleColumns,
  base: string,
  what: string,
  sheet: Sheet,
  r: SheetRecord,
  issues: IssueList,
  required = true,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [locale, { name }] of columns) if (r.get(name)) texts[locale] = r.get(name);
  if (!required && Object.keys(texts).length === 0) return texts;
  for (const [locale, { name, index }] of columns) {
    if (texts[locale]) continue;
    issues.error(
      'missing_translation',
      `${what} has no ${locale} ${base}: customers read it in ${[...columns.keys()].join(', ')}; expected ${index < 0 ? `a "${name}" column` : `a text in "${name}"`}`,
      sheet.name,
      r.row,
      index < 0 ? undefined : index,
    );
  }
  return texts;
}

/** Only when a text exists: { label, labels } / { description, descriptions } in the default locale and all. */
const inDefault = (texts: Record<string, string>, locales: readonly string[]) => texts[locales[0] ?? ''] ?? Object.values(texts)[0];

export function readRemedies(
  sheet: Sheet,
  issues: IssueList,
  deadlineCells = new Map<string, { row: number; col: number }>(),
  locales: readonly string[] = ['en'],
): CompiledRemedy[] {
  const remedies: CompiledRemedy[] = [];
  const seen = new Set<string>();
  const labelColumns = localeColumns(sheet, 'label', locales, issues),
    descriptionColumns = localeColumns(sheet, 'description', locales, issues);
  for (const r of readRecords(
    sheet,
    { required: ['remedy'], optional: ['label', 'deadline', 'evidence', 'description'], extra: LOCALIZED('label', 'description') },
    issues,
  )) {
    const row = parseRow(REMEDY_ROW, r, sheet.name, issues);
    if (!row || !checkUnique(seen, row.remedy, 'remedy', sheet, r.row, r.col('remedy'), issues)) continue;
    deadlineCells.set(row.remedy, { row: r.row, col: r.col('deadline') });
    const labels = localized(labelColumns, 'label', `remedy "${row.remedy}"`, sheet, r, issues);
    const descriptions = localized(descriptionColumns, 'description', `remedy "${row.remedy}"`, sheet, r, issues, false);
    const description = inDefault(descriptions, locales);
    remedies.push({
      name: row.remedy,
      label: inDefault(labels, locales) ?? row.remedy,
      labels,
      deadline: row.deadline,
      evidence: row.evidence,
      ...(description ? { description, descriptions } : {}),
      source: `${sheet.name}:${r.row}`,
    });
  }
  if (remedies.length === 0) issues.error('no_remedies', 'no remedies defined: expected at least one row', sheet.name, 2);
  return remedies;
}

export interface WindowCells {
  row: number;
  length: number;
  countsFrom: number;
  checkedAgainst: number;
}

const WINDOW_ROW = {
  window: { schema: nameCell('window'), code: 'bad_name' },
  length: {
    schema: z.pipe(
      z
        .string()
        .check(z.regex(/^(\d+|[a-z][a-z0-9_]*)$/, { error: (i) => `length "${String(i.input)}" is not valid: expected a whole number ≥ 0 or a fact name` })),
      z.transform((t: string): CompiledWindow['length'] => (/^\d+$/.test(t) ? Number(t) : { ref: t })),
    ),
    code: 'bad_length',
  },
  unit: { schema: oneOfCell(UNITS, 'unit'), code: 'bad_unit' },
  counts_from: {
    schema: z
      .pipe(
        z.string(),
        z.transform((t: string) =>
          t
            .split('|')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      )
      .check(z.refine((events: string[]) => events.length > 0, { error: 'the window counts from nothing: expected a date fact such as delivered_on' })),
    code: 'missing_event',
  },
  checked_against: {
    schema: z.pipe(
      z.string(),
      z.transform((t: string) => t || 'claim_on'),
    ),
    code: 'bad_checked_against',
  },
  badge: {
    schema: z.pipe(
      z.string(),
      z.transform((t: string) => /^(true|yes|√|✓|x)$/i.test(t)),
    ),
    code: 'bad_badge',
  },
};

export function readWindows(sheet: Sheet, issues: IssueList, at = new Map<string, WindowCells>(), locales: readonly string[] = ['en']): CompiledWindow[] {
  const windows: CompiledWindow[] = [];
  const seen = new Set<string>();
  const labelColumns = localeColumns(sheet, 'label', locales, issues);
  for (const r of readRecords(
    sheet,
    { required: ['window', 'length', 'unit', 'counts_from'], optional: ['checked_against', 'label', 'badge'], extra: LOCALIZED('label') },
    issues,
  )) {
    const row = parseRow(WINDOW_ROW, r, sheet.name, issues);
    if (!row || !checkUnique(seen, row.window, 'window', sheet, r.row, r.col('window'), issues)) continue;
    at.set(row.window, { row: r.row, length: r.col('length'), countsFrom: r.col('counts_from'), checkedAgainst: r.col('checked_against') });
    // Customers read a window's label in decisions and the badge: in every locale (`{length}` filled in).
    const labels = localized(labelColumns, 'label', `window "${row.window}"`, sheet, r, issues);
    windows.push({
      name: row.window,
      length: row.length,
      unit: row.unit,
      countsFrom: row.counts_from,
      checkedAgainst: row.checked_against,
      label: inDefault(labels, locales) ?? row.window,
      labels,
      badge: row.badge,
      source: `${sheet.name}:${r.row}`,
    });
  }
  return windows;
}
