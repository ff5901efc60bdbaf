import { describe, expect, it } from 'vitest';
import type { UnaryTest } from '../../contract.js';
import { formatOutput, formatTest } from './format-cell.js';
import { parseSource, sheetHref } from './sheet-link.js';

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
    [{ or: [{ cmp: '<', value: 1 }, { cmp: '>', value: 9 }] }, '< 1, > 9'],
    [{ eq: [null] }, 'null'],
  ])('%j reads as %s', (test, text) => {
    expect(formatTest(test)).toBe(text);
  });

  it('shows compiled day numbers of a date fact as dates', () => {
    expect(formatTest({ cmp: '>=', value: 20148 }, 'date')).toBe('>= 2025-03-01');
  });
});

describe('formatOutput', () => {
  it('reads lists, references and empty cells', () => {
    expect(formatOutput({ value: ['refund', 'repair'] })).toBe('refund, repair');
    expect(formatOutput({ ref: 'order_amount' })).toBe('order_amount');
    expect(formatOutput(null)).toBe('');
  });
});

describe('sheet links', () => {
  it('turn a decision source into the viewer address of that row', () => {
    const ref = parseSource('acme/non-quality.csv:3');
    expect(ref).toEqual({ brand: 'acme', sheet: 'non-quality', row: 3 });
    expect(sheetHref(ref!)).toBe('/sheets?brand=acme&sheet=non-quality&row=3#row-3');
  });

  it('have no viewer for shared sheets', () => {
    expect(parseSource('_shared/reasons.csv:4')).toBeNull();
  });
});
