import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TINY_CASES, tinyOnDisk, type TinyOnDisk } from '../../../test/support/tiny-brand-on-disk.js';
import { copySheets, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

describe('policy test', () => {
  let clean: SheetsCopy, failing: SheetsCopy, uncovered: SheetsCopy;
  beforeAll(() => {
    clean = copySheets();
    failing = copySheets();
    // ELEGOO open-box restocking 15% → 10%: the two cases written for 15% now fail.
    failing.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',15%,customer,customer,', ',10%,customer,customer,'));
    uncovered = copySheets();
    // The only case reaching KOSPET's "Delivery date not documented" row is dropped.
    uncovered.edit('kospet/cases.csv', (t) => t.split('\n').filter((l) => !l.startsWith('KS33 ')).join('\n'));
  });
  afterAll(() => { clean.remove(); failing.remove(); uncovered.remove(); });

  describe('when every case passes', () => {
    it('prints a line per brand and exits 0', async () => {
      const r = await run(['test', '--sheets', clean.root]);
      expect(r.code).toBe(0);
      expect(r.lines).toEqual([
        expect.stringMatching(/^✓ elegoo: (\d+)\/\1 cases pass, 0 rule\(s\) not covered$/),
        expect.stringMatching(/^✓ kokoni: (\d+)\/\1 cases pass/),
        expect.stringMatching(/^✓ kospet: (\d+)\/\1 cases pass/),
      ]);
    });
  });

  describe('when a case fails', () => {
    it('shows the case with expected and actual per column, and exits 1', async () => {
      const r = await run(['test', 'elegoo', '--sheets', failing.root]);
      expect(r.code).toBe(1);
      const at = r.lines.indexOf('elegoo/cases.csv:4:AP — case "Unwanted open-box unused: 15% of 199.90 = 29.99 (half-up)": refund.restocking_fee_amount is 19.99: expected 29.99');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(r.lines[at + 1]).toBe('elegoo/cases.csv:4:AQ — case "Unwanted open-box unused: 15% of 199.90 = 29.99 (half-up)": refund.restocking_fee_pct is 10: expected 15');
      expect(r.lines.slice(at + 2, at + 6).map((l) => l.trim().split(/\s{2,}/))).toEqual([
        ['column', 'expected', 'actual'],
        [expect.stringMatching(/^─+$/), expect.stringMatching(/^─+$/), expect.stringMatching(/^─+$/)],
        ['AP', '> refund.restocking_fee_amount', '29.99', '19.99'],
        ['AQ', '> refund.restocking_fee_pct', '15', '10'],
      ]);
      expect(r.out).toContain('elegoo/cases.csv:5:AP — case "Unwanted open-box unused: 15% of 59.99 = 9.00": refund.restocking_fee_amount is 6: expected 9');
      expect(r.out).toMatch(/✗ elegoo: (\d+)\/\d+ cases pass/);
      expect(r.err).toBe('✗ cases failed');
    });

    it('annotates the failing cells with --format github', async () => {
      const r = await run(['test', 'elegoo', '--format', 'github', '--sheets', failing.root]);
      expect(r.code).toBe(1);
      expect(r.lines).toContain(`::error file=${failing.root}/elegoo/cases.csv,line=4,col=42::case "Unwanted open-box unused: 15%25 of 199.90 = 29.99 (half-up)": refund.restocking_fee_amount is 19.99: expected 29.99`);
    });
  });

  describe('when a rule is reached by no case', () => {
    it('names the rule and exits 1', async () => {
      const r = await run(['test', 'kospet', '--sheets', uncovered.root]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/kospet\/timing\.csv:5 — no case reaches this rule/);
      expect(r.out).toMatch(/✗ kospet: (\d+)\/\1 cases pass, 1 rule\(s\) not covered/);
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['test', 'acme'], 'unknown brand acme'],
      [['test', '--format', 'markdown'], '--format markdown is unknown'],
    ])('%j exits 2', async (argv, message) => {
      const r = await run([...argv, '--sheets', clean.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    });
  });

  describe('when a case row is not a claim the API would accept, or expects nothing', () => {
    let tiny: TinyOnDisk;
    beforeAll(() => { tiny = tinyOnDisk(); });
    afterEach(() => writeFileSync(join(tiny.brand, 'cases.csv'), TINY_CASES));
    afterAll(() => tiny.remove());

    it('passes on the fixture brand as it is', async () => {
      const r = await run(['test', '--sheets', tiny.root]);
      expect(r.code).toBe(0);
      expect(r.lines).toEqual(['✓ tiny: 8/8 cases pass, 0 rule(s) not covered']);
    });

    it('fails with located errors for the row of issue 15', async () => {
      appendFileSync(join(tiny.brand, 'cases.csv'), '"[5..1]",not(,???,=SUM(A1),,,,,\n');
      const r = await run(['test', '--sheets', tiny.root]);
      expect(r.code).toBe(1);
      expect(r.lines.filter((l) => l.startsWith('tiny/')).map((l) => l.split(' — ')[0])).toEqual(['tiny/cases.csv:10:B', 'tiny/cases.csv:10:C', 'tiny/cases.csv:10:A']);
      expect(r.err).toBe('✗ cases failed');
    });

    it.each([
      ['an invalid date', 'Late,non_quality,unopened,x1,2025-02-30,2025-03-10,100,,,eligible,,,,,,\n', 'tiny/cases.csv:10:E — "2025-02-30" for delivered_on: expected a calendar date as YYYY-MM-DD'],
      ['claim_on before delivered_on', 'Early,non_quality,unopened,x1,2025-03-10,2025-03-01,100,,,eligible,,,,,,\n', 'tiny/cases.csv:10:F — "2025-03-01" for claim_on: claim_on (2025-03-01) is before delivered_on (2025-03-10): expected a date on or after it'],
      ['no expectation', 'Nothing,non_quality,unopened,x1,2025-03-01,2025-03-10,100,,,,,,,,,\n', 'tiny/cases.csv:10:A — the case expects nothing, so it tests nothing: expected a value in at least one "> …" column'],
    ])('exits 1 for a row with %s', async (_what, row, line) => {
      appendFileSync(join(tiny.brand, 'cases.csv'), row);
      const r = await run(['test', '--sheets', tiny.root]);
      expect(r.code).toBe(1);
      expect(r.lines).toContain(line);
    });
  });
});
