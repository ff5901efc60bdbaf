// "Adding a brand is adding a folder — no code changes" (policy-sheets/README.md), proved with a
// fourth brand unlike the three real ones: ACME Audio headphones (test/fixtures/brands/acme) with
// 60-day returns, a 10% restocking fee, a hygiene-seal rule, a dead-on-arrival exchange, a 1- or
// 2-year warranty by model line, and no warranty service outside the EU and the UK. The folder is
// dropped next to the real brands in a copy of policy-sheets/ and goes through the same CLI.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCases } from '../cases/run-cases.js';
import { compilePolicy } from '../compile/compile-policy.js';
import type { Claim, CompiledPolicy, Decision, RemedyDecision } from '../contract.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import { formatIssue } from '../issue.js';
import { main } from './main.js';
import { listBrands, readBrand } from './read-sheets.js';

const project = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = join(project, 'test/fixtures/brands/acme');

// policy-sheets/ as it is, plus one more folder.
const root = mkdtempSync(join(tmpdir(), 'policy-sheets-'));
cpSync(join(project, 'policy-sheets'), root, { recursive: true });
cpSync(fixture, join(root, 'acme'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const folder = readBrand(root, 'acme');
const compiled = compilePolicy(folder.sheets);
const policy = compiled.ok ? compiled.policy : (undefined as unknown as CompiledPolicy);
const casesFile = folder.cases.find((f) => f.name === 'acme/cases.csv')!;
const report = compiled.ok ? runCases(policy, casesFile.name, casesFile.text) : { results: [], issues: [], uncovered: [] };

const decide = (claim: Claim, options = {}) => evaluateClaim(policy, claim, '2025-03-20', options);
const remedy = (decision: Decision, name: string): RemedyDecision => decision.remedies.find((r) => r.remedy === name)!;
const cited = (r: RemedyDecision) => r.reasons.map((x) => `${x.code}@${x.source}`);

describe('a fourth brand added as a folder (ACME Audio)', () => {
  it('sits next to the real brands', () => {
    expect(listBrands(root)).toEqual([...new Set([...listBrands(join(project, 'policy-sheets')), 'acme'])].sort());
  });

  it('compiles with the shared vocabulary and no warnings', () => {
    expect(compiled.ok ? [] : compiled.issues.map(formatIssue)).toEqual([]);
    expect(compiled.warnings).toEqual([]);
  });

  it('brings its own settings, facts, reason wording, remedies, windows and tables', () => {
    expect(policy).toMatchObject({ brand: 'acme', name: 'ACME Audio', currency: 'EUR', locales: ['en', 'de'], warrantyWindow: 'warranty' });
    expect(policy.facts.filter((f) => f.name === 'hygiene_seal_broken' || f.name === 'purchase_region').map((f) => [f.name, f.type])).toEqual([
      ['hygiene_seal_broken', 'boolean'],
      ['purchase_region', 'enum'],
    ]);
    expect(policy.messages.hygiene_seal_broken?.de).toMatch(/Hygienesiegel/);
    expect(policy.remedies.map((r) => r.name)).toEqual(['refund', 'replace', 'repair']);
    expect(policy.windows.map((w) => [w.name, w.length, w.unit])).toEqual([
      ['return_window', 60, 'days'],
      ['doa_window', 14, 'days'],
      ['warranty', { ref: 'warranty_years' }, 'years'],
    ]);
    expect(policy.tables.map((t) => `${t.source} ${t.hitPolicy}${t.complete ? ' complete' : ''}`)).toEqual([
      'acme/exclusions.csv C',
      'acme/models.csv F',
      'acme/returns.csv C',
      'acme/timing.csv C',
      'acme/warranty.csv U complete',
    ]);
  });

  describe('its editors’ cases (cases.csv)', () => {
    it('are read without problems and reach every rule of every table', () => {
      expect(report.issues.map(formatIssue)).toEqual([]);
      expect(report.uncovered).toEqual([]);
      expect(report.results).toHaveLength(15);
    });

    it.each(report.results.map((r) => [r.name, r] as const))('%s', (_name, result) => {
      expect(result.failures).toEqual([]);
    });
  });

  describe('deciding claims', () => {
    it('refunds an opened but unused pair with a 10% restocking fee, half-up to the cent', () => {
      const refund = remedy(
        decide({ issue: 'non_quality', condition: 'opened_unused', hygiene_seal_broken: false, delivered_on: '2025-03-01', order_amount: 129.95 }),
        'refund',
      );
      expect(refund).toMatchObject({
        status: 'eligible',
        reasons: [],
        source: 'acme/returns.csv:3',
        fees: { restocking_fee_pct: 10, return_shipping_paid_by: 'customer', restocking_fee_amount: 13 },
        deadline: '2025-04-30',
        deadline_basis: expect.stringContaining('return_window: 60 days'),
        required_evidence: ['order_number'],
      });
    });

    it('refuses a pair whose hygiene seal is broken, in the brand’s own words', () => {
      const claim = { issue: 'non_quality', condition: 'opened_unused', hygiene_seal_broken: true, delivered_on: '2025-03-01' };
      const refund = remedy(decide(claim, { locale: 'de' }), 'refund');
      expect(refund).toMatchObject({ status: 'ineligible', fees: {}, source: 'acme/returns.csv:4' });
      expect(refund.reasons).toEqual([
        {
          code: 'hygiene_seal_broken',
          source: 'acme/returns.csv:4',
          message: 'In-Ear-Kopfhörer mit geöffnetem Hygienesiegel können nicht zurückgegeben werden.',
        },
      ]);
    });

    it('exchanges a pair that is faulty out of the box until day 14', () => {
      const decision = decide({ issue: 'quality_defect', purchase_region: 'eu', delivered_on: '2025-03-01', claim_on: '2025-03-15' });
      expect(remedy(decision, 'replace')).toMatchObject({
        status: 'eligible',
        deadline: '2025-03-15',
        source: 'acme/warranty.csv:2',
        other_deadlines: [{ window: 'warranty', deadline: '2026-03-01' }],
        fees: { repair_fee_paid_by: 'brand', return_shipping_paid_by: 'brand' },
        required_evidence: ['order_number', 'photo_of_defect'],
      });
      expect(remedy(decision, 'refund').fees).toEqual({ return_shipping_paid_by: 'brand' });
    });

    it('leaves a later exchange to ACME, governed by the warranty instead of the 14 days', () => {
      const replace = remedy(decide({ issue: 'quality_defect', purchase_region: 'eu', delivered_on: '2025-03-01', claim_on: '2025-03-16' }), 'replace');
      expect(replace).toMatchObject({ status: 'review', deadline: '2026-03-01', source: 'acme/warranty.csv:3' });
      expect(cited(replace)).toEqual(['brand_discretion@acme/warranty.csv:3']);
      expect(replace.other_deadlines).toEqual([{ window: 'doa_window', deadline: '2025-03-15' }]);
    });

    it('gives the Studio Pro line a 2-year warranty through a derived fact', () => {
      const decision = decide({
        product_line: 'studio-pro-x',
        issue: 'quality_defect',
        purchase_region: 'uk',
        delivered_on: '2025-03-01',
        claim_on: '2026-04-01',
      });
      expect(decision.derived).toEqual({ warranty_years: 2 });
      expect(decision.warranty).toMatchObject({ label: '2-year warranty', length: 2, deadline: '2027-03-01', status: 'open' });
      expect(remedy(decision, 'repair')).toMatchObject({ status: 'eligible', deadline: '2027-03-01', fees: { repair_fee_paid_by: 'brand' } });
    });

    it('gives every other model 1 year, and refuses repair the day after', () => {
      const decision = decide({
        product_line: 'city-buds',
        issue: 'quality_defect',
        purchase_region: 'eu',
        delivered_on: '2025-03-01',
        claim_on: '2026-03-02',
      });
      expect(decision.warranty).toMatchObject({ label: '1-year warranty', deadline: '2026-03-01', status: 'closed' });
      expect(cited(remedy(decision, 'repair'))).toEqual(['window_expired@acme/timing.csv:3']);
      expect(remedy(decision, 'repair').reasons[0]?.message).toBe("ACME's 60-day return period or its warranty has ended.");
    });

    it('offers no warranty service for a pair bought outside the EU and the UK, but still takes it back', () => {
      const decision = decide({ issue: 'quality_defect', purchase_region: 'us', delivered_on: '2025-03-01', claim_on: '2025-03-06' });
      expect(decision.remedies.map((r) => [r.remedy, r.status, cited(r)])).toEqual([
        ['refund', 'eligible', []],
        ['replace', 'ineligible', ['outside_purchase_region@acme/exclusions.csv:2']],
        ['repair', 'ineligible', ['outside_purchase_region@acme/exclusions.csv:2']],
      ]);
    });

    it('lists every exclusion that applies', () => {
      const repair = remedy(
        decide({
          issue: 'quality_defect',
          purchase_region: 'eu',
          water_damage: true,
          physical_damage: true,
          labels_tampered: true,
          delivered_on: '2025-03-01',
        }),
        'repair',
      );
      expect(cited(repair)).toEqual(['water_damage@acme/exclusions.csv:3', 'physical_damage@acme/exclusions.csv:4', 'labels_tampered@acme/exclusions.csv:5']);
    });

    it('says which flags it took as not established', () => {
      expect([...decide({ issue: 'quality_defect', water_damage: false }).facts_not_established].sort()).toEqual([
        'hygiene_seal_broken',
        'labels_tampered',
        'physical_damage',
      ]);
    });

    it('derives the warranty length before the windows and tables that use it', () => {
      const trace = decide({ issue: 'quality_defect', delivered_on: '2025-03-01' }, { trace: true }).trace!;
      expect(trace.map((t) => t.table)).toEqual(['acme/exclusions.csv', 'acme/models.csv', 'acme/returns.csv', 'acme/warranty.csv', 'acme/timing.csv']);
      expect(trace.find((t) => t.table === 'acme/models.csv')?.matched).toEqual(['acme/models.csv:3']);
    });
  });

  describe('through the policy CLI', () => {
    it('passes `policy --sheets <root> test acme`', async () => {
      const out: string[] = [],
        err: string[] = [];
      const code = await main(['--sheets', root, 'test', 'acme'], { out: (l) => out.push(l), err: (l) => err.push(l) });
      expect({ code, out, err }).toEqual({ code: 0, out: ['✓ acme: 15/15 cases pass, 0 rule(s) not covered'], err: [] });
    });

    it('passes `policy --sheets <root> check acme`', async () => {
      const out: string[] = [];
      const code = await main(['--sheets', root, 'check', 'acme'], { out: (l) => out.push(l), err: () => {} });
      expect(code).toBe(0);
      expect(out).toEqual([`✓ acme ${policy.version}`]);
    });

    it('fails `test acme` with the sheet:row:column of a wrong expectation', async () => {
      const broken = mkdtempSync(join(tmpdir(), 'policy-sheets-'));
      try {
        cpSync(root, broken, { recursive: true });
        const cases = readFileSync(join(broken, 'acme/cases.csv'), 'utf8');
        writeFileSync(join(broken, 'acme/cases.csv'), cases.replace(',13.00,customer', ',12.99,customer'));
        const out: string[] = [];
        const code = await main(['--sheets', broken, 'test', 'acme'], { out: (l) => out.push(l), err: () => {} });
        expect(code).toBe(1);
        expect(out[0]).toMatch(/^acme\/cases\.csv:4:Q — case "AC03 .*": refund\.restocking_fee_amount is 13: expected 12\.99$/);
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
    });

    it('passes as a real process: npx tsx src/cli/main.ts --sheets <root> test acme', () => {
      const run = spawnSync(join(project, 'node_modules/.bin/tsx'), ['src/cli/main.ts', '--sheets', root, 'test', 'acme'], { cwd: project, encoding: 'utf8' });
      expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: '✓ acme: 15/15 cases pass, 0 rule(s) not covered' });
    }, 30_000);
  });
});
