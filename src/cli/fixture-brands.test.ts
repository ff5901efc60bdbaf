// Every fixture brand (test/fixtures/brands/*), dropped as a folder beside the brands policy-sheets/
// holds, compiles without warnings, passes its own cases reaching every rule, and leaves every other
// brand's compiled version as it was. Nimbus Print (a fictional 3D-printer maker) also proves the
// per-brand vocabulary: its own parts, a date fact only it uses, a shared fact it describes and
// labels its own way, and a claim naming a fact it does not read refused as unknown.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../contract.js';
import { checkClaim } from '../evaluate/check-claim.js';
import { formatIssue } from '../issue.js';
import { caseIssues, compileBrand } from './compile-brands.js';
import { listBrands } from './read-sheets.js';

const project = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SHEETS = join(project, 'policy-sheets');
const FIXTURES = join(project, 'test/fixtures/brands');
const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const realBrands = listBrands(SHEETS).filter((b) => !fixtures.includes(b));

const root = mkdtempSync(join(tmpdir(), 'policy-sheets-'));
cpSync(SHEETS, root, { recursive: true });
for (const f of fixtures) cpSync(join(FIXTURES, f), join(root, f), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const compiled = (brand: string): CompiledPolicy => {
  const outcome = compileBrand(root, brand, false);
  if (!outcome.policy) throw new Error(`${brand} does not compile:\n${outcome.issues.map(formatIssue).join('\n')}`);
  return outcome.policy;
};

describe('the fixture brands, each added as a folder', () => {
  it('are at least two, and sit beside every brand policy-sheets/ holds', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
    expect(listBrands(root)).toEqual([...new Set([...realBrands, ...fixtures])].sort());
  });

  describe.each(fixtures)('%s', (brand) => {
    const outcome = compileBrand(root, brand, true);

    it('compiles with no problem and no warning', () => {
      expect(outcome.issues.map(formatIssue)).toEqual([]);
      expect(outcome.warnings.map(formatIssue)).toEqual([]);
    });

    it('passes every one of its cases, which reach every rule', () => {
      expect(outcome.cases.length).toBeGreaterThan(0);
      expect(caseIssues(outcome).map(formatIssue)).toEqual([]);
    });
  });

  it.each(realBrands)('leave %s compiling to the same version', (brand) => {
    expect(compiled(brand).version).toBe(compileBrand(SHEETS, brand, false).policy?.version);
  });
});

describe('Nimbus Print: a vocabulary of its own', () => {
  const nimbus = compiled('nimbus-print');
  const fact = (policy: CompiledPolicy, name: string) => policy.facts.find((f) => f.name === name);

  it('carries exactly the facts its tables and windows read, and the ones its facts.csv names', () => {
    expect(nimbus.facts.map((f) => f.name).sort()).toEqual([
      'claim_on',
      'condition',
      'delivered_on',
      'issue',
      'manufactured_on',
      'part',
      'purchased_on',
      'resin_spill',
      'water_damage',
    ]);
  });

  it('lists its own parts, which the shared part fact leaves to each brand', () => {
    expect(fact(nimbus, 'part')).toMatchObject({ type: 'enum', values: ['printer', 'power_supply', 'build_plate', 'resin_vat', 'fep_film', 'nozzle'] });
  });

  it('has a date fact only it uses, labelled for customers in its locales', () => {
    expect(fact(nimbus, 'manufactured_on')).toMatchObject({ type: 'date', labels: { en: 'manufacture date', de: 'Herstellungsdatum' } });
    for (const brand of realBrands) expect(fact(compiled(brand), 'manufactured_on')).toBeUndefined();
  });

  it('describes and labels a shared fact its own way, for itself only', () => {
    expect(fact(nimbus, 'purchased_on')).toMatchObject({
      type: 'date',
      description: 'date on the till receipt or invoice',
      labels: { en: 'receipt date', de: 'Belegdatum' },
    });
    for (const brand of realBrands) expect(fact(compiled(brand), 'purchased_on')?.labels?.en).not.toBe('receipt date');
  });

  it('counts its warranty from the receipt date, else from the manufacture date', () => {
    expect(nimbus.windows.find((w) => w.name === 'warranty')?.countsFrom).toEqual(['purchased_on', 'manufactured_on']);
  });

  it('refuses a claim naming a shared fact it does not read, or a part it does not list', () => {
    const checked = checkClaim(nimbus.facts, { channel: 'official_store', part: 'watch', manufactured_on: '2025-01-10' });
    expect(checked).toEqual({
      ok: false,
      problems: [
        { path: 'claim.channel', message: expect.stringContaining('unknown fact') },
        { path: 'claim.part', message: expect.stringContaining('expected one of printer, power_supply') },
      ],
    });
  });
});

/** fact → the values a facts.csv lists (a brand's: what it adds; _shared's: what every brand gets). */
function factsSheet(folder: string): Map<string, string[]> {
  const path = join(root, folder, 'facts.csv');
  if (!existsSync(path)) return new Map();
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return new Map(
    rows.map((r) => [
      r.fact!.trim(),
      (r.values ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ]),
  );
}

describe('every brand found, real and fixture, against every other', () => {
  const brands = listBrands(root);
  const shared = factsSheet('_shared');
  const pairs = brands.flatMap((a) => brands.filter((b) => b !== a).map((b) => ({ a, b })));

  it.each(pairs)('$b carries no fact and no value that only $a adds', ({ a, b }) => {
    const mine = factsSheet(b);
    const policy = compiled(b);
    for (const [name, values] of factsSheet(a)) {
      const f = policy.facts.find((x) => x.name === name);
      if (!f) continue;
      expect(shared.has(name) || mine.has(name), `${b} carries ${name}, a fact only ${a} defines`).toBe(true);
      const allowed = new Set([...(shared.get(name) ?? []), ...(mine.get(name) ?? [])]);
      expect(
        (f.values ?? []).filter((v) => values.includes(v) && !allowed.has(v)),
        `${b}'s ${name} values from ${a}`,
      ).toEqual([]);
    }
  });
});
