// The local KV namespace `wrangler dev` reads, opened the way wrangler's own `kv … --local`
// commands open it: Miniflare (the copy wrangler ships, so the on-disk format matches) persisting
// under <persist-to>/v3, default .wrangler/state next to the wrangler config.

import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KvEntry } from '../../store/publish-plan.js';
import { StoreError, type KvStore } from './kv-store.js';

export interface LocalKvOptions {
  /** The wrangler state folder (wrangler's --persist-to); its v3/ subfolder holds the data. */
  persistTo: string;
  namespaceId: string;
}

interface KvNamespaceLike {
  get(key: string, type: 'text'): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
}
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

export async function openLocalKv(options: LocalKvOptions): Promise<KvStore> {
  const Miniflare = await loadMiniflare();
  const mf = new Miniflare({
    script: 'addEventListener("fetch", (e) => e.respondWith(new Response(null, { status: 404 })))',
    defaultPersistRoot: join(resolve(options.persistTo), 'v3'),
    kvNamespaces: { NAMESPACE: options.namespaceId },
  });
  let kv: KvNamespaceLike;
  try {
    kv = await mf.getKVNamespace('NAMESPACE');
  } catch (error) {
    await mf.dispose();
    throw new StoreError(`cannot open the local KV in ${options.persistTo}: ${(error as Error).message}`);
  }
  return {
    where: `local KV in ${shortPath(options.persistTo)} (namespace ${options.namespaceId})`,
    async get(keys) {
      const values: Record<string, string | null> = {};
      for (const key of keys) values[key] = await kv.get(key, 'text');
      return values;
    },
    async put(entries: KvEntry[]) {
      for (const e of entries) await kv.put(e.key, e.value);
    },
    close: () => mf.dispose(),
  };
}
