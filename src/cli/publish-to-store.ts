// Publishing and rolling back against a KvStore, in the order that keeps readers safe: immutable
// version documents first, then the pointers (one write per brand switches it). If the process
// stops between the two, the old versions stay live and running publish again completes the switch.
// Each brand's keys are its own: publishing one brand never reads or writes another's.

import type { CompiledPolicy } from '../contract.js';
import { brandIdProblem } from '../store/brand-id.js';
import { brandKey, legacyPointerKey, type PolicyPointer, readPointer, versionKey, withRolledBack } from '../store/policy-pointer.js';
import { type KvEntry, keysToRead, type PublishedState, type PublishPlan, planPublish, pointerEntry, readPublishedState } from '../store/publish-plan.js';
import { PolicyProblems, StoreError, UsageError } from './errors.js';
import type { KvStore } from './kv/kv-store.js';

export type Progress = (line: string) => void;

export interface PublishOutcome {
  changes: PublishPlan['changes'];
  /** Keys written, in order; empty when every brand was already live at its version. */
  written: string[];
  pointers: Record<string, PolicyPointer>;
}

/** Drops the writes that would store what is already there, so republishing writes nothing. */
function onlyChanges(plan: PublishPlan, missingVersions: Set<string>): KvEntry[][] {
  const keep = new Set<string>();
  for (const c of plan.changes) {
    if (!c.unchanged || missingVersions.has(c.brand)) keep.add(versionKey(c.brand, c.version));
    if (!c.unchanged) keep.add(brandKey(c.brand));
  }
  return plan.phases.map((phase) => phase.filter((e) => keep.has(e.key)));
}

async function readState(store: KvStore, brands: string[]): Promise<PublishedState> {
  const state = readPublishedState(brands, await store.get(keysToRead(brands)));
  if (typeof state === 'string') throw new StoreError(`refusing to publish over what the store holds: ${state}`);
  return state;
}

function reportChanges(plan: PublishPlan, missing: Set<string>, progress: Progress): void {
  for (const c of plan.changes) {
    if (c.unchanged && !missing.has(c.brand)) progress(`= ${c.brand}: ${c.version} is already in force on ${c.effective_from}, nothing to write`);
    else if (c.unchanged) continue;
    else if (c.scheduled) progress(`✓ ${c.brand}: ${c.version} scheduled from ${c.effective_from}; in force until then: ${c.to ?? '(none)'}`);
    else progress(`✓ ${c.brand}: live version ${c.from ?? '(none)'} → ${c.to ?? '(none)'}, effective from ${c.effective_from}`);
  }
}

export async function publishToStore(
  store: KvStore,
  policies: CompiledPolicy[],
  effectiveFrom: string,
  now: string,
  progress: Progress,
  today = now.slice(0, 10),
): Promise<PublishOutcome> {
  const brands = policies.map((p) => p.brand);
  const badIds = brands.map(brandIdProblem).filter((p): p is string => p !== null);
  if (badIds.length) throw new PolicyProblems(`publish refused: brand id ${badIds.join('; brand id ')}; nothing was published`);
  const state = await readState(store, brands);
  // A version in force whose document is missing (a store edited by hand) is written again.
  const live = policies.filter((p) => state.pointers[p.brand]?.timeline.some((e) => e.version === p.version));
  const present = await store.get(live.map((p) => versionKey(p.brand, p.version)));
  const missing = new Set(live.filter((p) => present[versionKey(p.brand, p.version)] === null).map((p) => p.brand));

  const plan = planPublish(policies, state, effectiveFrom, now, today);
  if ('problems' in plan) throw new PolicyProblems(`publish refused: ${plan.problems.join('; ')}; nothing was published`);
  const [versions, pointers] = onlyChanges(plan, missing) as [KvEntry[], KvEntry[]];
  if (versions.length) {
    for (const e of versions) progress(`↑ ${e.key.split(':')[1]}: storing version ${e.key.split(':').pop()} (${(e.value.length / 1024).toFixed(1)} KB)`);
    await store.put(versions);
  }
  if (pointers.length) await store.put(pointers);
  reportChanges(plan, missing, progress);
  const after = Object.fromEntries(
    plan.phases[1]!.map((e) => {
      const p = JSON.parse(e.value) as PolicyPointer;
      return [p.brand, p];
    }),
  );
  return { changes: plan.changes, written: [...versions, ...pointers].map((e) => e.key), pointers: after };
}

/** The brand's pointer (its own key, else the old layout's), or null when never published to this store. */
export async function readBrandPointer(store: KvStore, brand: string): Promise<PolicyPointer | null> {
  const values = await store.get([brandKey(brand), legacyPointerKey(brand)]);
  const key = values[brandKey(brand)] != null ? brandKey(brand) : legacyPointerKey(brand);
  const raw = values[key] ?? null;
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new StoreError(`${key} is not JSON`);
  }
  const pointer = readPointer(json);
  if (typeof pointer === 'string') throw new StoreError(`${key}: ${pointer}`);
  return pointer;
}

/** A version named in full or by a prefix unique within the brand's timeline. */
export function resolveVersion(pointer: PolicyPointer, given: string): string {
  const matches = [...new Set(pointer.timeline.map((e) => e.version))].filter((v) => v.startsWith(given));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new UsageError(`--to ${given} matches several versions of ${pointer.brand} (${matches.join(', ')}): expected more of the version`);
  throw new UsageError(
    `--to ${given}: ${pointer.brand} has no such version in its timeline: expected one of ${[...new Set(pointer.timeline.map((e) => e.version))].join(', ')} (policy versions ${pointer.brand})`,
  );
}

export interface RollbackOutcome {
  from: string;
  to: string;
  unchanged: boolean;
  pointer: PolicyPointer;
  dropped: string[];
}

/** Switches the brand's pointer back (one write); the version document must still be stored. */
export async function rollbackInStore(store: KvStore, brand: string, to: string | undefined, today: string): Promise<RollbackOutcome> {
  const pointer = await readBrandPointer(store, brand);
  if (!pointer) throw new PolicyProblems(`${brand} has never been published to ${store.where}: nothing to roll back`);
  const version = to === undefined ? undefined : resolveVersion(pointer, to);
  const next = withRolledBack(pointer, today, version);
  if (typeof next === 'string') throw new PolicyProblems(next);
  const from = pointer.timeline.filter((e) => e.effective_from <= today).at(-1)!.version;
  const target = next.timeline.at(-1)!.version;
  const dropped = pointer.timeline.slice(next.timeline.length).map((e) => `${e.version} (from ${e.effective_from})`);
  if (dropped.length === 0) return { from, to: target, unchanged: true, pointer, dropped };
  const doc = (await store.get([versionKey(brand, target)]))[versionKey(brand, target)];
  if (doc === null || doc === undefined) throw new StoreError(`${versionKey(brand, target)} is missing from ${store.where}: refusing to point ${brand} at it`);
  const entry = pointerEntry(next, today);
  if (typeof entry === 'string') throw new PolicyProblems(entry);
  await store.put([entry]);
  return { from, to: target, unchanged: false, pointer: next, dropped };
}
