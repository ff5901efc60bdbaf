// The Worker's tests run inside workerd (the Workers runtime) with @cloudflare/vitest-pool-workers:
// the app as wrangler.toml builds it, a real (local) KV namespace per test file, seeded from the
// compiled sheets by seed-kv.ts.

import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';
import { bundledDocument } from '../../functions/policy-bundle.js';
import { readCompiledPolicies } from '../../scripts/read-compiled.js';
import { compileFixtureBrands, listFixtureBrands, mergeBrands } from './compile-fixture-brands.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzSeed: number;
    /** Every compiled brand of dist/policies and every fixture brand, as stored (published-policies.ts). */
    publishedPolicies: { brand: string; version: string; json: string }[];
    /** The brands the tests own (test/fixtures/brands/*): fixture-brands.ts. */
    fixtureBrands: string[];
  }
}

const FIXTURES = 'test/fixtures/brands';

/**
 * What `npm run build:policies` wrote, plus the fixture brands compiled beside policy-sheets/_shared,
 * read here because workerd cannot read files.
 */
const publishedPolicies = () =>
  mergeBrands(readCompiledPolicies(fromRoot('dist/policies')), compileFixtureBrands(fromRoot('policy-sheets'), fromRoot(FIXTURES))).map((p) => ({
    brand: p.brand,
    ...bundledDocument(p),
  }));

/**
 * The fuzzer's seed: fixed, so the gate is reproducible and a red run is the code's doing, not the
 * dice's; `FUZZ_SEED=random npm run test:fuzz` (or any number) explores further. A counterexample
 * found that way goes into fuzz/regressions.json.
 */
const FIXED_FUZZ_SEED = 20_261_205;
function fuzzSeed(): number {
  const asked = process.env.FUZZ_SEED;
  if (asked === undefined || asked === '') return FIXED_FUZZ_SEED;
  if (asked === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(asked);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not "${asked}"`);
  return seed;
}

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineProject({
  // Paths below are relative to this folder whether vitest starts here or from the root's projects.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    cloudflareTest({
      main: fromRoot('functions/index.ts'),
      wrangler: { configPath: fromRoot('wrangler.toml') },
      miniflare: {
        // Tests pin their own configuration rather than inherit whatever wrangler.toml says today.
        bindings: { ALLOWED_ORIGINS: 'https://shop.example,https://support.example', POLICY_RECHECK_SECONDS: '30' },
      },
    }),
  ],
  // Same aliases as wrangler.toml: Vite, not wrangler, bundles the Worker under test, and the tests
  // must run the MCP SDK without the parts the deployed bundle leaves out (functions/mcp/sdk-unused.ts).
  resolve: {
    alias: {
      'virtual:bundled-policies': fromRoot('dist/worker/bundled-policies.json'),
      ...Object.fromEntries(['ajv', 'ajv-formats', 'zod/v3', 'zod-to-json-schema'].map((name) => [name, fromRoot('functions/mcp/sdk-unused.ts')])),
    },
  },
  test: {
    name: 'edge',
    include: ['**/*.test.ts'],
    setupFiles: ['./seed-kv.ts'],
    provide: { fuzzSeed: fuzzSeed(), publishedPolicies: publishedPolicies(), fixtureBrands: listFixtureBrands(fromRoot(FIXTURES)) },
    // The first request of a file loads the Worker's modules into workerd: seconds on a busy CI box.
    testTimeout: 30_000,
  },
});
