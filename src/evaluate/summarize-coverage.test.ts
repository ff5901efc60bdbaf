// The badge's summary assumes a product bought today: only the dates windows count from are set.

import { describe, expect, it } from 'vitest';
import { compileOrThrow, TINY_SHARED, tinyBrand } from '../../test/support/tiny-brand.js';
import { summarizeCoverage } from './summarize-coverage.js';

/** The shared sheets with kinds for two reasons, their titles, and the words for no warranty. */
const shared = {
  'reasons.csv': TINY_SHARED['reasons.csv']!.replace('code,en,de', 'code,kind,en,de')
    .replace(/\n(\w+),/g, '\n$1,,')
    .replace('water_damage,,', 'water_damage,damage,')
    .replace('labels_tampered,,', 'labels_tampered,documents,'),
  'words.csv': `${TINY_SHARED['words.csv']}reason_kind,documents,Documents,Belege\nreason_kind,damage,Damage,Schäden\ncoverage,no_warranty,No warranty for this part,Keine Garantie für dieses Teil\n`,
};

/** A warranty of 12 months, or 3 for a part that was itself supplied as a repair part (a brand-only date); none for a display model. */
const policy = compileOrThrow(
  tinyBrand({
    shared,
    files: {
      'facts.csv':
        'fact,type,values,not_before,description,label_en,label_de\nsupplied_as_repair_part_on,date,,,the part was supplied as a repair part on this day,repair part supply date,Lieferdatum des Ersatzteils\n',
      'windows.csv':
        'window,length,unit,counts_from,checked_against,label,label_de,badge\nreturn_window,14,days,delivered_on|purchased_on,claim_on,{length}-day returns,{length} Tage Rückgabe,yes\nwarranty,warranty_months,months,delivered_on|purchased_on,claim_on,{length}-month warranty,{length} Monate Garantie,yes\n',
      'lengths.csv':
        'F,product_line,supplied_as_repair_part_on,> warranty_months\nDisplay model,display,-,0\nNew product,-,null,12\nRepair part,-,not(null),3\n',
    },
  }),
);

describe('summarizeCoverage', () => {
  it('does not assume a date no window counts from (a part supplied as a repair part)', () => {
    const summary = summarizeCoverage(policy, {}, '2025-06-01');
    expect(summary.windows.find((w) => w.window === 'warranty')?.length).toBe(12);
    expect(summary.headline).toBe('14-day returns · 12-month warranty');
  });

  it('names the dates windows count from by their labels in the summary’s locale', () => {
    expect(summarizeCoverage(policy, { locale: 'de' }, '2025-06-01').windows[0]?.counts_from_labels).toEqual(['Lieferdatum', 'Kaufdatum']);
    expect(summarizeCoverage(policy, { locale: 'en' }, '2025-06-01').windows[0]?.counts_from_labels).toEqual(['delivery date', 'purchase date']);
  });

  describe('for a part with no warranty (a badge window of length 0)', () => {
    it("says so in the sheets' words instead of 0 months, in the headline and the window", () => {
      const summary = summarizeCoverage(policy, { product_line: 'display', locale: 'de' }, '2025-06-01');
      expect(summary.headline).toBe('14 Tage Rückgabe · Keine Garantie für dieses Teil');
      expect(summary.windows.find((w) => w.window === 'warranty')).toMatchObject({ length: 0, badge: true, label: 'Keine Garantie für dieses Teil' });
    });
  });

  it('groups the exclusions by kind in the order of the reason_kind words, titled in the locale, those without a kind last', () => {
    const exclusions = summarizeCoverage(policy, { locale: 'de' }, '2025-06-01').exclusions;
    expect(exclusions.map((e) => [e.code, e.kind, e.kind_label])).toEqual([
      ['labels_tampered', 'documents', 'Belege'],
      ['water_damage', 'damage', 'Schäden'],
      ['used_product', null, null],
      ['not_quality_issue', null, null],
    ]);
  });
});
