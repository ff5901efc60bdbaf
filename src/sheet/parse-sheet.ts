// CSV text → rows of trimmed cells, tolerant of what spreadsheet programs export: a UTF-8 BOM,
// CRLF line ends, and `;` as the delimiter (European Excel). Row numbers are the spreadsheet's.

import Papa from 'papaparse';
import type { IssueList } from '../issue.js';

export interface SheetRow {
  row: number; // 1-based spreadsheet row
  cells: string[];
  /** For a row shorter than the header: the cells it had before padding (absent: a full row). */
  written?: number;
}

export interface Sheet {
  name: string; // brand/file.csv
  header: string[];
  headerRow: number; // 1-based row of the header
  rows: SheetRow[]; // body rows that are not blank
}

export function parseSheet(name: string, text: string, issues: IssueList): Sheet | null {
  // One line end throughout: papaparse takes the first line's, and a file mixing CRLF and LF (hand
  // edits of a spreadsheet export) would otherwise break a quoted cell at the end of a line.
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  if (body.trim() === '') {
    issues.error('empty_sheet', 'the sheet is empty: expected a header row and at least one row', name, 1);
    return null;
  }
  // Guess the delimiter on non-empty lines only: papaparse's guesser counts a trailing empty line,
  // which makes a two-column `;` sheet (policy.csv from European Excel) look comma-separated.
  const delimiter = Papa.parse<string[]>(body, { delimitersToGuess: [',', ';'], skipEmptyLines: true, preview: 10 }).meta.delimiter || ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  for (const e of parsed.errors) {
    // Papaparse's auto-detect "error" for one-column sheets is not a problem in the sheet.
    if (e.code === 'UndetectableDelimiter') continue;
    issues.error(
      'csv_syntax',
      `${e.message.replace(/\.$/, '')}: expected well-formed CSV (quote cells that contain commas or line breaks)`,
      name,
      (e.row ?? 0) + 1,
    );
  }
  const records = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c ?? '').trim()) }));
  const isBlank = (r: SheetRow) => r.cells.every((c) => c === '');
  const first = records.find((r) => !isBlank(r));
  if (!first) {
    issues.error('empty_sheet', 'the sheet is empty: expected a header row', name, 1);
    return null;
  }
  const header = first.cells;
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const rows: SheetRow[] = [];
  for (const r of records) {
    if (r.row <= first.row || isBlank(r)) continue;
    const extra = r.cells.slice(header.length).findIndex((c) => c !== '');
    if (extra >= 0) {
      issues.error(
        'ragged_row',
        `row has ${r.cells.length} cells but the header has ${header.length}: expected no values beyond the last header column`,
        name,
        r.row,
        header.length + extra,
      );
    }
    const cells = r.cells.slice(0, header.length);
    while (cells.length < header.length) cells.push('');
    rows.push({ row: r.row, cells, ...(r.cells.length < header.length ? { written: r.cells.length } : {}) });
  }
  return { name, header, headerRow: first.row, rows };
}
