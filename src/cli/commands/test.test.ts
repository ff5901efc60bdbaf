// `policy test` over every brand the sheets folder holds (discovered, never named), and its failure
// reports on a fixture brand the test owns (test/fixtures/brands/acme).

import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TINY_CASES, type TinyOnDisk, tinyOnDisk } from '../../../test/support/tiny-brand-on-disk.js';
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
    uncovered.edit('acme/cases.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !l.startsWith('AC13 '))
        .join('\n'),
    );
  });
  afterAll(() => {
    clean.remove();
    failing.remove();
    uncovered.remove();
  });

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
      expect(r.lines).toContain(
        `::error file=${failing.root}/acme/cases.csv,line=4,col=17::${AC03.replace('%', '%25')}: refund.restocking_fee_amount is 6.5: expected 13`,
      );
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

  describe('when a case row is not a claim the API would accept, or expects nothing', () => {
    let tiny: TinyOnDisk;
    beforeAll(() => {
      tiny = tinyOnDisk();
    });
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
      expect(r.lines.filter((l) => l.startsWith('tiny/')).map((l) => l.split(' — ')[0])).toEqual([
        'tiny/cases.csv:10:B',
        'tiny/cases.csv:10:C',
        'tiny/cases.csv:10:D',
        'tiny/cases.csv:10:A',
      ]);
      expect(r.lines.at(-1)).toBe('✗ tiny: 8/8 cases pass, 1 row(s) refused, 0 rule(s) not covered');
      expect(r.err).toBe('✗ cases failed');
    });

    it.each([
      [
        'an invalid date',
        'Late,non_quality,unopened,2025-02-30,2025-03-10,100,,,eligible,,,,,,\n',
        'tiny/cases.csv:10:D — "2025-02-30" for delivered_on: expected a calendar date as YYYY-MM-DD',
      ],
      [
        'claim_on before delivered_on',
        'Early,non_quality,unopened,2025-03-10,2025-03-01,100,,,eligible,,,,,,\n',
        'tiny/cases.csv:10:E — "2025-03-01" for claim_on: claim_on (2025-03-01) is before delivered_on (2025-03-10): expected a date on or after it',
      ],
      [
        'no expectation',
        'Nothing,non_quality,unopened,2025-03-01,2025-03-10,100,,,,,,,,,\n',
        'tiny/cases.csv:10:A — the case expects nothing, so it tests nothing: expected a value in at least one "> …" column',
      ],
    ])('exits 1 for a row with %s', async (_what, row, line) => {
      appendFileSync(join(tiny.brand, 'cases.csv'), row);
      const r = await run(['test', '--sheets', tiny.root]);
      expect(r.code).toBe(1);
      expect(r.lines).toContain(line);
    });
  });
});
