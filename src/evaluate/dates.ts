// Calendar arithmetic on whole local dates (INTERPRETATION §1): no time zones, no Date objects on
// the hot path. A date is an integer day number (days since 1970-01-01) inside the engine.

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Parses YYYY-MM-DD into a day number, or returns null when it is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  // Hand-rolled rather than a RegExp: dates are parsed several times per claim on the hot path.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4),
    month = digits(text, 5, 2),
    day = digits(text, 8, 2);
  // Year 0000 does not exist in the documented format (0001–9999).
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumber(year, month, day);
}

/** The last day a YYYY-MM-DD date can state: a deadline after it cannot be written in the format. */
export const LAST_DATE = '9999-12-31';

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function formatIsoDate(n: number): string {
  const { year, month, day } = civilFromDay(n);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${two(month)}-${two(day)}`;
}

/** "N months later": same calendar date, clamped to the month's last day (2024-08-31 + 6 = 2025-02-28). */
export function addMonths(start: number, months: number): number {
  const { year, month, day } = civilFromDay(start);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12),
    m = index - y * 12 + 1;
  return dayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Inclusive last day of a window of `length` units starting on `start` (day 0). */
export function windowDeadline(start: number, length: number, unit: 'days' | 'months' | 'years'): number {
  if (unit === 'days') return start + length;
  return addMonths(start, unit === 'years' ? length * 12 : length);
}

/**
 * formatIsoDate through a bounded cache: a claim's windows mostly start on the same few dates and
 * their deadlines repeat across claims, and formatting was a visible share of evaluating one.
 */
const formatted = new Map<number, string>();
export function isoDate(n: number): string {
  const held = formatted.get(n);
  if (held !== undefined) return held;
  if (formatted.size >= 4096) formatted.clear();
  const text = formatIsoDate(n);
  formatted.set(n, text);
  return text;
}

/** The day number of "no date" (a fact not sent, or not a date): NaN, so arithmetic on it stays "no date". */
export const NO_DAY = Number.NaN;

/** Whether a day number is a date (not NO_DAY). */
export const isDay = (day: number): boolean => !Number.isNaN(day);
