// CompiledPolicy × Claim → Decision. Pure, synchronous and total: a compiled policy never makes it
// throw; facts of the wrong type count as not sent (the API rejects them before this point).
// Every remedy gets a status, its reasons, fees, deadline and the sheet row that decided it.

import type { Claim, CompiledPolicy, Decision, DerivedValue, Literal, OtherDeadline, Reason, RemedyDecision, TraceStep, WindowResult } from '../contract.js';
import { checkValue } from './check-claim.js';
import { parseIsoDate } from './dates.js';
import { collectOutputs, selectRules } from './evaluate-table.js';
import { windowOnDays } from './windows.js';
import { fromMinorUnits, percentOf, toMinorUnits } from './money.js';
import type { Values } from './match-test.js';
import { summarizeDecision, summarizeRemedy } from './summarize-decision.js';
import {
  effectsOf,
  NO_VERDICT,
  preparePolicy,
  reasonsOf,
  SEVERITY,
  wordingFor,
  type DerivedOutput,
  type PreparedPolicy,
  type RuleEffect,
  type Wording,
} from './prepare-policy.js';

export interface EvaluateOptions {
  locale?: string;
  trace?: boolean;
}

/** Each fee as a sentence in the wording's locale. */
function feeLabels(fees: Readonly<Record<string, string | number>>, wording: Wording): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field in fees) labels[field] = wording.words.fee(field, fees[field]!);
  return labels;
}

/**
 * The claim's facts into `values` (by slot) and, for dates, their day numbers into `days`; `sent`
 * marks the flags the claim established either way. Values of the wrong type count as not sent.
 */
function readFacts(prepared: PreparedPolicy, claim: Claim, values: Values, days: number[], sent: number[]): void {
  const names = Object.keys(claim);
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!;
    const reader = prepared.readers.get(name);
    if (reader === undefined) continue;
    const raw = claim[name];
    let value: Literal | undefined;
    switch (reader.as) {
      case 'flag':
        value = typeof raw === 'boolean' ? raw : undefined;
        break;
      case 'choice':
        value = reader.choices!.includes(raw) ? (raw as string) : undefined;
        break;
      case 'date': {
        const day = typeof raw === 'string' ? parseIsoDate(raw) : null;
        if (day !== null) days[reader.slot] = day;
        value = day !== null || raw === null ? (raw as string | null) : undefined;
        break;
      }
      default: {
        const checked = checkValue(reader.fact, raw);
        value = 'value' in checked ? checked.value : undefined;
      }
    }
    if (value === undefined) continue;
    values[reader.slot] = value;
    if (reader.flag >= 0 && typeof value === 'boolean') sent[reader.flag] = 1;
  }
}

/** A date's day number: read with the claim, or parsed from a derived fact; NaN when not a date. */
function dayAt(values: Values, days: number[], slot: number): number {
  const day = days[slot]!;
  if (day === day) return day;
  const value = values[slot];
  return typeof value === 'string' ? (parseIsoDate(value) ?? NaN) : NaN;
}

function cellValue(d: DerivedOutput, rule: number, values: Values): Literal | Literal[] {
  const slot = d.refSlots[rule]!;
  return slot < 0 ? d.constants[rule]! : (values[slot] ?? null);
}

/** A derived fact's DMN value: the selected rule's cell, the collected cells of a multi-hit table, or its default. */
function derivedValue(d: DerivedOutput, rules: number[], values: Values): DerivedValue {
  if (rules.length === 0) return d.fallback;
  // A list cell is the policy's own array: the decision gets a copy.
  if (d.single) {
    const value = cellValue(d, rules[0]!, values);
    return Array.isArray(value) ? value.slice() : value;
  }
  const collected = collectOutputs(
    d.hitPolicy,
    rules.map((r) => cellValue(d, r, values)),
  );
  return Array.isArray(collected) ? collected.flat() : collected;
}

/** A reason of the engine's, as a decision's own copy. */
const copyReason = (reason: Reason): Reason => ({ code: reason.code, message: reason.message, source: reason.source });

/** Adds copies of a row's worded reasons to the decision's list, each code once. */
function addReasons(reasons: Reason[], said: readonly Reason[]): void {
  for (const reason of said) if (!reasons.some((r) => r.code === reason.code)) reasons.push(copyReason(reason));
}

/** Adds a row's evidence to the decision's list, each item once. */
function addEvidence(evidence: string[], added: readonly string[]): void {
  for (const x of added) if (!evidence.includes(x)) evidence.push(x);
}

/**
 * Fees and payers: the first value a describing row gives each field, references to facts resolved
 * (refund_amount = order_amount).
 */
function addFees(fees: Record<string, string | number>, e: RuleEffect, values: Values): void {
  for (let i = 0; i < e.feeFields.length; i++) {
    const field = e.feeFields[i]!;
    if (field in fees) continue;
    const v = e.feeSlots[i]! < 0 ? e.feeValues[i]! : values[e.feeSlots[i]!];
    if (typeof v === 'string' || typeof v === 'number') fees[field] = v;
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

/** One remedy from the effects of the rows that matched it, in plan order. */
function decideRemedy(
  prepared: PreparedPolicy,
  index: number,
  effects: RuleEffect[],
  windows: WindowResult[],
  values: Values,
  wording: Wording,
): RemedyDecision {
  const { remedy, windows: deadlines, evidence: defaultEvidence } = prepared.remedies[index]!;
  let severity = NO_VERDICT;
  let source = remedy.source;
  for (const e of effects)
    if (e.severity > severity) {
      severity = e.severity;
      source = e.source;
    }
  // The most severe verdict wins. Reasons come from every row that did not grant the remedy; fees,
  // deadline and evidence from the rows describing the final status: an offered remedy's rows grant
  // it, a refused one's refuse it or state no verdict.
  const refused = severity === NO_VERDICT || severity === SEVERITY.ineligible;
  const reasons: Reason[] = [];
  if (severity === NO_VERDICT) addReasons(reasons, wording.notApplicable[index]!);
  let governing = deadlines.length ? deadlines[0]! : -1;
  let explicitDeadline = false;
  const evidence = defaultEvidence.slice();
  const fees: Record<string, string | number> = {};
  let describing = false;
  for (const e of effects) {
    if (e.severity > SEVERITY.eligible) addReasons(reasons, reasonsOf(wording, e));
    if (refused ? e.severity === SEVERITY.eligible || e.severity === SEVERITY.review : e.severity === SEVERITY.ineligible) continue;
    describing = true;
    if (e.deadlineWindow >= 0 && !explicitDeadline) {
      governing = e.deadlineWindow;
      explicitDeadline = true;
    }
    addEvidence(evidence, e.evidence);
    addFees(fees, e, values);
  }
  if (describing) addComputedFees(prepared, fees, values);
  const window = governing >= 0 ? windows[governing] : undefined;
  const otherDeadlines: OtherDeadline[] = [];
  for (let k = 0; k < deadlines.length; k++) {
    const w = deadlines[k]!;
    // -1: a window the policy does not define (the compiler refuses that; a hand-made document may not).
    if (w !== governing) otherDeadlines.push({ window: remedy.deadline[k]!, deadline: w < 0 ? null : windows[w]!.deadline });
  }
  const status = severity === SEVERITY.eligible ? 'eligible' : severity === SEVERITY.review ? 'review' : 'ineligible';
  const parts = {
    label: wording.remedyLabels[index]!,
    status,
    status_label: wording.statusLabels[status],
    reasons,
    fees,
    fees_labels: feeLabels(fees, wording),
    required_evidence_labels: wording.words.evidence(evidence),
  } as const;
  return {
    remedy: remedy.name,
    label: parts.label,
    status,
    status_label: parts.status_label,
    summary: summarizeRemedy(wording.words, parts, window),
    reasons,
    deadline: window?.deadline ?? null,
    deadline_basis: window ? basisOf(prepared, governing, window) : null,
    other_deadlines: otherDeadlines,
    fees,
    fees_labels: parts.fees_labels,
    required_evidence: evidence,
    required_evidence_labels: parts.required_evidence_labels,
    source,
  };
}

function basisOf(prepared: PreparedPolicy, window: number, result: WindowResult): string {
  const [head, middle, tail] = prepared.windows[window]!.basis;
  return head + (result.length ?? 'unknown number of') + middle + (result.starts_on ?? '(date not given)') + tail;
}

function notEstablished(prepared: PreparedPolicy, sent: number[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < sent.length; i++) if (sent[i] === 0) names.push(prepared.booleanInputs[i]!);
  return names;
}

export function evaluateClaim(policy: CompiledPolicy, claim: Claim, asOf: string, options: EvaluateOptions = {}): Decision {
  const prepared = preparePolicy(policy);
  // prepared.locales are the policy's locales and its default: any other asks for the default.
  const requested = options.locale === undefined ? -1 : prepared.locales.indexOf(options.locale);
  const locale = requested < 0 ? prepared.defaultLocale : requested;
  const values = prepared.template.slice();
  const days = prepared.noDays.slice();
  const sent = prepared.noFlags.slice();
  readFacts(prepared, claim, values, days, sent);
  const dateSlot = prepared.claimDateSlot;
  if (values[dateSlot] === null) {
    values[dateSlot] = asOf;
    days[dateSlot] = parseIsoDate(asOf) ?? NaN;
  }
  const today = days[dateSlot]!;
  for (const since of prepared.daysSince) {
    const from = days[since.from]!;
    values[since.slot] = from === from && today === today ? today - from : null;
  }
  const windows: WindowResult[] = new Array(prepared.windows.length);
  const derived: Record<string, DerivedValue> = { ...prepared.derivedTemplate };
  const effects: RuleEffect[][] = new Array(prepared.remedies.length);
  for (let i = 0; i < effects.length; i++) effects[i] = [];
  const trace: TraceStep[] | undefined = options.trace ? [] : undefined;
  const wording = wordingFor(prepared, locale);

  for (const step of prepared.plan) {
    if (step < 0) {
      const index = -step - 1;
      const w = prepared.windows[index]!;
      let start = NaN;
      for (const s of w.starts) if ((start = dayAt(values, days, s)) === start) break;
      const result = windowOnDays(wording.windowLabels[index]!, start, w.lengthSlot < 0 ? w.length : values[w.lengthSlot]!, dayAt(values, days, w.checked));
      windows[index] = result;
      values[w.slot] = result.status;
      continue;
    }
    const t = step;
    const hit = selectRules(prepared.tables[t]!, values);
    for (const d of prepared.derivedOutputs[t]!) {
      const value = derivedValue(d, hit.rules, values);
      values[d.slot] = Array.isArray(value) ? (value[0] ?? null) : value;
      derived[d.name] = value;
    }
    const said = prepared.effects[t]!;
    for (const r of hit.rules) for (const e of said[r] ?? effectsOf(prepared, t, r)) effects[e.remedyIndex]!.push(e);
    trace?.push({
      table: policy.tables[t]!.source,
      hit_policy: policy.tables[t]!.hitPolicy,
      matched: hit.rules.map((r) => policy.tables[t]!.rules[r]!.source),
      ...(hit.error ? { error: hit.error } : {}),
    });
  }

  const remedies: RemedyDecision[] = new Array(prepared.remedies.length);
  for (let i = 0; i < remedies.length; i++) remedies[i] = decideRemedy(prepared, i, effects[i]!, windows, values, wording);
  const decided: Decision = {
    brand: policy.brand,
    policy_version: policy.version,
    as_of: String(values[dateSlot]),
    locale: prepared.locales[locale]!,
    summary: summarizeDecision(wording.words, remedies),
    remedies,
    warranty: prepared.warrantyWindow >= 0 ? windows[prepared.warrantyWindow]! : null,
    windows,
    derived,
    facts_not_established: notEstablished(prepared, sent),
  };
  return trace ? { ...decided, trace } : decided;
}
