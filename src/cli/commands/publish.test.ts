import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundledPolicies } from '../../../functions/policy-bundle.js';
import { PolicyCache, PolicyStore } from '../../../functions/policy-store.js';
import { brandKey, currentEntry, type PolicyPointer, versionKey } from '../../store/policy-pointer.js';
import { compileBrand } from '../compile-brands.js';
import { StoreError } from '../errors.js';
import type { KvStore } from '../kv/kv-store.js';
import { openLocalKv } from '../kv/local-kv.js';
import { openRemoteKv, readBulkGet } from '../kv/remote-kv.js';
import { publishToStore } from '../publish-to-store.js';
import { copySheets, NO_SUCH_BRAND, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

// A fixture brand the test owns (test/fixtures/brands/acme): its open-box restocking fee 10% → 5%,
// with the one case that prices it (AC03, row 4 of its cases).
const RESTOCKING_10_TO_5 = (t: string) => replaceInRow(t, 3, ',10%,customer,', ',5%,customer,');
const AC03_AT_5 = (t: string) => replaceInRow(t, 4, ',129.95,,,,eligible,-,,13.00,', ',129.95,,,,eligible,-,,6.50,');

const today = () => new Date().toISOString().slice(0, 10);
/** The brand's pointer, with the version in force today as `current`. */
async function livePointer(persistTo: string, brand: string): Promise<(PolicyPointer & { current?: string }) | null> {
  const kv = await openLocalKv({ persistTo, namespaceId: 'POLICIES' });
  try {
    const raw = (await kv.get([brandKey(brand)]))[brandKey(brand)];
    if (!raw) return null;
    const pointer = JSON.parse(raw) as PolicyPointer;
    return { ...pointer, current: currentEntry(pointer.timeline, today())?.version };
  } finally {
    await kv.close();
  }
}

describe('policy publish, rollback and versions against local KV', { timeout: 180_000 }, () => {
  let sheets: SheetsCopy, state: string;
  const store = () => ['--persist-to', state, '--sheets', sheets.root];
  beforeAll(() => {
    sheets = copySheets({ fixtures: ['acme'] });
    state = mkdtempSync(join(tmpdir(), 'policy-kv-state-'));
  });
  afterAll(() => {
    sheets.remove();
    rmSync(state, { recursive: true, force: true });
  });

  it('round-trips publish → rollback → publish, each step visible to the Worker', async () => {
    const v1 = compileBrand(sheets.root, 'acme', false).policy!.version;
    const first = await run(['publish', 'acme', '--effective-from', '2025-01-01', ...store()]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`✓ acme ${v1}: compiles,`);
    expect(first.out).toContain(`✓ acme: live version (none) → ${v1}, effective from 2025-01-01`);
    expect(first.out).toMatch(new RegExp(`Versions in force and scheduled in local KV in .*\\n.*\\n.*\\n\\s+acme\\s+${v1}\\s+current\\s+2025-01-01`));

    // Publishing the live version again writes nothing and says so.
    const again = await run(['publish', 'acme', ...store()]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`= acme: ${v1} is already in force on ${today()}, nothing to write`);
    expect(again.out).toContain('Nothing to publish');

    sheets.edit('acme/returns.csv', RESTOCKING_10_TO_5);
    sheets.edit('acme/cases.csv', AC03_AT_5);
    const v2 = compileBrand(sheets.root, 'acme', false).policy!.version;
    const second = await run(['publish', 'acme', '--effective-from', '2025-06-01', ...store()]);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`✓ acme: live version ${v1} → ${v2}, effective from 2025-06-01`);
    // The editor sees that older orders keep the older version (claims are judged by their order date).
    expect(second.out).toContain('Which orders each version now answers for (by order date: purchased_on, else delivered_on):');
    expect(second.out).toContain(
      `  acme: orders from 2025-06-01 on are judged by ${v2} (effective 2025-06-01)\n        earlier orders (before 2025-06-01) by ${v1} (effective 2025-01-01)`,
    );
    expect(await livePointer(state, 'acme')).toMatchObject({ current: v2, timeline: [{ version: v1 }, { version: v2 }] });

    const versions = await run(['versions', 'acme', ...store()]);
    expect(versions.code).toBe(0);
    expect(versions.out).toMatch(new RegExp(`\\s+${v1}\\s+past\\s+2025-01-01`));
    expect(versions.out).toMatch(new RegExp(`live →\\s+${v2}\\s+current\\s+2025-06-01`));
    expect(versions.out).toContain('compile to the live version');

    const back = await run(['rollback', 'acme', ...store()]);
    expect(back.code).toBe(0);
    expect(back.out).toContain(`✓ acme: live version ${v2} → ${v1}`);
    expect(await livePointer(state, 'acme')).toMatchObject({ current: v1 });
    const after = await run(['versions', 'acme', ...store()]);
    expect(after.out).toContain(`compile to ${v2}, which is not live: policy publish acme makes it live`);

    // The Worker's reader sees what the CLI wrote.
    const kv = await openLocalKv({ persistTo: state, namespaceId: 'POLICIES' });
    try {
      const worker = new PolicyStore(kv.namespace, BundledPolicies.of({}), new PolicyCache(), { recheckMs: 0, now: Date.now, log: () => {} });
      const lookup = await worker.lookup('acme', { mode: 'current' });
      expect('found' in lookup && lookup.found.policy.version).toBe(v1);
    } finally {
      await kv.close();
    }

    const republish = await run(['publish', 'acme', ...store()]);
    expect(republish.code).toBe(0);
    expect(republish.out).toContain(`✓ acme: live version ${v1} → ${v2}`);
    expect(await livePointer(state, 'acme')).toMatchObject({ current: v2 });

    const to = await run(['rollback', 'acme', '--to', v1.slice(0, 6), ...store()]);
    expect(to.code).toBe(0);
    expect(to.out).toContain(`Version now live: acme ${v1}`);
  });

  it('publishes nothing when any brand fails its cases', async () => {
    const failing = copySheets({ fixtures: ['acme'] });
    const good = failing.brands.filter((b) => b !== 'acme');
    const elsewhere = mkdtempSync(join(tmpdir(), 'policy-kv-state-'));
    try {
      // ACME's first case now expects the in-time refund to be refused: one failing case.
      failing.edit('acme/cases.csv', (t) => replaceInRow(t, 2, ',89.00,,,,eligible,', ',89.00,,,,ineligible,'));
      const r = await run(['publish', '--persist-to', elsewhere, '--sheets', failing.root]);
      expect(r.code).toBe(1);
      for (const brand of good) expect(r.out).toMatch(new RegExp(`✓ ${brand} [0-9a-f]{16}: compiles`));
      expect(r.out).toContain('✗ acme: 1 problem(s)');
      expect(r.err).toBe(`✗ publish refused: 1 of ${failing.brands.length} brand(s) have problems; nothing was published`);
      for (const brand of failing.brands) expect(await livePointer(elsewhere, brand)).toBeNull();
    } finally {
      failing.remove();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('leaves the old version live when interrupted between version and pointer writes', async () => {
    const persistTo = mkdtempSync(join(tmpdir(), 'policy-kv-state-'));
    const kv = await openLocalKv({ persistTo, namespaceId: 'POLICIES' });
    try {
      const v1 = compileBrand(sheets.root, 'acme', false).policy!;
      await publishToStore(kv, [v1], '2025-01-01', '2025-01-01T00:00:00Z', () => {});
      const changed = { ...v1, name: 'ACME 2', version: 'feedfacefeedface' };
      // The store accepts the version document, then fails on the pointer write.
      const interrupted: KvStore = {
        ...kv,
        get: (k) => kv.get(k),
        put: async (entries) => {
          if (entries.some((e) => e.key === brandKey('acme'))) throw new StoreError('connection reset');
          await kv.put(entries);
        },
      };
      await expect(publishToStore(interrupted, [changed], '2025-02-01', '2025-02-01T00:00:00Z', () => {})).rejects.toThrow('connection reset');
      const values = await kv.get([brandKey('acme'), versionKey('acme', 'feedfacefeedface')]);
      expect((JSON.parse(values[brandKey('acme')]!) as PolicyPointer).timeline.map((e) => e.version)).toEqual([v1.version]);
      expect(values[versionKey('acme', 'feedfacefeedface')]).not.toBeNull();
      // Running publish again completes the switch.
      const done = await publishToStore(kv, [changed], '2025-02-01', '2025-02-01T00:00:01Z', () => {});
      expect(done.pointers.acme!.timeline.at(-1)!.version).toBe('feedfacefeedface');
    } finally {
      await kv.close();
      rmSync(persistTo, { recursive: true, force: true });
    }
  });

  describe('when used wrongly', () => {
    it.each([
      [['publish', '--local', '--remote'], '--local and --remote exclude each other', 2],
      [['publish', '--remote', '--persist-to', '/tmp/x'], '--persist-to is for the local store', 2],
      [['publish', '--effective-from', 'tomorrow'], '--effective-from tomorrow is not a date', 2],
      [['publish', NO_SUCH_BRAND], `unknown brand ${NO_SUCH_BRAND}`, 2],
      [['rollback'], 'usage: policy rollback <brand>', 2],
      [['versions'], 'usage: policy versions <brand>', 2],
    ])('%j says "%s" and exits %i', async (argv, message, code) => {
      const r = await run([...argv, '--sheets', sheets.root]);
      expect(r.code).toBe(code);
      expect(r.err).toContain(message);
    });

    it('refuses to roll back a brand never published (exit 1) or to a version it never had (exit 2)', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'policy-kv-state-'));
      try {
        const never = await run(['rollback', 'acme', '--persist-to', empty, '--sheets', sheets.root]);
        expect(never.code).toBe(1);
        expect(never.err).toContain('acme has never been published to local KV');
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
      const unknown = await run(['rollback', 'acme', '--to', 'ffffffff', ...store()]);
      expect(unknown.code).toBe(2);
      expect(unknown.err).toContain('--to ffffffff: acme has no such version in its timeline');
    });
  });
});

describe('remote KV through wrangler', () => {
  it('reads with kv bulk get and writes with kv bulk put on the production namespace', async () => {
    const calls: string[][] = [];
    const kv = openRemoteKv({
      binding: 'POLICIES',
      configPath: 'wrangler.toml',
      run: async (args) => {
        calls.push(args);
        return args[1] === 'bulk' && args[2] === 'get' ? '{\n  "brands": "[\\"acme\\"]",\n  "policy:acme:pointer": null\n}\n' : 'Success!';
      },
    });
    try {
      expect(await kv.get(['brands', 'policy:acme:pointer'])).toEqual({ brands: '["acme"]', 'policy:acme:pointer': null });
      await kv.put([{ key: 'brands', value: '[]' }]);
      expect(calls.map((c) => [c.slice(0, 3), c.slice(4)])).toEqual([
        [
          ['kv', 'bulk', 'get'],
          ['--binding', 'POLICIES', '--preview', 'false', '--remote', '--config', 'wrangler.toml'],
        ],
        [
          ['kv', 'bulk', 'put'],
          ['--binding', 'POLICIES', '--preview', 'false', '--remote', '--config', 'wrangler.toml'],
        ],
      ]);
    } finally {
      await kv.close();
    }
  });

  it('turns a wrangler failure into a store error', async () => {
    const kv = openRemoteKv({
      binding: 'POLICIES',
      run: async () => {
        throw new Error('Authentication error [code: 10000]');
      },
    });
    await expect(kv.get(['brands'])).rejects.toThrow(StoreError);
    await kv.close();
  });

  it('reads both shapes wrangler prints for bulk get', () => {
    expect(readBulkGet('{"a": {"value": "1"}, "b": {"value": null}}\nSuccess!', ['a', 'b', 'c'])).toEqual({ a: '1', b: null, c: null });
    expect(readBulkGet('{"a": "1", "b": null}', ['a', 'b'])).toEqual({ a: '1', b: null });
  });
});
