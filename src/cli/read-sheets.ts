// File-system side of the CLI: finds brand folders under policy-sheets/ and reads their CSVs into
// the plain { name, text } records the core compiles.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCasesSheet, type BrandSheets, type SheetFile } from '../compile/compile-policy.js';
import { UsageError } from './errors.js';

export const DEFAULT_SHEETS_DIR = 'policy-sheets';
/** The vocabulary every brand compiles with (not a brand: folders starting with `_` never are). */
export const SHARED_FOLDER = '_shared';

function readCsvFiles(dir: string, prefix: string): SheetFile[] {
  return readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort()
    .map((f) => ({ name: `${prefix}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

export function listBrands(root: string): string[] {
  if (!existsSync(root)) throw new UsageError(`no policy sheets folder at ${root}`);
  return readdirSync(root).filter((d) => !d.startsWith('_') && !d.startsWith('.') && statSync(join(root, d)).isDirectory()).sort();
}

export function selectBrands(root: string, requested: string[]): string[] {
  const all = listBrands(root);
  const unknown = requested.filter((b) => !all.includes(b));
  if (unknown.length) throw new UsageError(`unknown brand ${unknown.join(', ')}: expected one of ${all.join(', ')}`);
  return requested.length ? requested : all;
}

export interface BrandFolder { sheets: BrandSheets; cases: SheetFile[] }

export function readBrand(root: string, brand: string): BrandFolder {
  const sharedDir = join(root, SHARED_FOLDER);
  const shared = existsSync(sharedDir) ? readCsvFiles(sharedDir, SHARED_FOLDER) : [];
  const files = readCsvFiles(join(root, brand), brand);
  return {
    sheets: { brand, shared, files: files.filter((f) => !isCasesSheet(f.name.replace(/^.*\//, ''))) },
    cases: files.filter((f) => isCasesSheet(f.name.replace(/^.*\//, ''))),
  };
}
