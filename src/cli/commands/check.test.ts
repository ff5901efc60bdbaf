// `policy check` over every brand the sheets folder holds (discovered, never named), and its
// problem reports on a fixture brand the test owns (test/fixtures/brands/acme).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheets, NO_SUCH_BRAND, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

const TYPO = 'acme/returns.csv:3:C — opened_unusd: "opened_unusd" is not an allowed value: expected one of unopened, opened_unused, used';

describe('policy check', () => {
  let clean: SheetsCopy, broken: SheetsCopy;
  beforeAll(() => {
    clean = copySheets({ fixtures: ['acme'] });
    broken = copySheets({ fixtures: ['acme'] });
    // A typo in a condition cell of ACME's returns table (row 3, column C).
    broken.edit('acme/returns.csv', (t) => replaceInRow(t, 3, ',opened_unused,', ',opened_unusd,'));
  });
  afterAll(() => {
    clean.remove();
    broken.remove();
  });

  describe('when every sheet compiles', () => {
    it('prints each brand found with its version, in folder order, and exits 0', async () => {
      const r = await run(['check', '--sheets', clean.root]);
      expect(r.code).toBe(0);
      expect(clean.brands).toContain('acme');
      expect(r.lines).toEqual(clean.brands.map((b) => expect.stringMatching(new RegExp(`^✓ ${b} [0-9a-f]{16}$`))));
    });

    it('checks only the brands named', async () => {
      const r = await run(['check', 'acme', '--sheets', clean.root]);
      expect(r.code).toBe(0);
      expect(r.lines).toEqual([expect.stringMatching(/^✓ acme [0-9a-f]{16}$/)]);
    });
  });

  describe('when a sheet has a problem', () => {
    it('prints it as sheet:row:column, still checks the other brands, and exits 1', async () => {
      const r = await run(['check', '--sheets', broken.root]);
      expect(r.code).toBe(1);
      expect(r.out).toContain(TYPO);
      expect(r.out).toContain('✗ acme: 1 problem(s)');
      for (const other of broken.brands.filter((b) => b !== 'acme')) expect(r.out).toMatch(new RegExp(`^✓ ${other} [0-9a-f]{16}$`, 'm'));
    });

    it('writes GitHub annotations with --format github', async () => {
      const r = await run(['check', 'acme', '--format', 'github', '--sheets', broken.root]);
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([
        `::error file=${broken.root}/acme/returns.csv,line=3,col=3::opened_unusd: "opened_unusd" is not an allowed value: expected one of unopened, opened_unused, used`,
      ]);
    });

    it('reports it as data with --format json', async () => {
      const r = await run(['check', '--format', 'json', '--sheets', broken.root]);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out) as { ok: boolean; brands: { brand: string; issues: unknown[] }[] };
      expect(report.ok).toBe(false);
      expect(report.brands.map((b) => b.brand)).toEqual(broken.brands);
      expect(report.brands.find((b) => b.brand === 'acme')!.issues[0]).toMatchObject({ code: 'bad_cell', sheet: 'acme/returns.csv', row: 3, column: 'C' });
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['check', NO_SUCH_BRAND], `unknown brand ${NO_SUCH_BRAND}: expected one of `],
      [['check', '--format', 'xml'], '--format xml is unknown: expected text, json or github'],
      [['check', '--verbose'], 'unknown option --verbose'],
    ])('%j exits 2 and says what was expected', async (argv, message) => {
      const r = await run([...argv, '--sheets', clean.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe('');
    });

    it('lists the brands found when a brand is unknown', async () => {
      const r = await run(['check', NO_SUCH_BRAND, '--sheets', clean.root]);
      expect(r.err).toContain(`expected one of ${clean.brands.join(', ')}`);
    });

    it('exits 2 when the sheets folder does not exist', async () => {
      const r = await run(['check', '--sheets', `${clean.dir}/nowhere`]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('no policy sheets folder');
    });
  });
});

/** The 1-based row of the first line of a CSV text that starts with `prefix`. */
const rowStarting = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

/** Empties the `de` cell of a words.csv row (kind,code,en,de,…) found by its first two cells. */
const withoutGerman = (prefix: string) => (text: string) =>
  text
    .split('\n')
    .map((line) => {
      if (!line.startsWith(prefix)) return line;
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!;
      cells[3] = ',';
      return cells.join('');
    })
    .join('\n');

describe('policy check on a missing translation', () => {
  // Each kind of word customers read, emptied in German for the fixture brand (which speaks en, de):
  // [what, file, edit, where the problem must be reported (row found in the file; column letter)].
  const KINDS: [what: string, file: string, edit: (t: string) => string, row: (t: string) => number, column: string][] = [
    ['a remedy label', 'acme/remedies.csv', (t) => replaceInRow(t, 2, ',60-tägiges Rückgaberecht,', ',,'), () => 2, 'C'],
    [
      'a remedy description',
      'acme/remedies.csv',
      (t) => replaceInRow(t, 4, ',Kostenlose Reparatur eines Herstellungsfehlers während der Garantie,', ',,'),
      () => 4,
      'G',
    ],
    ['a window label', 'acme/windows.csv', (t) => replaceInRow(t, 4, ',{length}-jährige Garantie,', ',,'), () => 4, 'G'],
    ['a fact label', 'acme/facts.csv', (t) => replaceInRow(t, 2, ',Hygienesiegel geöffnet', ','), () => 2, 'G'],
    ['a status', '_shared/words.csv', withoutGerman('status,eligible,'), (t) => rowStarting(t, 'status,eligible,'), 'D'],
    [
      'a payer phrase',
      '_shared/words.csv',
      withoutGerman('paid_by,return_shipping_paid_by.customer,'),
      (t) => rowStarting(t, 'paid_by,return_shipping_paid_by.customer,'),
      'D',
    ],
    ['a fee phrase', '_shared/words.csv', withoutGerman('fee,restocking_fee_pct,'), (t) => rowStarting(t, 'fee,restocking_fee_pct,'), 'D'],
    ['an evidence name', '_shared/words.csv', withoutGerman('evidence,order_number,'), (t) => rowStarting(t, 'evidence,order_number,'), 'D'],
    ['a summary template', '_shared/words.csv', withoutGerman('summary,decision_none,'), (t) => rowStarting(t, 'summary,decision_none,'), 'D'],
    [
      'a reason',
      'acme/messages.csv',
      (t) => replaceInRow(t, 2, ',In-Ear-Kopfhörer mit geöffnetem Hygienesiegel können nicht zurückgegeben werden.', ','),
      () => 2,
      '',
    ],
  ];

  it.each(KINDS)('of %s: reports it at %s:row:column and exits 1', async (_what, file, edit, row, column) => {
    const copy = copySheets({ fixtures: ['acme'] });
    try {
      copy.edit(file, edit);
      const r = await run(['check', 'acme', '--format', 'json', '--sheets', copy.root]);
      expect(r.code).toBe(1);
      const text = readFileSync(join(copy.root, file), 'utf8');
      const issues = (JSON.parse(r.out) as { brands: { issues: { code: string; sheet: string; row: number; column?: string }[] }[] }).brands[0]!.issues;
      expect(issues).toContainEqual(expect.objectContaining({ code: 'missing_translation', sheet: file, row: row(text), ...(column ? { column } : {}) }));
    } finally {
      copy.remove();
    }
  });
});
