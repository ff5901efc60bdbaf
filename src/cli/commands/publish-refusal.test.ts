// `policy publish` is all or nothing: when any brand's sheets do not compile, not one byte reaches the
// store — not the other brands' versions, not a pointer, not the brand list. Proved on the local KV
// folder itself (every file, byte for byte) as well as by reading the keys back.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brandKey } from '../../store/policy-pointer.js';
import { openLocalKv } from '../kv/local-kv.js';
import { copySheets, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

/** Every file under the store folder with a hash of its bytes: equal snapshots mean nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

async function readKeys(persistTo: string, keys: string[]): Promise<Record<string, string | null>> {
  const kv = await openLocalKv({ persistTo, namespaceId: 'POLICIES' });
  try {
    return await kv.get(keys);
  } finally {
    await kv.close();
  }
}

const BRANDS = ['elegoo', 'kokoni', 'kospet'];
const LIVE_KEYS = BRANDS.map(brandKey);

// KOSPET's services sheet with a range that runs backwards: a compile error, not a failing case.
const BACKWARDS_RANGE = (t: string) => replaceInRow(t, 2, '30-Days Unconditional Return,official_store,-,', '30-Days Unconditional Return,official_store,[5..1],');

describe('policy publish when a brand fails to compile', { timeout: 180_000 }, () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => { for (const c of cleanup.splice(0)) c(); });
  const sheetsCopy = (): SheetsCopy => { const s = copySheets(); cleanup.push(() => s.remove()); return s; };
  const storeDir = (): string => { const d = mkdtempSync(join(tmpdir(), 'policy-kv-state-')); cleanup.push(() => rmSync(d, { recursive: true, force: true })); return d; };

  it('writes nothing to an empty store: no versions of the good brands, no pointers, no brand list', async () => {
    const sheets = sheetsCopy();
    const state = storeDir();
    sheets.edit('kospet/services.csv', BACKWARDS_RANGE);

    const r = await run(['publish', '--persist-to', state, '--sheets', sheets.root]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/kospet\/services\.csv:2:C/);
    expect(r.out).toMatch(/✓ elegoo [0-9a-f]{16}: compiles/);
    expect(r.err).toBe('✗ publish refused: 1 of 3 brand(s) have problems; nothing was published');
    // The store was never opened: its folder holds no file at all.
    expect(snapshot(state)).toEqual({});
    expect(Object.values(await readKeys(state, LIVE_KEYS))).toEqual([null, null, null]);
  });

  it('leaves a published store byte for byte as it was, though another brand has a change to publish', async () => {
    const sheets = sheetsCopy();
    const state = storeDir();
    const first = await run(['publish', '--effective-from', '2025-01-01', '--persist-to', state, '--sheets', sheets.root]);
    expect(first.code).toBe(0);
    const live = await readKeys(state, LIVE_KEYS);
    // Taken after the read above: opening the store rewrites SQLite's shared-memory index (-shm).
    const before = snapshot(state);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    // ELEGOO changes its restocking fee (with its cases), KOSPET breaks: neither may reach the store.
    sheets.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',15%,customer,customer,', ',10%,customer,customer,'));
    sheets.edit('elegoo/cases.csv', (t) => t.replace(',29.99,15,customer,', ',19.99,10,customer,').replace('opened_unused,59.99,true,true,true,true,,,,,,,,,,,,,,,,,,,,,,,eligible,,,,,,9.00,', 'opened_unused,59.99,true,true,true,true,,,,,,,,,,,,,,,,,,,,,,,eligible,,,,,,6.00,'));
    sheets.edit('kospet/services.csv', BACKWARDS_RANGE);
    const r = await run(['publish', '--effective-from', '2025-06-01', '--persist-to', state, '--sheets', sheets.root]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✓ elegoo [0-9a-f]{16}: compiles, \d+ cases pass/);
    expect(r.out).toContain('✗ kospet:');

    expect(snapshot(state)).toEqual(before);
    expect(await readKeys(state, LIVE_KEYS)).toEqual(live);
  });

  it('writes nothing when the shared vocabulary breaks every brand', async () => {
    const sheets = sheetsCopy();
    const state = storeDir();
    sheets.edit('_shared/facts.csv', (t) => t.replace(/\nclaim_on,date,/, '\nclaim_on,when,'));
    const r = await run(['publish', '--persist-to', state, '--sheets', sheets.root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('3 of 3 brand(s) have problems');
    expect(snapshot(state)).toEqual({});
  });
});
