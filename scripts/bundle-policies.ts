// `npm run build:bundle`: packs the compiled policies into one module the Worker imports at build
// time (alias `virtual:bundled-policies` in wrangler.toml and test/edge/vitest.config.ts) — its
// fallback when KV is empty or unreadable. Each document is stored as JSON text, parsed when first
// needed (functions/bundled-policies.ts). The bundle has a budget (src/store/bundle-selection.ts):
// the brands that fit are bundled, the others are served from KV alone.
//   POLICY_BUNDLE_BUDGET_KB=<n> npm run build:bundle    (default 256; 0 bundles nothing)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundledDocument, type PolicyBundleFile } from '../functions/policy-bundle.js';
import { selectBundled } from '../src/store/bundle-selection.js';
import { readCompiledPolicies } from './read-compiled.js';

export const BUNDLE_FILE = 'dist/worker/bundled-policies.json';
/** Stored JSON, not gzip: ~60 KB of the upload at the seed brands' ratio. */
const DEFAULT_BUDGET_KB = 256;

function budgetKb(): number {
  const asked = process.env.POLICY_BUNDLE_BUDGET_KB;
  if (asked === undefined || asked === '') return DEFAULT_BUDGET_KB;
  const kb = Number(asked);
  if (!Number.isFinite(kb) || kb < 0) {
    console.error(`POLICY_BUNDLE_BUDGET_KB must be a number of kilobytes (0 or more), not "${asked}"`);
    process.exit(2);
  }
  return kb;
}

const budget = budgetKb();
const documents = new Map(readCompiledPolicies().map((p) => [p.brand, bundledDocument(p)]));
const selection = selectBundled(
  [...documents].map(([brand, doc]) => ({ brand, bytes: Buffer.byteLength(doc.json) })),
  budget * 1024,
);
mkdirSync(dirname(BUNDLE_FILE), { recursive: true });
const bundle: PolicyBundleFile = {
  built_at: new Date().toISOString(),
  policies: Object.fromEntries(selection.bundled.map((brand) => [brand, documents.get(brand)!])),
};
writeFileSync(BUNDLE_FILE, JSON.stringify(bundle));
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
console.log(
  `✓ bundled ${selection.bundled.map((b) => `${b} ${documents.get(b)!.version}`).join(', ') || 'no brand'} (${kb(selection.bytes)} of ${budget} KB) → ${BUNDLE_FILE}`,
);
if (selection.left.length) {
  console.log(
    `  served from KV alone (over the bundle's budget, POLICY_BUNDLE_BUDGET_KB): ${selection.left.map((c) => `${c.brand} (${kb(c.bytes)})`).join(', ')}`,
  );
}
