import { describe, expect, it } from 'vitest';
import type { CoverageSummary } from '../contract.js';
import { describeCoverage } from './describe-coverage.js';

const summary = (over: Partial<CoverageSummary> = {}): CoverageSummary => ({
  brand: 'acme',
  name: 'ACME',
  policy_version: 'v1',
  locale: 'en',
  product_line: null,
  part: null,
  headline: '14-day returns · 24-month warranty',
  windows: [
    {
      window: 'return_window',
      label: '14-day returns',
      length: 14,
      unit: 'days',
      counts_from: ['delivered_on'],
      counts_from_labels: ['delivery date'],
      badge: true,
    },
    {
      window: 'warranty',
      label: '24-month warranty',
      length: 24,
      unit: 'months',
      counts_from: ['delivered_on', 'purchased_on'],
      counts_from_labels: ['delivery date', 'purchase date'],
      badge: true,
    },
    {
      window: 'part_warranty',
      label: '?-month warranty for this part',
      length: null,
      unit: 'months',
      counts_from: ['delivered_on'],
      counts_from_labels: ['delivery date'],
      badge: false,
    },
    {
      window: 'dispatch_window',
      label: 'dispatch within 7 days of approval',
      length: 7,
      unit: 'days',
      counts_from: ['return_approved_on'],
      counts_from_labels: [],
      badge: false,
    },
  ],
  remedies: [
    {
      remedy: 'refund',
      label: 'Refund',
      terms: { return_shipping_paid_by: ['brand', 'customer'], restocking_fee_pct: [15, 5], restocking_fee_amount: [12] },
      terms_labels: ['Return shipping is paid by ACME or by you, depending on the case.', 'Restocking fee: 5%–15%.'],
    },
    {
      remedy: 'repair',
      label: 'Free repair',
      terms: { repair_fee_paid_by: ['brand'], deductions: ['shipping_costs'] },
      terms_labels: ['ACME pays for the repair.'],
    },
  ],
  exclusions: [
    { code: 'water_damage', message: 'Liquid damage is not covered.', kind: 'damage', kind_label: 'Damage' },
    { code: 'labels_tampered', message: 'Tampered labels are not covered.', kind: 'documents', kind_label: 'Documents' },
    { code: 'hygiene_seal', message: 'Opened earbuds cannot be returned.', kind: null, kind_label: null },
  ],
  ...over,
});

describe('describeCoverage', () => {
  it('keeps the API headline', () => {
    expect(describeCoverage(summary()).headline).toBe('14-day returns · 24-month warranty');
  });

  describe('when the policy marks no window for the badge', () => {
    it('falls back to the first countable window and the warranty', () => {
      const text = describeCoverage({ ...summary({ headline: '' }), policies: [{ type: 'warranty', window: 'warranty' }] });
      expect(text.headline).toBe('14-day returns · 24-month warranty');
    });

    it('names a window once when it is also the warranty', () => {
      const text = describeCoverage({ ...summary({ headline: '' }), policies: [{ type: 'warranty', window: 'return_window' }] });
      expect(text.headline).toBe('14-day returns');
    });
  });

  it('lists the windows of known length, with the dates they count from by their vocabulary labels', () => {
    const windows = describeCoverage(summary()).sections.find((s) => s.id === 'windows')!;
    expect(windows.items.map((i) => i.text)).toEqual(['14-day returns, from the delivery date', '24-month warranty, from the delivery date or purchase date']);
  });

  it('never names a date by its fact name: a window counting from an unlabelled date is left out', () => {
    const texts = describeCoverage(summary())
      .sections.flatMap((s) => s.items.map((i) => i.text))
      .join(' ');
    expect(texts).not.toMatch(/return_approved_on|delivered_on|dispatch within/);
  });

  it("says who pays and what fees apply in the words the API gives (the brand's sheets), never from codes", () => {
    const [refund, repair] = describeCoverage(summary()).sections.find((s) => s.id === 'remedies')!.items;
    expect(refund!.notes).toEqual(['Return shipping is paid by ACME or by you, depending on the case.', 'Restocking fee: 5%–15%.']);
    expect(repair!.notes).toEqual(['ACME pays for the repair.']);
  });

  it('speaks the locale the API answered in', () => {
    const text = describeCoverage(summary({ locale: 'de' }));
    expect(text.label).toBe('ACME Garantie und Rückgabe');
    expect(text.sections.map((s) => s.title)).toEqual(['Fristen', 'Was Sie verlangen können', 'Nicht abgedeckt']);
    expect(text.sections[1]!.items[1]!.notes[0]).toBe('ACME pays for the repair.'); // as the API worded it
  });

  it('leaves out empty sections', () => {
    expect(describeCoverage(summary({ exclusions: [] })).sections.map((s) => s.id)).toEqual(['windows', 'remedies']);
  });

  it('names the date once, in the title, when every badge window counts from it', () => {
    const [windows] = describeCoverage({
      ...summary(),
      windows: summary()
        .windows.slice(0, 1)
        .concat({ ...summary().windows[0]!, window: 'warranty', label: '2-year warranty' }),
    }).sections;
    expect(windows!.title).toBe('Time limits, from the delivery date');
    expect(windows!.items.map((i) => i.text)).toEqual(['14-day returns', '2-year warranty']);
  });

  describe('for a part without warranty (a badge window of length 0)', () => {
    const none = summary({ headline: '14-day returns · No warranty for this part' });
    none.windows[1] = { ...none.windows[1]!, length: 0, label: 'No warranty for this part' };
    it('says so without "counted from", and has no check mark', () => {
      const text = describeCoverage(none);
      expect(text.noWarranty).toBe(true);
      expect(text.sections[0]!.title).toBe('Time limits, from the delivery date');
      expect(text.sections[0]!.items.map((i) => i.text)).toEqual(['14-day returns', 'No warranty for this part']);
      expect(describeCoverage(summary()).noWarranty).toBe(false);
    });
  });

  it("lists what can be asked for once bought: remedies whose time limit starts with a badge window's and is not 0", () => {
    const policies = [
      { type: 'remedy', remedy: 'refund', window: 'return_window' },
      { type: 'remedy', remedy: 'repair', window: 'dispatch_window' }, // counts from the return approval: not a shopper's question
    ];
    const remedies = describeCoverage({ ...summary(), policies }, { remedies: 'after-purchase' }).sections.find((s) => s.id === 'remedies')!;
    expect(remedies.items.map((i) => i.text)).toEqual(['Refund']);
    // Agents (get_terms) hear of every remedy.
    expect(describeCoverage({ ...summary(), policies }).sections.find((s) => s.id === 'remedies')!.items).toHaveLength(2);
  });

  it('gives each exclusion the title of its kind, in the order the API grouped them', () => {
    const exclusions = describeCoverage(summary()).sections.find((s) => s.id === 'exclusions')!;
    expect(exclusions.items.map((i) => i.group)).toEqual(['Damage', 'Documents', undefined]);
  });
});
