// How published policies are laid out in a key-value store, as pure functions both the Worker and
// the publish CLI use. Versions are immutable keys; one pointer document per brand holds the
// timeline of versions in force, so publishing and rolling back are a single atomic key write.

export const versionKey = (brand: string, version: string) => `policy:${brand}:v:${version}`;
export const pointerKey = (brand: string) => `policy:${brand}:pointer`;
export const BRANDS_KEY = 'brands';

export interface TimelineEntry {
  version: string;
  effective_from: string;        // YYYY-MM-DD: claims about purchases from this day on use it
  published_at: string;          // ISO timestamp
}

export interface PolicyPointer {
  brand: string;
  current: string;               // the version in force today
  timeline: TimelineEntry[];     // ascending by effective_from, then published_at
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a pointer document, or says what is wrong with it (a corrupt KV value is a fault). */
export function readPointer(value: unknown): PolicyPointer | string {
  if (typeof value !== 'object' || value === null) return 'pointer is not an object';
  const p = value as Partial<PolicyPointer>;
  if (typeof p.brand !== 'string' || typeof p.current !== 'string' || !Array.isArray(p.timeline)) return 'pointer lacks brand, current or timeline';
  for (const e of p.timeline) {
    if (typeof e?.version !== 'string' || typeof e.effective_from !== 'string' || !ISO_DATE.test(e.effective_from)) return 'pointer timeline entry is malformed';
  }
  if (!p.timeline.some((e) => e.version === p.current)) return 'pointer current version is not in its timeline';
  return p as PolicyPointer;
}

/** The pointer after publishing `version`; publishing the live version again changes nothing. */
export function withPublished(pointer: PolicyPointer | null, brand: string, version: string, effectiveFrom: string, now: string): PolicyPointer {
  if (pointer && pointer.current === version) return pointer;
  const timeline = (pointer?.timeline ?? []).filter((e) => e.effective_from < effectiveFrom || e.version !== version);
  timeline.push({ version, effective_from: effectiveFrom, published_at: now });
  timeline.sort((a, b) => (a.effective_from === b.effective_from ? a.published_at.localeCompare(b.published_at) : a.effective_from.localeCompare(b.effective_from)));
  return { brand, current: version, timeline };
}

/** The pointer after rolling back to `version` (default: the one before the current). */
export function withRolledBack(pointer: PolicyPointer, version?: string): PolicyPointer | string {
  const at = version ? pointer.timeline.map((e) => e.version).lastIndexOf(version) : pointer.timeline.findIndex((e) => e.version === pointer.current) - 1;
  if (version && at < 0) return `version ${version} was never published for ${pointer.brand}`;
  if (at < 0) return `${pointer.brand} has no earlier version to roll back to`;
  const timeline = pointer.timeline.slice(0, at + 1);
  return { brand: pointer.brand, current: timeline[at]!.version, timeline };
}

/** The version in force on a date: the latest entry effective on or before it (else the earliest). */
export function versionInForce(pointer: PolicyPointer, date: string): string {
  let chosen = pointer.timeline[0]?.version ?? pointer.current;
  for (const e of pointer.timeline) if (e.effective_from <= date) chosen = e.version;
  return chosen;
}
