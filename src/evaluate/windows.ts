// A window of the brand's windows.csv for one claim: when it starts, its inclusive last day, and
// whether the date it is checked against falls inside (INTERPRETATION §1). Prepared once per policy
// version to read slots, and labelled once per locale.

import type { CompiledWindow, Literal, WindowResult } from '../contract.js';
import { isDay, isoDate, NO_DAY, parseIsoDate, windowDeadline } from './dates.js';

/** A window with the slots it reads. */
export interface PreparedWindow {
  /** Where its state (open, closed, unknown) goes for later tables. */
  readonly slot: number;
  /** The dates it may count from, in order of preference. */
  readonly starts: readonly number[];
  /** A fixed length, else null and the length is read from lengthSlot (else -1). */
  readonly length: Literal;
  readonly lengthSlot: number;
  /** The date it is checked against. */
  readonly checked: number;
  /** The deadline basis text around the length and start date. */
  readonly basis: readonly [string, string, string];
}

function basisText(w: CompiledWindow): [string, string, string] {
  const from = w.countsFrom.length > 1 ? `${w.countsFrom[0]} (else ${w.countsFrom.slice(1).join(', else ')})` : w.countsFrom[0];
  return [`${w.name}: `, ` ${w.unit} from ${from} `, `, last day included; checked against ${w.checkedAgainst}`];
}

/** A window made ready for claims: the slots it reads (see PreparedWindow). */
export function prepareWindow(w: CompiledWindow, slot: (name: string) => number): PreparedWindow {
  return {
    slot: slot(w.name),
    starts: w.countsFrom.map(slot),
    length: typeof w.length === 'number' ? w.length : null,
    lengthSlot: typeof w.length === 'number' ? -1 : slot(w.length.ref),
    checked: slot(w.checkedAgainst),
    basis: basisText(w),
  };
}

/** A window's label split around `{length}` once, so a claim only joins the parts. */
export interface WindowLabel {
  window: CompiledWindow;
  before: string;
  after: string | null;
}

export function windowLabel(window: CompiledWindow, text = window.label): WindowLabel {
  const at = text.indexOf('{length}');
  return at < 0 ? { window, before: text, after: null } : { window, before: text.slice(0, at), after: text.slice(at + '{length}'.length) };
}

/**
 * A window from day numbers (NO_DAY: no date): the day it starts, the length (a negative or missing
 * length leaves the deadline unknown) and the day it is checked against.
 */
export function windowOnDays(w: WindowLabel, startDay: number, lengthValue: Literal, checkedDay: number): WindowResult {
  const length = typeof lengthValue === 'number' && lengthValue >= 0 ? lengthValue : null;
  const known = isDay(startDay) && length !== null;
  const deadline = known ? windowDeadline(startDay, length, w.window.unit) : NO_DAY;
  return {
    window: w.window.name,
    label: w.after === null ? w.before : w.before + (length === null ? '?' : length) + w.after,
    length,
    unit: w.window.unit,
    starts_on: isDay(startDay) ? isoDate(startDay) : null,
    deadline: known ? isoDate(deadline) : null,
    status: !known || !isDay(checkedDay) ? 'unknown' : checkedDay <= deadline ? 'open' : 'closed',
  };
}

const dayOf = (value: Literal | undefined): number => (typeof value === 'string' ? (parseIsoDate(value) ?? NO_DAY) : NO_DAY);

/** The same, reading a window's facts by name (tools and tests; claims go through evaluate-claim). */
export function computeWindow(window: CompiledWindow, facts: Record<string, Literal>): WindowResult {
  const length = typeof window.length === 'number' ? window.length : (facts[window.length.ref] ?? null);
  const start = window.countsFrom.map((name) => dayOf(facts[name])).find(isDay) ?? NO_DAY;
  return windowOnDays(windowLabel(window), start, length, dayOf(facts[window.checkedAgainst]));
}
