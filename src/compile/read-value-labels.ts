// values.csv (_shared, and a brand's own over it): `fact,value,label_en,label_de…` — what customers
// and support agents call each value of an enum fact ("official_store" → "Offizieller Shop"), one
// `label_<locale>` column per language, as in facts.csv. Whether the fact and value exist is checked
// later, against the brand's vocabulary (check-value-labels.ts).

import type { IssueList } from '../issue.js';
import type { Sheet } from '../sheet/parse-sheet.js';
import { readRecords } from '../sheet/read-records.js';
import { entryOf } from './entry-of.js';

/** `label_en`, `label_de`…: the value's name per locale (the same columns as facts.csv). */
const LABEL_COLUMN = /^label_([a-z]{2}(?:-[a-z]{2})?)$/;
const FACT = /^[a-z][a-z0-9_]*$/;

/** fact → value → locale → label, as one sheet (or the brand's over the shared one) gives them. */
export type ValueLabels = Record<string, Record<string, Record<string, string>>>;

/** Where one `fact,value` row is: its sheet, row, and the column of each `label_<locale>`. */
export interface ValueRow {
  readonly sheet: string;
  readonly row: number;
  readonly factColumn: number;
  readonly valueColumn: number;
  readonly labelColumns: ReadonlyMap<string, number>;
}
export const valueKey = (fact: string, value: string) => `${fact} ${value}`;

/** Reads a values sheet into `into`; `rows` gets each row's place, keyed by valueKey. */
export function readValueLabels(sheet: Sheet, issues: IssueList, into: ValueLabels, rows: Map<string, ValueRow>): void {
  const labelColumns = new Map<string, number>();
  sheet.header.forEach((h, i) => {
    const locale = LABEL_COLUMN.exec(h.trim().toLowerCase())?.[1];
    if (locale) labelColumns.set(locale, i);
  });
  for (const r of readRecords(sheet, { required: ['fact', 'value'], extra: LABEL_COLUMN }, issues)) {
    const fact = r.get('fact'),
      value = r.get('value');
    if (!FACT.test(fact)) {
      issues.error('bad_name', `"${fact}" is not a valid fact name: expected lower-case letters, digits and _`, sheet.name, r.row, r.col('fact'));
      continue;
    }
    if (value === '') {
      issues.error('missing_value', `the row labels no value of "${fact}": expected one of its values in the value column`, sheet.name, r.row, r.col('value'));
      continue;
    }
    const key = valueKey(fact, value);
    const first = rows.get(key);
    if (first) {
      issues.error(
        'duplicate_name',
        `value "${value}" of "${fact}" is labelled twice (first in row ${first.row}): expected each value once`,
        sheet.name,
        r.row,
        r.col('value'),
      );
      continue;
    }
    rows.set(key, { sheet: sheet.name, row: r.row, factColumn: r.col('fact'), valueColumn: r.col('value'), labelColumns });
    const texts = entryOf(
      entryOf(into, fact, () => ({})),
      value,
      () => ({}),
    );
    for (const locale of labelColumns.keys()) if (r.get(`label_${locale}`)) texts[locale] = r.get(`label_${locale}`);
  }
}
