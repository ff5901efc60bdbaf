import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheets, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

describe('policy check', () => {
  let clean: SheetsCopy, broken: SheetsCopy;
  beforeAll(() => {
    clean = copySheets();
    broken = copySheets();
    // A typo in a condition cell of the non-quality table (row 3, column E).
    broken.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',opened_unused,', ',opened_unusd,'));
  });
  afterAll(() => { clean.remove(); broken.remove(); });

  describe('when every sheet compiles', () => {
    it('prints each brand with its version and exits 0', async () => {
      const r = await run(['check', '--sheets', clean.root]);
      expect(r.code).toBe(0);
      expect(r.lines).toEqual([expect.stringMatching(/^✓ elegoo [0-9a-f]{16}$/), expect.stringMatching(/^✓ kokoni /), expect.stringMatching(/^✓ kospet /)]);
    });

    it('checks only the brands named', async () => {
      const r = await run(['check', 'kospet', '--sheets', clean.root]);
      expect(r.code).toBe(0);
      expect(r.lines).toHaveLength(1);
    });
  });

  describe('when a sheet has a problem', () => {
    it('prints it as sheet:row:column and exits 1', async () => {
      const r = await run(['check', '--sheets', broken.root]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('elegoo/non-quality.csv:3:E — opened_unusd: "opened_unusd" is not an allowed value: expected one of unopened, opened_unused, used');
      expect(r.out).toContain('✗ elegoo: 1 problem(s)');
      expect(r.out).toContain('✓ kospet');
    });

    it('writes GitHub annotations with --format github', async () => {
      const r = await run(['check', 'elegoo', '--format', 'github', '--sheets', broken.root]);
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([`::error file=${broken.root}/elegoo/non-quality.csv,line=3,col=5::opened_unusd: "opened_unusd" is not an allowed value: expected one of unopened, opened_unused, used`]);
    });

    it('reports it as data with --format json', async () => {
      const r = await run(['check', '--format', 'json', '--sheets', broken.root]);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out);
      expect(report.ok).toBe(false);
      expect(report.brands[0].issues[0]).toMatchObject({ code: 'bad_cell', sheet: 'elegoo/non-quality.csv', row: 3, column: 'E' });
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['check', 'acme'], 'unknown brand acme: expected one of elegoo, kokoni, kospet'],
      [['check', '--format', 'xml'], '--format xml is unknown: expected text, json or github'],
      [['check', '--verbose'], 'unknown option --verbose'],
    ])('%j exits 2 and says what was expected', async (argv, message) => {
      const r = await run([...argv, '--sheets', clean.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe('');
    });

    it('exits 2 when the sheets folder does not exist', async () => {
      const r = await run(['check', '--sheets', `${clean.dir}/nowhere`]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('no policy sheets folder');
    });
  });
});
