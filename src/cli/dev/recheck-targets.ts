// Which brands a change under policy-sheets/ can affect, as `npm run dev` decides before re-checking:
// a brand's own folder affects that brand only; `_shared/` affects every brand (the compiled version
// then tells which of them actually changed). Only CSV files are read by the compiler, so an editor's
// lock or backup file (`.~lock.windows.csv#`, `windows.csv~`) triggers nothing.

import { SHARED_FOLDER } from '../read-sheets.js';

export interface RecheckTargets {
  /** Brands to compile again, sorted. */
  brands: string[];
  /** A change in _shared/ was among them: every brand is re-checked, only changed versions republished. */
  shared: boolean;
}

/** `path` relative to the sheets folder, as fs.watch reports it (either separator). */
function affected(path: string, brands: ReadonlySet<string>): { brand?: string; shared?: true } {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const [folder, file] = parts;
  if (!folder) return {};
  // A whole folder appearing or going (a brand added, renamed or removed): that folder, if it is a brand.
  const isSheet = parts.length === 1 || (parts.length === 2 && file!.toLowerCase().endsWith('.csv'));
  if (!isSheet) return {};
  if (folder === SHARED_FOLDER) return { shared: true };
  return brands.has(folder) ? { brand: folder } : {};
}

/** The brands to re-check for a batch of changed paths, given the brand folders that exist now. */
export function recheckTargets(paths: readonly string[], brands: readonly string[]): RecheckTargets {
  const known = new Set(brands);
  const hit = new Set<string>();
  let shared = false;
  for (const path of paths) {
    const a = affected(path, known);
    if (a.shared) shared = true;
    if (a.brand) hit.add(a.brand);
  }
  return { brands: shared ? [...known].sort() : [...hit].sort(), shared };
}
