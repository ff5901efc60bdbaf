// The local KV namespace `wrangler dev` reads, opened the way wrangler's own `kv … --local`
// commands open it: Miniflare (the copy wrangler ships, so the on-disk format matches) persisting
// under <persist-to>/v3, default .wrangler/state next to the wrangler config.

import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KvReader } from '../../store/kv-reader.js';
import type { KvEntry } from '../../store/publish-plan.js';
import { type KvStore, StoreError } from './kv-store.js';
import { withRetry } from './retry.js';

export interface LocalKvOptions {
  /** The wrangler state folder (wrangler's --persist-to); its v3/ subfolder holds the data. */
  persistTo: string;
  namespaceId: string;
}

/** The local namespace as the Worker sees it: reads, lists and writes with metadata. */
export interface KvNamespaceLike extends KvReader {
  put(key: string, value: string, options?: { metadata?: unknown }): Promise<void>;
}

/** The local store, plus the namespace itself for tests and benchmarks that read it as the Worker does. */
export interface LocalKvStore extends KvStore {
  readonly namespace: KvNamespaceLike;
}

/** Reads or writes in flight at once: the local simulator answers each over a socket, so a few overlap well. */
const PARALLEL_WRITES = 32;
interface MiniflareLike {
  getKVNamespace(binding: string): Promise<KvNamespaceLike>;
  dispose(): Promise<void>;
}

async function loadMiniflare(): Promise<new (options: object) => MiniflareLike> {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'));
  const module = (await import(pathToFileURL(fromWrangler.resolve('miniflare')).href)) as { Miniflare: new (options: object) => MiniflareLike };
  return module.Miniflare;
}

const shortPath = (path: string) => {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') ? rel : resolve(path);
};

/** A store call retried (retry.ts); one that still fails is the store failing (exit 3), not an internal error. */
function storeCall<T>(call: () => Promise<T>): Promise<T> {
  return withRetry(call).catch((error: unknown) => {
    throw new StoreError(`the local KV did not answer: ${(error as Error)?.message ?? String(error)}`);
  });
}

/** Starts the Miniflare that holds the local KV: a second try when workerd fails to start (ports, load). */
async function startMiniflare(options: LocalKvOptions): Promise<{ mf: MiniflareLike; kv: KvNamespaceLike }> {
  const Miniflare = await loadMiniflare();
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const mf = new Miniflare({
      script: 'addEventListener("fetch", (e) => e.respondWith(new Response(null, { status: 404 })))',
      defaultPersistRoot: join(resolve(options.persistTo), 'v3'),
      kvNamespaces: { NAMESPACE: options.namespaceId },
    });
    try {
      return { mf, kv: await mf.getKVNamespace('NAMESPACE') };
    } catch (error) {
      lastError = error;
      await mf.dispose().catch(() => {});
    }
  }
  throw new StoreError(`cannot open the local KV in ${options.persistTo}: ${(lastError as Error)?.message ?? String(lastError)}`);
}

export async function openLocalKv(options: LocalKvOptions): Promise<LocalKvStore> {
  const { mf, kv } = await startMiniflare(options);
  return {
    where: `local KV in ${shortPath(options.persistTo)} (namespace ${options.namespaceId})`,
    async get(keys) {
      const values: Record<string, string | null> = {};
      for (let i = 0; i < keys.length; i += PARALLEL_WRITES) {
        const batch = keys.slice(i, i + PARALLEL_WRITES);
        const read = await Promise.all(batch.map((key) => storeCall(() => kv.get(key, 'text'))));
        batch.forEach((key, j) => {
          values[key] = read[j]!;
        });
      }
      return values;
    },
    async put(entries: KvEntry[]) {
      for (let i = 0; i < entries.length; i += PARALLEL_WRITES) {
        // Each put is idempotent (the same key, value and metadata), so retrying one is safe.
        await Promise.all(
          entries.slice(i, i + PARALLEL_WRITES).map((e) => storeCall(() => kv.put(e.key, e.value, e.metadata === undefined ? {} : { metadata: e.metadata }))),
        );
      }
    },
    namespace: kv,
    close: () => mf.dispose(),
  };
}
