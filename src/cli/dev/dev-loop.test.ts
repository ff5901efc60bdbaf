// `npm run dev`'s editing loop: which brands a save re-checks, what it prints for problems, and the
// loop itself against a scratch copy of policy-sheets/ and a scratch local KV (no wrangler): a saved
// cell is published within seconds; a broken save is reported at its sheet:row:column and the last
// good version stays published. The mechanism is shown on the fixture brand this test owns (acme).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../contract.js';
import type { Issue } from '../../issue.js';
import { devProblemsKey, MAX_DEV_PROBLEMS, readDevProblems } from '../../store/dev-problems.js';
import { brandKey, currentEntry, type PolicyPointer } from '../../store/policy-pointer.js';
import { copySheets, replaceInRow, type SheetsCopy } from '../commands/cli-fixture.js';
import { compileBrand } from '../compile-brands.js';
import { type LocalKvStore, openLocalKv } from '../kv/local-kv.js';
import { startDevLoop } from './dev-loop.js';
import { type RecheckOutcome, recheckBrands } from './recheck-brands.js';
import { recheckTargets } from './recheck-targets.js';
import { devProblemsRecord, problemLines } from './report-problems.js';
import type { SheetWatcher } from './watch-sheets.js';

describe('recheckTargets', () => {
  const brands = ['acme', 'nimbus-print'];
  it.each([
    ['a sheet of one brand', ['acme/returns.csv'], { brands: ['acme'], shared: false }],
    ['sheets of two brands in one batch', ['nimbus-print/parts.csv', 'acme/cases.csv', 'acme/cases.csv'], { brands: ['acme', 'nimbus-print'], shared: false }],
    ['a shared sheet: every brand', ['_shared/reasons.csv'], { brands: ['acme', 'nimbus-print'], shared: true }],
    ['a Windows path', ['acme\\returns.csv'], { brands: ['acme'], shared: false }],
    ['a brand folder added or removed', ['acme'], { brands: ['acme'], shared: false }],
    ['an upper-case extension', ['acme/RETURNS.CSV'], { brands: ['acme'], shared: false }],
    ["an editor's lock and backup files", ['acme/.~lock.returns.csv#', 'acme/returns.csv~', 'acme/sedX1c2'], { brands: [], shared: false }],
    ['files the compiler never reads', ['README.md', 'acme/notes/old.csv', '_drafts/x.csv', '.git/index'], { brands: [], shared: false }],
    ['a folder that is not a brand (yet)', ['not-a-brand/policy.csv'], { brands: [], shared: false }],
  ])('%s', (_, paths, expected) => {
    expect(recheckTargets(paths, brands)).toEqual(expected);
  });
});

describe('what a broken save prints and records', () => {
  const problems: Issue[] = [
    { code: 'bad_cell', sheet: 'acme/returns.csv', row: 3, column: 'B', severity: 'error', message: 'not( is not closed: expected not("a", "b")' },
    {
      code: 'case_failed',
      sheet: 'acme/cases.csv',
      row: 4,
      column: 'Q',
      severity: 'error',
      message: 'case "AC03": refund.restocking_fee_amount is 6.50: expected 13.00',
    },
    { code: 'percent_fraction', sheet: 'acme/returns.csv', row: 3, column: 'G', severity: 'warning', message: '0.1 in a percent column' },
  ];

  it('prints every problem at its sheet:row:column and the version still served', () => {
    expect(problemLines('acme', problems, 'a1b2c3d4e5f6a7b8')).toEqual([
      '✗ acme: 2 problem(s), not published — still serving the last good version, a1b2c3d4e5f6a7b8',
      '    acme/returns.csv:3:B — not( is not closed: expected not("a", "b")',
      '    acme/cases.csv:4:Q — case "AC03": refund.restocking_fee_amount is 6.50: expected 13.00',
      '    warning acme/returns.csv:3:G — 0.1 in a percent column',
    ]);
  });

  it('says so when nothing of the brand is published yet', () => {
    expect(problemLines('acme', problems.slice(0, 1), null)[0]).toBe('✗ acme: 1 problem(s), not published — nothing of it is published yet');
  });

  it('records them for the playground, capped, with the total', () => {
    const many = Array.from({ length: MAX_DEV_PROBLEMS + 5 }, (_, i) => ({ ...problems[0]!, row: i + 2 }));
    const record = devProblemsRecord({ brand: 'acme', problems: many, compiledVersion: null, liveVersion: 'a1b2c3d4e5f6a7b8' }, '2026-12-05T10:00:00.000Z');
    expect(record.problems).toHaveLength(MAX_DEV_PROBLEMS);
    expect(record).toMatchObject({ total: MAX_DEV_PROBLEMS + 5, live_version: 'a1b2c3d4e5f6a7b8', compiled_version: null });
    expect(record.problems[0]).toEqual({ where: 'acme/returns.csv:2:B', code: 'bad_cell', severity: 'error', message: problems[0]!.message });
    expect(readDevProblems(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });
});

/** A fact of _shared/facts.csv that some of these policies carry and some do not. */
function factUsedBySome(policies: readonly CompiledPolicy[]): string {
  const counts = new Map<string, number>();
  for (const p of policies) for (const f of p.facts) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  const fact = [...counts].find(([, n]) => n < policies.length)?.[0];
  if (!fact) throw new Error('every brand carries every fact: this test needs one that only some carry');
  return fact;
}

/** The shared facts sheet with one fact's description replaced. */
function describeFact(text: string, fact: string, description: string): string {
  const rows = Papa.parse<string[]>(text.trim()).data;
  const column = rows[0]!.indexOf('description');
  for (const row of rows) if (row[0] === fact) row[column] = description;
  return `${Papa.unparse(rows)}\n`;
}

describe('the dev loop against a scratch copy and a scratch local KV', { timeout: 120_000 }, () => {
  const EFFECTIVE_FROM = '2000-01-01';
  const today = () => new Date().toISOString().slice(0, 10);
  let sheets: SheetsCopy, state: string, store: LocalKvStore, loop: SheetWatcher;
  const lines: string[] = [];
  const batches: (RecheckOutcome & { brands: string[] })[] = [];

  const pointer = async (brand: string) => JSON.parse((await store.get([brandKey(brand)]))[brandKey(brand)] ?? 'null') as PolicyPointer | null;
  const served = async (brand: string) => {
    const p = await pointer(brand);
    return p ? currentEntry(p.timeline, today())?.version : undefined;
  };
  /** Polls until `check` holds; resolves with the milliseconds it took. */
  async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
    const start = performance.now();
    while (!(await check())) {
      if (performance.now() - start > ms) throw new Error(`not within ${ms} ms; the loop printed:\n${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - start;
  }
  const save = (file: string, change: (text: string) => string) =>
    writeFileSync(join(sheets.root, file), change(readFileSync(join(sheets.root, file), 'utf8')));

  beforeAll(async () => {
    sheets = copySheets({ fixtures: ['acme'] });
    state = mkdtempSync(join(tmpdir(), 'policy-dev-kv-'));
    store = await openLocalKv({ persistTo: state, namespaceId: 'POLICIES' });
    // What npm run dev does first: every brand published from the seed date.
    await recheckBrands(sheets.brands, { root: sheets.root, store, effectiveFrom: EFFECTIVE_FROM, out: () => {} });
    loop = startDevLoop({
      root: sheets.root,
      store,
      effectiveFrom: EFFECTIVE_FROM,
      out: (l) => lines.push(l),
      debounceMs: 50,
      onRechecked: (o) => batches.push(o),
    });
  });
  afterAll(async () => {
    loop?.close();
    await store?.close();
    sheets?.remove();
    rmSync(state, { recursive: true, force: true });
  });

  it('publishes a saved cell within a few seconds, and says which orders it judges', async () => {
    const before = await served('acme');
    // The open-box fee 10% → 5%, and the case that prices it; saved as an editor would, one file then the other.
    save('acme/returns.csv', (t) => replaceInRow(t, 3, ',10%,customer,', ',5%,customer,'));
    save('acme/cases.csv', (t) => replaceInRow(t, 4, ',129.95,,,,eligible,-,,13.00,', ',129.95,,,,eligible,-,,6.50,'));
    const expected = compileBrand(sheets.root, 'acme', false).policy!.version;
    expect(expected).not.toBe(before);
    const ms = await within(5_000, async () => (await served('acme')) === expected);
    console.log(`dev loop: save → published in local KV in ${Math.round(ms)} ms`);
    await loop.idle();
    expect(lines.join('\n')).toContain(`acme: every order is judged by ${expected} (effective ${EFFECTIVE_FROM})`);
    expect(batches.at(-1)).toMatchObject({ brands: ['acme'], published: ['acme'], failed: [] });
  });

  it('reports a broken save at its sheet:row:column and keeps the last good version published', async () => {
    const good = await served('acme');
    lines.length = 0;
    save('acme/returns.csv', (t) => replaceInRow(t, 3, 'not(quality_defect)', 'not(quality_defect'));
    await within(5_000, async () => lines.some((l) => l.startsWith('✗ acme:')));
    await loop.idle();
    expect(lines.join('\n')).toMatch(/acme\/returns\.csv:3:B — /);
    expect(lines.join('\n')).toContain(`still serving the last good version, ${good}`);
    expect(await served('acme')).toBe(good);
    const record = readDevProblems(JSON.parse((await store.get([devProblemsKey('acme')]))[devProblemsKey('acme')]!));
    expect(record).toMatchObject({ brand: 'acme', compiled_version: null, live_version: good });
    expect(record!.problems.map((p) => p.where)).toContain('acme/returns.csv:3:B');

    // Fixed again: the record clears and nothing is written (the version is the one already served).
    save('acme/returns.csv', (t) => replaceInRow(t, 3, 'not(quality_defect', 'not(quality_defect)'));
    await within(5_000, async () => readDevProblems(JSON.parse((await store.get([devProblemsKey('acme')]))[devProblemsKey('acme')]!))?.problems.length === 0);
    await loop.idle();
    expect(batches.at(-1)).toMatchObject({ brands: ['acme'], published: [], unchanged: ['acme'] });
  });

  it('re-checks every brand for a _shared/ change and republishes only those whose version changed', async () => {
    const versions = Object.fromEntries(await Promise.all(sheets.brands.map(async (b) => [b, await served(b)] as const)));
    // A change no compiled policy carries (a trailing line end): every brand re-checked, none republished.
    batches.length = 0;
    save('_shared/reasons.csv', (t) => `${t.trimEnd()}\n`);
    await within(10_000, async () => batches.length > 0);
    await loop.idle();
    expect(batches[0]).toMatchObject({ brands: sheets.brands, published: [], failed: [] });
    for (const brand of sheets.brands) expect(await served(brand)).toBe(versions[brand]);

    // A new description for a shared fact some brands use and some do not: republished are exactly
    // the brands whose compiled version changed.
    const fact = factUsedBySome(sheets.brands.map((b) => compileBrand(sheets.root, b, false).policy!));
    batches.length = 0;
    save('_shared/facts.csv', (t) => describeFact(t, fact, 'edited while previewing'));
    const changed = sheets.brands.filter((b) => compileBrand(sheets.root, b, false).policy!.version !== versions[b]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(sheets.brands.length);
    await within(10_000, async () => batches.length > 0);
    await loop.idle();
    expect(batches[0]).toMatchObject({ brands: sheets.brands, published: changed, unchanged: sheets.brands.filter((b) => !changed.includes(b)) });
    for (const brand of sheets.brands) expect((await served(brand)) !== versions[brand], brand).toBe(changed.includes(brand));
  });
});
