import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
