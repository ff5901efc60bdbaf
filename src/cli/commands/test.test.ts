// `policy test` over every brand the sheets folder holds (discovered, never named), and its failure
// reports on a fixture brand the test owns (test/fixtures/brands/acme).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheets, NO_SUCH_BRAND, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

const AC03 = 'case "AC03 opened but unused: 10% restocking fee, half-up"';

describe('policy test', () => {
  let clean: SheetsCopy, failing: SheetsCopy, uncovered: SheetsCopy;
  beforeAll(() => {
    clean = copySheets({ fixtures: ['acme'] });
    failing = copySheets({ fixtures: ['acme'] });
    // ACME's open-box restocking fee 10% → 5%: the case written for 10% now fails.
    failing.edit('acme/returns.csv', (t) => replaceInRow(t, 3, ',10%,customer,', ',5%,customer,'));
    uncovered = copySheets({ fixtures: ['acme'] });
    // The only case reaching ACME's "Delivery and purchase dates unknown" row is dropped.
    uncovered.edit('acme/cases.csv', (t) => t.split('\n').filter((l) => !l.startsWith('AC13 ')).join('\n'));
  });
  afterAll(() => { clean.remove(); failing.remove(); uncovered.remove(); });

  describe('when every case passes', () => {
    it('prints a line per brand found and exits 0', async () => {
      const r = await run(['test', '--sheets', clean.root]);
      expect(r.code).toBe(0);
      expect(clean.brands).toContain('acme');
      expect(r.lines).toEqual(clean.brands.map((b) => expect.stringMatching(new RegExp(`^✓ ${b}: (\\d+)/\\1 cases pass, 0 rule\\(s\\) not covered$`))));
    });
  });

  describe('when a case fails', () => {
    it('shows the case with expected and actual per column, and exits 1', async () => {
      const r = await run(['test', 'acme', '--sheets', failing.root]);
      expect(r.code).toBe(1);
      const at = r.lines.indexOf(`acme/cases.csv:4:Q — ${AC03}: refund.restocking_fee_amount is 6.5: expected 13`);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(r.lines.slice(at + 1, at + 4).map((l) => l.trim().split(/\s{2,}/))).toEqual([
        ['column', 'expected', 'actual'],
        [expect.stringMatching(/^─+$/), expect.stringMatching(/^─+$/), expect.stringMatching(/^─+$/)],
        ['Q', '> refund.restocking_fee_amount', '13', '6.5'],
      ]);
      expect(r.out).toMatch(/✗ acme: 14\/15 cases pass/);
      expect(r.err).toBe('✗ cases failed');
    });

    it('annotates the failing cells with --format github', async () => {
      const r = await run(['test', 'acme', '--format', 'github', '--sheets', failing.root]);
      expect(r.code).toBe(1);
      expect(r.lines).toContain(`::error file=${failing.root}/acme/cases.csv,line=4,col=17::${AC03.replace('%', '%25')}: refund.restocking_fee_amount is 6.5: expected 13`);
    });
  });

  describe('when a rule is reached by no case', () => {
    it('names the rule and exits 1', async () => {
      const r = await run(['test', 'acme', '--sheets', uncovered.root]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/acme\/timing\.csv:4 — no case reaches this rule/);
      expect(r.out).toMatch(/✗ acme: (\d+)\/\1 cases pass, 1 rule\(s\) not covered/);
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['test', NO_SUCH_BRAND], `unknown brand ${NO_SUCH_BRAND}`],
      [['test', '--format', 'markdown'], '--format markdown is unknown'],
    ])('%j exits 2', async (argv, message) => {
      const r = await run([...argv, '--sheets', clean.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    });
  });
});
