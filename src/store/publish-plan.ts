// What to write to the key-value store to publish a set of compiled policies, as data: the local
// seeding script, `npm run deploy` and the `policy publish` command all execute the same plan.
// Pure: the caller reads the brands' current pointers, and performs the writes in order. A plan
// touches only the keys of the brands it publishes: there is no shared key to read-modify-write.

import type { CompiledPolicy } from '../contract.js';
import { brandIdProblem } from './brand-id.js';
import { brandMetadata } from './brand-metadata.js';
import { policyToJson } from './policy-document.js';
import { brandKey, currentEntry, legacyPointerKey, type PolicyPointer, readPointer, type VersionSummary, versionKey, withPublished } from './policy-pointer.js';

/** One write; `metadata` is KV's per-key metadata (the brand list reads it). */
export interface KvEntry {
  key: string;
  value: string;
  metadata?: unknown;
}

/** What the store holds now; null where a brand has no pointer. */
export interface PublishedState {
  pointers: Record<string, PolicyPointer | null>;
  /** Brands whose pointer was read from the old layout's key: their new key must be written. */
  legacy: string[];
}

export interface BrandChange {
  brand: string;
  version: string;
  effective_from: string;
  /** The version in force today before and after the publish (null: none yet). */
  from: string | null;
  to: string | null;
  /** The version takes over on a later date: published now, in force then. */
  scheduled: boolean;
  unchanged: boolean;
}

export interface PublishPlan {
  /**
   * Writes in order, each phase after the previous one succeeded: immutable version documents first,
   * then the brands' pointers, so a reader never follows a pointer to a missing version.
   */
  phases: KvEntry[][];
  changes: BrandChange[];
}

export const summaryOf = (policy: CompiledPolicy): VersionSummary => ({
  name: policy.name,
  currency: policy.currency,
  default_locale: policy.defaultLocale,
  locales: [...policy.locales],
});

/** The keys a publisher reads before planning: each brand's pointer, and its old-layout pointer. */
export function keysToRead(brands: readonly string[]): string[] {
  return brands.flatMap((b) => [brandKey(b), legacyPointerKey(b)]);
}

/** Turns raw store values (JSON text or null, by key) into the state planPublish needs. */
export function readPublishedState(brands: readonly string[], values: Record<string, string | null>): PublishedState | string {
  const corrupt: string[] = [];
  const state: PublishedState = { pointers: {}, legacy: [] };
  for (const brand of brands) {
    const current = values[brandKey(brand)] ?? null;
    const key = current === null ? legacyPointerKey(brand) : brandKey(brand);
    const text = values[key] ?? null;
    if (text === null) {
      state.pointers[brand] = null;
      continue;
    }
    let pointer: PolicyPointer | string;
    try {
      pointer = readPointer(JSON.parse(text));
    } catch {
      pointer = 'not JSON';
    }
    if (typeof pointer === 'string') corrupt.push(`${key}: ${pointer}`);
    else if (pointer.brand !== brand) corrupt.push(`${key}: holds the pointer of ${pointer.brand}`);
    else {
      state.pointers[brand] = pointer;
      if (current === null) state.legacy.push(brand);
    }
  }
  // A corrupt pointer would lose its version history if overwritten: refuse, let a human decide.
  return corrupt.length ? corrupt.join('; ') : state;
}

/** The write that stores a brand's pointer, with the metadata the brand list shows; a string when it cannot. */
export function pointerEntry(pointer: PolicyPointer, today: string): KvEntry | string {
  const metadata = brandMetadata(pointer, today);
  return typeof metadata === 'string' ? metadata : { key: brandKey(pointer.brand), value: JSON.stringify(pointer), metadata };
}

/**
 * Publishes each policy as in force from `effectiveFrom` (YYYY-MM-DD) on: today's version at once when
 * that date has come, else scheduled. Versions are content hashes, so publishing an unchanged policy
 * plans the same documents and an unchanged pointer. Problems (a brand id that breaks the rule, a
 * brand list entry too large for KV) come back as data, and then nothing is planned.
 */
export function planPublish(
  policies: readonly CompiledPolicy[],
  state: PublishedState,
  effectiveFrom: string,
  now: string,
  today: string,
): PublishPlan | { problems: string[] } {
  const problems = policies
    .map((p) => brandIdProblem(p.brand))
    .filter((p): p is string => p !== null)
    .map((p) => `brand id ${p}`);
  if (problems.length) return { problems };
  const versions: KvEntry[] = [];
  const pointers: KvEntry[] = [];
  const changes: BrandChange[] = [];
  for (const policy of policies) {
    const before = state.pointers[policy.brand] ?? null;
    const after = withPublished(before, policy.brand, policy.version, effectiveFrom, now, summaryOf(policy));
    const entry = pointerEntry(after, today);
    if (typeof entry === 'string') {
      problems.push(entry);
      continue;
    }
    versions.push({ key: versionKey(policy.brand, policy.version), value: policyToJson(policy) });
    pointers.push(entry);
    changes.push({
      brand: policy.brand,
      version: policy.version,
      effective_from: effectiveFrom,
      from: (before && currentEntry(before.timeline, today)?.version) ?? null,
      to: currentEntry(after.timeline, today)?.version ?? null,
      scheduled: effectiveFrom > today,
      unchanged: after === before && !state.legacy.includes(policy.brand),
    });
  }
  return problems.length ? { problems } : { phases: [versions, pointers], changes };
}
