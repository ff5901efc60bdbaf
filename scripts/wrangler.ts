// Runs the project's wrangler CLI from a script. Local runs get the offline environment: no request.cf
// download and no metrics, so `npm start` works without internet and prints no network warnings.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const WRANGLER = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');

export const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

export type Target = 'local' | 'remote';

function env(target: Target): NodeJS.ProcessEnv {
  return target === 'local' ? { ...process.env, ...OFFLINE_ENV } : { ...process.env, WRANGLER_SEND_METRICS: 'false' };
}

/** Runs wrangler attached to this terminal (dev, deploy); resolves with its exit code. */
export function serveWrangler(args: string[], target: Target): Promise<number> {
  const child = spawn(process.execPath, [WRANGLER, ...args], { env: env(target), stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  // Something else ending this process (a library's own signal handler) must not leave wrangler running.
  process.on('exit', () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}
