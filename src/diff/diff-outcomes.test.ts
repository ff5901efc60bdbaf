import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compilePolicy } from '../compile/compile-policy.js';
import { compileBrand } from '../cli/compile-brands.js';
import { readBrand } from '../cli/read-sheets.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import { generateClaimGrid } from './claim-grid.js';
import { diffOutcomes } from './diff-outcomes.js';
import { diffPolicies } from './policy-changes.js';

const SHEETS = fileURLToPath(new URL('../../policy-sheets', import.meta.url));
const AS_OF = '2025-01-01';

function elegooWith(edit: (file: string, text: string) => string) {
  const folder = readBrand(SHEETS, 'elegoo');
  const files = folder.sheets.files.map((f) => ({ ...f, text: edit(f.name, f.text) }));
  const result = compilePolicy({ ...folder.sheets, files });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.policy;
}

describe('diffOutcomes', { timeout: 120_000 }, () => {
  const base = compileBrand(SHEETS, 'elegoo', true);
  const before = base.policy!;
  const seeds = base.cases.map((c) => ({ name: c.name, source: `${c.sheet}:${c.row}`, claim: c.claim }));

  describe('when one fee cell changes (open-box restocking 15% → 10%)', () => {
    const after = elegooWith((file, text) => (file.endsWith('/non-quality.csv') ? text.replace(',15%,customer,customer,', ',10%,customer,customer,') : text));
    const grid = generateClaimGrid([before, after], seeds, { asOf: AS_OF });
    const diff = diffOutcomes(before, after, grid.claims, AS_OF, diffPolicies(before, after));

    it('reports exactly the claims whose refund that row describes', () => {
      // Independent of the outcome comparison: the row matched and the refund is offered (√ or review).
      const expected = grid.claims.filter((c) => {
        const d = evaluateClaim(after, c.claim, typeof c.claim.claim_on === 'string' ? c.claim.claim_on : AS_OF, { trace: true });
        const matched = d.trace!.some((s) => s.matched.includes('elegoo/non-quality.csv:3'));
        return matched && d.remedies.find((r) => r.remedy === 'refund')!.status !== 'ineligible';
      });
      expect(expected.length).toBeGreaterThan(20);
      expect(new Set(diff.changed.map((c) => c.claim))).toEqual(new Set(expected));
      expect(diff.groups).toHaveLength(1);
      expect(diff.groups[0]!.summary.map((s) => `${s.remedy}.${s.field}`).sort()).toEqual(['refund.restocking_fee_amount', 'refund.restocking_fee_pct']);
    });

    it('keeps the grid bounded: thousands of claims, every case among them', () => {
      expect(grid.truncated).toBe(false);
      expect(grid.claims.length).toBeGreaterThan(1_000);
      expect(grid.claims.length).toBeLessThan(40_000);
      expect(grid.claims.filter((c) => Object.keys(c.changes).length === 0)).toHaveLength(seeds.length);
    });
  });

  describe('when a window gets longer (returns within 14 → 21 days)', () => {
    const after = elegooWith((file, text) => (file.endsWith('/windows.csv') ? text.replace('return_window,14,days', 'return_window,21,days') : text));
    const grid = generateClaimGrid([before, after], seeds, { asOf: AS_OF });
    const diff = diffOutcomes(before, after, grid.claims, AS_OF, diffPolicies(before, after));

    it('finds status changes on the old first day after and the new last day, and only deadline changes past it', () => {
      const onDay = (days: number) => diff.changed.filter((c) => c.claim.changes.claim_on && c.claim.claim.delivered_on === '2025-03-01' && c.claim.claim.claim_on === `2025-03-${String(1 + days).padStart(2, '0')}`);
      const statusChanges = (list: typeof diff.changed) => list.filter((c) => c.changes.some((f) => f.field === 'status'));
      // Day 15 (closed before, open now) and day 21 (the new last day) are generated from both versions' edges.
      expect(statusChanges(onDay(15)).length).toBeGreaterThan(0);
      expect(statusChanges(onDay(21)).length).toBeGreaterThan(0);
      expect(onDay(22).length).toBeGreaterThan(0);
      expect(statusChanges(onDay(22))).toHaveLength(0);
      for (const c of onDay(22)) for (const f of c.changes) expect(f).toMatchObject({ field: 'deadline', before: '2025-03-15', after: '2025-03-22' });
      expect(diff.groups.some((g) => g.rules.length === 0 && g.other.some((o) => o.subject === 'return_window' && o.field === 'length'))).toBe(true);
    });
  });

  describe('when only wording changes', () => {
    const after = elegooWith((file, text) => (file.endsWith('/messages.csv') ? text.replace('used items cannot be returned.', 'used items are not returnable.') : text));

    it('finds no outcome change', () => {
      const changes = diffPolicies(before, after);
      expect(changes.rules).toEqual([]);
      expect(changes.other).toEqual([expect.objectContaining({ sheet: 'messages', subject: 'used_product (en)', wording: true })]);
      const grid = generateClaimGrid([before, after], seeds, { asOf: AS_OF });
      expect(diffOutcomes(before, after, grid.claims, AS_OF, changes).changed).toEqual([]);
    });
  });
});
