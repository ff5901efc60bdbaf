// Cloudflare's POLICIES namespace through the project's wrangler CLI (`wrangler kv bulk get|put
// --remote`), so a person's `wrangler login` or CI's CLOUDFLARE_API_TOKEN + CLOUDFLARE_ACCOUNT_ID
// both work. `--preview false` picks the production namespace even when a preview_id is configured.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KvEntry } from '../../store/publish-plan.js';
import { type KvStore, StoreError } from './kv-store.js';

/** Runs `wrangler <args>` and returns its stdout; throws with its output on failure. */
export type RunWrangler = (args: string[]) => Promise<string>;

export interface RemoteKvOptions {
  binding: string;
  /** Overrides the namespace wrangler would pick from the config for the binding. */
  namespaceId?: string;
  configPath?: string;
  run: RunWrangler;
}

/** `wrangler kv bulk get` prints {key: value} remotely and {key: {value}} locally; both read here. */
export function readBulkGet(stdout: string, keys: string[]): Record<string, string | null> {
  const start = stdout.indexOf('{'),
    end = stdout.lastIndexOf('}');
  if (start < 0 || end < start) throw new StoreError(`wrangler kv bulk get printed no JSON: ${stdout.slice(0, 200)}`);
  let found: Record<string, unknown>;
  try {
    found = JSON.parse(stdout.slice(start, end + 1)) as Record<string, unknown>;
  } catch {
    throw new StoreError(`wrangler kv bulk get printed unreadable JSON: ${stdout.slice(0, 200)}`);
  }
  return Object.fromEntries(
    keys.map((k) => {
      const v = found[k];
      const value = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
      return [k, typeof value === 'string' ? value : null];
    }),
  );
}

export function openRemoteKv(options: RemoteKvOptions): KvStore {
  const dir = mkdtempSync(join(tmpdir(), 'policy-kv-'));
  const target = [
    ...(options.namespaceId ? ['--namespace-id', options.namespaceId] : ['--binding', options.binding, '--preview', 'false']),
    '--remote',
    ...(options.configPath ? ['--config', options.configPath] : []),
  ];
  let files = 0;
  const file = (content: unknown) => {
    const path = join(dir, `kv-${++files}.json`);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const run = async (args: string[]) => {
    try {
      return await options.run(args);
    } catch (error) {
      throw new StoreError(`wrangler ${args.slice(0, 3).join(' ')} failed: ${(error as Error).message}`);
    }
  };
  return {
    where: `remote KV (${options.namespaceId ? `namespace ${options.namespaceId}` : `binding ${options.binding}`})`,
    async get(keys) {
      if (keys.length === 0) return {};
      return readBulkGet(await run(['kv', 'bulk', 'get', file(keys), ...target]), keys);
    },
    async put(entries: KvEntry[]) {
      if (entries.length === 0) return;
      // wrangler's bulk file: [{ key, value, metadata? }], the metadata being what the brand list reads.
      await run([
        'kv',
        'bulk',
        'put',
        file(entries.map((e) => ({ key: e.key, value: e.value, ...(e.metadata === undefined ? {} : { metadata: e.metadata }) }))),
        ...target,
      ]);
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
