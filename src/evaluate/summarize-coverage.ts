// The pre-purchase summary a checkout badge shows: the brand's windows with their lengths for a
// product line and part ("14-day returns · 24-month warranty"), what each remedy can involve, and
// the exclusions in the customer's language. Derived from the same compiled policy as decisions.

import type { CompiledPolicy, CoverageRemedy, CoverageSummary, Literal } from '../contract.js';
import { evaluateClaim } from './evaluate-claim.js';
import { everyEffect, preparePolicy } from './prepare-policy.js';

export interface CoverageQuery { product_line?: string; part?: string; locale?: string }

/**
 * What a summary takes from the policy whatever the query — the remedies' terms, the exclusions, the
 * badge windows — built once per policy version: every storefront page view asks for a summary, and
 * walking every rule's effects for each one cost 10–20× deciding the probe claim (BENCHMARKS.md).
 */
interface CoverageBasis {
  remedies: CoverageRemedy[];
  exclusions: string[];
  countsFrom: Map<string, string[]>;
  badge: Set<string>;
  dateFacts: string[];
}

const bases = new WeakMap<CompiledPolicy, CoverageBasis>();

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
    for (const [field, value] of effect.fees) {
      if (!('value' in value)) continue;
      const v = value.value as Literal;
      if (typeof v === 'string' || typeof v === 'number') (fields[field] ??= new Set()).add(v);
    }
  }
  exclusions.delete('window_expired');
  exclusions.delete('not_applicable');
  const basis: CoverageBasis = {
    remedies: policy.remedies.map((r) => ({
      remedy: r.name, label: r.label, ...(r.description ? { description: r.description } : {}),
      terms: Object.fromEntries(Object.entries(terms.get(r.name)!).map(([field, values]) => [field, [...values]])),
    })),
    exclusions: [...exclusions],
    countsFrom: new Map(policy.windows.map((w) => [w.name, w.countsFrom])),
    badge: new Set(policy.windows.filter((w) => w.badge).map((w) => w.name)),
    dateFacts: policy.facts.filter((f) => f.type === 'date').map((f) => f.name),
  };
  bases.set(policy, basis);
  return basis;
}

/** Read-only: the remedies' terms are shared by every summary of the policy version. */
export function summarizeCoverage(policy: CompiledPolicy, query: CoverageQuery, today: string): CoverageSummary {
  const basis = coverageBasis(policy);
  // A probe claim delivered and claimed today resolves the lengths that depend on product and part.
  const probe: Record<string, unknown> = {};
  for (const name of basis.dateFacts) probe[name] = today;
  if (query.product_line) probe.product_line = query.product_line;
  if (query.part) probe.part = query.part;
  const decision = evaluateClaim(policy, probe, today, { locale: query.locale });
  const windows = decision.windows.map((w) => ({
    window: w.window, label: w.label, length: w.length, unit: w.unit, counts_from: basis.countsFrom.get(w.window)!,
  }));
  return {
    brand: policy.brand, name: policy.name, policy_version: policy.version, locale: decision.locale,
    product_line: query.product_line ?? null, part: query.part ?? null,
    headline: windows.filter((w) => basis.badge.has(w.window) && w.length !== null).map((w) => w.label).join(' · '),
    windows,
    remedies: basis.remedies,
    exclusions: basis.exclusions.map((code) => ({ code, message: policy.messages[code]?.[decision.locale] ?? policy.messages[code]?.[policy.defaultLocale] ?? code })),
  };
}
