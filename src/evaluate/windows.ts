// A window of the brand's windows.csv for one claim: when it starts, its inclusive last day, and
// whether the date it is checked against falls inside (INTERPRETATION §1).

import type { CompiledWindow, Literal, WindowResult } from '../contract.js';
import { formatIsoDate, parseIsoDate, windowDeadline } from './dates.js';

/** A window from the values it reads: its start candidates in fallback order, length, checked date. */
export function windowResult(window: CompiledWindow, starts: Literal[], lengthValue: Literal, checked: Literal): WindowResult {
  let start: number | null = null;
  for (const value of starts) {
    start = typeof value === 'string' ? parseIsoDate(value) : null;
    if (start !== null) break;
  }
  const length = typeof lengthValue === 'number' && lengthValue >= 0 ? lengthValue : null;
  const label = window.label.includes('{length}') ? window.label.replace('{length}', length === null ? '?' : String(length)) : window.label;
  // One object literal with every field, so all window results share a shape (spreads here were
  // the single biggest cost of evaluating a claim).
  const deadline = start === null || length === null ? null : windowDeadline(start, length, window.unit);
  const on = deadline === null || typeof checked !== 'string' ? null : parseIsoDate(checked);
  return {
    window: window.name, label, length, unit: window.unit,
    starts_on: start === null ? null : formatIsoDate(start),
    deadline: deadline === null ? null : formatIsoDate(deadline),
    status: deadline === null || on === null ? 'unknown' : on <= deadline ? 'open' : 'closed',
  };
}

/** The same, reading a window's facts by name. */
export function computeWindow(window: CompiledWindow, facts: Record<string, Literal>): WindowResult {
  const length = typeof window.length === 'number' ? window.length : facts[window.length.ref] ?? null;
  return windowResult(window, window.countsFrom.map((e) => facts[e] ?? null), length, facts[window.checkedAgainst] ?? null);
}
