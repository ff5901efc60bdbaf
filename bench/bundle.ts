// Section 4 — the Worker bundle as `wrangler deploy --dry-run` builds it (offline: no request.cf
// download, no metrics), gzip-compressed, with esbuild's metafile split into where the bytes come from,
// and what starting it costs: every new isolate compiles the module and runs its top level.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
export const WRANGLER = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');

export interface BundleResult {
  command: string;
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  /** Minified bytes by origin (our code, policies, each npm package), from esbuild's metafile. */
  byOrigin: { origin: string; bytes: number }[];
  /** Importing index.js in a fresh Node process (same V8 as workerd): compile + top-level run, ms. */
  startup: { runs: number; medianMs: number; minMs: number };
}

function origin(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (path.includes('bundled-policies')) return 'bundled policies (dist/worker)';
  return path.split('/')[0] ?? path;
}

const STARTUP_RUNS = 15;

/**
 * The module's startup, as a new isolate pays it: parsing and compiling the bundle and running its top
 * level (schemas, routes, the bundled policies). workerd can't time this from inside (its clock stands
 * still without I/O), so a fresh Node process imports the same file; the process's own start is outside.
 */
function measureStartup(indexJs: string): BundleResult['startup'] {
  const module = `${indexJs.replace(/\.js$/, '')}.mjs`;
  copyFileSync(indexJs, module);
  const script = 'const t = performance.now(); await import(process.env.WORKER_MODULE); console.log(performance.now() - t);';
  const times: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, WORKER_MODULE: module }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`importing the Worker bundle failed:\n${run.stderr}`);
    times.push(Number(run.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return { runs: STARTUP_RUNS, medianMs: times[STARTUP_RUNS >> 1]!, minMs: times[0]! };
}

/** The Worker as `wrangler deploy` would upload it, written to `outdir` (index.js, meta.json). Returns the command. */
export function buildWorker(outdir: string): string {
  const args = ['deploy', '--dry-run', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')];
  const run = spawnSync(process.execPath, [WRANGLER, ...args], { env: { ...process.env, ...OFFLINE_ENV }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stderr || run.stdout}`);
  return `CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false npx wrangler ${args.join(' ').replaceAll(outdir, '<tmp>')}`;
}

export function measureBundle(): BundleResult {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const command = buildWorker(outdir);
    const files = readdirSync(outdir)
      .filter((f) => /\.(m?js|wasm)$/.test(f) && statSync(join(outdir, f)).isFile())
      .map((file) => {
        const content = readFileSync(join(outdir, file));
        return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
      });
    const meta = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const byOrigin = new Map<string, number>();
    for (const output of Object.values(meta.outputs)) {
      for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) byOrigin.set(origin(path), (byOrigin.get(origin(path)) ?? 0) + bytesInOutput);
    }
    return {
      command,
      files,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      byOrigin: [...byOrigin].map(([o, bytes]) => ({ origin: o, bytes })).sort((a, b) => b.bytes - a.bytes),
      startup: measureStartup(join(outdir, 'index.js')),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
