// What to write to the key-value store to publish a set of compiled policies, as data: the local
// seeding script, `npm run deploy` and the `policy publish` command all execute the same plan.
// Pure: the caller reads the current pointers and brand list, and performs the writes in order.

import type { CompiledPolicy } from '../contract.js';
import { policyToJson } from './policy-document.js';
import { BRANDS_KEY, pointerKey, readPointer, versionKey, withPublished, type PolicyPointer } from './policy-pointer.js';

export interface KvEntry { key: string; value: string }

/** What the store holds now; null where a key is absent. */
export interface PublishedState {
  brands: string[] | null;
  pointers: Record<string, PolicyPointer | null>;
}

export interface PublishPlan {
  /**
   * Writes in order, each phase after the previous one succeeded: immutable version documents first,
   * then pointers and the brand list, so a reader never follows a pointer to a missing version.
   */
  phases: KvEntry[][];
  changes: { brand: string; from: string | null; to: string; unchanged: boolean }[];
}

const BRAND_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** Reads the brand list document, or says what is wrong with it (a corrupt value is a fault). */
export function readBrandList(value: unknown): string[] | string {
  if (!Array.isArray(value)) return 'brand list is not an array';
  if (!value.every((b) => typeof b === 'string' && BRAND_ID.test(b))) return 'brand list holds an entry that is not a brand id';
  return value as string[];
}

/** The keys a publisher reads before planning (pointers of the brands it publishes, and the list). */
export function keysToRead(brands: readonly string[]): string[] {
  return [BRANDS_KEY, ...brands.map(pointerKey)];
}

/** Turns raw store values (JSON text or null, by key) into the state planPublish needs. */
export function readPublishedState(brands: readonly string[], values: Record<string, string | null>): PublishedState | string {
  const corrupt: string[] = [];
  const parse = (key: string): unknown => {
    const text = values[key];
    if (text === null || text === undefined) return null;
    try { return JSON.parse(text); } catch { corrupt.push(`${key}: not JSON`); return null; }
  };
  const list = parse(BRANDS_KEY);
  const brandsRead = list === null ? null : readBrandList(list);
  if (typeof brandsRead === 'string') corrupt.push(`${BRANDS_KEY}: ${brandsRead}`);
  const pointers: Record<string, PolicyPointer | null> = {};
  for (const brand of brands) {
    const raw = parse(pointerKey(brand));
    const pointer = raw === null ? null : readPointer(raw);
    if (typeof pointer === 'string') corrupt.push(`${pointerKey(brand)}: ${pointer}`);
    else pointers[brand] = pointer;
  }
  // A corrupt pointer would lose its version history if overwritten: refuse, let a human decide.
  if (corrupt.length) return corrupt.join('; ');
  return { brands: typeof brandsRead === 'string' ? null : brandsRead, pointers };
}

/**
 * Publishes each policy as the current version from `effectiveFrom` (YYYY-MM-DD) on. Versions are
 * content hashes, so publishing an unchanged policy rewrites nothing but the same documents.
 */
export function planPublish(policies: readonly CompiledPolicy[], state: PublishedState, effectiveFrom: string, now: string): PublishPlan {
  const versions: KvEntry[] = [];
  const pointers: KvEntry[] = [];
  const changes: PublishPlan['changes'] = [];
  for (const policy of policies) {
    const before = state.pointers[policy.brand] ?? null;
    const after = withPublished(before, policy.brand, policy.version, effectiveFrom, now);
    versions.push({ key: versionKey(policy.brand, policy.version), value: policyToJson(policy) });
    pointers.push({ key: pointerKey(policy.brand), value: JSON.stringify(after) });
    changes.push({ brand: policy.brand, from: before?.current ?? null, to: after.current, unchanged: after === before });
  }
  // Brands already published stay listed: unpublishing a brand is a deliberate, separate act.
  const brands = [...new Set([...(state.brands ?? []), ...policies.map((p) => p.brand)])].sort();
  pointers.push({ key: BRANDS_KEY, value: JSON.stringify(brands) });
  return { phases: [versions, pointers], changes };
}
