// Step 2 of evaluateClaim: the plan's steps on one claim. A window step works out the window's
// deadline and state; a table step selects rows, sets the facts it derives, and hands each matched
// row's effects to the remedies they speak about.

import type { CompiledTable, DerivedValue, Literal, TraceStep } from '../contract.js';
import { type ClaimState, dayAt } from './claim-state.js';
import { isDay, NO_DAY } from './dates.js';
import { collectOutputs, selectRules, type TableHit } from './evaluate-table.js';
import type { Values } from './match-test.js';
import type { DerivedOutput } from './prepare-policy.js';
import { effectsOf } from './rule-effects.js';
import { windowOnDays } from './windows.js';

/** Window `index` on the claim: from its first start date that is a date, checked against its date. */
export function runWindow(state: ClaimState, index: number): void {
  const { prepared, values } = state;
  const w = prepared.windows[index]!;
  let start = NO_DAY;
  for (const slot of w.starts) {
    start = dayAt(state, slot);
    if (isDay(start)) break;
  }
  const length = w.lengthSlot < 0 ? w.length : values[w.lengthSlot]!;
  const result = windowOnDays(state.wording.windowLabels[index]!, start, length, dayAt(state, w.checked));
  state.windows[index] = result;
  values[w.slot] = result.status;
}

/** Table `t` on the claim: the facts it derives, its rows' effects, and its trace step. */
export function runTable(state: ClaimState, t: number): void {
  const { prepared, values } = state;
  const hit = selectRules(prepared.tables[t]!, values);
  for (const d of prepared.derivedOutputs[t]!) {
    const value = derivedValue(d, hit.rules, values);
    // Later tables and windows read a list-valued fact by its first item.
    values[d.slot] = Array.isArray(value) ? (value[0] ?? null) : (value as Literal);
    state.derived[d.name] = value;
  }
  for (const r of hit.rules) for (const e of effectsOf(prepared, t, r)) state.effects[e.remedyIndex]!.push(e);
  const table = prepared.policy.tables[t]!;
  if (hit.error) state.tableErrors.push({ table: table.source, hit_policy: table.hitPolicy, error: hit.error });
  state.trace?.push(traceStep(table, hit));
}

function traceStep(table: CompiledTable, hit: TableHit): TraceStep {
  const matched = hit.rules.map((r) => table.rules[r]!.source);
  return hit.error
    ? { table: table.source, hit_policy: table.hitPolicy, matched, error: hit.error }
    : { table: table.source, hit_policy: table.hitPolicy, matched };
}

function cellValue(d: DerivedOutput, rule: number, values: Values): Literal | readonly Literal[] {
  const slot = d.refSlots[rule]!;
  return slot < 0 ? d.constants[rule]! : (values[slot] ?? null);
}

/** A derived fact's DMN value: the selected rule's cell, the collected cells of a multi-hit table, or its default. */
function derivedValue(d: DerivedOutput, rules: readonly number[], values: Values): DerivedValue {
  if (rules.length === 0) return d.fallback;
  if (d.single) {
    const value = cellValue(d, rules[0]!, values);
    // A list cell is the policy's own array: the decision gets a copy.
    return Array.isArray(value) ? value.slice() : value;
  }
  const collected = collectOutputs(
    d.hitPolicy,
    rules.map((r) => cellValue(d, r, values)),
  );
  return Array.isArray(collected) ? collected.flat() : collected;
}
