// The policy sheets as they were at a git ref (`git ls-tree` + `git show`), in the same
// { name, text } form read-sheets.ts gives for the working tree, for `policy diff --base <ref>`.

import { execFileSync } from 'node:child_process';
import { isCasesSheet } from '../compile/compile-policy.js';
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
    throw new UsageError(`--base ${ref} is not a commit in the git repository holding ${root}: expected e.g. HEAD, main or origin/main (in CI, fetch it first)`);
  }
  // Paths relative to the sheets folder (ls-tree prints them relative to -C), CSV files only.
  const paths = git(root, ['ls-tree', '-r', '--name-only', commit, '--', '.']).split('\n').filter((p) => p.toLowerCase().endsWith('.csv'));
  const byFolder = new Map<string, string[]>();
  for (const p of paths) {
    const parts = p.split('/');
    if (parts.length !== 2) continue; // sheets sit directly in a brand folder or _shared
    (byFolder.get(parts[0]!) ?? byFolder.set(parts[0]!, []).get(parts[0]!)!).push(p);
  }
  const cache = new Map<string, string>();
  const read = (p: string) => cache.get(p) ?? cache.set(p, git(root, ['show', `${commit}:./${p}`])).get(p)!;
  const files = (folder: string) => (byFolder.get(folder) ?? []).sort().map((p) => ({ name: p, text: read(p) }));
  const brands = [...byFolder.keys()].filter((d) => !d.startsWith('_') && !d.startsWith('.')).sort();
  return {
    ref, commit, brands,
    readBrand(brand) {
      if (!byFolder.has(brand)) return null;
      const all = files(brand);
      const sheet = (f: { name: string }) => f.name.replace(/^.*\//, '');
      return {
        sheets: { brand, shared: files('_shared'), files: all.filter((f) => !isCasesSheet(sheet(f))) },
        cases: all.filter((f) => isCasesSheet(sheet(f))),
      };
    },
  };
}
