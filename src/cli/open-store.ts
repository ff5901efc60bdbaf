// `--local` (default) or `--remote`, and where: turns the store options shared by publish, rollback
// and versions into an open KvStore.

import { dirname } from 'node:path';
import type { Args } from './args.js';
import { UsageError } from './errors.js';
import type { KvStore } from './kv/kv-store.js';
import { openLocalKv } from './kv/local-kv.js';
import { openRemoteKv } from './kv/remote-kv.js';
import { runWrangler } from './kv/run-wrangler.js';
import { findWranglerConfig, localNamespaceId, readWranglerConfig } from './kv/wrangler-config.js';

export const STORE_OPTIONS = ['persist-to', 'config', 'binding', 'namespace-id'];
export const STORE_FLAGS = ['local', 'remote'];
export const DEFAULT_BINDING = 'POLICIES';

export async function openStore(args: Args): Promise<KvStore> {
  const { options } = args;
  if (options.local && options.remote) throw new UsageError('--local and --remote exclude each other: expected one of them');
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const binding = text('binding') ?? DEFAULT_BINDING;
  const configPath = text('config') ?? findWranglerConfig(process.cwd()) ?? undefined;
  if (options.remote) {
    if (text('persist-to')) throw new UsageError('--persist-to is for the local store: expected it without --remote');
    return openRemoteKv({
      binding,
      run: runWrangler,
      ...(configPath ? { configPath } : {}),
      ...(text('namespace-id') ? { namespaceId: text('namespace-id')! } : {}),
    });
  }
  const config = configPath ? readWranglerConfig(configPath, binding) : null;
  // wrangler's default: .wrangler/state beside the config file, else in the current folder.
  const persistTo = text('persist-to') ?? `${configPath ? dirname(configPath) : '.'}/.wrangler/state`;
  return openLocalKv({ persistTo, namespaceId: text('namespace-id') ?? localNamespaceId(config?.namespace ?? null, binding) });
}
