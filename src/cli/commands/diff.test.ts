import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheets, NO_SUCH_BRAND, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

interface JsonClaimChange {
  claim: { seed: string; seedSource?: string; changes: Record<string, unknown>; claim: Record<string, unknown> };
  changes: { remedy: string; field: string; before: string; after: string }[];
  decided: Record<string, { before: string; after: string }>;
  reached: string[];
}

// Changes to the fixture brand ACME (test/fixtures/brands/acme), which the test adds beside the
// brands policy-sheets/ holds: those must come out unchanged, whichever they are.
const RESTOCKING_10_TO_5 = (t: string) => replaceInRow(t, 3, ',10%,customer,', ',5%,customer,');
const RESTOCKING_5_TO_10 = (t: string) => replaceInRow(t, 3, ',5%,customer,', ',10%,customer,');
const ROW = 'acme/returns.csv:3';

describe('policy diff', { timeout: 120_000 }, () => {
  let sheets: SheetsCopy;
  beforeAll(() => {
    sheets = copySheets({ git: true, fixtures: ['acme'] });
  });
  afterAll(() => sheets.remove());

  describe('when nothing changed since the base', () => {
    it('says plainly that no customer outcome changes', async () => {
      const r = await run(['diff', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Comparing .* at HEAD \([0-9a-f]{7}\) with the working tree/);
      for (const brand of sheets.brands)
        expect(r.out).toMatch(new RegExp(`^${brand} — .*: no changes to the compiled policy \\([0-9a-f]{16}\\); no customer outcome changes`, 'm'));
      expect(r.lines.at(-1)).toBe('No customer outcome changes.');
    });
  });

  describe('when ACME open-box restocking goes from 10% to 5% (one cell)', () => {
    let json: {
      headline: string;
      brands: {
        brand: string;
        kind: string;
        changes: { rules: unknown[]; other: unknown[] };
        outcome: { claimsChecked: number; changed: JsonClaimChange[]; groups: { rules: { id: string }[] }[] };
      }[];
    };
    beforeAll(async () => {
      sheets.edit('acme/returns.csv', RESTOCKING_10_TO_5);
      const r = await run(['diff', '--format', 'json', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      json = JSON.parse(r.out);
    });
    afterAll(() => sheets.edit('acme/returns.csv', RESTOCKING_5_TO_10));

    it('names the one changed row and cell', () => {
      const acme = json.brands.find((b) => b.brand === 'acme')!;
      expect(acme.changes).toEqual({
        identical: false,
        rules: [
          {
            id: ROW,
            table: 'acme/returns.csv',
            kind: 'changed',
            before: ROW,
            after: ROW,
            label: 'Opened but unused',
            cells: [{ column: '> restocking_fee_pct', before: '10', after: '5' }],
          },
        ],
        other: [],
      });
      expect(json.brands.map((b) => b.brand)).toEqual(sheets.brands);
      const others = json.brands.filter((b) => b.brand !== 'acme');
      expect(others.map((b) => b.kind)).toEqual(others.map(() => 'identical'));
    });

    it('lists exactly the claims the row decides, and nothing else', () => {
      const { outcome } = json.brands.find((b) => b.brand === 'acme')!;
      expect(outcome.changed.length).toBeGreaterThan(0);
      expect(outcome.groups.map((g) => g.rules.map((r) => r.id))).toEqual([[ROW]]);
      for (const c of outcome.changed) {
        // Only the refund's restocking fee changes: 10 → 5 points, the amount by the same ratio.
        expect(c.claim.claim).toMatchObject({ condition: 'opened_unused' });
        expect(c.claim.claim.hygiene_seal_broken).not.toBe(true);
        expect(c.reached).toEqual([ROW]);
        expect(c.decided.refund!.before).toBe(c.decided.refund!.after);
        expect(c.changes).toContainEqual({ remedy: 'refund', field: 'restocking_fee_pct', before: '10', after: '5' });
        for (const f of c.changes.filter((x) => x.field !== 'restocking_fee_pct')) {
          expect(f.field).toBe('restocking_fee_amount');
          expect(Number(f.after)).toBeCloseTo((Number(f.before) * 5) / 10, 1);
        }
      }
      // Of the editors' cases, exactly the open-box refund changes.
      const cases = outcome.changed.filter((c) => Object.keys(c.claim.changes).length === 0).map((c) => c.claim.seedSource);
      expect(cases).toEqual(['acme/cases.csv:4']);
    });

    it('prints the changed claims grouped under the changed row in the terminal', async () => {
      const r = await run(['diff', 'acme', '--limit', '3', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`    ${ROW} "Opened but unused": > restocking_fee_pct 10 → 5`);
      expect(r.out).toMatch(/▸ Reaching acme\/returns\.csv:3 — \d+ claims\n\s+refund restocking_fee_pct: 10 → 5 — \d+ claims/);
      expect(r.out).toContain(
        `• case "AC03 opened but unused: 10% restocking fee, half-up" (acme/cases.csv:4)\n        refund: restocking_fee_pct 10 → 5, restocking_fee_amount 13.00 → 6.50 — decided by ${ROW}`,
      );
      expect(r.out).toMatch(/… and \d+ more claims \(--limit 0 lists them all/);
      expect(r.lines.at(-1)).toMatch(/^Customer outcomes change for acme \(\d+ claims\)\.$/);
    });

    it('writes a Markdown PR comment with --format markdown', async () => {
      const r = await run(['diff', '--format', 'markdown', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.lines[0]).toBe('## Policy diff: customer outcomes');
      expect(r.out).toContain('| `acme/returns.csv:3` | Opened but unused | `> restocking_fee_pct`: 10 → **5** |');
      expect(r.out).toMatch(/#### Reaching acme\/returns\.csv:3 — \d+ claims/);
      expect(r.out).toContain('<details><summary>');
      for (const brand of sheets.brands.filter((b) => b !== 'acme')) {
        expect(r.out).toMatch(new RegExp(`^### .* \\(\`${brand}\`\\)\nNo changes to the compiled policy: \\*\\*no customer outcome changes\\*\\*\\.`, 'm'));
      }
    });
  });

  describe('when only a message text changes', () => {
    beforeAll(() => sheets.edit('acme/messages.csv', (t) => replaceInRow(t, 2, 'cannot be returned.,', 'cannot be returned for a refund.,')));
    afterAll(() => sheets.edit('acme/messages.csv', (t) => replaceInRow(t, 2, 'cannot be returned for a refund.,', 'cannot be returned.,')));

    it('shows the wording change and says outcomes are unchanged', async () => {
      const r = await run(['diff', 'acme', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(
        'Wording changes (what customers read, not what they get):\n    messages hygiene_seal_broken (en): …roken cannot be returned. → …roken cannot be returned for a refund.',
      );
      expect(r.out).toMatch(/No customer outcome changes: all [\d,]+ claims checked get the same status, reasons, deadline, fees and payers\./);
      expect(r.lines.at(-1)).toBe('No customer outcome changes.');
    });
  });

  describe('when the change is committed', () => {
    it('compares with an earlier ref given by --base', async () => {
      sheets.edit('acme/returns.csv', RESTOCKING_10_TO_5);
      sheets.commit('restocking 5%');
      try {
        const head = await run(['diff', 'acme', '--sheets', sheets.root]);
        expect(head.lines.at(-1)).toBe('No customer outcome changes.');
        const r = await run(['diff', 'acme', '--base', 'HEAD~1', '--format', 'json', '--sheets', sheets.root]);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out).headline).toMatch(/^Customer outcomes change for acme/);
      } finally {
        sheets.edit('acme/returns.csv', RESTOCKING_5_TO_10);
        sheets.commit('restocking back to 10%');
      }
    });
  });

  describe('when the sheets do not compile', () => {
    it('says so and exits 1', async () => {
      sheets.edit('acme/returns.csv', (t) => replaceInRow(t, 3, ',opened_unused,', ',opened_unusd,'));
      try {
        const r = await run(['diff', 'acme', '--sheets', sheets.root]);
        expect(r.code).toBe(1);
        expect(r.out).toContain('acme: does not compile now, so it cannot be compared:');
        expect(r.out).toContain('acme/returns.csv:3:C');
      } finally {
        sheets.edit('acme/returns.csv', (t) => replaceInRow(t, 3, ',opened_unusd,', ',opened_unused,'));
      }
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['diff', '--base', 'no-such-branch'], '--base no-such-branch is not a commit'],
      [['diff', NO_SUCH_BRAND], `unknown brand ${NO_SUCH_BRAND}`],
      [['diff', '--format', 'html'], '--format html is unknown: expected text, markdown, json'],
      [['diff', '--limit', 'all'], '--limit all is not a number'],
    ])('%j exits 2', async (argv, message) => {
      const r = await run([...argv, '--sheets', sheets.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    });
  });
});
