// What a brand's key carries as KV metadata, so the brand list is one KV `list` call per page and
// never one read per brand: the versions in force or scheduled when it was written, each with what
// the list shows of it. KV keeps at most 1024 bytes of metadata per key, so it is compact: distinct
// summaries once, entries as [version, effective_from, summary index].

import { currentEntry, type PolicyPointer, type VersionSummary } from './policy-pointer.js';

export const METADATA_FORMAT = 1;
/** Workers KV's limit on a key's metadata, serialized. */
export const MAX_METADATA_BYTES = 1024;
const MAX_NAME = 80;

type SummaryTuple = [name: string, currency: string, default_locale: string, locales: string[]];
type EntryTuple = [version: string, effective_from: string, summary: number];

export interface BrandMetadata {
  f: number;
  s: SummaryTuple[];
  e: EntryTuple[];
}

/** A version as the list sees it; summary null when the version was published before summaries. */
export interface ListedVersion {
  version: string;
  effective_from: string;
  summary: VersionSummary | null;
}

/**
 * The metadata for the pointer written on `today`: the entry in force and every scheduled one (older
 * entries can never be in force again without a write). A string when it does not fit in KV's limit.
 */
export function brandMetadata(pointer: PolicyPointer, today: string): BrandMetadata | string {
  const current = currentEntry(pointer.timeline, today);
  const from = current ? pointer.timeline.lastIndexOf(current) : 0;
  const summaries: SummaryTuple[] = [];
  const keys: string[] = [];
  const entries = pointer.timeline.slice(from).map((e): EntryTuple => {
    if (!e.summary) return [e.version, e.effective_from, -1];
    const tuple: SummaryTuple = [e.summary.name.slice(0, MAX_NAME), e.summary.currency, e.summary.default_locale, e.summary.locales];
    const key = JSON.stringify(tuple);
    if (!keys.includes(key)) {
      keys.push(key);
      summaries.push(tuple);
    }
    return [e.version, e.effective_from, keys.indexOf(key)];
  });
  const metadata: BrandMetadata = { f: METADATA_FORMAT, s: summaries, e: entries };
  const bytes = new TextEncoder().encode(JSON.stringify(metadata)).length;
  if (bytes > MAX_METADATA_BYTES) {
    return `${pointer.brand}'s brand list entry would be ${bytes} bytes, over KV's ${MAX_METADATA_BYTES}-byte metadata limit: ${entries.length - 1} scheduled version(s) and ${summaries.length} distinct name/locale set(s); publish fewer scheduled versions`;
  }
  return metadata;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The versions a key's metadata lists, or null when it is absent or not metadata this reads. */
export function readBrandMetadata(value: unknown): ListedVersion[] | null {
  const m = value as Partial<BrandMetadata> | null;
  if (typeof m !== 'object' || m === null || m.f !== METADATA_FORMAT || !Array.isArray(m.s) || !Array.isArray(m.e) || m.e.length === 0) return null;
  const summaries: VersionSummary[] = [];
  for (const s of m.s) {
    if (!Array.isArray(s) || !isString(s[0]) || !isString(s[1]) || !isString(s[2]) || !Array.isArray(s[3]) || !s[3].every(isString)) return null;
    summaries.push({ name: s[0], currency: s[1], default_locale: s[2], locales: s[3] });
  }
  const listed: ListedVersion[] = [];
  for (const e of m.e) {
    if (!Array.isArray(e) || !isString(e[0]) || !isString(e[1]) || typeof e[2] !== 'number') return null;
    listed.push({ version: e[0], effective_from: e[1], summary: summaries[e[2]] ?? null });
  }
  return listed;
}
