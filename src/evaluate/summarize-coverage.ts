// The pre-purchase summary a checkout badge shows: the brand's windows with their lengths for a
// product line and part ("14-day returns · 24-month warranty"), what each remedy can involve, and
// the exclusions in the customer's language. Derived from the same compiled policy as decisions.

import type { CompiledPolicy, CoverageRemedy, CoverageSummary, Literal } from '../contract.js';
import { evaluateClaim } from './evaluate-claim.js';
import { preparePolicy } from './prepare-policy.js';

export interface CoverageQuery { product_line?: string; part?: string; locale?: string }

/** Fee values any rule granting the remedy can attach to it (static: independent of a claim). */
function remedyTerms(policy: CompiledPolicy, remedy: string): CoverageRemedy['terms'] {
  const prepared = preparePolicy(policy);
  const terms: Record<string, Set<string | number>> = {};
  for (const table of prepared.effects) {
    for (const rule of table) {
      for (const effect of rule) {
        if (effect.remedy !== remedy || effect.verdict === 'ineligible') continue;
        for (const [field, value] of effect.fees) {
          if (!('value' in value)) continue;
          const v = value.value as Literal;
          if (typeof v === 'string' || typeof v === 'number') (terms[field] ??= new Set()).add(v);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(terms).map(([k, set]) => [k, [...set]]));
}

function exclusionCodes(policy: CompiledPolicy): string[] {
  const codes = new Set<string>();
  for (const rule of preparePolicy(policy).effects.flat(2)) {
    if (rule.verdict === 'ineligible') rule.reasons.forEach((c) => codes.add(c));
  }
  codes.delete('window_expired');
  codes.delete('not_applicable');
  return [...codes];
}

export function summarizeCoverage(policy: CompiledPolicy, query: CoverageQuery, today: string): CoverageSummary {
  // A probe claim delivered and claimed today resolves the lengths that depend on product and part.
  const probe: Record<string, unknown> = {};
  for (const f of policy.facts) if (f.type === 'date') probe[f.name] = today;
  if (query.product_line) probe.product_line = query.product_line;
  if (query.part) probe.part = query.part;
  const decision = evaluateClaim(policy, probe, today, { locale: query.locale });
  const windows = decision.windows.map((w) => ({
    window: w.window, label: w.label, length: w.length, unit: w.unit,
    counts_from: policy.windows.find((x) => x.name === w.window)!.countsFrom,
  }));
  const badge = new Set(policy.windows.filter((w) => w.badge).map((w) => w.name));
  return {
    brand: policy.brand, name: policy.name, policy_version: policy.version, locale: decision.locale,
    product_line: query.product_line ?? null, part: query.part ?? null,
    headline: windows.filter((w) => badge.has(w.window) && w.length !== null).map((w) => w.label).join(' · '),
    windows,
    remedies: policy.remedies.map((r) => ({ remedy: r.name, label: r.label, ...(r.description ? { description: r.description } : {}), terms: remedyTerms(policy, r.name) })),
    exclusions: exclusionCodes(policy).map((code) => ({ code, message: policy.messages[code]?.[decision.locale] ?? policy.messages[code]?.[policy.defaultLocale] ?? code })),
  };
}
