// The badge's summary assumes a product bought today: only the dates windows count from are set.

import { describe, expect, it } from 'vitest';
import { compileOrThrow, tinyBrand } from '../../test/support/tiny-brand.js';
import { summarizeCoverage } from './summarize-coverage.js';

/** A warranty of 12 months, or 3 for a part that was itself supplied as a repair part (a brand-only date). */
const policy = compileOrThrow(
  tinyBrand({
    files: {
      'facts.csv':
        'fact,type,values,not_before,description,label_en,label_de\nsupplied_as_repair_part_on,date,,,the part was supplied as a repair part on this day,repair part supply date,Lieferdatum des Ersatzteils\n',
      'windows.csv':
        'window,length,unit,counts_from,checked_against,label,label_de,badge\nreturn_window,14,days,delivered_on|purchased_on,claim_on,{length}-day returns,{length} Tage Rückgabe,yes\nwarranty,warranty_months,months,delivered_on|purchased_on,claim_on,{length}-month warranty,{length} Monate Garantie,yes\n',
      'lengths.csv': 'U,supplied_as_repair_part_on,> warranty_months\nNew product,null,12\nRepair part,not(null),3\n',
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
});
