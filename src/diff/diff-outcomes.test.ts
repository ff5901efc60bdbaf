// The outcome diff on the fixture brand ACME (test/fixtures/brands/acme) with the shared vocabulary
// of policy-sheets/_shared: one fee cell, one window length, one message changed.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBrand } from '../cli/compile-brands.js';
import { readBrand } from '../cli/read-sheets.js';
import { compilePolicy } from '../compile/compile-policy.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import { generateClaimGrid } from './claim-grid.js';
import { diffOutcomes } from './diff-outcomes.js';
import { diffPolicies } from './policy-changes.js';

const SHEETS = mkdtempSync(join(tmpdir(), 'policy-sheets-'));
cpSync(fileURLToPath(new URL('../../policy-sheets/_shared', import.meta.url)), join(SHEETS, '_shared'), { recursive: true });
cpSync(fileURLToPath(new URL('../../test/fixtures/brands/acme', import.meta.url)), join(SHEETS, 'acme'), { recursive: true });
afterAll(() => rmSync(SHEETS, { recursive: true, force: true }));
const AS_OF = '2025-01-01';

/** The day `days` after 2025-03-01 (ACME's cases deliver on that day). */
const dayAfterDelivery = (days: number) => new Date(Date.UTC(2025, 2, 1 + days)).toISOString().slice(0, 10);

function acmeWith(edit: (file: string, text: string) => string, added: { name: string; text: string }[] = []) {
  const folder = readBrand(SHEETS, 'acme');
  const files = [...folder.sheets.files.map((f) => ({ ...f, text: edit(f.name, f.text) })), ...added];
  const result = compilePolicy({ ...folder.sheets, files });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.policy;
}

describe('diffOutcomes', { timeout: 120_000 }, () => {
  const base = compileBrand(SHEETS, 'acme', true);
  const before = base.policy!;
  const seeds = base.cases.map((c) => ({ name: c.name, source: `${c.sheet}:${c.row}`, claim: c.claim }));

  describe('when one fee cell changes (open-box restocking 10% → 5%)', () => {
    const after = acmeWith((file, text) => (file.endsWith('/returns.csv') ? text.replace(',10%,customer,', ',5%,customer,') : text));
    const grid = generateClaimGrid([before, after], seeds, { asOf: AS_OF });
    const diff = diffOutcomes(before, after, grid.claims, AS_OF, diffPolicies(before, after));

    it('reports exactly the claims whose refund that row describes', () => {
      // Independent of the outcome comparison: the row matched and the refund is offered (√ or review).
      const expected = grid.claims.filter((c) => {
        const d = evaluateClaim(after, c.claim, typeof c.claim.claim_on === 'string' ? c.claim.claim_on : AS_OF, { trace: true });
        const matched = d.trace!.some((s) => s.matched.includes('acme/returns.csv:3'));
        return matched && d.remedies.find((r) => r.remedy === 'refund')!.status !== 'ineligible';
      });
      expect(expected.length).toBeGreaterThan(20);
      expect(new Set(diff.changed.map((c) => c.claim))).toEqual(new Set(expected));
      expect(diff.groups).toHaveLength(1);
      expect(diff.groups[0]!.summary.map((s) => `${s.remedy}.${s.field}`).sort()).toEqual(['refund.restocking_fee_amount', 'refund.restocking_fee_pct']);
    });

    it('keeps the grid bounded: many claims per case, every case among them', () => {
      expect(grid.truncated).toBe(false);
      expect(grid.claims.length).toBeGreaterThan(seeds.length * 10);
      expect(grid.claims.length).toBeLessThan(40_000);
      expect(grid.claims.filter((c) => Object.keys(c.changes).length === 0)).toHaveLength(seeds.length);
    });
  });

  describe('when a window gets longer (returns within 60 → 67 days)', () => {
    const after = acmeWith((file, text) => (file.endsWith('/windows.csv') ? text.replace('return_window,60,days', 'return_window,67,days') : text));
    const grid = generateClaimGrid([before, after], seeds, { asOf: AS_OF });
    const diff = diffOutcomes(before, after, grid.claims, AS_OF, diffPolicies(before, after));

    it('finds status changes on the old first day after and the new last day, and only deadline changes past it', () => {
      const onDay = (days: number) =>
        diff.changed.filter(
          (c) => c.claim.changes.claim_on && c.claim.claim.delivered_on === '2025-03-01' && c.claim.claim.claim_on === dayAfterDelivery(days),
        );
      const statusChanges = (list: typeof diff.changed) => list.filter((c) => c.changes.some((f) => f.field === 'status'));
      // Day 61 (closed before, open now) and day 67 (the new last day) are generated from both versions' edges.
      expect(statusChanges(onDay(61)).length).toBeGreaterThan(0);
      expect(statusChanges(onDay(67)).length).toBeGreaterThan(0);
      expect(onDay(68).length).toBeGreaterThan(0);
      expect(statusChanges(onDay(68))).toHaveLength(0);
      for (const c of onDay(68)) for (const f of c.changes) expect(f).toMatchObject({ field: 'deadline', before: '2025-04-30', after: '2025-05-07' });
      expect(diff.groups.some((g) => g.rules.length === 0 && g.other.some((o) => o.subject === 'return_window' && o.field === 'length'))).toBe(true);
    });
  });

  describe('when only wording changes', () => {
    const after = acmeWith((file, text) => (file.endsWith('/messages.csv') ? text.replace('broken cannot be returned.', 'broken are not returnable.') : text));

    it('finds no outcome change', () => {
      const changes = diffPolicies(before, after);
      expect(changes.rules).toEqual([]);
      expect(changes.other).toEqual([expect.objectContaining({ sheet: 'messages', subject: 'hygiene_seal_broken (en)', wording: true })]);
      const grid = generateClaimGrid([before, after], seeds, { asOf: AS_OF });
      expect(diffOutcomes(before, after, grid.claims, AS_OF, changes).changed).toEqual([]);
    });

    it('counts a brand word (words.csv) or a translated label as wording', () => {
      const reworded = acmeWith(
        (file, text) => (file.endsWith('/remedies.csv') ? text.replace('Garantiereparatur', 'Reparatur unter Garantie') : text),
        [{ name: 'acme/words.csv', text: 'kind,code,en,de\nstatus,ineligible,not possible,ausgeschlossen\n' }],
      );
      expect(diffPolicies(before, reworded).other).toEqual([
        expect.objectContaining({ sheet: 'acme/remedies.csv', subject: 'repair', field: 'label', wording: true }),
        expect.objectContaining({ sheet: 'words', subject: 'status ineligible (en)', wording: true }),
        expect.objectContaining({ sheet: 'words', subject: 'status ineligible (de)', wording: true }),
      ]);
    });

    it('counts a value label (values.csv) as wording', () => {
      const reworded = acmeWith((file, text) => (file.endsWith('/values.csv') ? text.replace('anderes Land', 'sonstiges Land') : text));
      expect(diffPolicies(before, reworded).other).toEqual([
        expect.objectContaining({ sheet: 'values', subject: 'purchase_region other (de)', before: 'anderes Land', after: 'sonstiges Land', wording: true }),
      ]);
    });
  });
});
