// What GET /v1/brands/:brand says of a brand: the current policy's remedies, windows, claim facts and
// reason wording in the asked locale, and its timeline. Also the source of the reference's example.

import type { CompiledPolicy, CompiledWindow, WordKind } from '../src/contract.js';
import { valueLabelsIn } from '../src/schema/value-labels.js';
import { timelineStates } from '../src/store/policy-pointer.js';
import type { LoadedPolicy } from './policy-store.js';

function summarize(policy: CompiledPolicy) {
  return {
    brand: policy.brand,
    name: policy.name,
    policy_version: policy.version,
    currency: policy.currency,
    default_locale: policy.defaultLocale,
    locales: policy.locales,
  };
}

const fillLength = (label: string, length: CompiledWindow['length']) => (typeof length === 'number' ? label.replaceAll('{length}', String(length)) : label);

export function describeBrand({ policy, timeline, effectiveFrom }: LoadedPolicy, locale: string, today: string) {
  const message = (texts: Record<string, string>) => texts[locale] ?? texts[policy.defaultLocale] ?? Object.values(texts)[0] ?? '';
  const word = (kind: WordKind, code: string) => policy.words?.[kind]?.[code]?.[locale];
  return {
    ...summarize(policy),
    effective_from: effectiveFrom,
    locale,
    claim_date: policy.claimDate,
    warranty_window: policy.warrantyWindow ?? null,
    remedies: policy.remedies.map((r) => ({
      remedy: r.name,
      label: r.labels?.[locale] ?? r.label,
      description: r.descriptions?.[locale] ?? r.description ?? null,
      deadline: r.deadline,
      evidence: r.evidence,
      evidence_labels: r.evidence.map((e) => word('evidence', e) ?? e),
      source: r.source,
    })),
    windows: policy.windows.map((w) => ({
      // A fixed length fills the label's {length}; a length that depends on the claim leaves it open.
      window: w.name,
      label: fillLength(w.labels?.[locale] ?? w.label, w.length),
      length: typeof w.length === 'number' ? w.length : null,
      length_fact: typeof w.length === 'number' ? null : w.length.ref,
      unit: w.unit,
      counts_from: w.countsFrom,
      checked_against: w.checkedAgainst,
      badge: w.badge,
      source: w.source,
    })),
    facts: policy.facts.map((f) => ({
      name: f.name,
      label: f.labels?.[locale] ?? null,
      type: f.type,
      values: f.values ?? null,
      // `values` stays the codes a claim sends; this says each as people do, in the answer's locale.
      value_labels: f.type === 'enum' ? valueLabelsIn(f, locale, policy.defaultLocale) : null,
      description: f.description ?? null,
      not_before: f.notBefore ?? [],
    })),
    reasons: Object.entries(policy.messages).map(([code, texts]) => ({ code, message: message(texts) })),
    timeline:
      timeline && timelineStates(timeline, today).map(({ version, effective_from, published_at, state }) => ({ version, effective_from, published_at, state })),
  };
}
