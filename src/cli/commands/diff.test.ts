import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheets, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

interface JsonClaimChange {
  claim: { seed: string; seedSource?: string; changes: Record<string, unknown>; claim: Record<string, unknown> };
  changes: { remedy: string; field: string; before: string; after: string }[];
  decided: Record<string, { before: string; after: string }>;
  reached: string[];
}

const RESTOCKING_15_TO_10 = (t: string) => replaceInRow(t, 3, ',15%,customer,customer,', ',10%,customer,customer,');

describe('policy diff', { timeout: 120_000 }, () => {
  let sheets: SheetsCopy;
  beforeAll(() => { sheets = copySheets({ git: true }); });
  afterAll(() => sheets.remove());

  describe('when nothing changed since the base', () => {
    it('says plainly that no customer outcome changes', async () => {
      const r = await run(['diff', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Comparing .* at HEAD \([0-9a-f]{7}\) with the working tree/);
      expect(r.out).toMatch(/elegoo — ELEGOO: no changes to the compiled policy \([0-9a-f]{16}\); no customer outcome changes/);
      expect(r.lines.at(-1)).toBe('No customer outcome changes.');
    });
  });

  describe('when ELEGOO open-box restocking goes from 15% to 10% (one cell)', () => {
    let json: { headline: string; brands: { brand: string; kind: string; changes: { rules: unknown[]; other: unknown[] }; outcome: { claimsChecked: number; changed: JsonClaimChange[]; groups: { rules: { id: string }[] }[] } }[] };
    beforeAll(async () => {
      sheets.edit('elegoo/non-quality.csv', RESTOCKING_15_TO_10);
      const r = await run(['diff', '--format', 'json', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      json = JSON.parse(r.out);
    });
    afterAll(() => sheets.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',10%,customer,customer,', ',15%,customer,customer,')));

    it('names the one changed row and cell', () => {
      const elegoo = json.brands.find((b) => b.brand === 'elegoo')!;
      expect(elegoo.changes).toEqual({
        identical: false,
        rules: [{ id: 'elegoo/non-quality.csv:3', table: 'elegoo/non-quality.csv', kind: 'changed', before: 'elegoo/non-quality.csv:3', after: 'elegoo/non-quality.csv:3', label: 'Within 14 Days: Open-box and unused', cells: [{ column: '> restocking_fee_pct', before: '15', after: '10' }] }],
        other: [],
      });
      expect(json.brands.filter((b) => b.brand !== 'elegoo').map((b) => b.kind)).toEqual(['identical', 'identical']);
    });

    it('lists exactly the claims the row decides, and nothing else', () => {
      const { outcome } = json.brands.find((b) => b.brand === 'elegoo')!;
      expect(outcome.changed.length).toBeGreaterThan(0);
      expect(outcome.groups.map((g) => g.rules.map((r) => r.id))).toEqual([['elegoo/non-quality.csv:3']]);
      for (const c of outcome.changed) {
        // Only the refund's restocking fee changes: 15 → 10 points, the amount by the same ratio.
        expect(c.claim.claim).toMatchObject({ issue: 'non_quality', condition: 'opened_unused' });
        expect(c.reached).toEqual(['elegoo/non-quality.csv:3']);
        expect(c.decided.refund!.before).toBe(c.decided.refund!.after);
        expect(c.changes).toContainEqual({ remedy: 'refund', field: 'restocking_fee_pct', before: '15', after: '10' });
        for (const f of c.changes.filter((x) => x.field !== 'restocking_fee_pct')) {
          expect(f.field).toBe('restocking_fee_amount');
          expect(Number(f.after)).toBeCloseTo((Number(f.before) * 10) / 15, 1);
        }
      }
      // Of the editors' cases, exactly the two open-box refunds change.
      const cases = outcome.changed.filter((c) => Object.keys(c.claim.changes).length === 0).map((c) => c.claim.seedSource);
      expect(cases.sort()).toEqual(['elegoo/cases.csv:4', 'elegoo/cases.csv:5']);
    });

    it('prints the changed claims grouped under the changed row in the terminal', async () => {
      const r = await run(['diff', 'elegoo', '--limit', '3', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('    elegoo/non-quality.csv:3 "Within 14 Days: Open-box and unused": > restocking_fee_pct 15 → 10');
      expect(r.out).toMatch(/▸ Reaching elegoo\/non-quality\.csv:3 — \d+ claims\n\s+refund restocking_fee_pct: 15 → 10 — \d+ claims/);
      expect(r.out).toContain('• case "Unwanted open-box unused: 15% of 199.90 = 29.99 (half-up)" (elegoo/cases.csv:4)\n        refund: restocking_fee_pct 15 → 10, restocking_fee_amount 29.99 → 19.99 — decided by elegoo/non-quality.csv:3');
      expect(r.out).toMatch(/… and \d+ more claims \(--limit 0 lists them all/);
      expect(r.lines.at(-1)).toMatch(/^Customer outcomes change for elegoo \(\d+ claims\)\.$/);
    });

    it('writes a Markdown PR comment with --format markdown', async () => {
      const r = await run(['diff', '--format', 'markdown', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.lines[0]).toBe('## Policy diff: customer outcomes');
      expect(r.out).toContain('| `elegoo/non-quality.csv:3` | Within 14 Days: Open-box and unused | `> restocking_fee_pct`: 15 → **10** |');
      expect(r.out).toMatch(/#### Reaching elegoo\/non-quality\.csv:3 — \d+ claims/);
      expect(r.out).toContain('<details><summary>');
      expect(r.out).toContain('### KOKONI (`kokoni`)\nNo changes to the compiled policy: **no customer outcome changes**.');
    });
  });

  describe('when only a message text changes', () => {
    beforeAll(() => sheets.edit('elegoo/messages.csv', (t) => replaceInRow(t, 3, 'used items cannot be returned.', 'used items cannot be returned for a refund.')));
    afterAll(() => sheets.edit('elegoo/messages.csv', (t) => replaceInRow(t, 3, 'used items cannot be returned for a refund.', 'used items cannot be returned.')));

    it('shows the wording change and says outcomes are unchanged', async () => {
      const r = await run(['diff', 'elegoo', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Wording changes (what customers read, not what they get):\n    messages used_product (en): …items cannot be returned. → …items cannot be returned for a refund.');
      expect(r.out).toMatch(/No customer outcome changes: all [\d,]+ claims checked get the same status, reasons, deadline, fees and payers\./);
      expect(r.lines.at(-1)).toBe('No customer outcome changes.');
    });
  });

  describe('when the change is committed', () => {
    it('compares with an earlier ref given by --base', async () => {
      sheets.edit('elegoo/non-quality.csv', RESTOCKING_15_TO_10);
      sheets.commit('restocking 10%');
      try {
        const head = await run(['diff', 'elegoo', '--sheets', sheets.root]);
        expect(head.lines.at(-1)).toBe('No customer outcome changes.');
        const r = await run(['diff', 'elegoo', '--base', 'HEAD~1', '--format', 'json', '--sheets', sheets.root]);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out).headline).toMatch(/^Customer outcomes change for elegoo/);
      } finally {
        sheets.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',10%,customer,customer,', ',15%,customer,customer,'));
        sheets.commit('restocking back to 15%');
      }
    });
  });

  describe('when the sheets do not compile', () => {
    it('says so and exits 1', async () => {
      sheets.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',opened_unused,', ',opened_unusd,'));
      try {
        const r = await run(['diff', 'elegoo', '--sheets', sheets.root]);
        expect(r.code).toBe(1);
        expect(r.out).toContain('elegoo: does not compile now, so it cannot be compared:');
        expect(r.out).toContain('elegoo/non-quality.csv:3:E');
      } finally {
        sheets.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',opened_unusd,', ',opened_unused,'));
      }
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['diff', '--base', 'no-such-branch'], '--base no-such-branch is not a commit'],
      [['diff', 'acme'], 'unknown brand acme'],
      [['diff', '--format', 'html'], '--format html is unknown: expected text, markdown, json'],
      [['diff', '--limit', 'all'], '--limit all is not a number'],
    ])('%j exits 2', async (argv, message) => {
      const r = await run([...argv, '--sheets', sheets.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    });
  });
});
