// A coverage summary in plain words for the badge: the one-line headline and the detail sections
// (the badge's time limits, what the customer can ask for and at what terms, exclusions grouped by
// kind). Pure: no DOM, no fetch. Policy wording — labels, who pays, fees, exclusions and their
// group titles, "no warranty" — comes localized from the API (the brand's sheets).

import type { CoverageSummary } from '../contract.js';
import { stringsFor } from './widget-strings.js';

/** The coverage route's answer: the summary plus machine-readable terms (functions/coverage-terms.ts). */
export type CoverageResponse = CoverageSummary & { policies?: { type: string; remedy?: string | null; window: string | null }[] };

export interface DetailItem {
  text: string;
  notes: string[];
  /** The title of the item's group (an exclusion's kind, "Damage"); absent when ungrouped. */
  group?: string;
}
export interface DetailSection {
  id: string;
  title: string;
  items: DetailItem[];
}
export interface CoverageText {
  headline: string;
  label: string;
  /** A badge window of length 0: the part has no warranty, so the badge shows no check mark. */
  noWarranty: boolean;
  sections: DetailSection[];
}

type Window = CoverageSummary['windows'][number];

/** Without `badge` windows in the policy: its first window a buyer can count, then its warranty. */
function fallbackHeadline(summary: CoverageResponse, known: readonly Window[]): string {
  const warranty = summary.policies?.find((p) => p.type === 'warranty')?.window;
  const picked = new Set([known[0], known.find((w) => w.window === warranty)]);
  return [...picked].flatMap((w) => (w ? [w.label] : [])).join(' · ');
}

/**
 * What a shopper can ask for once the product is theirs: the remedies with a time limit of known,
 * non-zero length that starts when a badge window does (a refund within 14 days of delivery, a free
 * repair within 24 months) — not those about an order (a cancellation, a parcel that never arrived)
 * nor a paid repair.
 */
function remediesAfterPurchase(summary: CoverageResponse, badgeStarts: ReadonlySet<string>): CoverageSummary['remedies'] {
  if (!summary.policies) return summary.remedies;
  const windows = new Map(summary.windows.map((w) => [w.window, w]));
  const windowOf = new Map(summary.policies.flatMap((p) => (p.remedy ? [[p.remedy, windows.get(p.window ?? '')] as const] : [])));
  return summary.remedies.filter((r) => {
    const w = windowOf.get(r.remedy);
    return !!w && typeof w.length === 'number' && w.length > 0 && badgeStarts.has(w.counts_from[0] ?? '');
  });
}

/**
 * `remedies: 'after-purchase'` (the badge) lists only what a shopper can ask for once the product is
 * theirs; 'all' (the default: agents, get_terms) lists every remedy the brand defines.
 */
export function describeCoverage(summary: CoverageResponse, options: { remedies?: 'all' | 'after-purchase' } = {}): CoverageText {
  const s = stringsFor(summary.locale);
  // Windows of known length that count from a date customers have a name for (the vocabulary's label).
  const known = summary.windows.filter((w) => w.length !== null && w.counts_from_labels.length > 0);
  const headline = summary.headline || fallbackHeadline(summary, known);
  const badgeWindows = known.filter((w) => w.badge !== false);
  const none = (w: Window) => w.badge && w.length === 0;
  const countedFrom = (w: Window) => s.countedFrom(w.counts_from_labels.join(` ${s.or} `));
  // Windows that all count from the same dates say so once, in the title ("No warranty" counts from nothing).
  const starts = new Set(badgeWindows.filter((w) => !none(w)).map(countedFrom));
  const shared = starts.size === 1 ? [...starts][0] : undefined;
  const windows = badgeWindows.map((w) => ({ text: shared || none(w) ? w.label : `${w.label}, ${countedFrom(w)}`, notes: [] }));
  // Who pays and what it costs, as the brand's sheets word it in this locale (words.csv).
  const badgeStarts = new Set(badgeWindows.map((w) => w.counts_from[0] ?? ''));
  const listed = options.remedies === 'after-purchase' ? remediesAfterPurchase(summary, badgeStarts) : summary.remedies;
  const remedies = listed.map((r) => ({ text: r.label, notes: r.terms_labels ?? [] }));
  const exclusions = summary.exclusions.map((e) => ({ text: e.message, notes: [], ...(e.kind_label ? { group: e.kind_label } : {}) }));
  const sections = [
    { id: 'windows', title: shared ? `${s.windows}, ${shared}` : s.windows, items: windows },
    { id: 'remedies', title: s.remedies, items: remedies },
    { id: 'exclusions', title: s.exclusions, items: exclusions },
  ].filter((section) => section.items.length > 0);
  return { headline, label: `${summary.name} ${s.title}`, noWarranty: summary.windows.some(none), sections };
}
