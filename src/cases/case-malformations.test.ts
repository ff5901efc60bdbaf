// An editors' case row is a claim: every value the API would refuse, and every expectation that
// cannot be read, comes back at its cases.csv:row:column. The catalogue is data:
// [what, issue "code sheet:row:column", the cases sheet's text].

import { describe, expect, it } from 'vitest';
import { compileOrThrow, tinyBrand } from '../../test/support/tiny-brand.js';
import { TINY_CASES } from '../../test/support/tiny-brand-on-disk.js';
import { formatIssue, type Issue } from '../issue.js';
import { runCases } from './run-cases.js';

const SHEET = 'tiny/cases.csv';
// The tiny brand and a text fact of its own (serial), for the API's limit on text.
const policy = compileOrThrow(
  tinyBrand({ files: { 'facts.csv': 'fact,type,values,not_before,description,label_en,label_de\nserial,text,,,serial number,serial number,Seriennummer\n' } }),
);
const located = (issue: Issue) => `${issue.code} ${formatIssue(issue).split(' — ')[0]}`;

const [HEADER, VALID] = TINY_CASES.split('\n') as [string, string];
//  A case · B issue · C condition · D delivered_on · E claim_on · F order_amount · G water_damage ·
//  H labels_tampered · I > refund · J > refund.reason · K > refund.deadline ·
//  L > refund.restocking_fee_pct · M > refund.return_shipping_paid_by · N > repair · O > warranty.status
const CELLS = VALID.split(',');

/** The valid first case with the cells at the given columns (A = 0) replaced, as row 3. */
function withRow(change: Record<number, string>, name = 'Changed'): string {
  const cells = CELLS.map((c, i) => (i in change ? change[i]! : c));
  cells[0] = name;
  return `${HEADER}\n${VALID}\n${cells.join(',')}\n`;
}

type CaseMalformation = [what: string, issue: string, sheet: string];

const CASE_MALFORMATIONS: CaseMalformation[] = [
  // --- the claim: the API's own checks ---
  ['an enum value the fact does not allow (issue=banana)', 'bad_cell tiny/cases.csv:3:B', withRow({ 1: 'banana' })],
  ['a date that does not exist (2025-02-30)', 'bad_cell tiny/cases.csv:3:D', withRow({ 3: '2025-02-30' })],
  ['a date written as 03/01/2025', 'bad_cell tiny/cases.csv:3:D', withRow({ 3: '03/01/2025' })],
  ['claim_on before delivered_on', 'dates_out_of_order tiny/cases.csv:3:E', withRow({ 3: '2025-03-10', 4: '2025-03-01' })],
  ['a text over the API’s 200 characters', 'bad_cell tiny/cases.csv:2:B', `case,serial,issue,> refund\nLong,${'x'.repeat(300)},non_quality,eligible\n`],
  ['an amount with three decimals', 'bad_cell tiny/cases.csv:3:F', withRow({ 5: '10.005' })],
  ['a negative amount', 'bad_cell tiny/cases.csv:3:F', withRow({ 5: '-5' })],
  ['a word in a flag column', 'bad_cell tiny/cases.csv:3:G', withRow({ 6: 'maybe' })],
  ['a formula in an enum column (=SUM(A1))', 'bad_cell tiny/cases.csv:3:C', withRow({ 2: '=SUM(A1)' })],
  ['an unclosed not( in an enum column', 'bad_cell tiny/cases.csv:3:B', withRow({ 1: 'not(' })],
  ['a fact the brand does not read (the API refuses it)', 'unknown_fact tiny/cases.csv:1:P', `${HEADER},product_line\n${VALID},x1\n`],
  // --- the expectations ---
  ['a status that is none of eligible, ineligible, review', 'bad_expectation tiny/cases.csv:3:I', withRow({ 8: 'maybe' })],
  ['a reason code the policy never gives', 'bad_expectation tiny/cases.csv:3:J', withRow({ 8: 'ineligible', 9: 'changed_mind' })],
  ['a deadline that is not a date', 'bad_expectation tiny/cases.csv:3:K', withRow({ 10: 'in 14 days' })],
  ['a deadline on a day that does not exist', 'bad_expectation tiny/cases.csv:3:K', withRow({ 10: '2025-02-30' })],
  ['a word in a percentage expectation', 'bad_expectation tiny/cases.csv:3:L', withRow({ 11: 'fifteen' })],
  ['a payer that is neither brand nor customer', 'bad_expectation tiny/cases.csv:3:M', withRow({ 12: 'seller' })],
  ['a warranty status that is not open, closed or unknown', 'bad_expectation tiny/cases.csv:3:O', withRow({ 14: 'valid' })],
  ['a row that expects nothing', 'no_expectation tiny/cases.csv:3:A', withRow({ 8: '', 10: '', 12: '', 13: '', 14: '' })],
  // --- the sheet ---
  ['two cases with the same name', 'duplicate_case tiny/cases.csv:3:A', withRow({}, CELLS[0])],
  ['a column given twice', 'duplicate_header tiny/cases.csv:1:P', `${HEADER},issue\n${VALID},non_quality\n`],
  ['an expectation column given twice', 'duplicate_header tiny/cases.csv:1:P', `${HEADER},> refund\n${VALID},eligible\n`],
  ['a column that is no fact', 'unknown_fact tiny/cases.csv:1:P', `${HEADER},colour\n${VALID},red\n`],
  ['the row of issue 15 ("[5..1]",not(,???,=SUM(A1),,,,,)', 'bad_cell tiny/cases.csv:3:B', `${HEADER}\n${VALID}\n"[5..1]",not(,???,=SUM(A1),,,,,\n`],
  ['the row of issue 15, expecting nothing', 'no_expectation tiny/cases.csv:3:A', `${HEADER}\n${VALID}\n"[5..1]",not(,???,=SUM(A1),,,,,\n`],
];

describe('runCases', () => {
  describe('with valid cases', () => {
    it('runs every row and reports nothing', () => {
      const report = runCases(policy, SHEET, TINY_CASES);
      expect(report.issues.map(located)).toEqual([]);
      expect(report.results.map((r) => r.failures)).toEqual(report.results.map(() => []));
      expect(report.results).toHaveLength(TINY_CASES.trim().split('\n').length - 1);
    });
  });

  describe('reports every malformed case row at its sheet:row:column', () => {
    it.each(CASE_MALFORMATIONS)('%s → %s', (_what, issue, text) => {
      expect(runCases(policy, SHEET, text).issues.map(located)).toContain(issue);
    });

    it(`catalogues every case-row malformation (${CASE_MALFORMATIONS.length})`, () => {
      console.log(`broken case rows: ${CASE_MALFORMATIONS.length} malformations, each at its cases.csv:row:column`);
      expect(new Set(CASE_MALFORMATIONS.map(([what]) => what)).size).toBe(CASE_MALFORMATIONS.length);
    });

    it('does not run a row the API would refuse, so it neither passes nor fails', () => {
      const report = runCases(policy, SHEET, withRow({ 1: 'banana' }));
      expect(report.results.map((r) => r.row)).toEqual([2]);
    });

    it('reports a refused value once, with the value and what was expected', () => {
      const report = runCases(policy, SHEET, withRow({ 3: '2025-03-10', 4: '2025-03-01' }));
      expect(report.issues.map(formatIssue)).toEqual([
        'tiny/cases.csv:3:E — "2025-03-01" for claim_on: claim_on (2025-03-01) is before delivered_on (2025-03-10): expected a date on or after it',
      ]);
    });
  });

  describe('with 200,000 rows', () => {
    it('reports every refused row without running out of stack', () => {
      const rows = Array.from({ length: 200_000 }, (_, i) => `Row ${i},banana,unopened,2025-03-01,2025-03-10,100,,,eligible,,,,,,`);
      const report = runCases(policy, SHEET, `${HEADER}\n${rows.join('\n')}\n`);
      expect(report.issues).toHaveLength(200_000);
      expect(located(report.issues.at(-1)!)).toBe('bad_cell tiny/cases.csv:200001:B');
    });
  });
});
