// The policy sheets as they were at a git ref (`git ls-tree` + `git show`), in the same
// { name, text } form read-sheets.ts gives for the working tree, for `policy diff --base <ref>`.

import { execFileSync } from 'node:child_process';
import { isCasesSheet, type SheetFile } from '../compile/compile-policy.js';
import type { Issue } from '../issue.js';
import { decodeSheet } from './decode-sheet.js';
import { UsageError } from './errors.js';
import type { BrandFolder } from './read-sheets.js';

export interface SheetsAtRef {
  ref: string;
  commit: string;
  brands: string[];
  readBrand(brand: string): BrandFolder | null;
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function readSheetsAtRef(root: string, ref: string): SheetsAtRef {
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    throw new UsageError(
      `--base ${ref} is not a commit in the git repository holding ${root}: expected e.g. HEAD, main or origin/main (in CI, fetch it first)`,
    );
  }
  // Paths relative to the sheets folder (ls-tree prints them relative to -C), CSV files only.
  const paths = git(root, ['ls-tree', '-r', '--name-only', commit, '--', '.'])
    .split('\n')
    .filter((p) => p.toLowerCase().endsWith('.csv'));
  const byFolder = new Map<string, string[]>();
  for (const p of paths) {
    const parts = p.split('/');
    if (parts.length !== 2) continue; // sheets sit directly in a brand folder or _shared
    (byFolder.get(parts[0]!) ?? byFolder.set(parts[0]!, []).get(parts[0]!)!).push(p);
  }
  const cache = new Map<string, SheetFile | Issue>();
  // Decoded as strictly as the working tree's sheets: a Latin-1 sheet at the base is a problem too.
  const decode = (p: string): SheetFile | Issue => {
    const bytes = execFileSync('git', ['-C', root, 'show', `${commit}:./${p}`], { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    const decoded = decodeSheet(bytes);
    return decoded.ok ? { name: p, text: decoded.text } : { code: 'not_utf8', sheet: p, row: decoded.row, message: decoded.message, severity: 'error' };
  };
  const read = (p: string) => cache.get(p) ?? cache.set(p, decode(p)).get(p)!;
  const all = (folder: string) => (byFolder.get(folder) ?? []).sort().map(read);
  const files = (folder: string) => all(folder).filter((f): f is SheetFile => 'text' in f);
  const problems = (folder: string) => all(folder).filter((f): f is Issue => 'code' in f);
  const brands = [...byFolder.keys()].filter((d) => !d.startsWith('_') && !d.startsWith('.')).sort();
  return {
    ref,
    commit,
    brands,
    readBrand(brand) {
      if (!byFolder.has(brand)) return null;
      const own = files(brand);
      const sheet = (f: { name: string }) => f.name.replace(/^.*\//, '');
      return {
        sheets: { brand, shared: files('_shared'), files: own.filter((f) => !isCasesSheet(sheet(f))) },
        cases: own.filter((f) => isCasesSheet(sheet(f))),
        problems: [...problems('_shared'), ...problems(brand)],
      };
    },
  };
}
