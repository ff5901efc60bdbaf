// Plain summaries, read as a customer would: the tiny brand's templates (test/support/tiny-brand.ts,
// _shared words.csv) filled in per locale, with dates, amounts and lists formatted for it (Intl puts
// a no-break space, \u00a0, between a number and its % or € where the language wants one).

import { describe, expect, it } from 'vitest';
import { compileOrThrow, TINY_SHARED, tinyBrand } from '../../test/support/tiny-brand.js';
import type { Claim, CompiledPolicy, Decision } from '../contract.js';
import { evaluateClaim } from './evaluate-claim.js';
import { summarizeCoverage } from './summarize-coverage.js';

const tiny = compileOrThrow(tinyBrand());
const decide = (claim: Claim, locale: string, policy: CompiledPolicy = tiny): Decision => evaluateClaim(policy, claim, '2025-03-10', { locale });
const remedy = (d: Decision, name: string) => d.remedies.find((r) => r.remedy === name)!;

const OPENED_RETURN = { issue: 'non_quality', condition: 'opened_unused', delivered_on: '2025-03-01', claim_on: '2025-03-10', order_amount: 100 };
const WATER_DAMAGE = { issue: 'quality_defect', condition: 'used', water_damage: true, delivered_on: '2026-01-10', claim_on: '2026-03-10' };
const DEFECT = { issue: 'quality_defect', condition: 'used', delivered_on: '2025-03-01', claim_on: '2025-03-10' };

describe('summaries of a decision', () => {
  describe('for a remedy the customer can have', () => {
    it('says what, until when, what it costs, who pays shipping and what to send', () => {
      expect(remedy(decide(OPENED_RETURN, 'en'), 'refund').summary).toBe(
        '14-day returns — available. 14-day returns: until 15 Mar 2025. Restocking fee: 15%. Restocking fee charged: €15.00. You pay the return shipping. What to send: receipt.',
      );
    });

    it('says it in German with German dates, amounts and lists', () => {
      expect(remedy(decide(OPENED_RETURN, 'de'), 'refund').summary).toBe(
        '14 Tage Rückgabe — möglich. 14 Tage Rückgabe: bis zum 15. März 2025. Wiedereinlagerungsgebühr: 15\u00a0%. Einbehaltene Wiedereinlagerungsgebühr: 15,00\u00a0€. Sie tragen die Kosten für den Rückversand. Bitte einreichen: Kassenbon.',
      );
      expect(remedy(decide(DEFECT, 'de'), 'replace').summary).toBe(
        'Ersatz — möglich. 14 Tage Rückgabe: bis zum 15. März 2025. Tiny Audio trägt die Reparaturkosten. Bitte einreichen: Kassenbon und Foto des Fehlers.',
      );
    });

    it('words each fee and payer as a whole sentence of the sheets, and the evidence by its label', () => {
      const refund = remedy(decide(OPENED_RETURN, 'de'), 'refund');
      expect(refund.fees_labels).toEqual({
        restocking_fee_pct: 'Wiedereinlagerungsgebühr: 15\u00a0%.',
        restocking_fee_amount: 'Einbehaltene Wiedereinlagerungsgebühr: 15,00\u00a0€.',
        return_shipping_paid_by: 'Sie tragen die Kosten für den Rückversand.',
      });
      expect(refund.required_evidence_labels).toEqual(['Kassenbon']);
      expect(refund.status_label).toBe('möglich');
    });
  });

  describe('for a refused remedy', () => {
    it('reads as people say it: not available, why, and when its time limit runs', () => {
      const d = decide(WATER_DAMAGE, 'en');
      expect(remedy(d, 'repair').summary).toBe('Warranty repair — not available: Water damage is not covered. 1-year warranty: until 10 Jan 2027.');
      expect(remedy(d, 'refund').summary).toBe('14-day returns — not available: The time limit has passed. 14-day returns: ended on 24 Jan 2026.');
    });

    it('names no time limit for a remedy that does not answer the request', () => {
      expect(remedy(decide(DEFECT, 'en'), 'refund').summary).toBe('14-day returns — not available: This option does not apply.');
    });
  });

  describe('for the whole decision', () => {
    it('lists what the customer can ask for, with each deadline', () => {
      expect(decide(DEFECT, 'en').summary).toBe('You can ask for Replacement (until 15 Mar 2025) or Warranty repair (until 1 Mar 2026).');
      expect(decide(DEFECT, 'de').summary).toBe(
        'Sie können Folgendes beantragen: Ersatz (bis zum 15. März 2025) oder Garantiereparatur (bis zum 1. März 2026).',
      );
    });

    it('with nothing available, says so and gives the refusals’ reasons once each', () => {
      expect(decide(WATER_DAMAGE, 'en').summary).toBe('Nothing is available for this request. The time limit has passed. Water damage is not covered.');
    });

    it('names what the brand reviews', () => {
      const reviewed = compileOrThrow(tinyBrand({ files: { 'review.csv': 'C,issue,> repair,> reason\nReview,quality_defect,review,brand_discretion\n' } }));
      expect(decide(DEFECT, 'en', reviewed).summary).toBe(
        'You can ask for Replacement (until 15 Mar 2025). Tiny Audio decides case by case on Warranty repair (until 1 Mar 2026).',
      );
    });
  });

  it('takes a brand’s own words over the shared ones', () => {
    const own = compileOrThrow(
      tinyBrand({
        files: {
          'words.csv':
            'kind,code,en,de\nstatus,ineligible,not possible,ausgeschlossen\nsummary,window_open,The {window} runs until {deadline}.,Die Frist ({window}) läuft bis zum {deadline}.\n',
        },
      }),
    );
    expect(remedy(decide(WATER_DAMAGE, 'en', own), 'repair').summary).toBe(
      'Warranty repair — not possible: Water damage is not covered. The 1-year warranty runs until 10 Jan 2027.',
    );
    expect(remedy(decide(WATER_DAMAGE, 'de', own), 'repair').status_label).toBe('ausgeschlossen');
  });

  it('formats dates with the locale the sheets name (format,dates), else the locale itself', () => {
    const american = compileOrThrow(tinyBrand({ shared: { 'words.csv': TINY_SHARED['words.csv']!.replace('format,dates,en-GB,de-DE\n', '') } }));
    expect(remedy(decide(WATER_DAMAGE, 'en', american), 'repair').summary).toContain('until Jan 10, 2027.');
  });

  it('answers a policy compiled before words existed (format 2) with its one label and no summary', () => {
    const { words: _words, ...old } = tiny;
    const format2: CompiledPolicy = {
      ...old,
      formatVersion: 2,
      remedies: tiny.remedies.map(({ labels: _l, descriptions: _d, ...r }) => r),
      windows: tiny.windows.map(({ labels: _l, ...w }) => w),
    };
    const d = decide(WATER_DAMAGE, 'de', format2);
    expect(remedy(d, 'repair')).toMatchObject({ label: 'Warranty repair', status_label: 'ineligible', summary: '' });
    expect(d.summary).toBe('');
    expect(remedy(d, 'repair').reasons[0]!.message).toBe('Wasserschäden sind nicht abgedeckt.');
  });

  it('words the coverage summary’s terms from the sheets too', () => {
    const refund = summarizeCoverage(tiny, { locale: 'de' }, '2025-03-10').remedies.find((r) => r.remedy === 'refund')!;
    expect(refund).toMatchObject({ label: '14 Tage Rückgabe', description: 'Geld zurück' });
    // In the order of fees.csv, as the decision's summary lists them.
    expect(refund.terms_labels).toEqual(['Wiedereinlagerungsgebühr: 15\u00a0%.', 'Sie tragen die Kosten für den Rückversand.']);
  });
});
