// File-system side of the CLI: finds brand folders under policy-sheets/ and reads their CSVs into
// the plain { name, text } records the core compiles. Whatever an editor can leave in a folder (a
// broken or looping symlink, a link out of the folder, a folder named x.csv, a Latin-1 file) comes
// back as a sheet problem, never as an exception, and a link is never followed out of its folder.

import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { type BrandSheets, isCasesSheet, type SheetFile } from '../compile/compile-policy.js';
import type { Issue } from '../issue.js';
import { decodeSheet } from './decode-sheet.js';
import { UsageError } from './errors.js';

export const DEFAULT_SHEETS_DIR = 'policy-sheets';
/** Far above any real sheet (a 1,000,000-row table is ~40 MB), below what a string can hold. */
export const MAX_SHEET_BYTES = 128 * 2 ** 20;
/** The vocabulary every brand compiles with (not a brand: folders starting with `_` never are). */
export const SHARED_FOLDER = '_shared';

const problem = (code: string, sheet: string, message: string, row?: number): Issue => ({ code, sheet, message, severity: 'error', ...(row ? { row } : {}) });

/** Where a symlink leads, if it leads to something inside `folder`; otherwise the problem. */
function followLink(path: string, folder: string, sheet: string): { stats: Stats } | { problem: Issue } {
  const target = readlinkSync(path);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
    return loop
      ? { problem: problem('symlink_loop', sheet, `the file is a symlink that leads round in a loop (${target}): expected a CSV file`) }
      : { problem: problem('dangling_symlink', sheet, `the file is a symlink to ${target}, which does not exist: expected a CSV file`) };
  }
  if (!real.startsWith(realpathSync(folder) + sep))
    return {
      problem: problem(
        'symlink_outside_folder',
        sheet,
        `the file is a symlink to ${target}, outside its folder: expected the sheet itself in the folder (it is not read)`,
      ),
    };
  return { stats: statSync(real) };
}

/** One sheet file's text, or the problem that stops it being read. */
function readSheetFile(folder: string, file: string, sheet: string): SheetFile | Issue {
  const path = join(folder, file);
  let stats = lstatSync(path);
  if (stats.isSymbolicLink()) {
    const followed = followLink(path, folder, sheet);
    if ('problem' in followed) return followed.problem;
    stats = followed.stats;
  }
  if (stats.isDirectory()) return problem('not_a_file', sheet, 'this is a folder, not a file: expected a CSV file (rename the folder)');
  // A FIFO or device would block or never end when read.
  if (!stats.isFile()) return problem('not_a_file', sheet, 'this is not a regular file: expected a CSV file');
  if (stats.size > MAX_SHEET_BYTES)
    return problem('sheet_too_large', sheet, `the file has ${stats.size} bytes: expected at most ${MAX_SHEET_BYTES} (split the sheet)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return problem('unreadable_sheet', sheet, `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): expected a readable CSV file`);
  }
  const decoded = decodeSheet(bytes);
  return decoded.ok ? { name: sheet, text: decoded.text } : problem('not_utf8', sheet, decoded.message, decoded.row);
}

function readCsvFiles(dir: string, prefix: string, problems: Issue[]): SheetFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.csv'))
      .sort();
  } catch (error) {
    problems.push(
      problem(
        'unreadable_folder',
        `${prefix}/`,
        `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): expected a folder of CSV sheets`,
      ),
    );
    return [];
  }
  const files: SheetFile[] = [];
  for (const name of names) {
    let read: SheetFile | Issue;
    try {
      read = readSheetFile(dir, name, `${prefix}/${name}`);
    } catch (error) {
      // Removed or changed while being read, or not permitted: still the editor's folder, not a bug.
      read = problem(
        'unreadable_sheet',
        `${prefix}/${name}`,
        `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): expected a readable CSV file`,
      );
    }
    if ('code' in read) problems.push(read);
    else files.push(read);
  }
  return files;
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling or looping link is no brand folder
  }
};

export function listBrands(root: string): string[] {
  if (!isFolder(root)) throw new UsageError(`no policy sheets folder at ${root}`);
  return readdirSync(root)
    .filter((d) => !d.startsWith('_') && !d.startsWith('.') && isFolder(join(root, d)))
    .sort();
}

export function selectBrands(root: string, requested: string[]): string[] {
  const all = listBrands(root);
  const unknown = requested.filter((b) => !all.includes(b));
  if (unknown.length) throw new UsageError(`unknown brand ${unknown.join(', ')}: expected one of ${all.join(', ')}`);
  return requested.length ? requested : all;
}

/** A brand's sheets and cases, plus the files that could not be read as sheets (`problems`). */
export interface BrandFolder {
  sheets: BrandSheets;
  cases: SheetFile[];
  problems?: Issue[];
}

export function readBrand(root: string, brand: string): BrandFolder {
  const problems: Issue[] = [];
  const sharedDir = join(root, SHARED_FOLDER);
  const shared = isFolder(sharedDir) ? readCsvFiles(sharedDir, SHARED_FOLDER, problems) : [];
  const files = readCsvFiles(join(root, brand), brand, problems);
  const isCases = (f: SheetFile) => isCasesSheet(f.name.replace(/^.*\//, ''));
  return {
    sheets: { brand, shared, files: files.filter((f) => !isCases(f)) },
    cases: files.filter(isCases),
    problems,
  };
}
