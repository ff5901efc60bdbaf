// `npm run build:bundle`: packs the compiled policies into one module the Worker imports at build
// time (alias `virtual:bundled-policies` in wrangler.toml and test/edge/vitest.config.ts) — its
// fallback when KV is empty or unreadable. Each document is stored as JSON text, parsed when first
// needed (functions/bundled-policies.ts).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundledDocument, type PolicyBundleFile } from '../functions/policy-bundle.js';
import { readCompiledPolicies } from './read-compiled.js';

export const BUNDLE_FILE = 'dist/worker/bundled-policies.json';

const policies = readCompiledPolicies();
mkdirSync(dirname(BUNDLE_FILE), { recursive: true });
const bundle: PolicyBundleFile = {
  built_at: new Date().toISOString(),
  policies: Object.fromEntries(policies.map((p) => [p.brand, bundledDocument(p)])),
};
writeFileSync(BUNDLE_FILE, JSON.stringify(bundle));
console.log(`✓ bundled ${policies.map((p) => `${p.brand} ${p.version}`).join(', ')} → ${BUNDLE_FILE}`);
