import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compileOrThrow, TINY_BRAND, tinyBrand } from '../../test/support/tiny-brand.js';
import { compiledRows } from './compiled-rows.js';
import { writeCsv } from './write-csv.js';

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: ',' }).data;

describe('writeCsv', () => {
  describe('neutralizes cells a spreadsheet would run as a formula', () => {
    it.each([
      ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
      ['=HYPERLINK("http://evil.example","refund")', `'=HYPERLINK("http://evil.example","refund")`],
      ['+1+1', "'+1+1"],
      ['-2+3', "'-2+3"],
      ['-', "'-"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      ['\r=1', "'\r=1"],
    ])('%j → %j', (cell, shown) => {
      expect(parse(writeCsv([[cell]]))).toEqual([[shown]]);
    });

    it.each(['refund', '15%', '[0..14]', '< 2025-03-01', 'not("used")', '"quality_defect"', 'a=b', 'x-y', '', 'Rückgabe €'])('leaves %j as it is', (cell) => {
      expect(parse(writeCsv([[cell, 'next']]))).toEqual([[cell, 'next']]);
    });
  });

  it('quotes commas, quotes and line breaks (RFC 4180), with CRLF line ends and a BOM', () => {
    const csv = writeCsv([
      ['a,b', 'say "hi"', 'two\nlines'],
      ['x', 'y', 'z'],
    ]);
    expect(csv).toBe('\uFEFF"a,b","say ""hi""","two\nlines"\r\nx,y,z\r\n');
  });
});

describe('compiledRows', () => {
  const policy = compileOrThrow(tinyBrand());

  it('gives a decision table back in sheet syntax, header first, one row per rule', () => {
    const rows = compiledRows(policy, 'returns')!;
    expect(rows[0]).toEqual(['C', 'issue', 'condition', '> refund', '> reason', '> restocking_fee_pct', '> return_shipping_paid_by']);
    expect(rows).toHaveLength(policy.tables.find((t) => t.name === 'returns')!.rules.length + 1);
    expect(rows[2]).toEqual(['Opened but unused', '-', '"opened_unused"', 'eligible', '', '15', 'customer']);
  });

  it('gives remedies.csv and windows.csv back', () => {
    expect(compiledRows(policy, 'remedies')![1]).toEqual(['refund', '14-day returns', 'return_window', 'receipt', expect.any(String)]);
    expect(compiledRows(policy, 'windows')![1]).toEqual([
      'return_window',
      '14',
      'days',
      'delivered_on|purchased_on',
      'claim_on',
      expect.any(String),
      expect.stringMatching(/yes|no/),
    ]);
  });

  it('writes a remedy with several windows as remedies.csv does, the same as the sheet viewer shows it', () => {
    expect(compiledRows(policy, 'remedies')![2]).toEqual(['replace', 'Replacement', 'return_window | warranty', 'receipt, photo', 'a new unit']);
  });

  it('is null for a sheet the policy does not have', () => {
    expect(compiledRows(policy, 'nope')).toBeNull();
  });

  it('exports a formula-looking label an editor typed as plain text', () => {
    // The compiler accepts any text as a label: the export must not let a spreadsheet run it.
    const sneaky = compileOrThrow(
      tinyBrand({
        files: { 'remedies.csv': TINY_BRAND['remedies.csv']!.replace('refund,14-day returns', 'refund,"=HYPERLINK(""http://evil.example"",""Refund"")"') },
      }),
    );
    const csv = writeCsv(compiledRows(sneaky, 'remedies')!);
    expect(parse(csv)[1]![1]).toBe(`'=HYPERLINK("http://evil.example","Refund")`);
  });
});
