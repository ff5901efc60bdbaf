import { defineProject } from 'vitest/config';

// Browser tests: Debian's Chromium (playwright-core, never a downloaded browser) against the real
// Worker under `wrangler dev`, which global-setup.ts seeds, starts on a free port and stops.
export default defineProject({
  test: {
    name: 'browser',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    // One Worker and one browser per file: run the files one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
