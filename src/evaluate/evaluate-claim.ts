// CompiledPolicy × Claim → Decision. Pure, synchronous and total: a compiled policy never makes it
// throw; facts of the wrong type count as not sent (the API rejects them before this point).
// Every remedy gets a status, its reasons, fees, deadline and the sheet row that decided it.

import type { Claim, CompiledPolicy, Decision, Literal, Reason, RemedyDecision, TraceStep, WindowResult } from '../contract.js';
import { parseIsoDate } from './dates.js';
import { collectOutputs, isSingleHit, selectRules } from './evaluate-table.js';
import { windowResult } from './windows.js';
import { feesFor } from './fees.js';
import type { Values } from './match-test.js';
import { preparePolicy, type PreparedPolicy, type RuleEffect, type Verdict } from './prepare-policy.js';

export interface EvaluateOptions {
  locale?: string;
  trace?: boolean;
}

const SEVERITY: Record<Verdict, number> = { eligible: 0, review: 1, ineligible: 2 };

/** The claim's facts by slot; `sentFlags` collects the flags the claim established either way. */
function readFacts(prepared: PreparedPolicy, claim: Claim, asOf: string, sentFlags: Set<string>): Values {
  const values = prepared.template.slice();
  for (const name in claim) {
    const reader = prepared.readers.get(name);
    if (!reader) continue;
    const value = reader.read(claim[name]);
    if (value === undefined) continue;
    values[reader.slot] = value;
    if (typeof value === 'boolean') sentFlags.add(name);
  }
  if (values[prepared.claimDateSlot] === null) values[prepared.claimDateSlot] = asOf;
  const today = parseIsoDate(String(values[prepared.claimDateSlot]));
  for (const [slot, dateSlot] of prepared.daysSince) {
    const from = typeof values[dateSlot] === 'string' ? parseIsoDate(values[dateSlot] as string) : null;
    values[slot] = from === null || today === null ? null : today - from;
  }
  return values;
}

function outputValue(prepared: PreparedPolicy, t: number, rule: number, output: number, values: Values): Literal | Literal[] {
  const out = prepared.policy.tables[t]!.rules[rule]!.outputs[output];
  return out === null || out === undefined ? null : 'ref' in out ? values[prepared.slots.get(out.ref)!] ?? null : out.value;
}

function derivedValue(prepared: PreparedPolicy, t: number, output: number, rules: number[], values: Values): Literal | Literal[] {
  const policy = prepared.policy.tables[t]!.hitPolicy;
  if (isSingleHit(policy)) return rules.length ? outputValue(prepared, t, rules[0]!, output, values) : null;
  const collected = collectOutputs(policy, rules.map((r) => outputValue(prepared, t, r, output, values)));
  return Array.isArray(collected) ? collected.flat() : collected;
}

function message(policy: CompiledPolicy, code: string, locale: string): string {
  const texts = policy.messages[code];
  return texts?.[locale] ?? texts?.[policy.defaultLocale] ?? texts?.en ?? code;
}

function decideRemedy(
  prepared: PreparedPolicy, index: number, effects: RuleEffect[], windows: Map<string, WindowResult>, values: Values, locale: string,
): RemedyDecision {
  const { policy } = prepared;
  const remedy = prepared.remedies[index]!;
  let status: Verdict | null = null;
  let source = remedy.source;
  for (const e of effects) {
    if (e.verdict && (status === null || SEVERITY[e.verdict] > SEVERITY[status])) { status = e.verdict; source = e.source; }
  }
  // Plain loops rather than Sets and closures: this runs for every remedy of every claim.
  const reasons: Reason[] = [];
  for (const e of effects) {
    if (!e.verdict || e.verdict === 'eligible') continue;
    for (const code of e.reasons) {
      if (!reasons.some((r) => r.code === code)) reasons.push({ code, message: message(policy, code, locale), source: e.source });
    }
  }
  if (status === null) reasons.push({ code: 'not_applicable', message: message(policy, 'not_applicable', locale), source: remedy.source });
  const final: Verdict = status ?? 'ineligible';
  // Fees, deadline and evidence describe the final status: an offered remedy takes them from the rows
  // granting it, a refused one from rows that only refuse or state no verdict.
  const describing: RuleEffect[] = [];
  let governing = remedy.deadline[0];
  let explicitDeadline = false;
  const evidence = remedy.evidence.slice();
  for (const e of effects) {
    if (final === 'ineligible' ? e.verdict === 'eligible' || e.verdict === 'review' : e.verdict === 'ineligible') continue;
    describing.push(e);
    if (e.deadline && !explicitDeadline) { governing = e.deadline; explicitDeadline = true; }
    for (const x of e.evidence) if (!evidence.includes(x)) evidence.push(x);
  }
  const window = governing ? windows.get(governing) : undefined;
  const otherDeadlines: RemedyDecision['other_deadlines'] = [];
  for (const w of remedy.deadline) if (w !== governing) otherDeadlines.push({ window: w, deadline: windows.get(w)?.deadline ?? null });
  return {
    remedy: remedy.name,
    label: remedy.label,
    status: final,
    reasons,
    deadline: window?.deadline ?? null,
    deadline_basis: window ? basisOf(prepared, governing!, window) : null,
    other_deadlines: otherDeadlines,
    fees: describing.length ? feesFor(prepared, describing, values) : {},
    required_evidence: evidence,
    source,
  };
}

function basisOf(prepared: PreparedPolicy, name: string, result: WindowResult): string {
  const [head, middle, tail] = prepared.basis.get(name)!;
  return head + (result.length ?? 'unknown number of') + middle + (result.starts_on ?? '(date not given)') + tail;
}

export function evaluateClaim(policy: CompiledPolicy, claim: Claim, asOf: string, options: EvaluateOptions = {}): Decision {
  const prepared = preparePolicy(policy);
  const locale = options.locale && policy.locales.includes(options.locale) ? options.locale : policy.defaultLocale;
  const sentFlags = new Set<string>();
  const values = readFacts(prepared, claim, asOf, sentFlags);
  const windows = new Map<string, WindowResult>();
  const derived: Record<string, unknown> = {};
  const effects: RuleEffect[][] = prepared.remedies.map(() => []);
  const trace: TraceStep[] | undefined = options.trace ? [] : undefined;

  for (const step of prepared.plan) {
    if (step < 0) {
      const index = -step - 1;
      const w = prepared.windows[index]!;
      const starts = w.starts.map((slot) => values[slot]!);
      const result = windowResult(policy.windows[index]!, starts, typeof w.length === 'number' ? w.length : values[w.length.slot]!, values[w.checked]!);
      windows.set(result.window, result);
      values[w.slot] = result.status;
      continue;
    }
    const t = step;
    const hit = selectRules(prepared.tables[t]!, values);
    for (const [output, slot, name] of prepared.derivedOutputs[t]!) {
      const value = derivedValue(prepared, t, output, hit.rules, values);
      values[slot] = Array.isArray(value) ? (value[0] ?? null) : value;
      derived[name] = value;
    }
    for (const r of hit.rules) for (const e of prepared.effects[t]![r]!) effects[e.remedyIndex]!.push(e);
    trace?.push({
      table: policy.tables[t]!.source, hit_policy: policy.tables[t]!.hitPolicy,
      matched: hit.rules.map((r) => policy.tables[t]!.rules[r]!.source), ...(hit.error ? { error: hit.error } : {}),
    });
  }

  const decision: Decision = {
    brand: policy.brand,
    policy_version: policy.version,
    as_of: String(values[prepared.claimDateSlot]),
    locale,
    remedies: prepared.remedies.map((_, i) => decideRemedy(prepared, i, effects[i]!, windows, values, locale)),
    warranty: policy.warrantyWindow ? windows.get(policy.warrantyWindow) ?? null : null,
    windows: policy.windows.map((w) => windows.get(w.name)!),
    derived,
    facts_not_established: sentFlags.size === 0 ? prepared.booleanInputs.slice() : prepared.booleanInputs.filter((name) => !sentFlags.has(name)),
  };
  if (trace) decision.trace = trace;
  return decision;
}
