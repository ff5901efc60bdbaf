// words.csv (_shared, and a brand's own over it): `kind,code,en,de,fr…` — every word customers read
// that is not a reason or a brand's own label: statuses, payer phrases, fee phrases, evidence, the
// summary templates and the date and number formats, one column per locale.

import type { WordKind, Words } from '../contract.js';
import { placeholdersOf, SUMMARY_TEMPLATES, WORD_PLACEHOLDERS } from '../evaluate/summary-templates.js';
import type { IssueList } from '../issue.js';
import type { Sheet } from '../sheet/parse-sheet.js';
import { otherColumns, readRecords } from '../sheet/read-records.js';
import { entryOf } from './entry-of.js';
import { didYouMean } from './suggest.js';

export const WORD_KINDS: readonly WordKind[] = ['status', 'paid_by', 'fee', 'fee_value', 'evidence', 'summary', 'format', 'reason_kind', 'coverage'];
const LOCALE = /^[a-z]{2}(-[a-z]{2})?$/;
/** Codes are names; a paid_by code is `<payer field>.<brand|customer|either>`. */
const CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/;

/** Where a word's row is: its sheet, row and the column of each locale. */
export interface WordRow {
  sheet: string;
  row: number;
  columns: Map<string, number>;
}
export const wordKey = (kind: string, code: string) => `${kind} ${code}`;

/** The placeholders a word may use, or null when its code is not a known summary template. */
function allowedPlaceholders(kind: WordKind, code: string): readonly string[] | null {
  if (kind !== 'summary') return WORD_PLACEHOLDERS[kind] ?? [];
  return (SUMMARY_TEMPLATES as Record<string, readonly string[]>)[code] ?? null;
}

/** Reads a words sheet into `into` (kind → code → locale → text); `rows` gets each word's place. */
export function readWords(sheet: Sheet, issues: IssueList, into: Words, rows: Map<string, WordRow>): void {
  const locales = otherColumns(sheet, ['kind', 'code']);
  const columns = new Map(locales.map((l) => [l, sheet.header.findIndex((h) => h.trim().toLowerCase() === l)]));
  for (const locale of locales) {
    if (!LOCALE.test(locale))
      issues.error('bad_locale', `"${locale}" is not a language code: expected e.g. en, de, fr`, sheet.name, sheet.headerRow, columns.get(locale));
  }
  for (const r of readRecords(sheet, { required: ['kind', 'code'], extra: LOCALE }, issues)) {
    const kind = r.get('kind') as WordKind,
      code = r.get('code');
    if (!WORD_KINDS.includes(kind)) {
      issues.error(
        'bad_kind',
        `"${kind}" is not a kind of word${didYouMean(kind, WORD_KINDS)}: expected one of ${WORD_KINDS.join(', ')}`,
        sheet.name,
        r.row,
        r.col('kind'),
      );
      continue;
    }
    if (!CODE.test(code)) {
      issues.error(
        'bad_name',
        `"${code}" is not a valid code: expected lower-case letters, digits and _ (a paid_by code: field.payer)`,
        sheet.name,
        r.row,
        r.col('code'),
      );
      continue;
    }
    const allowed = allowedPlaceholders(kind, code);
    if (allowed === null) {
      issues.error(
        'unknown_template',
        `"${code}" is not a summary template${didYouMean(code, Object.keys(SUMMARY_TEMPLATES))}: expected one of ${Object.keys(SUMMARY_TEMPLATES).join(', ')}`,
        sheet.name,
        r.row,
        r.col('code'),
      );
      continue;
    }
    if (rows.has(wordKey(kind, code))) {
      issues.error('duplicate_name', `${kind} "${code}" is defined twice: expected each word once`, sheet.name, r.row, r.col('code'));
      continue;
    }
    rows.set(wordKey(kind, code), { sheet: sheet.name, row: r.row, columns });
    const texts = entryOf(
      entryOf(into, kind, () => ({})),
      code,
      () => ({}),
    );
    for (const locale of locales) {
      const text = r.get(locale);
      if (!text) continue;
      const unknown = placeholdersOf(text).filter((p) => p !== 'brand' && !allowed.includes(p));
      if (unknown.length)
        issues.error(
          'bad_placeholder',
          `{${unknown[0]}} is not a placeholder of ${kind} "${code}": expected ${['brand', ...allowed].map((p) => `{${p}}`).join(', ')}`,
          sheet.name,
          r.row,
          columns.get(locale),
        );
      else texts[locale] = text;
    }
  }
}
