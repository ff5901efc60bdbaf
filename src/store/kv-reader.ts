// The little of the Workers KV read API the policy store uses — a key's text, and one page of keys
// under a prefix with their metadata — so the Worker, tests, the CLI's local store and benchmarks
// can hand it any object that reads keys.

export interface KvListKey {
  name: string;
  metadata?: unknown;
}

export interface KvListPage {
  keys: KvListKey[];
  list_complete: boolean;
  cursor?: string;
}

export interface KvReader {
  get(key: string, type: 'text'): Promise<string | null>;
  /** Up to `limit` keys (KV: at most 1000) under `prefix` in key order, from `cursor` on. */
  list(options: { prefix: string; limit?: number; cursor?: string | null }): Promise<KvListPage>;
}
