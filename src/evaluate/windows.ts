// A window of the brand's windows.csv for one claim: when it starts, its inclusive last day, and
// whether the date it is checked against falls inside (INTERPRETATION §1).

import type { CompiledWindow, Literal, WindowResult } from '../contract.js';
import { isDay, isoDate, NO_DAY, parseIsoDate, windowDeadline } from './dates.js';

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
