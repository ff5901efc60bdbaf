// `policy check` over every brand the sheets folder holds (discovered, never named), and its
// problem reports on a fixture brand the test owns (test/fixtures/brands/acme).

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
  afterAll(() => { clean.remove(); broken.remove(); });

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
      expect(r.lines).toEqual([`::error file=${broken.root}/acme/returns.csv,line=3,col=3::opened_unusd: "opened_unusd" is not an allowed value: expected one of unopened, opened_unused, used`]);
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
