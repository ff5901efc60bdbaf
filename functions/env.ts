// The Worker's bindings and configuration as wrangler.toml declares them, and the little of the KV
// API the policy store uses (so tests and scripts can hand it any object that reads and lists keys).

import type { KvReader } from '../src/store/kv-reader.js';

export type { KvListKey, KvListPage, KvReader } from '../src/store/kv-reader.js';

export interface Bindings {
  /** Published policies (see src/store/policy-pointer.ts for the key layout). */
  POLICIES?: KvReader;
  /** Comma-separated storefront origins allowed to call from a browser; `*` allows any. */
  ALLOWED_ORIGINS?: string;
  /** Seconds between pointer and brand-list re-checks in an isolate (default 30). */
  POLICY_RECHECK_SECONDS?: string;
  /** "1" only under `npm run dev` (scripts/dev.ts): the preview's problem channel and no-store answers (dev-preview.ts). */
  DEV_PREVIEW?: string;
}
