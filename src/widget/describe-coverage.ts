// A coverage summary in plain words for the badge: the one-line headline and the detail sections
// (time limits, what the customer can ask for and who pays, exclusions). Pure: no DOM, no fetch.
// Policy wording — labels, who pays, fees, exclusions — comes localized from the API.

import type { CoverageSummary } from '../contract.js';
import { stringsFor } from './widget-strings.js';

/** The coverage route's answer: the summary plus machine-readable terms (functions/coverage-terms.ts). */
export type CoverageResponse = CoverageSummary & { policies?: { type: string; window: string | null }[] };

export interface DetailItem {
  text: string;
  notes: string[];
}
export interface DetailSection {
  id: string;
  title: string;
  items: DetailItem[];
}
export interface CoverageText {
  headline: string;
  label: string;
  sections: DetailSection[];
}

/** Without `badge` windows in the policy: its first window a buyer can count, then its warranty. */
function fallbackHeadline(summary: CoverageResponse, known: CoverageSummary['windows']): string {
  const warranty = summary.policies?.find((p) => p.type === 'warranty')?.window;
  const picked = new Set([known[0], known.find((w) => w.window === warranty)]);
  return [...picked].flatMap((w) => (w ? [w.label] : [])).join(' · ');
}

export function describeCoverage(summary: CoverageResponse): CoverageText {
  const s = stringsFor(summary.locale);
  // Windows of known length that count from a date customers have a name for (the vocabulary's label).
  const known = summary.windows.filter((w) => w.length !== null && w.counts_from_labels.length > 0);
  const headline = summary.headline || fallbackHeadline(summary, known);
  const windows = known.map((w) => ({ text: `${w.label}, ${s.countedFrom(w.counts_from_labels.join(` ${s.or} `))}`, notes: [] }));
  // Who pays and what it costs, as the brand's sheets word it in this locale (words.csv).
  const remedies = summary.remedies.map((r) => ({ text: r.label, notes: r.terms_labels ?? [] }));
  const exclusions = summary.exclusions.map((e) => ({ text: e.message, notes: [] }));
  const sections = [
    { id: 'windows', title: s.windows, items: windows },
    { id: 'remedies', title: s.remedies, items: remedies },
    { id: 'exclusions', title: s.exclusions, items: exclusions },
  ].filter((section) => section.items.length > 0);
  return { headline, label: `${summary.name} ${s.title}`, sections };
}
