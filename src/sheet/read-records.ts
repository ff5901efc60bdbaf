// Sheets with a fixed set of named columns (facts.csv, windows.csv, remedies.csv …) → records.
// Unknown, missing and repeated columns are reported against the header row.

import type { IssueList } from '../issue.js';
import type { Sheet } from './parse-sheet.js';

export interface SheetRecord {
  row: number;
  get(column: string): string;
  /** Spreadsheet column index of a named column, for precise issues. */
  col(column: string): number;
}

export interface RecordSpec {
  required: string[];
  optional?: string[];
  /** Accept extra columns matching this (e.g. locale columns in messages.csv). */
  extra?: RegExp;
}

export function readRecords(sheet: Sheet, spec: RecordSpec, issues: IssueList): SheetRecord[] {
  const headerRow = sheet.headerRow;
  const known = new Set([...spec.required, ...(spec.optional ?? [])]);
  const index = new Map<string, number>();
  for (const [i, name] of sheet.header.entries()) {
    const key = name.trim().toLowerCase();
    if (key.startsWith('#')) continue;
    if (index.has(key)) issues.error('duplicate_header', `column "${name}" appears twice: expected each column once`, sheet.name, headerRow, i);
    else if (!known.has(key) && !spec.extra?.test(key))
      issues.error('unknown_column', `unknown column "${name}": expected ${[...known].join(', ')}`, sheet.name, headerRow, i);
    else index.set(key, i);
  }
  for (const column of spec.required) {
    if (!index.has(column)) issues.error('missing_column', `missing column "${column}": expected a header named ${column}`, sheet.name, headerRow);
  }
  return sheet.rows.map(({ row, cells }) => ({
    row,
    get: (column: string) => cells[index.get(column) ?? -1] ?? '',
    col: (column: string) => index.get(column) ?? 0,
  }));
}

/** The header names other than the given ones, e.g. the locale columns of a messages sheet. */
export function otherColumns(sheet: Sheet, except: string[]): string[] {
  return sheet.header.map((h) => h.trim().toLowerCase()).filter((h) => h !== '' && !h.startsWith('#') && !except.includes(h));
}

/** "a, b | c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,|;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
