// `tsx bench/as-shipped.ts <entry.ts> [args…]`: runs a benchmark on the code as the Worker ships it.
// tsx compiles with esbuild's keepNames, which wraps every function expression in a `__name(fn, …)`
// call (Object.defineProperty); wrangler.toml sets keep_names = false. Under tsx a policy's
// preparation timed 3–4× slower than the Worker's build of the same code (most of it in `__name`),
// and every visitor literal paid it per call. So the entry is bundled here the way wrangler bundles
// (esbuild, no keepNames, minified), packages left to node_modules, and run by plain Node.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

// Inside the project, so the bundle resolves packages (and wrangler's binary) from node_modules.
const OUT_DIR = 'node_modules/.cache/bench-as-shipped';

async function main(): Promise<void> {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) throw new Error('usage: tsx bench/as-shipped.ts <entry.ts> [args…]');
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    // Sections load lazily (run.ts imports each when asked): keep them in chunks of their own.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Minified as wrangler minifies, but keeping identifiers: profiles name functions, and names cost nothing at run time.
    minifySyntax: true,
    minifyWhitespace: true,
    keepNames: false,
    // Profiles (bench/profile.ts) name source lines through the source map.
    sourcemap: 'inline',
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const script = join(OUT_DIR, basename(entry).replace(/\.ts$/, '.mjs'));
  const run = spawnSync(process.execPath, ['--enable-source-maps', script, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}

await main();
