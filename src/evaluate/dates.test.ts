// Calendar arithmetic as INTERPRETATION §1 fixes it: the start day is day 0, months and years land
// on the same date clamped to the month's end, and only real calendar dates are accepted.

import { describe, expect, it } from 'vitest';
import { addMonths, civilFromDay, dayNumber, daysInMonth, formatIsoDate, parseIsoDate, windowDeadline } from './dates.js';

const day = (iso: string): number => {
  const n = parseIsoDate(iso);
  if (n === null) throw new Error(`test date ${iso} is not a calendar date`);
  return n;
};
const deadline = (start: string, length: number, unit: 'days' | 'months' | 'years') => formatIsoDate(windowDeadline(day(start), length, unit));

describe('dates', () => {
  describe('day numbers', () => {
    it('counts days from 1970-01-01 as day 0', () => {
      expect(dayNumber(1970, 1, 1)).toBe(0);
      expect(parseIsoDate('1970-01-02')).toBe(1);
      expect(parseIsoDate('1969-12-31')).toBe(-1);
    });

    it('makes consecutive calendar days consecutive numbers across month, year and leap-day boundaries', () => {
      expect(day('2024-03-01') - day('2024-02-29')).toBe(1);
      expect(day('2025-03-01') - day('2025-02-28')).toBe(1);
      expect(day('2025-01-01') - day('2024-12-31')).toBe(1);
      expect(day('2025-01-01') - day('2024-01-01')).toBe(366);
      expect(day('2026-01-01') - day('2025-01-01')).toBe(365);
    });

    it('knows the length of every month, including leap Februaries', () => {
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
      expect(daysInMonth(2024, 2)).toBe(29);
      expect(daysInMonth(2000, 2)).toBe(29);
      expect(daysInMonth(1900, 2)).toBe(28);
      expect(daysInMonth(2100, 2)).toBe(28);
    });

    it('round-trips every day of 1999–2101 through format and parse', () => {
      const from = day('1999-01-01'),
        to = day('2101-12-31');
      let mismatches = 0;
      for (let n = from; n <= to; n++) {
        const iso = formatIsoDate(n);
        const { year, month, day: d } = civilFromDay(n);
        if (parseIsoDate(iso) !== n || dayNumber(year, month, d) !== n) mismatches++;
      }
      expect(mismatches).toBe(0);
      expect(to - from + 1).toBe(37_620);
    });
  });

  describe('parseIsoDate', () => {
    it.each(['2025-03-01', '2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01'])('accepts the calendar date %s', (iso) => {
      expect(parseIsoDate(iso)).not.toBeNull();
      expect(formatIsoDate(parseIsoDate(iso)!)).toBe(iso);
    });

    it.each([
      ['a 29 February outside a leap year', '2025-02-29'],
      ['29 February of a century that is not a leap year', '1900-02-29'],
      ['a thirteenth month', '2025-13-01'],
      ['month zero', '2025-00-10'],
      ['year zero (the format runs from 0001 to 9999)', '0000-06-01'],
      ['day zero', '2025-03-00'],
      ['31 April', '2025-04-31'],
      ['day 32', '2025-01-32'],
      ['a date without leading zeros', '2025-3-1'],
      ['a day-first date', '01-03-2025'],
      ['a slashed date', '2025/03/01'],
      ['a timestamp', '2025-03-01T00:00:00Z'],
      ['surrounding spaces', ' 2025-03-01 '],
      ['letters', '2025-ab-01'],
      ['a sign', '+025-03-01'],
      ['garbage', 'next tuesday'],
      ['the empty string', ''],
    ])('rejects %s (%s)', (_what, text) => {
      expect(parseIsoDate(text)).toBeNull();
    });
  });

  describe('windowDeadline', () => {
    describe('in days, counting the start day as day 0', () => {
      it('ends a 14-day window from 2025-03-01 on 2025-03-15', () => {
        expect(deadline('2025-03-01', 14, 'days')).toBe('2025-03-15');
      });

      it('ends a 0-day window on its start day', () => {
        expect(deadline('2025-03-01', 0, 'days')).toBe('2025-03-01');
      });

      it.each([
        ['2025-02-20', 14, '2025-03-06'],
        ['2024-02-20', 14, '2024-03-05'],
        ['2025-12-25', 14, '2026-01-08'],
        ['2025-03-01', 30, '2025-03-31'],
        ['2025-03-01', 60, '2025-04-30'],
        ['2025-01-10', 7, '2025-01-17'],
      ])('ends a window from %s of %i days on %s', (start, length, end) => {
        expect(deadline(start, length, 'days')).toBe(end);
      });
    });

    describe('in months and years, landing on the same date clamped to the month end', () => {
      it.each([
        ['2024-11-30', 3, 'months', '2025-02-28'],
        ['2024-02-29', 1, 'years', '2025-02-28'],
        ['2024-08-31', 6, 'months', '2025-02-28'],
        ['2025-01-31', 3, 'months', '2025-04-30'],
        ['2025-01-31', 1, 'months', '2025-02-28'],
        ['2024-01-31', 1, 'months', '2024-02-29'],
        ['2023-08-31', 6, 'months', '2024-02-29'],
        ['2025-03-15', 3, 'months', '2025-06-15'],
        ['2025-03-31', 24, 'months', '2027-03-31'],
        ['2025-10-31', 2, 'months', '2025-12-31'],
        ['2025-11-30', 3, 'months', '2026-02-28'],
        ['2025-03-01', 2, 'years', '2027-03-01'],
        ['2024-02-29', 4, 'years', '2028-02-29'],
        ['2025-03-01', 0, 'months', '2025-03-01'],
      ] as const)('%s + %i %s = %s', (start, length, unit, end) => {
        expect(deadline(start, length, unit)).toBe(end);
      });

      it('treats N years as 12·N months', () => {
        for (const start of ['2024-02-29', '2024-08-31', '2025-01-31', '2025-07-04']) {
          expect(windowDeadline(day(start), 2, 'years')).toBe(addMonths(day(start), 24));
        }
      });
    });
  });
});
