// Rows → CSV text for people to open in a spreadsheet: RFC 4180 quoting, and every cell a spreadsheet
// would run as a formula (= + - @, or a leading tab or carriage return) made plain text with a leading
// apostrophe (OWASP "CSV injection"). Every export of sheet data goes through writeCsv.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`: shown as typed, never evaluated. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** CSV text with CRLF line ends and a UTF-8 BOM, so spreadsheet programs read accents correctly. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => quote(neutralizeFormula(cell))).join(',')).join('\r\n')}\r\n`;
}
