import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheets, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

const OPEN_BOX = ['--fact', 'issue=non_quality', '--fact', 'condition=opened_unused', '--delivered_on', '2025-03-01', '--claim_on', '2025-03-10',
  '--order_amount', '199.90', '--channel', 'official_store', '--proof_of_purchase', 'true', '--return_approved', 'yes', '--same_region', 'true', '--accessories_complete', 'true'];

describe('policy explain', () => {
  let sheets: SheetsCopy, broken: SheetsCopy;
  beforeAll(() => {
    sheets = copySheets();
    broken = copySheets();
    broken.edit('elegoo/non-quality.csv', (t) => replaceInRow(t, 3, ',opened_unused,', ',opened_unusd,'));
  });
  afterAll(() => { sheets.remove(); broken.remove(); });

  describe('with facts given as options', () => {
    it('shows each remedy with status, deadline and fees, and the row that decided it', async () => {
      const r = await run(['explain', 'elegoo', ...OPEN_BOX, '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.lines[0]).toMatch(/^ELEGOO \(elegoo\) · policy [0-9a-f]{16} · as of 2025-03-10 · en$/);
      const refund = r.lines.find((l) => l.startsWith('Refund (14-day return)'))!;
      expect(refund.split(/\s{2,}/)).toEqual(['Refund (14-day return)', '✓ eligible', '2025-03-15', 'restocking_fee_pct: 15', '—']);
      expect(r.out).toContain('restocking_fee_amount: 29.99');
      expect(r.out).toContain('▶ elegoo/non-quality.csv:3 "Within 14 Days: Open-box and unused" — eligible (sets restocking_fee_pct, return_shipping_paid_by, original_shipping_paid_by)');
      expect(r.out).toMatch(/Replace\s+✗ ineligible/);
      expect(r.out).toContain('▶ elegoo/not-quality-issues.csv:3 "Unwanted item: replacement and repair answer quality issues only" — ineligible (reason not_quality_issue)');
      expect(r.out).toMatch(/return_window\s+14-day returns\s+2025-03-01\s+2025-03-15\s+open/);
      expect(r.out).not.toContain('Trace');
    });

    it('lists every table consulted and the rows it matched with --trace', async () => {
      const r = await run(['explain', 'elegoo', ...OPEN_BOX, '--trace', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Trace — every table consulted, in evaluation order:');
      expect(r.out).toMatch(/elegoo\/routes\.csv \(hit policy F\) → route=refund_only\n\s+elegoo\/routes\.csv:4 "Unwanted item or transit damage"/);
      expect(r.out).toMatch(/elegoo\/quality\.csv \(hit policy U\)\n\s+no row matched/);
    });

    it('answers in the brand language asked for with --lang', async () => {
      const r = await run(['explain', 'elegoo', ...OPEN_BOX, '--lang', 'de', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.lines[0]).toMatch(/· de$/);
    });
  });

  describe('with a claim file', () => {
    it('reads an API request body and gives the decision as JSON', async () => {
      const file = join(sheets.dir, 'claim.json');
      writeFileSync(file, JSON.stringify({ brand: 'elegoo', claim: { issue: 'non_quality', condition: 'used', delivered_on: '2025-03-01', claim_on: '2025-03-10', channel: 'official_store', proof_of_purchase: true, return_approved: true } }));
      const r = await run(['explain', 'elegoo', '--claim', file, '--format', 'json', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      const { decision, explanation } = JSON.parse(r.out);
      expect(decision.trace).toBeUndefined();
      const refund = explanation.remedies.find((x: { remedy: string }) => x.remedy === 'refund');
      expect(refund).toMatchObject({ status: 'ineligible', reasons: [{ code: 'used_product' }] });
      expect(refund.rows).toContainEqual(expect.objectContaining({ source: 'elegoo/non-quality.csv:4', verdict: 'ineligible', decisive: true }));
    });

    it('lets a --fact override the file', async () => {
      const file = join(sheets.dir, 'claim2.json');
      writeFileSync(file, JSON.stringify({ issue: 'non_quality', condition: 'used', delivered_on: '2025-03-01', claim_on: '2025-03-10' }));
      const r = await run(['explain', 'elegoo', '--claim', file, '--fact', 'claim_on=2025-03-20', '--format', 'json', '--sheets', sheets.root]);
      expect(JSON.parse(r.out).decision.as_of).toBe('2025-03-20');
    });
  });

  describe('when the brand does not compile', () => {
    it('prints the problems and exits 1', async () => {
      const r = await run(['explain', 'elegoo', ...OPEN_BOX, '--sheets', broken.root]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('elegoo/non-quality.csv:3:E');
      expect(r.err).toContain('elegoo does not compile');
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['explain'], 'usage: policy explain <brand>'],
      [['explain', 'elegoo'], 'give the claim: --claim claim.json'],
      [['explain', 'acme', '--fact', 'issue=non_quality'], 'unknown brand acme'],
      [['explain', 'elegoo', '--colour', 'red'], '--colour: "colour" is not a fact of elegoo'],
      [['explain', 'elegoo', '--fact', 'issue=broken_screen'], 'claim.issue: expected one of quality_defect'],
      [['explain', 'elegoo', '--water_damage', 'maybe'], '--water_damage: "maybe" is not true or false'],
      [['explain', 'elegoo', '--fact', 'delivered_on=2025-03-10', '--fact', 'claim_on=2025-03-01'], 'claim.claim_on: claim_on (2025-03-01) is before delivered_on (2025-03-10)'],
      [['explain', 'elegoo', '--fact', 'issue=non_quality', '--lang', 'xx'], '--lang xx: elegoo speaks en, de, fr'],
      [['explain', 'elegoo', '--fact', 'issue=non_quality', '--as-of', '2025-02-30'], '--as-of 2025-02-30 is not a date'],
      [['explain', 'elegoo', '--claim', '/nonexistent/claim.json'], 'cannot read /nonexistent/claim.json'],
    ])('%j exits 2 and says what was expected', async (argv, message) => {
      const r = await run([...argv, '--sheets', sheets.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    });
  });
});
