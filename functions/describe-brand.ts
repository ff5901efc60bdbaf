// What GET /v1/brands/:brand says of a brand: the current policy's remedies, windows, claim facts and
// reason wording in the asked locale, and its timeline. Also the source of the reference's example.

import type { CompiledPolicy } from '../src/contract.js';
import { timelineStates } from '../src/store/policy-pointer.js';
import type { LoadedPolicy } from './policy-store.js';

function summarize(policy: CompiledPolicy) {
  return {
    brand: policy.brand, name: policy.name, policy_version: policy.version, currency: policy.currency,
    default_locale: policy.defaultLocale, locales: policy.locales,
  };
}

export function describeBrand({ policy, timeline, effectiveFrom }: LoadedPolicy, locale: string, today: string) {
  const message = (texts: Record<string, string>) => texts[locale] ?? texts[policy.defaultLocale] ?? Object.values(texts)[0] ?? '';
  return {
    ...summarize(policy), effective_from: effectiveFrom, locale, claim_date: policy.claimDate, warranty_window: policy.warrantyWindow ?? null,
    remedies: policy.remedies.map((r) => ({
      remedy: r.name, label: r.label, description: r.description ?? null, deadline: r.deadline, evidence: r.evidence, source: r.source,
    })),
    windows: policy.windows.map((w) => ({
      // A fixed length fills the label's {length}; a length that depends on the claim leaves it open.
      window: w.name, label: typeof w.length === 'number' ? w.label.replaceAll('{length}', String(w.length)) : w.label,
      length: typeof w.length === 'number' ? w.length : null,
      length_fact: typeof w.length === 'number' ? null : w.length.ref, unit: w.unit,
      counts_from: w.countsFrom, checked_against: w.checkedAgainst, badge: w.badge, source: w.source,
    })),
    facts: policy.facts.map((f) => ({
      name: f.name, type: f.type, values: f.values ?? null, description: f.description ?? null, not_before: f.notBefore ?? [],
    })),
    reasons: Object.entries(policy.messages).map(([code, texts]) => ({ code, message: message(texts) })),
    timeline: timeline && timelineStates(timeline, today).map(({ version, effective_from, published_at, state }) => ({ version, effective_from, published_at, state })),
  };
}
