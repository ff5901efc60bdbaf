// `policy publish` is all or nothing: when any brand's sheets do not compile, not one byte reaches the
// store — not the other brands' versions, not a pointer, not the brand list. Proved on the local KV
// folder itself (every file, byte for byte) as well as by reading the keys back.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/** Every brand's pointer: what a publish makes live. */
const liveKeys = (sheets: SheetsCopy): string[] => sheets.brands.map(brandKey);

// The fixture brand ACME (test/fixtures/brands/acme) with a typo in a condition cell: a compile
// error, not a failing case. The brands beside it are whatever policy-sheets/ holds.
const TYPO = (t: string) => replaceInRow(t, 3, ',opened_unused,', ',opened_unusd,');

describe('policy publish when a brand fails to compile', { timeout: 180_000 }, () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });
  const sheetsCopy = (): SheetsCopy => {
    const s = copySheets({ fixtures: ['acme'] });
    cleanup.push(() => s.remove());
    return s;
  };
  const storeDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'policy-kv-state-'));
    cleanup.push(() => rmSync(d, { recursive: true, force: true }));
    return d;
  };

  it('writes nothing to an empty store: no versions of the good brands, no pointers, no brand list', async () => {
    const sheets = sheetsCopy();
    const state = storeDir();
    sheets.edit('acme/returns.csv', TYPO);

    const r = await run(['publish', '--persist-to', state, '--sheets', sheets.root]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/acme\/returns\.csv:3:C/);
    for (const brand of sheets.brands.filter((b) => b !== 'acme')) expect(r.out).toMatch(new RegExp(`✓ ${brand} [0-9a-f]{16}: compiles`));
    expect(r.err).toBe(`✗ publish refused: 1 of ${sheets.brands.length} brand(s) have problems; nothing was published`);
    // The store was never opened: its folder holds no file at all.
    expect(snapshot(state)).toEqual({});
    expect(Object.values(await readKeys(state, liveKeys(sheets))).every((v) => v === null)).toBe(true);
  });

  it('leaves a published store byte for byte as it was, though another brand has a change to publish', async () => {
    const sheets = sheetsCopy();
    const state = storeDir();
    const first = await run(['publish', '--effective-from', '2025-01-01', '--persist-to', state, '--sheets', sheets.root]);
    expect(first.code).toBe(0);
    const live = await readKeys(state, liveKeys(sheets));
    // Taken after the read above: opening the store rewrites SQLite's shared-memory index (-shm).
    const before = snapshot(state);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    // A second fixture brand (ACME copied as "acme-two") changes its restocking fee with its case,
    // ACME breaks: neither may reach the store.
    cpSync(join(sheets.root, 'acme'), join(sheets.root, 'acme-two'), { recursive: true });
    sheets.edit('acme-two/policy.csv', (t) => t.replace('brand,acme', 'brand,acme-two'));
    sheets.edit('acme-two/returns.csv', (t) => replaceInRow(t, 3, ',10%,customer,', ',5%,customer,'));
    sheets.edit('acme-two/cases.csv', (t) => replaceInRow(t, 4, ',129.95,,,,eligible,-,,13.00,', ',129.95,,,,eligible,-,,6.50,'));
    sheets.edit('acme/returns.csv', TYPO);
    const r = await run(['publish', '--effective-from', '2025-06-01', '--persist-to', state, '--sheets', sheets.root]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✓ acme-two [0-9a-f]{16}: compiles, \d+ cases pass/);
    expect(r.out).toContain('✗ acme:');

    expect(snapshot(state)).toEqual(before);
    expect(await readKeys(state, [...liveKeys(sheets), brandKey('acme-two')])).toEqual({ ...live, [brandKey('acme-two')]: null });
  });

  it('writes nothing when the shared vocabulary breaks every brand', async () => {
    const sheets = sheetsCopy();
    const state = storeDir();
    sheets.edit('_shared/facts.csv', (t) => t.replace(/\nclaim_on,date,/, '\nclaim_on,when,'));
    const r = await run(['publish', '--persist-to', state, '--sheets', sheets.root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${sheets.brands.length} of ${sheets.brands.length} brand(s) have problems`);
    expect(snapshot(state)).toEqual({});
  });
});
