// The Worker's app in this Node process, bundled from functions/app.ts as wrangler bundles it: no
// keepNames, the Workers package conditions, and wrangler.toml's own [alias] (the bundled policies,
// the MCP SDK's unused parts). For benches that time or weigh the app itself, without workerd or HTTP.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { unstable_readConfig } from 'wrangler';
import type * as App from '../functions/app.js';

export async function loadAppInProcess(): Promise<typeof App.createApp> {
  const out = join(mkdtempSync(join(tmpdir(), 'in-process-app-')), 'app.mjs');
  await build({
    entryPoints: ['functions/app.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    outfile: out,
    logLevel: 'error',
    alias: Object.fromEntries(
      Object.entries(unstable_readConfig({ config: 'wrangler.toml' }).alias ?? {}).map(([name, path]) => [name, resolve(String(path))]),
    ),
  });
  return ((await import(pathToFileURL(out).href)) as typeof App).createApp;
}
