// The only code that knows Workers KV: reads each brand's pointer and immutable version documents
// (layout in src/store/policy-pointer.ts), lists brands a page at a time from their keys' metadata,
// keeps what it read in isolate memory (each kind LRU-capped, so an isolate that answered for 10,000
// brands stays bounded) and falls back to the copy bundled at build time when KV is empty, unreadable
// or holds what we can't read. A brand's faults are its own: no read for one brand touches another's keys.
// Steady state: zero KV reads per request; pointers and list pages are re-checked every `recheckMs`.
// A version the Worker was built with is never read from KV: the bundled copy is the same document.

import { type CompiledPolicy, FORMAT_VERSION } from '../src/contract.js';
import { isBrandId } from '../src/store/brand-id.js';
import { readBrandMetadata } from '../src/store/brand-metadata.js';
import type { KvListPage, KvReader } from '../src/store/kv-reader.js';
import { policyFromJson } from '../src/store/policy-document.js';
import {
  BRAND_KEY_PREFIX,
  brandKey,
  type PolicyPointer,
  readPointer,
  selectEntry,
  type TimelineEntry,
  type VersionSummary,
  versionKey,
} from '../src/store/policy-pointer.js';
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
  /** The timeline entry that selected this version; null when the answer is the bundled copy. */
  effectiveFrom: string | null;
  timeline: TimelineEntry[] | null;
}

export type PolicyLookup =
  | { found: LoadedPolicy }
  | { unknown: true }
  /** Published, but its first version takes effect on `from`. */
  | { notYetInForce: { from: string } };

/** A brand on a list page: its versions from the key's metadata (null when unusable, with why). */
export interface PageBrand {
  id: string;
  versions: { version: string; effective_from: string | null; summary: VersionSummary | null }[] | null;
  problem?: 'invalid-brand-id' | 'kv-corrupt';
  /** What this isolate last found wrong with the brand's own keys, and whether it could still answer. */
  known?: BrandFault;
}

export interface BrandPage {
  brands: PageBrand[];
  nextCursor: string | null;
  source: PolicySource;
  fault?: PolicyFault;
}

export interface BrandFault {
  fault: PolicyFault;
  answered: 'memory' | 'bundle' | 'no';
}

/** A value read from KV: T, null when the key is absent, undefined when it could not be used. */
interface Slot<T> {
  value: T | null | undefined;
  fault?: PolicyFault;
  at: number;
}

/** What an isolate keeps, each the least recently used dropped first. Pointers are ~0.3 KB, documents up to MBs. */
const MAX_POINTERS = 2_000;
const MAX_ABSENT = 2_000;
const MAX_VERSIONS = 50;
const MAX_PAGES = 8;
const MAX_FAULTS = 1_000;
/** KV's own maximum keys per list call, and the page size of GET /v1/brands by default. */
export const MAX_PAGE_SIZE = 1_000;
/** A KV read that has not answered by then counts as unreadable: a hung store must not hang checkout. */
export const DEFAULT_KV_TIMEOUT_MS = 1_000;

/** Parsed store contents that outlive a request: one per isolate (module scope) in production. */
export class PolicyCache {
  pointers = new Map<string, Slot<PolicyPointer>>();
  /** Brand ids with no pointer (unknown ids), apart so that a flood of them cannot evict real brands. */
  absent = new Map<string, Slot<PolicyPointer>>();
  versions = new Map<string, Slot<CompiledPolicy>>();
  pages = new Map<string, Slot<Omit<BrandPage, 'source' | 'fault'>>>();
  brandFaults = new Map<string, BrandFault>();
  logged = new Map<string, true>();
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
  if (p.formatVersion > FORMAT_VERSION)
    return { ok: false, fault: 'format-too-new', message: `format ${p.formatVersion}, this Worker reads up to ${FORMAT_VERSION}` };
  if (p.brand !== brand || p.version !== version) return corrupt(`holds ${String(p.brand)} ${String(p.version)}`);
  const lists = [p.facts, p.remedies, p.windows, p.tables, p.plan, p.locales];
  if (!lists.every(Array.isArray) || typeof p.messages !== 'object') return corrupt('lacks facts, remedies, windows, tables, plan or messages');
  return ok(policyFromJson(p as CompiledPolicy));
}

const readPointerOf =
  (brand: string) =>
  (json: unknown): ReadResult<PolicyPointer> => {
    const pointer = readPointer(json);
    if (typeof pointer === 'string') return corrupt(pointer);
    return pointer.brand === brand ? ok(pointer) : corrupt(`holds the pointer of ${pointer.brand}`);
  };

/** One list page's keys as brands: a key that is not a brand id, or metadata we cannot read, marks only its row. */
function pageBrands(page: KvListPage): PageBrand[] {
  return page.keys.map(({ name, metadata }): PageBrand => {
    const id = name.slice(BRAND_KEY_PREFIX.length);
    if (!isBrandId(id)) return { id, versions: null, problem: 'invalid-brand-id' };
    const versions = readBrandMetadata(metadata);
    return versions ? { id, versions } : { id, versions: null, problem: 'kv-corrupt' };
  });
}

/** Whether answering one call read KV (source `kv`) or only isolate memory (source `cache`). */
interface Trace {
  kvRead: boolean;
}

const sourceOf = (trace: Trace): PolicySource => (trace.kvRead ? 'kv' : 'cache');
const dateOf = (selection: Selection, today: string) => (selection.mode === 'current' ? today : selection.date);

export class PolicyStore {
  constructor(
    private readonly kv: KvReader | undefined,
    private readonly bundle: BundledPolicies,
    private readonly cache: PolicyCache,
    private readonly options: PolicyStoreOptions,
  ) {}

  /** The store's date (UTC, YYYY-MM-DD): the day that decides which version is in force. */
  today(): string {
    return new Date(this.options.now()).toISOString().slice(0, 10);
  }

  /** One page of the brand list (one KV list call, held for the re-check interval), with what this isolate knows. */
  async brandPage(cursor: string | null, limit = MAX_PAGE_SIZE): Promise<BrandPage> {
    if (!this.kv) {
      this.logOnce('kv-unbound', 'POLICIES', 'no KV binding named POLICIES: serving the bundled policies');
      return this.bundlePage('kv-unbound');
    }
    const trace: Trace = { kvRead: false };
    const key = `${limit}\u0000${cursor ?? ''}`;
    const holder = {
      get: () => this.cache.pages.get(key),
      set: (s: Slot<Omit<BrandPage, 'source' | 'fault'>>) => remember(this.cache.pages, key, s, MAX_PAGES),
    };
    const read = () => this.withDeadline(this.kv!.list({ prefix: BRAND_KEY_PREFIX, limit, cursor }));
    const slot = await this.refresh(
      holder,
      `list ${BRAND_KEY_PREFIX}`,
      read,
      (page: KvListPage) =>
        ok({
          brands: pageBrands(page),
          nextCursor: page.list_complete ? null : (page.cursor ?? null),
        }),
      false,
      trace,
    );
    const fault = slot.fault ? { fault: slot.fault } : {};
    if (!slot.value) {
      if (cursor) throw new PolicyUnavailable(`the brand list cannot be read (${slot.fault})`);
      return this.bundlePage(slot.fault);
    }
    // Nothing published under this layout yet: the bundled brands answer (as their lookups do).
    if (!cursor && slot.value.brands.length === 0) return this.bundlePage(slot.fault);
    const brands = slot.value.brands.map((b) => {
      const known = this.cache.brandFaults.get(b.id);
      return known ? { ...b, known } : b;
    });
    return { brands, nextCursor: slot.value.nextCursor, source: sourceOf(trace), ...fault };
  }

  /** Brands whose own keys this isolate last found faulty, most recent last. */
  degradedBrands(): { brand: string; fault: PolicyFault; answered: BrandFault['answered'] }[] {
    return [...this.cache.brandFaults].map(([brand, f]) => ({ brand, ...f }));
  }

  /** The brand's policy under `selection` on `today`: never a version that takes effect after today. */
  async lookup(brand: string, selection: Selection, today = this.today()): Promise<PolicyLookup> {
    const held = this.heldLookup(brand, selection, today);
    if (held) return held;
    if (!this.kv) {
      this.logOnce('kv-unbound', 'POLICIES', 'no KV binding named POLICIES: serving the bundled policies');
      return this.fromBundle(brand, 'kv-unbound');
    }
    const trace: Trace = { kvRead: false };
    const pointer = await this.pointerSlot(brand, trace);
    // No pointer: not published (to this layout). A bundled brand still answers, from the bundle.
    if (pointer.value === null) return this.fromBundle(brand, undefined);
    if (!pointer.value) return this.fromBundle(brand, pointer.fault ?? 'kv-corrupt');
    const entry = selectEntry(pointer.value.timeline, dateOf(selection, today), today);
    if (!entry) return { notYetInForce: { from: pointer.value.timeline[0]!.effective_from } };
    const key = versionKey(brand, entry.version);
    // Versions are content hashes: when the Worker was built with the version KV names, its bundled
    // copy is that document. A cold isolate then skips reading the largest key (BENCHMARKS.md, cold path).
    if (this.bundle.version(brand) === entry.version && !this.cache.versions.get(key)?.value) {
      remember(this.cache.versions, key, { value: this.bundle.policy(brand)!, at: this.options.now() }, MAX_VERSIONS);
    }
    const doc = await this.versionSlot(brand, entry.version, trace);
    if (doc.value === null) this.logOnce('kv-corrupt', key, 'the pointer names a version that is not stored');
    if (!doc.value) return this.fromBundle(brand, doc.fault ?? 'kv-corrupt');
    this.noteBrand(brand, pointer.fault, 'memory');
    return { found: this.loaded(doc.value, sourceOf(trace), pointer.fault, entry, pointer.value) };
  }

  /**
   * The steady state, without a KV read, a closure or an await: pointer and version document held,
   * the pointer not due for a re-check. Anything else (a miss, a fault, an unknown brand) takes lookup's path.
   */
  private heldLookup(brand: string, selection: Selection, today: string): PolicyLookup | undefined {
    if (!this.kv) return undefined;
    const pointer = this.cache.pointers.get(brand);
    if (!pointer?.value || this.options.now() - pointer.at >= this.options.recheckMs) return undefined;
    const entry = selectEntry(pointer.value.timeline, dateOf(selection, today), today);
    const doc = entry && this.cache.versions.get(versionKey(brand, entry.version));
    if (!doc?.value) return undefined;
    return { found: this.loaded(doc.value, 'cache', pointer.fault, entry!, pointer.value) };
  }

  private loaded(policy: CompiledPolicy, source: PolicySource, fault: PolicyFault | undefined, entry: TimelineEntry, pointer: PolicyPointer): LoadedPolicy {
    return { policy, source, ...(fault ? { fault } : {}), effectiveFrom: entry.effective_from, timeline: pointer.timeline };
  }

  private pointerSlot(brand: string, trace: Trace): Promise<Slot<PolicyPointer>> {
    const { pointers, absent } = this.cache;
    const holder = {
      get: () => pointers.get(brand) ?? absent.get(brand),
      set: (s: Slot<PolicyPointer>) => {
        // Negative-cached: an unknown id costs one read per re-check interval, in its own bounded map.
        if (s.value === null) {
          pointers.delete(brand);
          remember(absent, brand, s, MAX_ABSENT);
        } else {
          absent.delete(brand);
          remember(pointers, brand, s, MAX_POINTERS);
        }
      },
    };
    return this.refresh(holder, brandKey(brand), () => this.readText(brandKey(brand)), this.parseJson(readPointerOf(brand)), false, trace);
  }

  private versionSlot(brand: string, version: string, trace: Trace): Promise<Slot<CompiledPolicy>> {
    const key = versionKey(brand, version);
    const holder = { get: () => this.cache.versions.get(key), set: (s: Slot<CompiledPolicy>) => remember(this.cache.versions, key, s, MAX_VERSIONS) };
    return this.refresh(
      holder,
      key,
      () => this.readText(key),
      this.parseJson((json) => readPolicy(json, brand, version)),
      true,
      trace,
    );
  }

  private parseJson<T>(read: (json: unknown) => ReadResult<T>): (text: string) => ReadResult<T> {
    return (text) => {
      try {
        return read(JSON.parse(text));
      } catch {
        return corrupt('not JSON');
      }
    };
  }

  private async refresh<R, T>(
    holder: { get(): Slot<T> | undefined; set(s: Slot<T>): void },
    key: string,
    fetch: () => Promise<R | null>,
    read: (raw: R) => ReadResult<T>,
    immutable: boolean,
    trace: Trace,
  ): Promise<Slot<T>> {
    const now = this.options.now();
    const held = holder.get();
    // Version documents never change once written; pointers and pages are re-read after the interval.
    if (held && ((immutable && held.value) || now - held.at < this.options.recheckMs)) return held;
    let next: Slot<T>;
    try {
      const raw = await fetch();
      trace.kvRead = true;
      const result = raw === null ? null : read(raw);
      if (result === null) next = { value: null, at: now };
      else if (result.ok) next = { value: result.value, at: now };
      else {
        this.logOnce(result.fault, key, result.message);
        next = { value: held?.value ?? undefined, fault: result.fault, at: now };
      }
    } catch (error) {
      // Keep answering from the last good value; retry after the interval, not on every request.
      this.logOnce('kv-unreadable', key, error instanceof Error ? error.message : String(error));
      next = { value: held?.value ?? undefined, fault: 'kv-unreadable', at: now };
    }
    holder.set(next);
    return next;
  }

  private readText(key: string): Promise<string | null> {
    return this.withDeadline(this.kv!.get(key, 'text'));
  }

  /** KV's answer, or a rejection once the deadline passes (the late answer is ignored). */
  private withDeadline<T>(read: Promise<T>): Promise<T> {
    const ms = this.options.kvTimeoutMs ?? DEFAULT_KV_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    });
    return Promise.race([read, deadline]).finally(() => clearTimeout(timer));
  }

  private bundlePage(fault: PolicyFault | undefined): BrandPage {
    const brands = this.bundle.brands.map((id): PageBrand => {
      const policy = this.bundle.policy(id)!;
      const summary = { name: policy.name, currency: policy.currency, default_locale: policy.defaultLocale, locales: [...policy.locales] };
      return { id, versions: [{ version: policy.version, effective_from: null, summary }] };
    });
    return { brands, nextCursor: null, source: 'bundle', ...(fault ? { fault } : {}) };
  }

  private fromBundle(brand: string, fault: PolicyFault | undefined): PolicyLookup {
    const policy = this.bundle.policy(brand);
    this.noteBrand(brand, fault, policy ? 'bundle' : 'no');
    if (policy) return { found: { policy, source: 'bundle', ...(fault ? { fault } : {}), effectiveFrom: null, timeline: null } };
    if (fault) throw new PolicyUnavailable(`no readable policy for ${brand} in KV (${fault}) and none bundled`);
    return { unknown: true };
  }

  /** Remembers (or forgets, when healthy again) what is wrong with one brand's keys: /healthz and the list report it. */
  private noteBrand(brand: string, fault: PolicyFault | undefined, answered: BrandFault['answered']): void {
    // An unbound namespace is the store's fault, not each brand's: /healthz reports it once.
    if (fault === 'kv-unbound') return;
    if (fault) remember(this.cache.brandFaults, brand, { fault, answered }, MAX_FAULTS);
    else this.cache.brandFaults.delete(brand);
  }

  /** Faults are logged once per isolate and key: a broken store must not flood the logs. */
  private logOnce(fault: PolicyFault, key: string, message: string): void {
    const id = `${fault} ${key}`;
    if (this.cache.logged.has(id)) return;
    remember(this.cache.logged, id, true, MAX_FAULTS);
    this.options.log(JSON.stringify({ level: 'error', event: 'policy_store_fault', fault, key, message }));
  }
}
