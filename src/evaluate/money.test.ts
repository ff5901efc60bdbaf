// Exact money (INTERPRETATION §3, E-23): amounts become integer cents by their decimal digits, and a
// percentage of an amount is rounded half-up to the cent without floating-point drift.

import { describe, expect, it } from 'vitest';
import { fromMinorUnits, percentOf, toMinorUnits } from './money.js';

describe('toMinorUnits', () => {
  describe('reads an amount in currency units as exact cents', () => {
    it.each([
      [299.99, 29999],
      ['299.99', 29999],
      [19.99, 1999],
      [0.1, 10],
      ['0.1', 10],
      ['0.10', 10],
      [0.01, 1],
      [100, 10000],
      ['100', 10000],
      [0, 0],
      ['0.00', 0],
      [1234567.89, 123456789],
      [' 12.5 ', 1250],
      ['-0.5', -50],
    ] as const)('%j → %i', (amount, cents) => {
      expect(toMinorUnits(amount)).toBe(cents);
    });

    it('adds amounts exactly once they are cents: 0.1 + 0.2 is 0.3', () => {
      expect(toMinorUnits('0.1')! + toMinorUnits('0.2')!).toBe(toMinorUnits('0.3'));
      expect(fromMinorUnits(toMinorUnits(0.1)! + toMinorUnits(0.2)!)).toBe(0.3);
    });

    it('refuses a float that already carries drift (0.1 + 0.2) instead of rounding it silently', () => {
      expect(0.1 + 0.2).not.toBe(0.3);
      expect(toMinorUnits(0.1 + 0.2)).toBeNull();
    });
  });

  describe('rejects what is not an amount in cents', () => {
    it.each([
      ['three decimals', '1.005'],
      ['three decimals as a number', 1.005],
      ['a tenth of a cent', '0.001'],
      ['trailing zeros past the cent', '1.500'],
      ['a decimal comma', '1,50'],
      ['exponent notation', '1e3'],
      ['a leading dot', '.5'],
      ['a trailing dot', '5.'],
      ['a plus sign', '+5'],
      ['a currency sign', '$5'],
      ['words', 'five'],
      ['the empty string', ''],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['a tiny float', 1e-7],
    ] as const)('%s (%j)', (_what, value) => {
      expect(toMinorUnits(value)).toBeNull();
    });
  });
});

describe('fromMinorUnits', () => {
  it('turns cents back into currency units', () => {
    expect(fromMinorUnits(1500)).toBe(15);
    expect(fromMinorUnits(29999)).toBe(299.99);
    expect(fromMinorUnits(1)).toBe(0.01);
    expect(fromMinorUnits(0)).toBe(0);
  });
});

describe('percentOf', () => {
  describe('computes restocking fees half-up to the cent', () => {
    it.each([
      ['5% of 299.99 (14.9995 → 15.00)', 29999, 5, 1500],
      ['15% of 19.99 (2.9985 → 3.00)', 1999, 15, 300],
      ['15% of 299.99 (44.9985 → 45.00)', 29999, 15, 4500],
      ['5% of 100.00', 10000, 5, 500],
      ['15% of 129.99 (19.4985 → 19.50)', 12999, 15, 1950],
      ['0% of anything', 12345, 0, 0],
      ['100% of 19.99', 1999, 100, 1999],
      ['5% of 0.00', 0, 5, 0],
    ])('%s', (_what, cents, pct, fee) => {
      expect(percentOf(cents, pct)).toBe(fee);
    });
  });

  describe('when the exact result ends in half a cent', () => {
    it.each([
      ['50% of 0.01 (0.005 → 0.01)', 1, 50, 1],
      ['50% of 0.03 (0.015 → 0.02)', 3, 50, 2],
      ['10% of 0.05 (0.005 → 0.01)', 5, 10, 1],
      ['10% of 0.15 (0.015 → 0.02)', 15, 10, 2],
      ['10% of 0.25 (0.025 → 0.03, not banker’s 0.02)', 25, 10, 3],
      ['12.5% of 0.04 (0.005 → 0.01)', 4, 12.5, 1],
      ['15% of 3.30 (0.495 → 0.50)', 330, 15, 50],
      ['1% of 14.50 (0.145 → 0.15)', 1450, 1, 15],
    ])('rounds up: %s', (_what, cents, pct, fee) => {
      expect(percentOf(cents, pct)).toBe(fee);
    });

    it.each([
      ['10% of 0.04 (0.004 → 0.00)', 4, 10, 0],
      ['10% of 0.06 (0.006 → 0.01)', 6, 10, 1],
      ['12.5% of 0.01 (0.00125 → 0.00)', 1, 12.5, 0],
    ])('rounds to the nearest cent otherwise: %s', (_what, cents, pct, fee) => {
      expect(percentOf(cents, pct)).toBe(fee);
    });

    it('rounds a negative half cent away from zero', () => {
      expect(percentOf(-1, 50)).toBe(-1);
      expect(percentOf(-3, 50)).toBe(-2);
    });
  });

  describe('without floating-point drift', () => {
    it.each([
      ['15% of 1.90 = 0.285', 190, 15, 29],
      ['15% of 3.30 = 0.495', 330, 15, 50],
      ['12.5% of 8.20 = 1.025', 820, 12.5, 103],
      ['1% of 14.50 = 0.145', 1450, 1, 15],
    ])('gets %s right where amount × pct in floats rounds down', (_what, cents, pct, fee) => {
      expect(Math.round((cents / 100) * (pct / 100) * 100)).toBe(fee - 1);
      expect(percentOf(cents, pct)).toBe(fee);
    });

    it('agrees with integer arithmetic for every amount up to 200.00 at 5, 10, 15 and 12.5 percent', () => {
      const mismatches: string[] = [];
      for (let cents = 0; cents <= 20000; cents++) {
        for (const tenths of [50, 100, 150, 125]) {
          const exact = Math.floor((cents * tenths + 500) / 1000); // cents × pct/100, half-up, all in integers
          if (percentOf(cents, tenths / 10) !== exact) mismatches.push(`${tenths / 10}% of ${cents}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  it('returns NaN for a percentage that is not a number', () => {
    expect(percentOf(1000, Number.NaN)).toBeNaN();
  });
});
