// Rows → CSV text for people to open in a spreadsheet: RFC 4180 quoting, and every cell a spreadsheet
// would run as a formula (= + - @, or a leading tab or carriage return) made plain text with a leading
// apostrophe (OWASP "CSV injection"), both by papaparse's unparse. Every export of sheet data goes
// through writeCsv.

import Papa from 'papaparse';

/** CSV text with CRLF line ends and a UTF-8 BOM, so spreadsheet programs read accents correctly. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse(
    rows.map((row) => [...row]),
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  )}\r\n`;
}
