// CSV text as spreadsheet programs export it (README: "UTF-8 (a BOM is fine), comma or semicolon
// separated, CRLF or LF line ends") → header and rows with the spreadsheet's own row numbers.

import { describe, expect, it } from 'vitest';
import { formatIssue, IssueList } from '../issue.js';
import { parseSheet } from './parse-sheet.js';

function parse(text: string) {
  const issues = new IssueList();
  const sheet = parseSheet('brand/table.csv', text, issues);
  return { sheet, issues: issues.items.map((i) => `${i.code} ${formatIssue(i).split(' — ')[0]}`) };
}

const PLAIN = 'U,issue,> refund\nDefect,quality_defect,√\nOther,"non_quality, accidental_damage",×\n';
const EXPECTED = {
  name: 'brand/table.csv',
  header: ['U', 'issue', '> refund'],
  rows: [
    { row: 2, cells: ['Defect', 'quality_defect', '√'] },
    { row: 3, cells: ['Other', 'non_quality, accidental_damage', '×'] },
  ],
};

describe('parseSheet', () => {
  it('reads the header and the rows with their spreadsheet row numbers', () => {
    expect(parse(PLAIN)).toMatchObject({ sheet: EXPECTED, issues: [] });
  });

  describe('reads what spreadsheet programs export the same way', () => {
    it.each([
      ['with a UTF-8 byte order mark', `\uFEFF${PLAIN}`],
      ['with CRLF line ends', PLAIN.replace(/\n/g, '\r\n')],
      ['without a final line end', PLAIN.trimEnd()],
      ['separated by semicolons (European Excel)', 'U;issue;> refund\nDefect;quality_defect;√\nOther;non_quality, accidental_damage;×\n'],
      ['separated by semicolons with quoted cells', 'U;issue;> refund\nDefect;"quality_defect";√\nOther;"non_quality, accidental_damage";×\n'],
      ['with BOM, semicolons and CRLF together', '\uFEFFU;issue;> refund\r\nDefect;quality_defect;√\r\nOther;"non_quality, accidental_damage";×\r\n'],
      ['with spaces around cells', 'U , issue ,  > refund\n Defect , quality_defect , √ \nOther,"non_quality, accidental_damage" ,×\n'],
      ['with trailing empty columns', 'U,issue,> refund,,\nDefect,quality_defect,√,,\nOther,"non_quality, accidental_damage",×,,\n'],
    ])('%s', (_how, text) => {
      expect(parse(text)).toMatchObject({ sheet: EXPECTED, issues: [] });
    });

    it('keeps a header cell free of the byte order mark', () => {
      expect(parse('\uFEFFkey,value\nbrand,acme\n').sheet?.header[0]).toBe('key');
    });

    it('keeps commas inside cells of a semicolon sheet', () => {
      expect(parse('key;value\nlocales;en, de, fr\nname;ACME').sheet?.rows[0]?.cells).toEqual(['locales', 'en, de, fr']);
    });

    it('reads a two-column semicolon sheet that ends with a line end (policy.csv from European Excel)', () => {
      const { sheet, issues } = parse('key;value\r\nbrand;acme\r\nname;ACME\r\ncurrency;EUR\r\n');
      expect(issues).toEqual([]);
      expect(sheet?.header).toEqual(['key', 'value']);
      expect(sheet?.rows.map((r) => r.cells)).toEqual([
        ['brand', 'acme'],
        ['name', 'ACME'],
        ['currency', 'EUR'],
      ]);
    });

    it('keeps semicolons inside cells of a comma sheet', () => {
      expect(parse('key,value\nnote,a;b\nname,ACME\n').sheet?.rows[0]?.cells).toEqual(['note', 'a;b']);
    });

    it('reads a one-column sheet', () => {
      expect(parse('code\nwindow_expired\n')).toMatchObject({
        sheet: { name: 'brand/table.csv', header: ['code'], rows: [{ row: 2, cells: ['window_expired'] }] },
        issues: [],
      });
    });

    it('keeps a line break inside a quoted cell in one row (as \\n, whatever the file used)', () => {
      const { sheet } = parse('key,value\nnote,"two\r\nlines"\nname,ACME\n');
      expect(sheet?.rows).toEqual([
        { row: 2, cells: ['note', 'two\nlines'] },
        { row: 3, cells: ['name', 'ACME'] },
      ]);
    });
  });

  describe('with blank rows', () => {
    it('skips them but keeps the row numbers of the rows after them', () => {
      const { sheet } = parse('U,issue,> refund\n\nDefect,quality_defect,√\n,,\nOther,non_quality,×\n');
      expect(sheet?.rows.map((r) => r.row)).toEqual([3, 5]);
    });

    it('takes the first non-blank row as the header', () => {
      const { sheet } = parse('\n,,\nU,issue,> refund\nDefect,quality_defect,√\n');
      expect(sheet?.header).toEqual(['U', 'issue', '> refund']);
      expect(sheet?.rows).toEqual([{ row: 4, cells: ['Defect', 'quality_defect', '√'] }]);
    });
  });

  describe('with ragged rows', () => {
    it('pads a short row with empty cells, remembering how many it had (a decision table refuses it)', () => {
      const { sheet, issues } = parse('U,issue,condition,> refund\nDefect,quality_defect\n');
      expect(sheet?.rows).toEqual([{ row: 2, cells: ['Defect', 'quality_defect', '', ''], written: 2 }]);
      expect(issues).toEqual([]);
    });

    it('accepts empty cells beyond the last header column', () => {
      expect(parse('U,issue,> refund\nDefect,quality_defect,√,,,\n').issues).toEqual([]);
    });

    it('reports a value beyond the last header column at its cell', () => {
      const { sheet, issues } = parse('U,issue,> refund\nDefect,quality_defect,√\nOther,non_quality,×,,oops\n');
      expect(issues).toEqual(['ragged_row brand/table.csv:3:E']);
      expect(sheet?.rows[1]).toEqual({ row: 3, cells: ['Other', 'non_quality', '×'] });
    });

    it('measures the header without its trailing empty cells', () => {
      expect(parse('U,issue,> refund,\nDefect,quality_defect,√,extra\n').issues).toEqual(['ragged_row brand/table.csv:2:D']);
    });
  });

  describe('with malformed CSV', () => {
    it('reports an unterminated quote at its row', () => {
      expect(parse('U,issue,> refund\nDefect,"quality_defect,√\n').issues).toEqual(['csv_syntax brand/table.csv:2']);
    });
  });

  describe('when the sheet is empty', () => {
    it.each([
      ['an empty file', ''],
      ['a byte order mark only', '\uFEFF'],
      ['line ends only', '\r\n\r\n'],
      ['spaces only', '   \n  '],
      ['empty cells only', ',,\n,,\n,,,\n'],
      ['empty semicolon cells only', ';;\r\n;;\r\n'],
    ])('reports %s as empty_sheet at row 1', (_what, text) => {
      expect(parse(text)).toEqual({ sheet: null, issues: ['empty_sheet brand/table.csv:1'] });
    });

    it('accepts a header without rows (the table reader reports that)', () => {
      expect(parse('U,issue,> refund\n')).toMatchObject({ sheet: { name: 'brand/table.csv', header: ['U', 'issue', '> refund'], rows: [] }, issues: [] });
    });
  });
});
