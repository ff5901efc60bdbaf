import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheets, NO_SUCH_BRAND, replaceInRow, run, type SheetsCopy } from './cli-fixture.js';

// Explained on the fixture brand ACME (test/fixtures/brands/acme), which the test owns.
const OPEN_BOX = [
  '--fact',
  'issue=non_quality',
  '--fact',
  'condition=opened_unused',
  '--delivered_on',
  '2025-03-01',
  '--claim_on',
  '2025-03-10',
  '--order_amount',
  '129.95',
  '--purchase_region',
  'eu',
  '--hygiene_seal_broken',
  'no',
];

describe('policy explain', () => {
  let sheets: SheetsCopy, broken: SheetsCopy;
  beforeAll(() => {
    sheets = copySheets({ fixtures: ['acme'] });
    broken = copySheets({ fixtures: ['acme'] });
    broken.edit('acme/returns.csv', (t) => replaceInRow(t, 3, ',opened_unused,', ',opened_unusd,'));
  });
  afterAll(() => {
    sheets.remove();
    broken.remove();
  });

  describe('with facts given as options', () => {
    it('shows each remedy with status, deadline and fees, and the row that decided it', async () => {
      const r = await run(['explain', 'acme', ...OPEN_BOX, '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.lines[0]).toMatch(/^ACME Audio \(acme\) · policy [0-9a-f]{16} · as of 2025-03-10 · en$/);
      const refund = r.lines.find((l) => l.startsWith('60-day returns'))!;
      expect(refund.split(/\s{2,}/)).toEqual(['60-day returns', '✓ eligible', '2025-04-30', 'restocking_fee_pct: 10', '—']);
      expect(r.out).toContain('restocking_fee_amount: 13');
      expect(r.out).toContain('▶ acme/returns.csv:3 "Opened but unused" — eligible (sets restocking_fee_pct, return_shipping_paid_by)');
      expect(r.out).toMatch(/Dead-on-arrival exchange\s+✗ ineligible/);
      expect(r.out).toContain('▶ acme/warranty.csv:4 "Not a fault" — ineligible (reason not_quality_issue)');
      expect(r.out).toMatch(/return_window\s+60-day returns\s+2025-03-01\s+2025-04-30\s+open/);
      expect(r.out).not.toContain('Trace');
    });

    it('lists every table consulted and the rows it matched with --trace', async () => {
      const r = await run(['explain', 'acme', ...OPEN_BOX, '--trace', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Trace — every table consulted, in evaluation order:');
      expect(r.out).toMatch(/acme\/models\.csv \(hit policy F\) → warranty_years=1\n\s+acme\/models\.csv:3 "Every other model"/);
      expect(r.out).toMatch(/acme\/exclusions\.csv \(hit policy C\)\n\s+no row matched/);
    });

    it('answers in the brand language asked for with --lang', async () => {
      const r = await run(['explain', 'acme', ...OPEN_BOX, '--lang', 'de', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.lines[0]).toMatch(/· de$/);
    });
  });

  describe('with a claim file', () => {
    it('reads an API request body and gives the decision as JSON', async () => {
      const file = join(sheets.dir, 'claim.json');
      writeFileSync(
        file,
        JSON.stringify({
          brand: 'acme',
          claim: { issue: 'non_quality', condition: 'used', delivered_on: '2025-03-01', claim_on: '2025-03-10', purchase_region: 'eu' },
        }),
      );
      const r = await run(['explain', 'acme', '--claim', file, '--format', 'json', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      const { decision, explanation } = JSON.parse(r.out);
      expect(decision.trace).toBeUndefined();
      const refund = explanation.remedies.find((x: { remedy: string }) => x.remedy === 'refund');
      expect(refund).toMatchObject({ status: 'ineligible', reasons: [{ code: 'used_product' }] });
      expect(refund.rows).toContainEqual(expect.objectContaining({ source: 'acme/returns.csv:5', verdict: 'ineligible', decisive: true }));
    });

    it('lets a --fact override the file', async () => {
      const file = join(sheets.dir, 'claim2.json');
      writeFileSync(file, JSON.stringify({ issue: 'non_quality', condition: 'used', delivered_on: '2025-03-01', claim_on: '2025-03-10' }));
      const r = await run(['explain', 'acme', '--claim', file, '--fact', 'claim_on=2025-03-20', '--format', 'json', '--sheets', sheets.root]);
      expect(JSON.parse(r.out).decision.as_of).toBe('2025-03-20');
    });
  });

  describe('when the brand does not compile', () => {
    it('prints the problems and exits 1', async () => {
      const r = await run(['explain', 'acme', ...OPEN_BOX, '--sheets', broken.root]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('acme/returns.csv:3:C');
      expect(r.err).toContain('acme does not compile');
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [['explain'], 'usage: policy explain <brand>'],
      [['explain', 'acme'], 'give the claim: --claim claim.json'],
      [['explain', NO_SUCH_BRAND, '--fact', 'issue=non_quality'], `unknown brand ${NO_SUCH_BRAND}`],
      [['explain', 'acme', '--colour', 'red'], '--colour: "colour" is not a fact of acme'],
      [['explain', 'acme', '--fact', 'issue=broken_screen'], 'claim.issue: expected one of quality_defect'],
      [['explain', 'acme', '--water_damage', 'maybe'], '--water_damage: "maybe" is not true or false'],
      [
        ['explain', 'acme', '--fact', 'delivered_on=2025-03-10', '--fact', 'claim_on=2025-03-01'],
        'claim.claim_on: claim_on (2025-03-01) is before delivered_on (2025-03-10)',
      ],
      [['explain', 'acme', '--fact', 'issue=non_quality', '--lang', 'xx'], '--lang xx: acme speaks en, de'],
      [['explain', 'acme', '--fact', 'issue=non_quality', '--as-of', '2025-02-30'], '--as-of 2025-02-30 is not a date'],
      [['explain', 'acme', '--claim', '/nonexistent/claim.json'], 'cannot read /nonexistent/claim.json'],
    ])('%j exits 2 and says what was expected', async (argv, message) => {
      const r = await run([...argv, '--sheets', sheets.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    });
  });
});
