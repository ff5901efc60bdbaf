// Cells back in sheet syntax: every kind of cell, in the viewer's style and the quoted style.

import { describe, expect, it } from 'vitest';
import type { UnaryTest } from '../contract.js';
import { formatOutput, formatTest, quotedLiteral, sheetLiteral } from './format-cell.js';

describe('formatTest', () => {
  it.each<[UnaryTest, string]>([
    [{ any: true }, '-'],
    [{ eq: ['unopened', 'opened_unused'] }, 'unopened, opened_unused'],
    [{ eq: [true] }, '√'],
    [{ eq: ['two words'] }, '"two words"'],
    [{ glob: ['neptune-*'] }, 'neptune-*'],
    [{ cmp: '<=', value: 14 }, '<= 14'],
    [{ range: [0, 14], open: [false, true] }, '[0..14)'],
    [{ ref: 'delivered_on', op: '<' }, '< delivered_on'],
    [{ not: [{ eq: ['used'] }] }, 'not(used)'],
    [
      {
        or: [
          { cmp: '<', value: 1 },
          { cmp: '>', value: 9 },
        ],
      },
      '< 1, > 9',
    ],
    [{ eq: [null] }, 'null'],
  ])('%j reads as %s', (test, text) => {
    expect(formatTest(test, sheetLiteral)).toBe(text);
  });
});

describe('formatOutput', () => {
  it('reads lists, references and empty cells', () => {
    expect(formatOutput({ value: ['refund', 'repair'] }, sheetLiteral)).toBe('refund, repair');
    expect(formatOutput({ ref: 'order_amount' })).toBe('order_amount');
    expect(formatOutput(null)).toBe('');
  });

  it('writes text bare in the quoted style too, as reason codes and payers are typed', () => {
    expect(formatOutput({ value: 'customer' })).toBe('customer');
    expect(formatOutput({ value: 15 })).toBe('15');
  });
});

describe('the quoted style', () => {
  it('quotes text and leaves dates and numbers bare', () => {
    expect(formatTest({ eq: ['used', '2025-03-01', 5] }, quotedLiteral)).toBe('"used", 2025-03-01, 5');
  });
});
