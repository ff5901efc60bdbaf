// What an editor (or a broken checkout) can leave in a brand folder besides well-formed CSV: each
// comes back as a sheet problem at its sheet(:row), like every other issue — never a stack trace,
// never a file read from outside the folder. The catalogue is data: [what, issue, folder change].

import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TINY_BRAND } from '../../test/support/tiny-brand.js';
import { tinyOnDisk as tinyFolder } from '../../test/support/tiny-brand-on-disk.js';
import { formatIssue, type Issue } from '../issue.js';
import { run } from './commands/cli-fixture.js';
import { compileBrand } from './compile-brands.js';

/** A change to the tiny brand's folder on disk, relative to that folder. */
type FolderChange = { symlink: string; to: string } | { folder: string } | { bytes: string; content: Uint8Array };

type FileMalformation = [what: string, issue: string, change: FolderChange];

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const SECRET = 'outside-secret-content';

const FILE_MALFORMATIONS: FileMalformation[] = [
  ['a symlink to a file that does not exist', 'dangling_symlink tiny/check.csv', { symlink: 'check.csv', to: 'nowhere.csv' }],
  ['a symlink that points to itself', 'symlink_loop tiny/check.csv', { symlink: 'check.csv', to: 'check.csv' }],
  ['two symlinks pointing at each other', 'symlink_loop tiny/a.csv', { symlink: 'a.csv', to: 'b.csv' }],
  ['a symlink to a file outside the brand folder', 'symlink_outside_folder tiny/check.csv', { symlink: 'check.csv', to: '../../outside.csv' }],
  ['a symlink to a shared sheet (outside the brand folder)', 'symlink_outside_folder tiny/facts.csv', { symlink: 'facts.csv', to: '../_shared/facts.csv' }],
  ['a folder named like a sheet', 'not_a_file tiny/x.csv', { folder: 'x.csv' }],
  [
    'a Latin-1 messages.csv',
    'not_utf8 tiny/messages.csv:3',
    { bytes: 'messages.csv', content: latin1('code,en,de\nwindow_expired,Too late.,Zu spaet.\nwater_damage,Water.,Wasserschäden.\n') },
  ],
  [
    'a UTF-16 sheet (Excel\'s "Unicode text")',
    'not_utf8 tiny/check.csv:1',
    { bytes: 'check.csv', content: new Uint8Array([0xff, 0xfe, ...[...'C,issue,> refund\n'].flatMap((c) => [c.charCodeAt(0), 0])]) },
  ],
  [
    'a Latin-1 policy.csv (the only sheet of its name)',
    'not_utf8 tiny/policy.csv:3',
    { bytes: 'policy.csv', content: latin1(TINY_BRAND['policy.csv']!.replace('Tiny Audio', 'Tiny Audio Gerät')) },
  ],
];

const located = (issue: Issue) => `${issue.code} ${formatIssue(issue).split(' — ')[0]}`;

const tinyOnDisk = () => tinyFolder(`C,issue,> refund\n${SECRET},quality_defect,√\n`);

function applyChange(brand: string, change: FolderChange): void {
  if ('symlink' in change) {
    rmSync(join(brand, change.symlink), { force: true });
    symlinkSync(change.to, join(brand, change.symlink));
    // a.csv ↔ b.csv: the second half of the loop
    if (change.symlink === 'a.csv') symlinkSync('a.csv', join(brand, change.to));
  } else if ('folder' in change) mkdirSync(join(brand, change.folder));
  else writeFileSync(join(brand, change.bytes), change.content);
}

describe('reading a brand folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('reports every file that is not a readable sheet, at its sheet(:row)', () => {
    it.each(FILE_MALFORMATIONS)('%s → %s', (_what, issue, change) => {
      const disk = tinyOnDisk();
      dir = disk.dir;
      applyChange(disk.brand, change);
      const outcome = compileBrand(disk.root, 'tiny', true);
      expect(outcome.policy).toBeUndefined();
      // Reported as itself only: a file that cannot be read is not also a missing or empty sheet
      // (two links pointing at each other are two such files).
      const issues = outcome.issues.map(located);
      expect(issues).toContain(issue);
      expect(issues.filter((i) => !i.startsWith(`${issue.split(' ')[0]} `))).toEqual([]);
      expect(JSON.stringify(outcome)).not.toContain(SECRET);
    });
  });

  it(`catalogues every file malformation (${FILE_MALFORMATIONS.length})`, () => {
    console.log(`broken sheet files: ${FILE_MALFORMATIONS.length} malformations, each at its sheet(:row)`);
    expect(new Set(FILE_MALFORMATIONS.map(([what]) => what)).size).toBe(FILE_MALFORMATIONS.length);
  });

  describe('through the CLI', () => {
    it.each(FILE_MALFORMATIONS)('test with %s exits 1 with the problem and no stack trace', async (_what, issue, change) => {
      const disk = tinyOnDisk();
      dir = disk.dir;
      applyChange(disk.brand, change);
      const r = await run(['test', '--sheets', disk.root]);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`${issue.split(' ')[1]} — `);
      expect(r.err).toBe('✗ cases failed');
      expect(`${r.out}\n${r.err}`).not.toMatch(/internal error|\n\s+at |RangeError/);
      expect(`${r.out}\n${r.err}`).not.toContain(SECRET);
    });

    it('finds no brand in a brand folder that is a dangling symlink, and still reads the others', async () => {
      const disk = tinyOnDisk();
      dir = disk.dir;
      symlinkSync('missing-folder', join(disk.root, 'ghost'));
      const r = await run(['check', '--sheets', disk.root]);
      expect(r.code).toBe(0);
      expect(r.lines).toEqual([expect.stringMatching(/^✓ tiny [0-9a-f]{16}$/)]);
    });

    it('reads a symlink to a sheet inside the brand folder', async () => {
      const disk = tinyOnDisk();
      dir = disk.dir;
      writeFileSync(join(disk.brand, 'returns.txt'), TINY_BRAND['returns.csv']!);
      rmSync(join(disk.brand, 'returns.csv'));
      symlinkSync('returns.txt', join(disk.brand, 'returns.csv'));
      expect(compileBrand(disk.root, 'tiny', false).issues).toEqual([]);
    });
  });

  describe('other files a user hands the CLI', () => {
    it.each([
      ['build --out naming a file', (d: string) => ['build', '--out', join(d, 'outside.csv')], 2, /^cannot write to --out .*outside\.csv \(EEXIST\)/],
      ['build --out under a file', (d: string) => ['build', '--out', join(d, 'outside.csv', 'x')], 2, /^cannot write to --out .* \(ENOTDIR\)/],
      ['table with a Latin-1 file', (d: string) => ['table', join(d, 'latin.csv'), '--facts', '{}'], 1, /^✗ table has problems$/],
      ['table with a folder', (d: string) => ['table', join(d, 'policy-sheets'), '--facts', '{}'], 2, /^cannot read .*: expected a CSV file$/],
      ['explain --claim with a Latin-1 file', (d: string) => ['explain', 'tiny', '--claim', join(d, 'latin.json')], 2, /is not UTF-8 text \(line 1\)/],
    ] as const)('%s: exits %i with a message, no stack trace', async (_what, argv, code, message) => {
      const disk = tinyOnDisk();
      dir = disk.dir;
      writeFileSync(join(disk.dir, 'latin.csv'), latin1('C,issue,> r\nR,"Gerät",1\n'));
      writeFileSync(join(disk.dir, 'latin.json'), latin1('{"issue":"Gerät"}'));
      const r = await run([...argv(disk.dir), '--sheets', disk.root]);
      expect(r.code).toBe(code);
      expect(r.err).toMatch(message);
      expect(`${r.out}\n${r.err}`).not.toMatch(/internal error|\n\s+at /);
    });
  });
});
