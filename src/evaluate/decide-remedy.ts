// Step 3 of evaluateClaim: one remedy decided from the effects of the rows that matched it, in plan
// order. Every list and record in the result is built here for this decision alone.

import type { OtherDeadline, Reason, RemedyDecision, Status, WindowResult } from '../contract.js';
import type { ClaimState } from './claim-state.js';
import type { Values } from './match-test.js';
import { fromMinorUnits, percentOf, toMinorUnits } from './money.js';
import type { PreparedPolicy } from './prepare-policy.js';
import { NO_VERDICT, type RuleEffect, SEVERITY } from './rule-effects.js';
import { summarizeRemedy } from './summarize-decision.js';
import { reasonsOf, type Wording } from './wording.js';

export function decideRemedy(state: ClaimState, index: number): RemedyDecision {
  const { prepared, wording } = state;
  const { remedy } = prepared.remedies[index]!;
  const effects = state.effects[index]!;
  // 1. The verdict: the most severe one of the rows that matched wins, and its row is the source. A
  //    remedy no row gave a verdict on is refused as not applicable.
  const decisive = mostSevere(effects);
  const status = decisive ? statusOf(decisive.severity) : 'ineligible';
  // 2. Reasons: from every row that did not grant the remedy, each code once.
  const reasons = decisive ? reasonsGiven(effects, wording) : wording.notApplicable[index]!.map(copyReason);
  // 3. Deadline, evidence and fees: from the rows describing the final status.
  const { governing, evidence, fees } = describedTerms(state, index, status === 'ineligible');
  // 4. Worded in the decision's locale, and summarized.
  const window = governing >= 0 ? state.windows[governing] : undefined;
  const label = wording.remedyLabels[index]!;
  const status_label = wording.statusLabels[status];
  const fees_labels = feeLabels(fees, wording);
  const required_evidence_labels = wording.words.evidence(evidence);
  const summary = summarizeRemedy(wording.words, { label, status, status_label, reasons, fees, fees_labels, required_evidence_labels }, window);
  return {
    remedy: remedy.name,
    label,
    status,
    status_label,
    summary,
    reasons,
    deadline: window?.deadline ?? null,
    deadline_basis: window ? basisOf(prepared, governing, window) : null,
    other_deadlines: otherDeadlines(state, index, governing),
    fees,
    fees_labels,
    required_evidence: evidence,
    required_evidence_labels,
    source: decisive?.source ?? remedy.source,
  };
}

/** The first of the rows with the most severe verdict; undefined when no row gave one. */
function mostSevere(effects: readonly RuleEffect[]): RuleEffect | undefined {
  let decisive: RuleEffect | undefined;
  for (const e of effects) if (e.severity > (decisive?.severity ?? NO_VERDICT)) decisive = e;
  return decisive;
}

const statusOf = (severity: number): Status => (severity === SEVERITY.eligible ? 'eligible' : severity === SEVERITY.review ? 'review' : 'ineligible');

/** A reason of the engine's, as the decision's own copy. */
const copyReason = (reason: Reason): Reason => ({ code: reason.code, message: reason.message, source: reason.source });

/** The worded reasons of every row that put the remedy in review or refused it, each code once. */
function reasonsGiven(effects: readonly RuleEffect[], wording: Wording): Reason[] {
  const reasons: Reason[] = [];
  for (const e of effects) {
    if (e.severity <= SEVERITY.eligible) continue;
    for (const reason of reasonsOf(wording, e)) if (!reasons.some((r) => r.code === reason.code)) reasons.push(copyReason(reason));
  }
  return reasons;
}

/**
 * Whether a row describes the remedy's final status: an offered remedy's rows grant it, a refused
 * one's refuse it; a row with no verdict describes either.
 */
const describes = (e: RuleEffect, refused: boolean): boolean =>
  refused ? e.severity !== SEVERITY.eligible && e.severity !== SEVERITY.review : e.severity !== SEVERITY.ineligible;

interface Terms {
  /** The window setting the deadline: the first a describing row names, else the remedy's own (-1: none). */
  governing: number;
  evidence: string[];
  fees: Record<string, string | number>;
}

function describedTerms(state: ClaimState, index: number, refused: boolean): Terms {
  const { prepared, values } = state;
  const { remedy, windows } = prepared.remedies[index]!;
  const terms: Terms = { governing: windows.length ? windows[0]! : -1, evidence: remedy.evidence.slice(), fees: {} };
  let deadlineNamed = false;
  let described = false;
  for (const e of state.effects[index]!) {
    if (!describes(e, refused)) continue;
    described = true;
    if (e.deadlineWindow >= 0 && !deadlineNamed) {
      terms.governing = e.deadlineWindow;
      deadlineNamed = true;
    }
    for (const x of e.evidence) if (!terms.evidence.includes(x)) terms.evidence.push(x);
    addFees(terms.fees, e, values);
  }
  // Computed fees (a restocking fee's amount) only for a remedy some row describes.
  if (described) addComputedFees(prepared, terms.fees, values);
  return terms;
}

/** Fees and payers: the first value a describing row gives each field, facts it names read from the claim. */
function addFees(fees: Record<string, string | number>, e: RuleEffect, values: Values): void {
  for (const fee of e.fees) {
    if (fee.field in fees) continue;
    const value = fee.slot < 0 ? fee.constant : values[fee.slot];
    if (typeof value === 'string' || typeof value === 'number') fees[fee.field] = value;
  }
}

/** Fields computed from others, e.g. restocking_fee_amount = percent_of(restocking_fee_pct, order_amount), half-up to the cent. */
function addComputedFees(prepared: PreparedPolicy, fees: Record<string, string | number>, values: Values): void {
  for (const fee of prepared.computedFees) {
    if (fee.name in fees) continue;
    const pct = fees[fee.percent];
    const base = values[fee.baseSlot];
    if (typeof pct !== 'number' || typeof base !== 'number') continue;
    const minor = toMinorUnits(base);
    if (minor !== null) fees[fee.name] = fromMinorUnits(percentOf(minor, pct));
  }
}

/** Each fee as a sentence in the decision's locale. */
function feeLabels(fees: Readonly<Record<string, string | number>>, wording: Wording): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field in fees) labels[field] = wording.words.fee(field, fees[field]!);
  return labels;
}

/** The remedy's other windows with their deadlines on this claim. */
function otherDeadlines(state: ClaimState, index: number, governing: number): OtherDeadline[] {
  const { remedy, windows } = state.prepared.remedies[index]!;
  const others: OtherDeadline[] = [];
  for (let k = 0; k < windows.length; k++) {
    const w = windows[k]!;
    // -1: a window the policy does not define (the compiler refuses that; a hand-made document may not).
    if (w !== governing) others.push({ window: remedy.deadline[k]!, deadline: w < 0 ? null : state.windows[w]!.deadline });
  }
  return others;
}

/** "return_window: 14 days from delivered_on 2025-03-01, last day included; checked against claim_on". */
function basisOf(prepared: PreparedPolicy, window: number, result: WindowResult): string {
  const [head, middle, tail] = prepared.windows[window]!.basis;
  return head + (result.length ?? 'unknown number of') + middle + (result.starts_on ?? '(date not given)') + tail;
}
