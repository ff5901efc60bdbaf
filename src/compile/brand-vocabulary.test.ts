// Per-brand vocabulary: a compiled policy carries exactly the facts its own sheets read or name, with
// the brand's own enum values and labels, so nothing one brand adds to the vocabulary reaches another.

import { describe, expect, it } from 'vitest';
import { compileOrThrow, type Sheets, TINY_SHARED, tinyBrand } from '../../test/support/tiny-brand.js';
import type { CompiledPolicy } from '../contract.js';
import { checkClaim } from '../evaluate/check-claim.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';

/** The shared vocabulary with `part` (values left to each brand) and a label on delivered_on. */
const SHARED: Sheets = {
  'facts.csv': `${TINY_SHARED['facts.csv']!.replace('label_en,label_de', 'label_en,label_de,label_fr')
    .replace('delivery date,Lieferdatum', 'delivery date,Lieferdatum,date de livraison')
    .replace('delivered_on,date,,purchased_on,', 'delivered_on,date,,"purchased_on, shipped_on",')}part,enum,,,the item claimed,part,Teil,pièce
battery_swelled,boolean,,,the battery swelled,battery swelled,Akku aufgebläht,batterie gonflée
shipped_on,date,,,the order left the warehouse,shipping date,Versanddatum,date d'expédition
`,
  // The shared part leaves its values to each brand: _shared/values.csv words every brand's parts.
  'values.csv': `${TINY_SHARED['values.csv']}part,headphones,headphones,Kopfhörer
part,ear_pads,ear pads,Ohrpolster
part,watch,watch,Uhr
part,strap,strap,Armband
`,
};

/** A table reading `part`: the headphones themselves get two years, ear pads none. */
const PARTS_TABLE =
  'U,part,> repair,> reason\nHeadphones,headphones,√,\nEar pads,ear_pads,×,"""not_quality_issue"""\nNot given,null,review,"""brand_discretion"""\n';

const brand = (name: string, facts: string, tables: Sheets = { 'parts.csv': PARTS_TABLE }, shared: Sheets = SHARED): CompiledPolicy =>
  compileOrThrow(tinyBrand({ brand: name, shared, files: { 'policy.csv': `key,value\nbrand,${name}\nlocales,"en, de"\n`, 'facts.csv': facts, ...tables } }));

const fact = (policy: CompiledPolicy, name: string) => policy.facts.find((f) => f.name === name);

describe('per-brand vocabulary', () => {
  const audio = brand('audio', 'fact,type,values\npart,,"headphones, ear_pads"\n');
  const watches = brand('watches', 'fact,type,values\npart,,"watch, strap"\n', {
    'parts.csv': 'U,part,> repair,> reason\nWatch,watch,√,\nStrap,strap,×,"""not_quality_issue"""\nNot given,null,review,"""brand_discretion"""\n',
  });

  it("adds a brand's own values to a shared enum, for that brand only", () => {
    expect(fact(audio, 'part')?.values).toEqual(['headphones', 'ear_pads']);
    expect(fact(watches, 'part')?.values).toEqual(['watch', 'strap']);
  });

  it('refuses a claim naming another brand’s value, as the API does', () => {
    const checked = checkClaim(watches.facts, { part: 'headphones' });
    expect(checked.ok ? [] : checked.problems.map((p) => p.path)).toEqual(['claim.part']);
  });

  it('carries only the facts its sheets read or name: no shared fact only others use', () => {
    expect(fact(audio, 'battery_swelled')).toBeUndefined();
    expect(checkClaim(audio.facts, { battery_swelled: true }).ok).toBe(false);
    const named = brand('named', 'fact,type,values\npart,,"headphones, ear_pads"\nbattery_swelled,,\n');
    expect(fact(named, 'battery_swelled')?.type).toBe('boolean');
  });

  it('keeps labels in its own locales only', () => {
    expect(fact(audio, 'delivered_on')?.labels).toEqual({ en: 'delivery date', de: 'Lieferdatum' });
  });

  it('keeps only the not_before dates in the brand’s vocabulary', () => {
    const noShipping = brand('ns', 'fact,type,values\npart,,headphones\n', {
      'parts.csv': 'U,part,> repair,> reason\nHeadphones,headphones,√,\nOther,not(headphones),×,"""not_quality_issue"""\n',
      'windows.csv':
        'window,length,unit,counts_from,checked_against,label,label_de\nreturn_window,14,days,delivered_on,claim_on,{length}-day returns,{length} Tage Rückgabe\nwarranty,1,years,delivered_on,claim_on,{length}-year warranty,{length} Jahr Garantie\n',
      'returns.csv': null,
      'warranty.csv': null,
      'exclusions.csv': null,
      'timing.csv': null,
    });
    expect(fact(noShipping, 'shipped_on')).toBeUndefined();
    expect(fact(noShipping, 'delivered_on')?.notBefore).toEqual(['purchased_on']);
  });

  it('keeps the order dates that select the version in force, though no table reads them', () => {
    expect(fact(audio, 'purchased_on')?.type).toBe('date');
  });

  it('carries only the fee fields its tables give', () => {
    const noFees = brand('nofees', 'fact,type,values\npart,,headphones\n', {
      'parts.csv': 'U,part,> repair,> reason\nHeadphones,headphones,√,\nOther,not(headphones),×,"""not_quality_issue"""\n',
      'returns.csv': null,
      'warranty.csv': null,
    });
    expect(noFees.fees.map((f) => f.name)).toEqual([]);
    expect(audio.fees.map((f) => f.name)).toEqual(['restocking_fee_pct', 'restocking_fee_amount', 'return_shipping_paid_by', 'repair_fee_paid_by']);
  });

  describe('when _shared/ changes', () => {
    const withShared = (facts: string) => ({ ...SHARED, 'facts.csv': facts });
    it('re-versions no brand that does not use what changed', () => {
      const edited = withShared(SHARED['facts.csv']!.replace('the battery swelled', 'the battery swelled or leaked'));
      const again = brand('audio', 'fact,type,values\npart,,"headphones, ear_pads"\n', undefined, edited);
      expect(again.version).toBe(audio.version);
    });

    it('re-versions a brand that reads the changed fact', () => {
      const edited = withShared(SHARED['facts.csv']!.replace('the item claimed', 'the item the claim is about'));
      const again = brand('audio', 'fact,type,values\npart,,"headphones, ear_pads"\n', undefined, edited);
      expect(again.version).not.toBe(audio.version);
    });
  });

  describe('value labels (values.csv)', () => {
    it('carries the labels of its own values only, in its own locales', () => {
      expect(fact(audio, 'part')?.valueLabels).toEqual({ headphones: { en: 'headphones', de: 'Kopfhörer' }, ear_pads: { en: 'ear pads', de: 'Ohrpolster' } });
      expect(fact(watches, 'part')?.valueLabels).toEqual({ watch: { en: 'watch', de: 'Uhr' }, strap: { en: 'strap', de: 'Armband' } });
      expect(fact(audio, 'condition')?.valueLabels?.opened_unused).toEqual({ en: 'opened but unused', de: 'geöffnet, aber unbenutzt' });
    });

    it('lets a brand’s values.csv override a shared label, cell by cell, for that brand only', () => {
      const own = brand('own', 'fact,type,values\npart,,"headphones, ear_pads"\n', {
        'parts.csv': PARTS_TABLE,
        'values.csv': 'fact,value,label_en,label_de\npart,ear_pads,cushions,\ncondition,used,worn,gebraucht\n',
      });
      expect(fact(own, 'part')?.valueLabels?.ear_pads).toEqual({ en: 'cushions', de: 'Ohrpolster' });
      expect(fact(own, 'condition')?.valueLabels?.used).toEqual({ en: 'worn', de: 'gebraucht' });
      expect(fact(audio, 'part')?.valueLabels?.ear_pads).toEqual({ en: 'ear pads', de: 'Ohrpolster' });
      expect(fact(audio, 'condition')?.valueLabels?.used).toEqual({ en: 'used', de: 'benutzt' });
    });

    it('re-versions no brand when a shared label of another brand’s value changes', () => {
      const edited = { ...SHARED, 'values.csv': SHARED['values.csv']!.replace('watch,Uhr', 'watch,Armbanduhr') };
      expect(brand('audio', 'fact,type,values\npart,,"headphones, ear_pads"\n', undefined, edited).version).toBe(audio.version);
    });
  });

  it('decides a brand’s own value by its own rows', () => {
    const decision = evaluateClaim(audio, { part: 'ear_pads', issue: 'quality_defect', delivered_on: '2025-01-01' }, '2025-02-01');
    expect(decision.remedies.find((r) => r.remedy === 'repair')?.status).toBe('ineligible');
  });
});
