// A window of the brand's windows.csv for one claim: when it starts, its inclusive last day, and
// whether the date it is checked against falls inside (INTERPRETATION §1).

import type { CompiledWindow, WindowResult } from '../contract.js';
import { formatIsoDate, parseIsoDate, windowDeadline } from './dates.js';
import type { Facts } from './match-test.js';

export function computeWindow(window: CompiledWindow, facts: Facts): WindowResult {
  let start: number | null = null;
  for (const event of window.countsFrom) {
    const value = facts[event];
    start = typeof value === 'string' ? parseIsoDate(value) : null;
    if (start !== null) break;
  }
  const length = typeof window.length === 'number' ? window.length : facts[window.length.ref];
  const label = window.label.replace('{length}', typeof length === 'number' ? String(length) : '?');
  if (start === null || typeof length !== 'number' || length < 0) {
    return { window: window.name, label, length: typeof length === 'number' ? length : null, unit: window.unit, starts_on: start === null ? null : formatIsoDate(start), deadline: null, status: 'unknown' };
  }
  const deadline = windowDeadline(start, length, window.unit);
  const checked = facts[window.checkedAgainst];
  const on = typeof checked === 'string' ? parseIsoDate(checked) : null;
  return {
    window: window.name, label, length, unit: window.unit, starts_on: formatIsoDate(start), deadline: formatIsoDate(deadline),
    status: on === null ? 'unknown' : on <= deadline ? 'open' : 'closed',
  };
}
