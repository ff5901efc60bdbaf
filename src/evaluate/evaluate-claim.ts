// CompiledPolicy × Claim → Decision. Pure, synchronous and total: a compiled policy never makes it
// throw; facts of the wrong type count as not sent (the API rejects them before this point).
// Every remedy gets a status, its reasons, fees, deadline and the sheet row that decided it.

import type { Claim, CompiledPolicy, Decision, Literal, Reason, RemedyDecision, TraceStep, WindowResult } from '../contract.js';
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

// Shared by every decision that has nothing to list, frozen since they are never copied. Shared
// lists that do get copied are not (slicing a frozen array takes V8's slow path, ~1 µs); decisions
// are read-only by contract (see Decision).
const NO_REASONS: Reason[] = Object.freeze([]) as unknown as Reason[];
const NO_FEES: Record<string, string | number> = Object.freeze({});
const NO_FEE_LABELS: Record<string, string> = Object.freeze({});

/** Each fee as a sentence in the wording's locale; the shared empty record when there are none. */
function feeLabels(fees: Record<string, string | number>, wording: Wording): Record<string, string> {
  if (fees === NO_FEES) return NO_FEE_LABELS;
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
function derivedValue(d: DerivedOutput, rules: number[], values: Values): Literal | Literal[] {
  if (rules.length === 0) return d.fallback;
  if (d.single) return cellValue(d, rules[0]!, values);
  const collected = collectOutputs(
    d.hitPolicy,
    rules.map((r) => cellValue(d, r, values)),
  );
  return Array.isArray(collected) ? collected.flat() : collected;
}

/**
 * Adds a row's worded reasons to the list, each code once. A list the caller does not own (a row's
 * or a shared empty one) is copied before it changes: the result differs from `reasons` exactly then.
 */
function addReasons(reasons: Reason[], said: Reason[], owned: boolean): Reason[] {
  if (reasons.length === 0) return said;
  let list = reasons;
  for (const reason of said) {
    let seen = false;
    for (const r of list)
      if (r.code === reason.code) {
        seen = true;
        break;
      }
    if (seen) continue;
    if (!owned && list === reasons) list = reasons.slice();
    list.push(reason);
  }
  return list;
}

/** Adds a row's evidence, each item once, copying the remedy's shared list before it changes. */
function addEvidence(evidence: string[], added: string[], owned: boolean): string[] {
  let list = evidence;
  for (const x of added) {
    if (list.includes(x)) continue;
    if (!owned && list === evidence) list = evidence.slice();
    list.push(x);
  }
  return list;
}

/**
 * Fees and payers: the first value a describing row gives each field, references to facts resolved
 * (refund_amount = order_amount).
 */
function addFees(fees: Record<string, string | number> | null, e: RuleEffect, values: Values): Record<string, string | number> | null {
  for (let i = 0; i < e.feeFields.length; i++) {
    const field = e.feeFields[i]!;
    if (fees !== null && field in fees) continue;
    const v = e.feeSlots[i]! < 0 ? e.feeValues[i]! : values[e.feeSlots[i]!];
    if (typeof v === 'string' || typeof v === 'number') (fees ??= {})[field] = v;
  }
  return fees;
}

/** Fields computed from others, e.g. restocking_fee_amount = percent_of(restocking_fee_pct, order_amount), half-up to the cent. */
function addComputedFees(prepared: PreparedPolicy, fees: Record<string, string | number>, values: Values): Record<string, string | number> {
  for (const fee of prepared.computedFees) {
    if (fee.name in fees) continue;
    const pct = fees[fee.percent];
    const base = values[fee.baseSlot];
    if (typeof pct !== 'number' || typeof base !== 'number') continue;
    const minor = toMinorUnits(base);
    if (minor !== null) fees[fee.name] = fromMinorUnits(percentOf(minor, pct));
  }
  return fees;
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
  let reasons = severity === NO_VERDICT ? wording.notApplicable[index]! : NO_REASONS;
  let ownReasons = false;
  let governing = deadlines.length ? deadlines[0]! : -1;
  let explicitDeadline = false;
  let evidence = defaultEvidence;
  let fees: Record<string, string | number> | null = null;
  let describing = false;
  for (const e of effects) {
    if (e.severity > SEVERITY.eligible) {
      const added = addReasons(reasons, reasonsOf(wording, e), ownReasons);
      ownReasons ||= reasons.length > 0 && added !== reasons;
      reasons = added;
    }
    if (refused ? e.severity === SEVERITY.eligible || e.severity === SEVERITY.review : e.severity === SEVERITY.ineligible) continue;
    describing = true;
    if (e.deadlineWindow >= 0 && !explicitDeadline) {
      governing = e.deadlineWindow;
      explicitDeadline = true;
    }
    if (e.evidence.length) evidence = addEvidence(evidence, e.evidence, evidence !== defaultEvidence);
    if (e.feeFields.length) fees = addFees(fees, e, values);
  }
  const window = governing >= 0 ? windows[governing] : undefined;
  const otherDeadlines: RemedyDecision['other_deadlines'] = [];
  for (let k = 0; k < deadlines.length; k++) {
    const w = deadlines[k]!;
    // -1: a window the policy does not define (the compiler refuses that; a hand-made document may not).
    if (w !== governing) otherDeadlines.push({ window: remedy.deadline[k]!, deadline: w < 0 ? null : windows[w]!.deadline });
  }
  const status = severity === SEVERITY.eligible ? 'eligible' : severity === SEVERITY.review ? 'review' : 'ineligible';
  const finalFees = fees === null ? (describing ? addComputedFees(prepared, {}, values) : NO_FEES) : addComputedFees(prepared, fees, values);
  const decided: RemedyDecision = {
    remedy: remedy.name,
    label: wording.remedyLabels[index]!,
    status,
    status_label: wording.statusLabels[status],
    summary: '',
    reasons,
    deadline: window?.deadline ?? null,
    deadline_basis: window ? basisOf(prepared, governing, window) : null,
    other_deadlines: otherDeadlines,
    fees: finalFees,
    fees_labels: feeLabels(finalFees, wording),
    required_evidence: evidence,
    required_evidence_labels: wording.words.evidence(evidence),
    source,
  };
  decided.summary = summarizeRemedy(wording.words, decided, window);
  return decided;
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
  const derived: Record<string, unknown> = { ...prepared.derivedTemplate };
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
  const decision: Decision = {
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
  if (trace) decision.trace = trace;
  return decision;
}
