// "A German answer contains no English label": every brand found in policy-sheets/ answers each of
// its editors' case claims — and the coverage summary for each product line and part they name — in
// each of its languages other than English, and no word a customer reads equals the English one.
// Words that are the same in both languages by design are listed below, each with its reason.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompiledPolicy, CoverageSummary, Decision } from '../contract.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import { summarizeCoverage } from '../evaluate/summarize-coverage.js';
import { compileBrand } from './compile-brands.js';
import { listBrands } from './read-sheets.js';

const SHEETS = fileURLToPath(new URL('../../policy-sheets', import.meta.url));

/** Texts that are the same in English and another language by design (brand and product names, units). */
const IDENTICAL_BY_DESIGN = new Set<string>(['PTFE']);

/** Every text a customer reads in a decision, by where it sits, e.g. `remedies[refund].label`. */
function decisionTexts(d: Decision): Map<string, string> {
  const texts = new Map<string, string>([['summary', d.summary]]);
  for (const r of d.remedies) {
    const at = `remedies[${r.remedy}]`;
    texts.set(`${at}.label`, r.label).set(`${at}.status_label`, r.status_label).set(`${at}.summary`, r.summary);
    for (const reason of r.reasons) texts.set(`${at}.reasons[${reason.code}]`, reason.message);
    for (const [field, text] of Object.entries(r.fees_labels)) texts.set(`${at}.fees_labels.${field}`, text);
    for (const [i, code] of r.required_evidence.entries()) texts.set(`${at}.required_evidence_labels[${code}]`, r.required_evidence_labels[i]!);
  }
  for (const w of d.windows) texts.set(`windows[${w.window}].label`, w.label);
  return texts;
}

function coverageTexts(c: CoverageSummary): Map<string, string> {
  const texts = new Map<string, string>([['headline', c.headline]]);
  for (const w of c.windows) {
    texts.set(`windows[${w.window}].label`, w.label);
    for (const [i, label] of w.counts_from_labels.entries()) texts.set(`windows[${w.window}].counts_from_labels[${i}]`, label);
  }
  for (const r of c.remedies) {
    texts.set(`remedies[${r.remedy}].label`, r.label);
    if (r.description) texts.set(`remedies[${r.remedy}].description`, r.description);
    for (const [i, label] of r.terms_labels.entries()) texts.set(`remedies[${r.remedy}].terms_labels[${i}]`, label);
  }
  for (const e of c.exclusions) texts.set(`exclusions[${e.code}]`, e.message);
  return texts;
}

/** Places where the localized text equals the English one (empty texts say nothing either way). */
function stillEnglish(english: Map<string, string>, localized: Map<string, string>, where: string): string[] {
  return [...localized].flatMap(([path, text]) =>
    text !== '' && text === english.get(path) && !IDENTICAL_BY_DESIGN.has(text) ? [`${where} ${path}: "${text}"`] : [],
  );
}

const brands = listBrands(SHEETS).map((brand) => compileBrand(SHEETS, brand, true));

describe.each(brands.map((b) => ({ brand: b.brand, outcome: b })))('$brand answers in each of its languages', ({ outcome }) => {
  const policy = outcome.policy as CompiledPolicy;
  const others = policy ? policy.locales.filter((l) => l !== 'en') : [];

  it('compiles, speaks English and at least one other language', () => {
    expect(outcome.issues).toEqual([]);
    expect(policy.locales).toContain('en');
    expect(others.length).toBeGreaterThan(0);
  });

  it.each(others)('in %s: no remedy, window, status, reason, fee, payer, evidence or summary text of any case is the English one', (locale) => {
    const found: string[] = [];
    let compared = 0;
    for (const c of outcome.cases) {
      const asOf = typeof c.claim[policy.claimDate] === 'string' ? (c.claim[policy.claimDate] as string) : '2025-01-01';
      const english = evaluateClaim(policy, c.claim, asOf, { locale: 'en' });
      const localized = evaluateClaim(policy, c.claim, asOf, { locale });
      expect(localized.locale).toBe(locale);
      const texts = decisionTexts(localized);
      compared += texts.size;
      found.push(...stillEnglish(decisionTexts(english), texts, `case "${c.name}" (${c.sheet}:${c.row})`));
    }
    expect(outcome.cases.length).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(outcome.cases.length);
    expect(found).toEqual([]);
  });

  it.each(others)('in %s: the coverage summary of every product line and part its cases name has no English text', (locale) => {
    const queries = new Map<string, { product_line?: string; part?: string }>([['{}', {}]]);
    for (const { claim } of outcome.cases) {
      const query = {
        ...(typeof claim.product_line === 'string' ? { product_line: claim.product_line } : {}),
        ...(typeof claim.part === 'string' ? { part: claim.part } : {}),
      };
      queries.set(JSON.stringify(query), query);
    }
    const found = [...queries.values()].flatMap((query) =>
      stillEnglish(
        coverageTexts(summarizeCoverage(policy, { ...query, locale: 'en' }, '2025-06-01')),
        coverageTexts(summarizeCoverage(policy, { ...query, locale }, '2025-06-01')),
        `coverage ${JSON.stringify(query)}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
