// Once per `vitest run` for the browser project: find Chromium, build (unless `npm test` just did),
// seed a private local KV the way `npm start` does, start `wrangler dev` offline on a free port and
// hand its address to the tests; stop it afterwards. No Chromium: skip loudly, or fail under CI.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { OFFLINE_ENV } from '../../scripts/wrangler.js';
import { findChromium } from './find-chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Worker's address, or null when the browser tests are skipped. */
    browserBase: string | null;
    chromiumPath: string | null;
    /** The port of the only storefront origin (http://localhost:<port>) the Worker's CORS allows. */
    storefrontPort: number;
  }
}

const ROOT = new URL('../..', import.meta.url).pathname;
const WRANGLER = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const READY_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
}

async function waitForHealth(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer /healthz within ${READY_TIMEOUT_MS / 1000}s:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = findChromium();
  if (!chromium) {
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : '/usr/bin/chromium';
    if (process.env.CI === 'true') throw new Error(`no Chromium at ${where}: CI must run the browser tests (.ci/run installs it with apt-get)`);
    console.warn(`\n⚠⚠⚠ BROWSER TESTS SKIPPED: no Chromium at ${where}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH. ⚠⚠⚠\n`);
    project.provide('browserBase', null);
    project.provide('chromiumPath', null);
    project.provide('storefrontPort', 0);
    return async () => {};
  }

  const env = { ...process.env, ...OFFLINE_ENV };
  // `npm test` has just run `npm run build`; a direct `vitest --project browser` has not.
  if (process.env.npm_lifecycle_event !== 'test') run('npm', ['run', '--silent', 'build'], env);
  const state = mkdtempSync(join(tmpdir(), 'browser-tests-kv-'));
  run(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/publish-policies.ts', '--local', '--persist-to', state], env);

  const [port, inspectorPort, storefrontPort] = [await freePort(), await freePort(), await freePort()];
  let output = '';
  // Its own process group, so stopping it also stops the workerd it starts.
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      state,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
      // The one storefront allowed to call from a browser: the cross-origin embed test serves it.
      '--var',
      `ALLOWED_ORIGINS:http://localhost:${storefrontPort}`,
    ],
    { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
  });

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null)
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
    }
    rmSync(state, { recursive: true, force: true });
  };

  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('browserBase', base);
  project.provide('chromiumPath', chromium);
  project.provide('storefrontPort', storefrontPort);
  return stop;
}
