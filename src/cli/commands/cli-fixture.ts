// Test support for the CLI commands: a temporary copy of policy-sheets/ to mutate (optionally in a
// git repository, for diff), with fixture brands (test/fixtures/brands/*) added beside whatever
// brands policy-sheets/ holds, and main() run with its output captured. Tests about "every brand"
// list the brands the copy holds (listBrands); tests about one mechanism edit a fixture brand they
// own, so adding or changing a real brand never breaks them.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../main.js';
import { listBrands } from '../read-sheets.js';

export const SHEETS = fileURLToPath(new URL('../../../policy-sheets', import.meta.url));
export const FIXTURE_BRANDS = fileURLToPath(new URL('../../../test/fixtures/brands', import.meta.url));

/** A well-formed brand id that no real or fixture brand uses: for "unknown brand" tests. */
export const NO_SUCH_BRAND = 'no-such-brand-0';

export interface Run {
  code: number;
  out: string;
  err: string;
  lines: string[];
}

export async function run(argv: string[]): Promise<Run> {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}

export interface SheetsCopy {
  dir: string; // the temporary folder (a git repository when committed)
  root: string; // dir/policy-sheets
  brands: string[]; // every brand folder in root, as the CLI lists them
  edit(file: string, change: (text: string) => string): void;
  commit(message: string): void;
  remove(): void;
}

/** policy-sheets/ copied, plus the named fixture brands (e.g. `fixtures: ['acme']`) as folders beside them. */
export function copySheets(options: { git?: boolean; fixtures?: string[] } = {}): SheetsCopy {
  const dir = mkdtempSync(join(tmpdir(), 'policy-cli-'));
  const root = join(dir, 'policy-sheets');
  cpSync(SHEETS, root, { recursive: true });
  for (const brand of options.fixtures ?? []) cpSync(join(FIXTURE_BRANDS, brand), join(root, brand), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'pipe' });
  const copy: SheetsCopy = {
    dir,
    root,
    brands: listBrands(root),
    edit(file, change) {
      const path = join(root, file);
      const before = readFileSync(path, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing`);
      writeFileSync(path, after);
    },
    commit(message) {
      git('add', '.');
      git('-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (options.git) {
    git('init', '-q');
    copy.commit('base');
  }
  return copy;
}

/** Replaces the one cell `from` with `to` on the given 1-based row of a CSV file's text. */
export function replaceInRow(text: string, row: number, from: string, to: string): string {
  const lines = text.split('\n');
  if (!lines[row - 1]?.includes(from)) throw new Error(`row ${row} has no "${from}"`);
  lines[row - 1] = lines[row - 1]!.replace(from, to);
  return lines.join('\n');
}
