// The editing loop of `npm run dev`, without the server: watch policy-sheets/, and on each batch of
// saves re-check the brands it can affect (recheck-targets.ts) and publish the ones that pass to the
// preview's store (recheck-brands.ts). scripts/dev.ts runs it beside `wrangler dev`; the tests run it
// against a scratch folder and a scratch local KV.

import type { KvStore } from '../kv/kv-store.js';
import { listBrands } from '../read-sheets.js';
import { type RecheckOutcome, recheckBrands } from './recheck-brands.js';
import { recheckTargets } from './recheck-targets.js';
import { type SheetWatcher, watchSheets } from './watch-sheets.js';

export const DEFAULT_DEBOUNCE_MS = 100;

export interface DevLoopOptions {
  root: string;
  store: KvStore;
  effectiveFrom: string;
  out: (line: string) => void;
  debounceMs?: number;
  /** Called after each batch, with what it did (tests wait on it; the script ignores it). */
  onRechecked?: (outcome: RecheckOutcome & { brands: string[] }) => void;
}

export function startDevLoop(options: DevLoopOptions): SheetWatcher {
  const { root, out } = options;
  return watchSheets({
    root,
    out,
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    onBatch: async (paths) => {
      const targets = recheckTargets(paths, listBrands(root));
      if (targets.brands.length === 0) return;
      const started = performance.now();
      out(`${new Date().toLocaleTimeString()} ${targets.shared ? '_shared/ changed: re-checking every brand' : `re-checking ${targets.brands.join(', ')}`}…`);
      const outcome = await recheckBrands(targets.brands, options);
      out(`  done in ${Math.round(performance.now() - started)} ms${outcome.published.length ? `: ${outcome.published.join(', ')} published` : ''}`);
      options.onRechecked?.({ ...outcome, brands: targets.brands });
    },
  });
}
