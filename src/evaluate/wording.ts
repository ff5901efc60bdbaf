// A policy's texts in one locale as decisions show them: reasons worded from their codes (brand
// wording over the shared wording, then the default locale, then the code), remedy, window and
// status labels. Started the first time a claim asks for the locale, then kept with the policy.

import type { Reason, Status } from '../contract.js';
import { type LocaleWords, localeWords } from './locale-words.js';
import type { PreparedPolicy } from './prepare-policy.js';
import type { RuleEffect } from './rule-effects.js';
import { type WindowLabel, windowLabel } from './windows.js';

/** The engine's own lists: a decision copies what it shows of them. */
export interface Wording {
  /** [effect id] → the effect's reasons worded, each code once; filled as effects are first shown (reasonsOf). */
  readonly reasons: (readonly Reason[] | undefined)[];
  /** [remedy] → why a remedy no row spoke about is refused. */
  readonly notApplicable: readonly (readonly Reason[])[];
  /** Reason codes given by a sheet row as reasons, each code once. */
  readonly word: (codes: readonly string[], source: string) => readonly Reason[];
  readonly remedyLabels: readonly string[];
  readonly windowLabels: readonly WindowLabel[];
  readonly statusLabels: Readonly<Record<Status, string>>;
  readonly words: LocaleWords;
}

/** A label in a locale: the locale's, else the default locale's (a format 2 document has only that). */
const labelIn = (labels: Record<string, string> | undefined, locale: string, fallback: string) => labels?.[locale] ?? fallback;

/** The policy's wording in locale number `locale` of prepared.locales. */
export function wordingFor(prepared: PreparedPolicy, locale: number): Wording {
  const ready = prepared.wordings[locale];
  if (ready) return ready;
  const wording = wordingIn(prepared, prepared.locales[locale]!);
  prepared.wordings[locale] = wording;
  return wording;
}

function wordingIn(prepared: PreparedPolicy, locale: string): Wording {
  const { policy } = prepared;
  const message = (code: string) => {
    const texts = policy.messages[code];
    return texts?.[locale] ?? texts?.[policy.defaultLocale] ?? texts?.en ?? code;
  };
  const word = (codes: readonly string[], source: string): Reason[] => [...new Set(codes)].map((code) => ({ code, message: message(code), source }));
  const words = localeWords(policy, locale);
  return {
    reasons: [],
    notApplicable: prepared.remedies.map(({ remedy }) => word(['not_applicable'], remedy.source)),
    word,
    remedyLabels: policy.remedies.map((r) => labelIn(r.labels, locale, r.label)),
    windowLabels: policy.windows.map((w) => windowLabel(w, labelIn(w.labels, locale, w.label))),
    statusLabels: { eligible: words.status('eligible'), ineligible: words.status('ineligible'), review: words.status('review') },
    words,
  };
}

/** The reasons an effect gives in a wording's locale: worded the first time, then kept. */
export function reasonsOf(wording: Wording, effect: RuleEffect): readonly Reason[] {
  const kept = wording.reasons[effect.id];
  if (kept !== undefined) return kept;
  const worded = wording.word(effect.reasons, effect.source);
  wording.reasons[effect.id] = worded;
  return worded;
}
