// The plain summaries of a decision, filled in from the policy's summary templates (words.csv, kind
// summary) in the decision's locale: per remedy what the customer can do, until when, what it costs,
// who pays shipping and what to send; for the decision, what the customer can ask for, else why not.
// The sentences are the sheets'; the code only picks which templates apply and joins them.

import type { RemedyDecision, WindowResult } from '../contract.js';
import type { LocaleWords } from './locale-words.js';

type RemedyParts = Pick<RemedyDecision, 'label' | 'status' | 'status_label' | 'reasons' | 'fees' | 'fees_labels' | 'required_evidence_labels'>;

/** Sentences of a summary, the empty ones (a template the policy lacks) left out. */
const sentences = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

/** A remedy's reasons as one text. */
const messages = (reasons: RemedyDecision['reasons']): string => reasons.map((r) => r.message).join(' ');

/** "Free repair — not available: Water damage is not covered. 24-month warranty: until 10 Jan 2027. …" */
export function summarizeRemedy(words: LocaleWords, d: RemedyParts, window: WindowResult | undefined): string {
  const head = words.summary(`remedy_${d.status}`, { remedy: d.label, status: d.status_label, reasons: messages(d.reasons) });
  // A policy compiled before summaries existed has no templates: no summary rather than a half one.
  if (head === '') return '';
  // A remedy that does not answer the request at all: its time limit would only mislead.
  if (d.reasons.length > 0 && d.reasons.every((r) => r.code === 'not_applicable')) return head;
  const until =
    window?.deadline && window.status !== 'unknown'
      ? words.summary(window.status === 'open' ? 'window_open' : 'window_closed', { window: window.label, deadline: words.date(window.deadline) })
      : '';
  // What to send matters only for what the customer can still ask for.
  const evidence =
    d.status !== 'ineligible' && d.required_evidence_labels.length
      ? words.summary('evidence', { evidence: words.list(d.required_evidence_labels, 'and') })
      : '';
  return sentences(head, until, ...costs(words, d), evidence);
}

/**
 * What it costs and who pays: every fee of a remedy the customer can have; of a refused one only who
 * pays (to ship a refused item back) — a refused refund has nothing to deduct from.
 */
function costs(words: LocaleWords, d: RemedyParts): string[] {
  const fields = Object.keys(d.fees_labels).sort((a, b) => words.feeRank(a) - words.feeRank(b));
  const shown = d.status === 'ineligible' ? fields.filter((f) => words.isPayer(f)) : fields;
  return shown.map((f) => d.fees_labels[f]!);
}

/** A remedy in the decision's one-line list: its label, with its deadline when it has one. */
function item(words: LocaleWords, d: RemedyDecision): string {
  return d.deadline ? words.summary('decision_item_until', { remedy: d.label, deadline: words.date(d.deadline) }) || d.label : d.label;
}

/**
 * "You can ask for Refund (until 15 Mar 2025) or Free repair." and what the brand reviews; with
 * neither, that nothing is available and the refusals' own reasons (not the "does not apply" ones).
 */
export function summarizeDecision(words: LocaleWords, remedies: readonly RemedyDecision[]): string {
  const eligible = remedies.filter((r) => r.status === 'eligible');
  const review = remedies.filter((r) => r.status === 'review');
  if (eligible.length || review.length) {
    return sentences(
      eligible.length
        ? words.summary('decision_eligible', {
            remedies: words.list(
              eligible.map((r) => item(words, r)),
              'or',
            ),
          })
        : '',
      review.length
        ? words.summary('decision_review', {
            remedies: words.list(
              review.map((r) => item(words, r)),
              'and',
            ),
          })
        : '',
    );
  }
  const none = words.summary('decision_none');
  if (none === '') return '';
  const why = new Map<string, string>();
  for (const r of remedies) for (const reason of r.reasons) if (reason.code !== 'not_applicable') why.set(reason.code, reason.message);
  return sentences(none, ...why.values());
}
