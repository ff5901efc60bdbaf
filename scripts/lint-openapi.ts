// `npm run lint:openapi`: builds /openapi.json as the Worker serves it (the compiled policies standing
// in for the bundle, a local origin for `servers`) and lints it with Redocly's recommended rules
// (redocly.yaml). Fails on any error. Offline: no telemetry, no update check.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { openApiDocument } from '../functions/openapi.js';
import { BundledPolicies } from '../functions/policy-bundle.js';
import { readCompiledPolicies } from './read-compiled.js';

export const OPENAPI_FILE = 'dist/openapi.json';
const LOCAL_ORIGIN = 'http://127.0.0.1:8787';

const bundle = BundledPolicies.of(Object.fromEntries(readCompiledPolicies().map((p) => [p.brand, p])));
mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
writeFileSync(OPENAPI_FILE, `${JSON.stringify(openApiDocument(LOCAL_ORIGIN, bundle), null, 2)}\n`);

const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const lint = spawnSync(process.execPath, [redocly, 'lint', OPENAPI_FILE, '--config', 'redocly.yaml'], {
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.exitCode = lint.status ?? 1;
