// The Hono environment every route group shares: bindings from wrangler.toml and the per-request
// values the app's middleware sets up.

import type { Bindings } from './env.js';
import type { PolicyStore } from './policy-store.js';

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    store: PolicyStore;
    /** The request's date (UTC, YYYY-MM-DD): the default claim_on and coverage reference day. */
    today: string;
  };
}
