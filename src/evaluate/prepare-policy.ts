// A compiled policy made ready to evaluate, once per policy version: every name a claim can be
// judged on gets a slot (an index in Values), tables become opcodes and indexes, windows and the plan
// read slots. Rows' effects (rule-effects.ts) and each locale's wording (wording.ts) are added the
// first time a claim needs them.

import type { CompiledFact, CompiledPolicy, CompiledRemedy, CompiledTable, HitPolicy, Literal } from '../contract.js';
import { NO_DAY } from './dates.js';
import { isSingleHit, type PreparedTable, prepareTable } from './evaluate-table.js';
import { daysSinceFact, factsRead } from './facts-read.js';
import type { Values } from './match-test.js';
import type { Resolver, RuleEffect } from './rule-effects.js';
import { type PreparedWindow, prepareWindow } from './windows.js';
import type { Wording } from './wording.js';

/** A remedy with its windows by index. */
export interface PreparedRemedy {
  readonly remedy: CompiledRemedy;
  /** Indexes of remedy.deadline in policy.windows, the governing one first (-1: a window the policy lacks). */
  readonly windows: readonly number[];
}

/** An output column that derives a fact, its cells resolved once. */
export interface DerivedOutput {
  readonly name: string;
  readonly slot: number;
  readonly hitPolicy: HitPolicy;
  /** A single-hit table: the first selected rule's value. */
  readonly single: boolean;
  /** The value when no rule matches (the output's default, else null). */
  readonly fallback: Literal;
  /** [rule] → the cell's value; for a reference, refSlots[rule] ≥ 0 is the slot it reads instead. */
  readonly constants: readonly (Literal | Literal[])[];
  readonly refSlots: Int32Array;
}

/** How a claim's value for a fact is accepted (the API has already checked it; the engine never throws). */
export type ReadAs = 'flag' | 'choice' | 'date' | 'checked';
export interface FactReader {
  readonly slot: number;
  readonly as: ReadAs;
  readonly fact: CompiledFact;
  /** An enum's values. */
  readonly choices: readonly unknown[] | null;
  /** Index in booleanInputs for a flag some table reads, else -1. */
  readonly flag: number;
}

/** One step of the evaluation order: a table, or a window (by index). */
export interface PlanStep {
  readonly kind: 'table' | 'window';
  readonly index: number;
}

/** A fee computed from others, e.g. restocking_fee_amount = percent_of(restocking_fee_pct, order_amount). */
export interface ComputedFee {
  readonly name: string;
  readonly percent: string;
  readonly baseSlot: number;
}

/** The state a claim starts from, copied once per claim. */
export interface BlankClaim {
  /** Every slot "not sent": flags false, everything else null. */
  readonly values: Values;
  /** Every slot's day number NO_DAY. */
  readonly days: readonly number[];
  /** A 0 per boolean input: the claim has established none of them yet. */
  readonly flags: readonly number[];
}

export interface PreparedPolicy {
  /** The compiled document this was prepared from. */
  readonly policy: CompiledPolicy;
  /** Every name a claim can be judged on (facts, windows, derived facts) → its slot in Values. */
  readonly slots: ReadonlyMap<string, number>;
  /** Claim fact name → its slot and how to accept its value (only facts the policy reads). */
  readonly readers: ReadonlyMap<string, FactReader>;
  /** Flags some table reads: a decision lists those the claim did not establish. */
  readonly booleanInputs: readonly string[];
  /** Each `days_since_x` input's slot and the slot of date fact x. */
  readonly daysSince: readonly { readonly slot: number; readonly from: number }[];
  /** The slot of the fact that dates the claim (claim_on); the evaluation date stands in when it is not sent. */
  readonly claimDateSlot: number;
  readonly blank: BlankClaim;
  /** policy.plan: tables and windows in evaluation order, each derived fact produced before it is read. */
  readonly plan: readonly PlanStep[];
  readonly tables: readonly PreparedTable[];
  readonly windows: readonly PreparedWindow[];
  /** [table] → its output columns that are derived facts. */
  readonly derivedOutputs: readonly (readonly DerivedOutput[])[];
  /** Every derived fact as null, in plan order: a decision's `derived` starts as a copy. */
  readonly derivedTemplate: Readonly<Record<string, Literal>>;
  /**
   * [table][rule] → its effects on remedies (empty for tables that only derive facts), built when the
   * rule first matches (effectsOf): a claim matches a handful of rows, and building every row's
   * effects was over half of preparing a large policy on a cold isolate (BENCHMARKS.md).
   */
  readonly effects: (readonly RuleEffect[] | undefined)[][];
  /** Names resolved to indexes, kept for the effects built later. */
  readonly resolver: Resolver;
  /** policy.remedies with their windows by index. */
  readonly remedies: readonly PreparedRemedy[];
  readonly computedFees: readonly ComputedFee[];
  /** Index in windows of the warranty window, -1 for none. */
  readonly warrantyWindow: number;
  /** Locales a decision can be worded in: the policy's and its default one (at defaultLocale). */
  readonly locales: readonly string[];
  readonly defaultLocale: number;
  /** [locale] → the policy's wording in it, started when a claim first asks for that locale. */
  readonly wordings: (Wording | undefined)[];
}

/** Every name's slot: facts, windows, derived facts, then the other names tables and windows read (days_since_x). */
function assignSlots(policy: CompiledPolicy, tableInputs: ReadonlySet<string>): Map<string, number> {
  const slots = new Map<string, number>();
  const take = (name: string) => {
    if (!slots.has(name)) slots.set(name, slots.size);
  };
  for (const f of policy.facts) take(f.name);
  for (const w of policy.windows) take(w.name);
  for (const t of policy.tables) for (const o of t.outputs) if (o.role?.kind === 'derived') take(o.name);
  for (const name of tableInputs) take(name);
  for (const w of policy.windows) {
    for (const name of w.countsFrom) take(name);
    take(w.checkedAgainst);
    if (typeof w.length === 'object') take(w.length.ref);
  }
  // Names output cells refer to (refund_amount = order_amount), read by effects built later.
  for (const t of policy.tables) for (const rule of t.rules) for (const out of rule.outputs) if (out && 'ref' in out) take(out.ref);
  return slots;
}

/** A table's output columns that derive facts, each cell resolved to a constant or the slot it reads. */
function derivedOutputsOf(table: CompiledTable, slot: (name: string) => number): DerivedOutput[] {
  const derived: DerivedOutput[] = [];
  table.outputs.forEach((o, output) => {
    if (o.role?.kind !== 'derived') return;
    const cells = table.rules.map((rule) => rule.outputs[output]);
    derived.push({
      name: o.name,
      slot: slot(o.name),
      hitPolicy: table.hitPolicy,
      single: isSingleHit(table.hitPolicy),
      fallback: o.default ?? null,
      constants: cells.map((cell) => (cell && 'value' in cell ? cell.value : null)),
      refSlots: Int32Array.from(cells, (cell) => (cell && 'ref' in cell ? slot(cell.ref) : -1)),
    });
  });
  return derived;
}

const readAs = (fact: CompiledFact): ReadAs => (fact.type === 'boolean' ? 'flag' : fact.type === 'enum' ? 'choice' : fact.type === 'date' ? 'date' : 'checked');

/** How each fact the policy reads is taken from a claim. */
function factReaders(policy: CompiledPolicy, slot: (name: string) => number, booleanInputs: readonly string[]): Map<string, FactReader> {
  const read = factsRead(policy);
  const readers = new Map<string, FactReader>();
  for (const fact of policy.facts) {
    if (!read.has(fact.name)) continue;
    const choices = fact.type === 'enum' ? (fact.values ?? []) : null;
    readers.set(fact.name, { slot: slot(fact.name), as: readAs(fact), fact, choices, flag: booleanInputs.indexOf(fact.name) });
  }
  return readers;
}

/** The state every claim starts from (see BlankClaim). */
function blankClaim(policy: CompiledPolicy, slots: ReadonlyMap<string, number>, booleanInputs: readonly string[]): BlankClaim {
  const values: Values = Array.from({ length: slots.size }, () => null);
  for (const f of policy.facts) if (f.type === 'boolean') values[slots.get(f.name)!] = false;
  return {
    values,
    days: Array.from({ length: slots.size }, () => NO_DAY),
    flags: Array.from({ length: booleanInputs.length }, () => 0),
  };
}

/** Every derived fact as null, in plan order. */
function derivedTemplateOf(policy: CompiledPolicy): Record<string, Literal> {
  const template: Record<string, Literal> = {};
  for (const step of policy.plan) {
    if (!('table' in step)) continue;
    for (const o of policy.tables[step.table]!.outputs) if (o.role?.kind === 'derived') template[o.name] = null;
  }
  return template;
}

const cache = new WeakMap<CompiledPolicy, PreparedPolicy>();

export function preparePolicy(policy: CompiledPolicy): PreparedPolicy {
  const cached = cache.get(policy);
  if (cached) return cached;
  const prepared = prepare(policy);
  cache.set(policy, prepared);
  return prepared;
}

function prepare(policy: CompiledPolicy): PreparedPolicy {
  const factTypes = new Map(policy.facts.map((f) => [f.name, f.type]));
  const tableInputs = new Set(policy.tables.flatMap((t) => t.inputs.map((i) => i.name)));
  const slots = assignSlots(policy, tableInputs);
  const slot = (name: string) => slots.get(name) ?? -1;
  const windowIndex = new Map(policy.windows.map((w, i) => [w.name, i]));
  const booleanInputs = [...tableInputs].filter((n) => factTypes.get(n) === 'boolean');
  const locales = [...new Set([...policy.locales, policy.defaultLocale])];
  return {
    policy,
    slots,
    readers: factReaders(policy, slot, booleanInputs),
    booleanInputs,
    daysSince: [...tableInputs].flatMap((n) => {
      const from = daysSinceFact(n);
      return from && factTypes.get(from) === 'date' ? [{ slot: slot(n), from: slot(from) }] : [];
    }),
    claimDateSlot: slot(policy.claimDate),
    blank: blankClaim(policy, slots, booleanInputs),
    plan: policy.plan.map((step) => ('window' in step ? { kind: 'window', index: step.window } : { kind: 'table', index: step.table })),
    tables: policy.tables.map((t) => prepareTable(t, slots)),
    windows: policy.windows.map((w) => prepareWindow(w, slot)),
    derivedOutputs: policy.tables.map((t) => derivedOutputsOf(t, slot)),
    derivedTemplate: derivedTemplateOf(policy),
    effects: policy.tables.map((t) => Array.from({ length: t.rules.length }, () => undefined)),
    resolver: { slot, remedyIndex: new Map(policy.remedies.map((r, i) => [r.name, i])), windowIndex, effectsBuilt: 0 },
    remedies: policy.remedies.map((remedy) => ({ remedy, windows: remedy.deadline.map((w) => windowIndex.get(w) ?? -1) })),
    computedFees: policy.fees.flatMap((f) => (f.percentOf ? [{ name: f.name, percent: f.percentOf.percent, baseSlot: slot(f.percentOf.base) }] : [])),
    warrantyWindow: policy.warrantyWindow ? (windowIndex.get(policy.warrantyWindow) ?? -1) : -1,
    locales,
    defaultLocale: locales.indexOf(policy.defaultLocale),
    wordings: Array.from({ length: locales.length }, () => undefined),
  };
}
