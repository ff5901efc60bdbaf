// The pre-purchase summary a checkout badge shows: the brand's windows with their lengths for a
// product line and part ("14-day returns · 24-month warranty"), what each remedy can involve, and
// the exclusions in the customer's language. Derived from the same compiled policy as decisions.

import type { CompiledPolicy, CoverageExclusion, CoverageRemedy, CoverageSummary } from '../contract.js';
import { evaluateClaim } from './evaluate-claim.js';
import { preparePolicy } from './prepare-policy.js';
import { everyEffect } from './rule-effects.js';
import { wordingFor } from './wording.js';

export interface CoverageQuery {
  product_line?: string;
  part?: string;
  locale?: string;
}

/**
 * What a summary takes from the policy whatever the query — the remedies' terms, the exclusions, the
 * badge windows — built once per policy version: every storefront page view asks for a summary, and
 * walking every rule's effects for each one cost 10–20× deciding the probe claim (BENCHMARKS.md).
 */
interface CoverageBasis {
  /** Each remedy's terms: fee field → the values rows granting it can give. */
  terms: Record<string, (string | number)[]>[];
  /** Locale → the remedies worded in it (built the first time a summary asks for that locale). */
  remedies: Map<string, CoverageRemedy[]>;
  /** Refusal codes, grouped by kind in the order of the `reason_kind` words; those without a kind last. */
  exclusions: string[];
  countsFrom: Map<string, string[]>;
  badge: Set<string>;
  /** The dates a window counts from (its first event) or is checked against: the probe's "today". */
  assumedDates: string[];
  /** Date fact → locale → its label, for the events windows count from. */
  dateLabels: Map<string, Record<string, string>>;
}

const bases = new WeakMap<CompiledPolicy, CoverageBasis>();

function valuesOf(fields: Record<string, Set<string | number>>, field: string): Set<string | number> {
  let values = fields[field];
  if (values === undefined) {
    values = new Set();
    fields[field] = values;
  }
  return values;
}

/** Fee values any rule granting a remedy can attach to it, and the codes of every refusal. */
function coverageBasis(policy: CompiledPolicy): CoverageBasis {
  const held = bases.get(policy);
  if (held) return held;
  const terms = new Map<string, Record<string, Set<string | number>>>(policy.remedies.map((r) => [r.name, {}]));
  const exclusions = new Set<string>();
  for (const effect of everyEffect(preparePolicy(policy))) {
    if (effect.verdict === 'ineligible') {
      for (const code of effect.reasons) exclusions.add(code);
      continue;
    }
    const fields = terms.get(effect.remedy);
    if (!fields) continue;
    for (const { field, constant } of effect.fees) if (constant !== null) valuesOf(fields, field).add(constant);
  }
  exclusions.delete('window_expired');
  exclusions.delete('not_applicable');
  const basis: CoverageBasis = {
    terms: policy.remedies.map((r) => Object.fromEntries(Object.entries(terms.get(r.name)!).map(([field, values]) => [field, [...values]]))),
    remedies: new Map(),
    exclusions: groupedByKind(policy, [...exclusions]),
    countsFrom: new Map(policy.windows.map((w) => [w.name, w.countsFrom])),
    badge: new Set(policy.windows.filter((w) => w.badge).map((w) => w.name)),
    assumedDates: [...new Set([policy.claimDate, ...policy.windows.flatMap((w) => [w.countsFrom[0]!, w.checkedAgainst])])],
    dateLabels: new Map(policy.facts.flatMap((f) => (f.labels ? [[f.name, f.labels] as const] : []))),
  };
  bases.set(policy, basis);
  return basis;
}

/** Codes grouped by their kind (a stable sort): the badge shows each kind under one title. */
function groupedByKind(policy: CompiledPolicy, codes: string[]): string[] {
  const order = Object.keys(policy.words?.reason_kind ?? {});
  const rank = (code: string) => {
    const kind = policy.reasonKinds?.[code];
    return kind && order.includes(kind) ? order.indexOf(kind) : order.length;
  };
  return codes
    .map((code, i) => ({ code, i, rank: rank(code) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((c) => c.code);
}

function exclusionIn(policy: CompiledPolicy, code: string, locale: string): CoverageExclusion {
  const inLocale = (texts: Record<string, string> | undefined) => texts?.[locale] ?? texts?.[policy.defaultLocale];
  const kind = policy.reasonKinds?.[code] ?? null;
  return {
    code,
    message: inLocale(policy.messages[code]) ?? code,
    kind,
    kind_label: kind ? (inLocale(policy.words?.reason_kind?.[kind]) ?? kind) : null,
  };
}

/** The remedies with their labels, descriptions and terms in one locale (terms as the sheets' sentences). */
function remediesIn(policy: CompiledPolicy, basis: CoverageBasis, locale: string): CoverageRemedy[] {
  const held = basis.remedies.get(locale);
  if (held) return held;
  const prepared = preparePolicy(policy);
  const wording = wordingFor(prepared, Math.max(0, prepared.locales.indexOf(locale)));
  const remedies = policy.remedies.map((r, i): CoverageRemedy => {
    const description = r.descriptions?.[locale] ?? r.description;
    const terms = basis.terms[i]!;
    return {
      remedy: r.name,
      label: wording.remedyLabels[i]!,
      ...(description ? { description } : {}),
      terms,
      terms_labels: Object.entries(terms)
        .sort(([a], [b]) => wording.words.feeRank(a) - wording.words.feeRank(b))
        .flatMap(([field, values]) => wording.words.feeTerms(field, values) ?? []),
    };
  });
  basis.remedies.set(locale, remedies);
  return remedies;
}

/** Read-only: the remedies' terms are shared by every summary of the policy version. */
export function summarizeCoverage(policy: CompiledPolicy, query: CoverageQuery, today: string): CoverageSummary {
  const basis = coverageBasis(policy);
  // A probe claim delivered and claimed today resolves the lengths that depend on product and part.
  // Only the dates windows count from are assumed: any other date (a part supplied as a repair part
  // on …) has not happened to a product not yet bought, and assuming it would change the terms.
  const probe: Record<string, unknown> = {};
  for (const name of basis.assumedDates) probe[name] = today;
  if (query.product_line) probe.product_line = query.product_line;
  if (query.part) probe.part = query.part;
  const decision = evaluateClaim(policy, probe, today, { locale: query.locale });
  const inLocale = (texts: Record<string, string> | undefined) => texts?.[decision.locale] ?? texts?.[policy.defaultLocale];
  const labelOf = (fact: string) => inLocale(basis.dateLabels.get(fact));
  const noWarranty = inLocale(policy.words?.coverage?.no_warranty);
  const windows = decision.windows.map((w) => {
    const countsFrom = basis.countsFrom.get(w.window)!;
    const badge = basis.badge.has(w.window);
    return {
      window: w.window,
      // A badge window of length 0 is no warranty at all: "No warranty for this part", not "0-month warranty".
      label: badge && w.length === 0 && noWarranty ? noWarranty : w.label,
      length: w.length,
      unit: w.unit,
      counts_from: countsFrom,
      counts_from_labels: countsFrom.flatMap((f) => labelOf(f) ?? []),
      badge,
    };
  });
  return {
    brand: policy.brand,
    name: policy.name,
    policy_version: policy.version,
    locale: decision.locale,
    product_line: query.product_line ?? null,
    part: query.part ?? null,
    headline: windows
      .filter((w) => w.badge && w.length !== null)
      .map((w) => w.label)
      .join(' · '),
    windows,
    remedies: remediesIn(policy, basis, decision.locale),
    exclusions: basis.exclusions.map((code) => exclusionIn(policy, code, decision.locale)),
  };
}
