// Publishing and rolling back against a KvStore, in the order that keeps readers safe: immutable
// version documents first, then the pointers (one write per brand switches it). If the process
// stops between the two, the old versions stay live and running publish again completes the switch.

import type { CompiledPolicy } from '../contract.js';
import { BRANDS_KEY, pointerKey, readPointer, versionKey, withRolledBack, type PolicyPointer } from '../store/policy-pointer.js';
import { keysToRead, planPublish, readPublishedState, type KvEntry, type PublishedState, type PublishPlan } from '../store/publish-plan.js';
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
function onlyChanges(plan: PublishPlan, state: PublishedState, missingVersions: Set<string>): KvEntry[][] {
  const keep = new Set<string>();
  for (const c of plan.changes) {
    if (!c.unchanged || missingVersions.has(c.brand)) keep.add(versionKey(c.brand, c.to));
    if (!c.unchanged) keep.add(pointerKey(c.brand));
  }
  const list = plan.phases[1]!.find((e) => e.key === BRANDS_KEY);
  if (list && list.value !== JSON.stringify(state.brands ? [...state.brands].sort() : null)) keep.add(BRANDS_KEY);
  return plan.phases.map((phase) => phase.filter((e) => keep.has(e.key)));
}

export async function publishToStore(store: KvStore, policies: CompiledPolicy[], effectiveFrom: string, now: string, progress: Progress): Promise<PublishOutcome> {
  const brands = policies.map((p) => p.brand);
  const state = readPublishedState(brands, await store.get(keysToRead(brands)));
  if (typeof state === 'string') throw new StoreError(`refusing to publish over what the store holds: ${state}`);
  // A live version whose document is missing (a store edited by hand) is written again.
  const live = policies.filter((p) => state.pointers[p.brand]?.current === p.version);
  const present = await store.get(live.map((p) => versionKey(p.brand, p.version)));
  const missing = new Set(live.filter((p) => present[versionKey(p.brand, p.version)] === null).map((p) => p.brand));

  const plan = planPublish(policies, state, effectiveFrom, now);
  const [versions, pointers] = onlyChanges(plan, state, missing) as [KvEntry[], KvEntry[]];
  for (const c of plan.changes) {
    if (c.unchanged && !missing.has(c.brand)) progress(`= ${c.brand}: ${c.to} is already live, nothing to write`);
  }
  if (versions.length) {
    for (const e of versions) progress(`↑ ${e.key.split(':')[1]}: storing version ${e.key.split(':').pop()} (${(e.value.length / 1024).toFixed(1)} KB)`);
    await store.put(versions);
  }
  if (pointers.length) {
    await store.put(pointers);
    for (const c of plan.changes) if (!c.unchanged) progress(`✓ ${c.brand}: live version ${c.from ?? '(none)'} → ${c.to}, effective from ${effectiveFrom}`);
  }
  const after = Object.fromEntries(plan.phases[1]!.filter((e) => e.key !== BRANDS_KEY).map((e) => {
    const p = JSON.parse(e.value) as PolicyPointer;
    return [p.brand, p];
  }));
  return { changes: plan.changes, written: [...versions, ...pointers].map((e) => e.key), pointers: after };
}

/** The brand's pointer, or null when the brand was never published to this store. */
export async function readBrandPointer(store: KvStore, brand: string): Promise<PolicyPointer | null> {
  const raw = (await store.get([pointerKey(brand)]))[pointerKey(brand)] ?? null;
  if (raw === null) return null;
  let json: unknown;
  try { json = JSON.parse(raw); } catch { throw new StoreError(`${pointerKey(brand)} is not JSON`); }
  const pointer = readPointer(json);
  if (typeof pointer === 'string') throw new StoreError(`${pointerKey(brand)}: ${pointer}`);
  return pointer;
}

/** A version named in full or by a prefix unique within the brand's timeline. */
export function resolveVersion(pointer: PolicyPointer, given: string): string {
  const matches = [...new Set(pointer.timeline.map((e) => e.version))].filter((v) => v.startsWith(given));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UsageError(`--to ${given} matches several versions of ${pointer.brand} (${matches.join(', ')}): expected more of the version`);
  throw new UsageError(`--to ${given}: ${pointer.brand} has no such version in its timeline: expected one of ${[...new Set(pointer.timeline.map((e) => e.version))].join(', ')} (policy versions ${pointer.brand})`);
}

export interface RollbackOutcome { from: string; to: string; unchanged: boolean; pointer: PolicyPointer }

/** Switches the brand's pointer back (one write); the version document must still be stored. */
export async function rollbackInStore(store: KvStore, brand: string, to: string | undefined): Promise<RollbackOutcome> {
  const pointer = await readBrandPointer(store, brand);
  if (!pointer) throw new PolicyProblems(`${brand} has never been published to ${store.where}: nothing to roll back`);
  const version = to === undefined ? undefined : resolveVersion(pointer, to);
  if (version === pointer.current) return { from: pointer.current, to: version, unchanged: true, pointer };
  const next = withRolledBack(pointer, version);
  if (typeof next === 'string') throw new PolicyProblems(next);
  const doc = (await store.get([versionKey(brand, next.current)]))[versionKey(brand, next.current)];
  if (doc === null || doc === undefined) throw new StoreError(`${versionKey(brand, next.current)} is missing from ${store.where}: refusing to point ${brand} at it`);
  await store.put([{ key: pointerKey(brand), value: JSON.stringify(next) }]);
  return { from: pointer.current, to: next.current, unchanged: false, pointer: next };
}
