// The only code that knows Workers KV: reads the brand list, each brand's pointer and immutable
// version documents (layout in src/store/policy-pointer.ts), keeps them parsed in isolate memory and
// falls back to the copy bundled at build time when KV is empty, unreadable or holds what we can't read.
// Steady state: zero KV reads per request; the list and pointers are re-checked every `recheckMs`.
// A version the Worker was built with is never read from KV: the bundled copy is the same document.

import { FORMAT_VERSION, type CompiledPolicy } from '../src/contract.js';
import { BRANDS_KEY, pointerKey, readPointer, versionInForce, versionKey, type PolicyPointer, type TimelineEntry } from '../src/store/policy-pointer.js';
import { policyFromJson } from '../src/store/policy-document.js';
import { readBrandList } from '../src/store/publish-plan.js';
import type { KvReader } from './env.js';
import { remember } from './lru.js';
import type { BundledPolicies } from './policy-bundle.js';
import { PolicyUnavailable } from './problem.js';

export type PolicySource = 'kv' | 'cache' | 'bundle';
/** Why an answer came from an older or bundled copy; surfaces as the X-Policy-Degraded header. */
export type PolicyFault = 'kv-unbound' | 'kv-unreadable' | 'kv-corrupt' | 'format-too-new';

export type Selection = { mode: 'current' } | { mode: 'order_date'; date: string };

export interface LoadedPolicy {
  policy: CompiledPolicy;
  source: PolicySource;
  fault?: PolicyFault;
  /** The chosen version's entry in the brand's timeline; null when the answer is the bundled copy. */
  effectiveFrom: string | null;
  timeline: TimelineEntry[] | null;
}

export type PolicyLookup = { found: LoadedPolicy } | { unknown: string[] };

export interface BrandList { brands: string[]; source: PolicySource; fault?: PolicyFault }

/** A value read from KV: T, null when the key is absent, undefined when it could not be used. */
interface Slot<T> { value: T | null | undefined; fault?: PolicyFault; at: number }

/** Versions and pointers an isolate keeps, the least recently used dropped first. */
const MAX_CACHED_VERSIONS = 50;
/** A KV read that has not answered by then counts as unreadable: a hung store must not hang checkout. */
export const DEFAULT_KV_TIMEOUT_MS = 1_000;

/** Parsed store contents that outlive a request: one per isolate (module scope) in production. */
export class PolicyCache {
  brandList?: Slot<string[]>;
  pointers = new Map<string, Slot<PolicyPointer>>();
  versions = new Map<string, Slot<CompiledPolicy>>();
  logged = new Set<string>();
}

export interface PolicyStoreOptions {
  recheckMs: number;
  now: () => number;
  log: (line: string) => void;
  /** Deadline of one KV read (default DEFAULT_KV_TIMEOUT_MS). */
  kvTimeoutMs?: number;
}

type ReadResult<T> = { ok: true; value: T } | { ok: false; fault: PolicyFault; message: string };

const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value });
const corrupt = (message: string): { ok: false; fault: PolicyFault; message: string } => ({ ok: false, fault: 'kv-corrupt', message });

function readPolicy(json: unknown, brand: string, version: string): ReadResult<CompiledPolicy> {
  const p = json as Partial<CompiledPolicy> | null;
  if (typeof p !== 'object' || p === null || typeof p.formatVersion !== 'number') return corrupt('not a compiled policy');
  if (p.formatVersion > FORMAT_VERSION) return { ok: false, fault: 'format-too-new', message: `format ${p.formatVersion}, this Worker reads up to ${FORMAT_VERSION}` };
  if (p.brand !== brand || p.version !== version) return corrupt(`holds ${String(p.brand)} ${String(p.version)}`);
  const lists = [p.facts, p.remedies, p.windows, p.tables, p.plan, p.locales];
  if (!lists.every(Array.isArray) || typeof p.messages !== 'object') return corrupt('lacks facts, remedies, windows, tables, plan or messages');
  return ok(policyFromJson(p as CompiledPolicy));
}

const readList = (json: unknown): ReadResult<string[]> => {
  const list = readBrandList(json);
  return typeof list === 'string' ? corrupt(list) : ok(list);
};

const readPointerDoc = (json: unknown): ReadResult<PolicyPointer> => {
  const pointer = readPointer(json);
  return typeof pointer === 'string' ? corrupt(pointer) : ok(pointer);
};

/** Whether answering one call read KV (source `kv`) or only isolate memory (source `cache`). */
interface Trace { kvRead: boolean }

const sourceOf = (trace: Trace): PolicySource => (trace.kvRead ? 'kv' : 'cache');

export class PolicyStore {
  constructor(
    private readonly kv: KvReader | undefined,
    private readonly bundle: BundledPolicies,
    private readonly cache: PolicyCache,
    private readonly options: PolicyStoreOptions,
  ) {}

  /** Every brand with a policy and where the list came from. */
  async brands(): Promise<BrandList> {
    const trace: Trace = { kvRead: false };
    const list = await this.brandSlot(trace);
    const fault = list.fault ? { fault: list.fault } : {};
    if (list.value) return { brands: list.value, source: sourceOf(trace), ...fault };
    return { brands: [...this.bundle.brands], source: 'bundle', ...fault };
  }

  /** The brand's policy under `selection`, or the known brands when there is none. */
  async lookup(brand: string, selection: Selection): Promise<PolicyLookup> {
    const held = this.heldLookup(brand, selection);
    if (held) return held;
    const trace: Trace = { kvRead: false };
    const readAhead = this.readPointerWithList(brand);
    const listed = this.brandSlot(trace);
    const pointerAhead = readAhead ? this.pointerSlot(brand, trace) : undefined;
    const list = await listed;
    if (!list.value) return this.fromBundle(brand, list.fault);
    if (!list.value.includes(brand)) return { unknown: list.value };
    const pointer = await (pointerAhead ?? this.pointerSlot(brand, trace));
    // A listed brand without a pointer is a half-finished publish: answer from the bundle, and say so.
    if (pointer.value === null) this.logOnce('kv-corrupt', pointerKey(brand), 'brand is listed but has no pointer');
    if (!pointer.value) return this.fromBundle(brand, pointer.fault ?? 'kv-corrupt');
    const version = selection.mode === 'current' ? pointer.value.current : versionInForce(pointer.value, selection.date);
    const key = versionKey(brand, version);
    // Versions are content hashes: when the Worker was built with the version KV names, its bundled
    // copy is that document. A cold isolate then skips reading the largest key (BENCHMARKS.md, cold path).
    if (this.bundle.version(brand) === version && !this.cache.versions.get(key)?.value) remember(this.cache.versions, key, { value: this.bundle.policy(brand)!, at: this.options.now() }, MAX_CACHED_VERSIONS);
    const doc = await this.slot(this.cache.versions, key, (json) => readPolicy(json, brand, version), true, trace);
    if (doc.value === null) this.logOnce('kv-corrupt', key, 'the pointer names a version that is not stored');
    if (!doc.value) return this.fromBundle(brand, doc.fault ?? 'kv-corrupt');
    const fault = list.fault ?? pointer.fault;
    return {
      found: {
        policy: doc.value, source: sourceOf(trace), ...(fault ? { fault } : {}),
        effectiveFrom: pointer.value.timeline.find((e) => e.version === version)?.effective_from ?? null,
        timeline: pointer.value.timeline,
      },
    };
  }

  /**
   * The steady state, without a KV read, a closure or an await: list, pointer and version document all
   * held, none due for a re-check. Anything else (a miss, a fault, an unknown brand) takes lookup's path.
   */
  private heldLookup(brand: string, selection: Selection): PolicyLookup | undefined {
    if (!this.kv) return undefined;
    const now = this.options.now();
    const list = this.cache.brandList;
    if (!list?.value || now - list.at >= this.options.recheckMs || !list.value.includes(brand)) return undefined;
    const pointer = this.cache.pointers.get(pointerKey(brand));
    if (!pointer?.value || now - pointer.at >= this.options.recheckMs) return undefined;
    const version = selection.mode === 'current' ? pointer.value.current : versionInForce(pointer.value, selection.date);
    const doc = this.cache.versions.get(versionKey(brand, version));
    if (!doc?.value) return undefined;
    const fault = list.fault ?? pointer.fault;
    return {
      found: {
        policy: doc.value, source: 'cache', ...(fault ? { fault } : {}),
        effectiveFrom: pointer.value.timeline.find((e) => e.version === version)?.effective_from ?? null,
        timeline: pointer.value.timeline,
      },
    };
  }

  private brandSlot(trace: Trace): Promise<Slot<string[]>> {
    if (!this.kv) {
      this.logOnce('kv-unbound', 'POLICIES', 'no KV binding named POLICIES: serving the bundled policies');
      return Promise.resolve({ value: undefined, fault: 'kv-unbound', at: 0 });
    }
    const holder = { get: () => this.cache.brandList, set: (s: Slot<string[]>) => { this.cache.brandList = s; } };
    return this.refresh(holder, BRANDS_KEY, readList, false, trace);
  }

  /**
   * Whether to read the brand's pointer alongside the brand list: when the list is about to be read
   * and the brand is almost surely on it (the last list, or the bundle, names it) — one KV round trip
   * instead of two for a cold isolate or a re-check. Any other brand id waits for the list, so that
   * ids nobody publishes cost no pointer reads.
   */
  private readPointerWithList(brand: string): boolean {
    const held = this.cache.brandList;
    if (!this.kv || (held && this.options.now() - held.at < this.options.recheckMs)) return false;
    return held?.value?.includes(brand) ?? this.bundle.brands.includes(brand);
  }

  private pointerSlot(brand: string, trace: Trace): Promise<Slot<PolicyPointer>> {
    return this.slot(this.cache.pointers, pointerKey(brand), readPointerDoc, false, trace);
  }

  private slot<T>(map: Map<string, Slot<T>>, key: string, read: (json: unknown) => ReadResult<T>, immutable: boolean, trace: Trace): Promise<Slot<T>> {
    const holder = { get: () => map.get(key), set: (s: Slot<T>) => remember(map, key, s, MAX_CACHED_VERSIONS) };
    return this.refresh(holder, key, read, immutable, trace);
  }

  private async refresh<T>(
    holder: { get(): Slot<T> | undefined; set(s: Slot<T>): void }, key: string,
    read: (json: unknown) => ReadResult<T>, immutable: boolean, trace: Trace,
  ): Promise<Slot<T>> {
    const now = this.options.now();
    const held = holder.get();
    // Version documents never change once written; lists and pointers are re-read after the interval.
    if (held && ((immutable && held.value) || now - held.at < this.options.recheckMs)) return held;
    let next: Slot<T>;
    try {
      const text = await this.read(key);
      trace.kvRead = true;
      next = text === null ? { value: null, at: now } : this.parsed(text, key, read, held, now);
    } catch (error) {
      // Keep answering from the last good value; retry after the interval, not on every request.
      this.logOnce('kv-unreadable', key, error instanceof Error ? error.message : String(error));
      next = { value: held?.value ?? undefined, fault: 'kv-unreadable', at: now };
    }
    holder.set(next);
    return next;
  }

  /** KV's answer, or a rejection once the deadline passes (the late answer is ignored). */
  private read(key: string): Promise<string | null> {
    const ms = this.options.kvTimeoutMs ?? DEFAULT_KV_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    });
    return Promise.race([this.kv!.get(key, 'text'), deadline]).finally(() => clearTimeout(timer));
  }

  private parsed<T>(text: string, key: string, read: (json: unknown) => ReadResult<T>, held: Slot<T> | undefined, now: number): Slot<T> {
    let result: ReadResult<T>;
    try {
      result = read(JSON.parse(text));
    } catch {
      result = corrupt('not JSON');
    }
    if (result.ok) return { value: result.value, at: now };
    this.logOnce(result.fault, key, result.message);
    return { value: held?.value ?? undefined, fault: result.fault, at: now };
  }

  private fromBundle(brand: string, fault: PolicyFault | undefined): PolicyLookup {
    const policy = this.bundle.policy(brand);
    if (policy) return { found: { policy, source: 'bundle', ...(fault ? { fault } : {}), effectiveFrom: null, timeline: null } };
    if (fault) throw new PolicyUnavailable(`no readable policy for ${brand} in KV (${fault}) and none bundled`);
    return { unknown: [...this.bundle.brands] };
  }

  /** Faults are logged once per isolate and key: a broken store must not flood the logs. */
  private logOnce(fault: PolicyFault, key: string, message: string): void {
    const id = `${fault} ${key}`;
    if (this.cache.logged.has(id)) return;
    this.cache.logged.add(id);
    this.options.log(JSON.stringify({ level: 'error', event: 'policy_store_fault', fault, key, message }));
  }
}
