// One claim under evaluation: its facts by slot (the claim's, then the windows' states and derived
// facts as the plan runs), the day numbers of its dates, and what the plan has found so far. Step 1
// of evaluateClaim lives here: reading the claim's facts and dating the claim.

import type { Claim, DerivedValue, Literal, TableError, TraceStep, WindowResult } from '../contract.js';
import { checkValue } from './check-claim.js';
import { isDay, NO_DAY, parseIsoDate } from './dates.js';
import type { Values } from './match-test.js';
import type { FactReader, PreparedPolicy } from './prepare-policy.js';
import type { RuleEffect } from './rule-effects.js';
import type { Wording } from './wording.js';

export interface ClaimState {
  readonly prepared: PreparedPolicy;
  /** The policy's texts in the decision's locale. */
  readonly wording: Wording;
  /** Fact values by slot. */
  readonly values: Values;
  /** Day numbers of the claim's dates by slot; NO_DAY for any other slot. */
  readonly days: number[];
  /** [boolean input] → 1 once the claim established the flag (true or false). */
  readonly sent: number[];
  /** [window] → the window on this claim, filled as the plan reaches it. */
  readonly windows: WindowResult[];
  /** Derived fact → its value, filled as the plan reaches its table. */
  readonly derived: Record<string, DerivedValue>;
  /** [remedy] → the effects of the rows that matched it, in plan order. */
  readonly effects: RuleEffect[][];
  /** The tables as run, when the caller asked for the trace. */
  readonly trace: TraceStep[] | undefined;
  /** Tables that broke their hit policy on this claim (always collected: the decision reports them). */
  readonly tableErrors: TableError[];
}

export function newClaimState(prepared: PreparedPolicy, wording: Wording, trace: boolean): ClaimState {
  return {
    prepared,
    wording,
    values: prepared.blank.values.slice(),
    days: prepared.blank.days.slice(),
    sent: prepared.blank.flags.slice(),
    windows: new Array(prepared.windows.length),
    derived: { ...prepared.derivedTemplate },
    effects: prepared.remedies.map(() => []),
    trace: trace ? [] : undefined,
    tableErrors: [],
  };
}

/** A claim's value as the engine reads it; undefined for a value of the wrong type (read as not sent). */
function accepted(reader: FactReader, raw: unknown, days: number[]): Literal | undefined {
  switch (reader.as) {
    case 'flag':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'choice':
      return reader.choices!.includes(raw) ? (raw as string) : undefined;
    case 'date': {
      if (raw === null) return null;
      const day = typeof raw === 'string' ? parseIsoDate(raw) : null;
      if (day === null) return undefined;
      days[reader.slot] = day;
      return raw as string;
    }
    default: {
      const checked = checkValue(reader.fact, raw);
      return 'value' in checked ? checked.value : undefined;
    }
  }
}

/** 1. The claim's facts into their slots (only facts the policy reads), marking the flags it establishes. */
export function readFacts(state: ClaimState, claim: Claim): void {
  const { readers } = state.prepared;
  for (const name of Object.keys(claim)) {
    const reader = readers.get(name);
    if (reader === undefined) continue;
    const value = accepted(reader, claim[name], state.days);
    if (value === undefined) continue;
    state.values[reader.slot] = value;
    if (reader.flag >= 0 && typeof value === 'boolean') state.sent[reader.flag] = 1;
  }
}

/** 1. The claim date: the claim's own, else `asOf`; then each `days_since_x`, from date fact x to it. */
export function dateClaim(state: ClaimState, asOf: string): void {
  const { prepared, values, days } = state;
  const slot = prepared.claimDateSlot;
  if (values[slot] === null) {
    values[slot] = asOf;
    days[slot] = parseIsoDate(asOf) ?? NO_DAY;
  }
  const today = days[slot]!;
  for (const since of prepared.daysSince) {
    const from = days[since.from]!;
    values[since.slot] = isDay(from) && isDay(today) ? today - from : null;
  }
}

/** A date's day number: read with the claim, or parsed from a derived fact; NO_DAY when not a date. */
export function dayAt(state: ClaimState, slot: number): number {
  const day = state.days[slot]!;
  if (isDay(day)) return day;
  const value = state.values[slot];
  return typeof value === 'string' ? (parseIsoDate(value) ?? NO_DAY) : NO_DAY;
}

/** The flags some table reads that the claim did not establish either way. */
export function notEstablished(state: ClaimState): string[] {
  const names: string[] = [];
  for (let i = 0; i < state.sent.length; i++) if (state.sent[i] === 0) names.push(state.prepared.booleanInputs[i]!);
  return names;
}
