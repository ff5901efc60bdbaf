// How published policies are laid out in a key-value store, as pure functions both the Worker and
// the publish CLI use. Each brand owns its keys and nothing is shared between brands, so two brands
// published at once (two machines, no transactions in KV) never overwrite each other:
//   brand:<id>               the brand's pointer: its timeline of versions (the brand list is a KV
//                            list of this prefix; each key's metadata says what the list shows)
//   policy:<id>:v:<version>  an immutable compiled policy (the version is its content hash)
// Which version is in force is a function of the timeline and a date: a version published with a
// future effective date is scheduled, and takes over on that date with no further write.

import { isBrandId } from './brand-id.js';

export const BRAND_KEY_PREFIX = 'brand:';
export const brandKey = (brand: string) => `${BRAND_KEY_PREFIX}${brand}`;
export const versionKey = (brand: string, version: string) => `policy:${brand}:v:${version}`;
/** The layout before per-brand keys: read by the publisher only, to carry a brand's timeline over. */
export const legacyPointerKey = (brand: string) => `policy:${brand}:pointer`;
/** The shared brand list of the old layout: no longer read or written (README § Policies in KV). */
export const LEGACY_BRANDS_KEY = 'brands';

/** What the brand list shows of a version. */
export interface VersionSummary {
  name: string;
  currency: string;
  default_locale: string;
  locales: string[];
}

export interface TimelineEntry {
  version: string;
  effective_from: string; // YYYY-MM-DD: in force from this day on
  published_at: string; // ISO timestamp
  /** Absent on entries carried over from the old layout. */
  summary?: VersionSummary;
}

export interface PolicyPointer {
  brand: string;
  timeline: TimelineEntry[]; // ascending by effective_from, then published_at
}

export type EntryState = 'past' | 'current' | 'scheduled';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isSummary = (s: unknown): s is VersionSummary => {
  const v = s as Partial<VersionSummary> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.currency === 'string' &&
    typeof v.default_locale === 'string' &&
    Array.isArray(v.locales) &&
    v.locales.every((l) => typeof l === 'string')
  );
};

/**
 * Reads a pointer document (this layout's, or the old one's, whose `current` is ignored: the date
 * decides), or says what is wrong with it (a corrupt KV value is a fault).
 */
export function readPointer(value: unknown): PolicyPointer | string {
  if (typeof value !== 'object' || value === null) return 'pointer is not an object';
  const p = value as Partial<PolicyPointer>;
  if (!isBrandId(p.brand) || !Array.isArray(p.timeline) || p.timeline.length === 0) return 'pointer lacks a brand id or a timeline';
  for (const e of p.timeline as Partial<TimelineEntry>[]) {
    if (typeof e?.version !== 'string' || typeof e.effective_from !== 'string' || !ISO_DATE.test(e.effective_from))
      return 'pointer timeline entry is malformed';
    if (e.summary !== undefined && !isSummary(e.summary)) return 'pointer timeline entry has a malformed summary';
  }
  return {
    brand: p.brand,
    timeline: p.timeline.map((e) => ({
      version: e.version,
      effective_from: e.effective_from,
      published_at: String(e.published_at ?? ''),
      ...(e.summary ? { summary: e.summary } : {}),
    })),
  };
}

/** Index of the latest entry in force on `date` (effective on or before it), or -1. */
function indexInForce(timeline: readonly TimelineEntry[], date: string): number {
  let at = -1;
  for (let i = 0; i < timeline.length; i++) if (timeline[i]!.effective_from <= date) at = i;
  return at;
}

/**
 * The entry that judges a claim about `date` when it is `today`: the latest in force on that date,
 * never one not yet in force today (a future order date is judged by today's); an order before every
 * published version is judged by the earliest, if that is in force. Undefined when nothing is in force yet.
 */
export function selectEntry(timeline: readonly TimelineEntry[], date: string, today: string): TimelineEntry | undefined {
  const at = indexInForce(timeline, date < today ? date : today);
  if (at >= 0) return timeline[at];
  // The earliest date's last published entry: one republished the same day replaces the first.
  const first = timeline[0];
  return first && first.effective_from <= today ? timeline[indexInForce(timeline, first.effective_from)] : undefined;
}

/** The entry in force today, or undefined when the brand's first version is still scheduled. */
export const currentEntry = (timeline: readonly TimelineEntry[], today: string): TimelineEntry | undefined => timeline[indexInForce(timeline, today)];

/** Each entry with its state on `today`: past (superseded), current (in force) or scheduled. */
export function timelineStates(timeline: readonly TimelineEntry[], today: string): (TimelineEntry & { state: EntryState })[] {
  const current = indexInForce(timeline, today);
  return timeline.map((e, i) => ({ ...e, state: i === current ? 'current' : i < current ? 'past' : 'scheduled' }));
}

const byDate = (a: TimelineEntry, b: TimelineEntry) =>
  a.effective_from === b.effective_from ? a.published_at.localeCompare(b.published_at) : a.effective_from.localeCompare(b.effective_from);

/**
 * The pointer after publishing `version` effective from `effectiveFrom`; the same object when that
 * version is already the one in force on that date (republishing unchanged sheets writes nothing).
 */
export function withPublished(
  pointer: PolicyPointer | null,
  brand: string,
  version: string,
  effectiveFrom: string,
  now: string,
  summary: VersionSummary,
): PolicyPointer {
  const timeline = pointer?.timeline ?? [];
  const inForce = timeline[indexInForce(timeline, effectiveFrom)];
  if (pointer && inForce?.version === version && inForce.summary) return pointer;
  const kept = timeline.filter((e) => e.effective_from < effectiveFrom || e.version !== version);
  return { brand, timeline: [...kept, { version, effective_from: effectiveFrom, published_at: now, summary }].sort(byDate) };
}

/**
 * The pointer after rolling back (default: to the entry before the one in force today; or to the
 * last time `version` was in force). Later entries, scheduled ones included, are dropped: the
 * version rolled back to is then in force from its own date.
 */
export function withRolledBack(pointer: PolicyPointer, today: string, version?: string): PolicyPointer | string {
  const current = indexInForce(pointer.timeline, today);
  if (current < 0)
    return `${pointer.brand} has no version in force yet (its first is scheduled from ${pointer.timeline[0]?.effective_from}): nothing to roll back`;
  let at = current - 1;
  if (version) {
    at = pointer.timeline
      .slice(0, current + 1)
      .map((e) => e.version)
      .lastIndexOf(version);
    const scheduled = pointer.timeline.slice(current + 1).find((e) => e.version === version);
    if (at < 0 && scheduled)
      return `version ${version} of ${pointer.brand} is scheduled from ${scheduled.effective_from}, not yet in force: rollback only returns to a version that was in force`;
    if (at < 0) return `version ${version} was never published for ${pointer.brand}`;
  }
  if (at < 0) return `${pointer.brand} has no earlier version to roll back to`;
  return { brand: pointer.brand, timeline: pointer.timeline.slice(0, at + 1) };
}
