// Issue 14: two brands published at the same time, by two processes with no transaction between them
// (two machines against one KV namespace), both end up served. With one shared brand list that each
// publish read, changed and wrote back, the slower write dropped the other brand; each brand now
// writes only its own keys. Run as the CLI itself, twice at once, against one local KV folder.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundledPolicies } from '../../../functions/policy-bundle.js';
import { PolicyCache, PolicyStore } from '../../../functions/policy-store.js';
import { BRAND_KEY_PREFIX } from '../../store/policy-pointer.js';
import { openLocalKv } from '../kv/local-kv.js';
import { listBrands } from '../read-sheets.js';
import { copySheets, type SheetsCopy } from './cli-fixture.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function publishInAnotherProcess(brand: string, sheets: string, persistTo: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'src/cli/main.ts'), 'publish', brand, '--local', '--persist-to', persistTo, '--sheets', sheets], {
      cwd: ROOT,
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('two brands published at the same time by two processes', { timeout: 180_000 }, () => {
  let sheets: SheetsCopy, state: string;
  beforeAll(() => {
    sheets = copySheets();
    state = mkdtempSync(join(tmpdir(), 'policy-kv-race-'));
  });
  afterAll(() => {
    sheets.remove();
    rmSync(state, { recursive: true, force: true });
  });

  it('both end up listed and served', async () => {
    const [first, second] = listBrands(sheets.root);
    if (!first || !second) throw new Error('expected at least two brands in policy-sheets/');
    const runs = await Promise.all([publishInAnotherProcess(first, sheets.root, state), publishInAnotherProcess(second, sheets.root, state)]);
    for (const r of runs) expect(r.code, r.output).toBe(0);

    const kv = await openLocalKv({ persistTo: state, namespaceId: 'POLICIES' });
    try {
      const listed = await kv.namespace.list({ prefix: BRAND_KEY_PREFIX });
      expect(listed.keys.map((k) => k.name).sort()).toEqual([first, second].map((b) => `${BRAND_KEY_PREFIX}${b}`).sort());
      const worker = new PolicyStore(kv.namespace, BundledPolicies.of({}), new PolicyCache(), { recheckMs: 0, now: Date.now, log: () => {} });
      for (const brand of [first, second]) {
        const lookup = await worker.lookup(brand, { mode: 'current' });
        expect('found' in lookup && lookup.found.source, brand).toBe('kv');
      }
    } finally {
      await kv.close();
    }
  });
});
