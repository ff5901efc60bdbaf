// The little of a key-value store the publish, rollback and versions commands need, so the same
// code drives the local store `wrangler dev` reads, Cloudflare's remote namespace, or a test double.

import type { KvEntry } from '../../store/publish-plan.js';

export interface KvStore {
  /** Where the values live, for messages: "local KV in .wrangler/state (namespace POLICIES)". */
  readonly where: string;
  /** Values by key; null for keys that are absent. */
  get(keys: string[]): Promise<Record<string, string | null>>;
  /** Writes every entry; resolves once all are stored. */
  put(entries: KvEntry[]): Promise<void>;
  close(): Promise<void>;
}

export { StoreError } from '../errors.js';
