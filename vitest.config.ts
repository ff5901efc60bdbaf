import { defineConfig } from 'vitest/config';

// Unit tests (src/**/*.test.ts) run in Node. Other projects (e.g. a Workers pool for functions/)
// go next to this one in `projects`.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], environment: 'node' } },
      // The Worker in workerd (functions/): its own config, pool and KV seeding.
      'test/edge/vitest.config.ts',
      // Demo, badge and playground in Debian's Chromium against `wrangler dev`.
      'test/browser/vitest.config.ts',
    ],
  },
});
