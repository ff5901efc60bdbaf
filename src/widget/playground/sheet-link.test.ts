import { describe, expect, it } from 'vitest';
import { parseSource, sheetHref } from './sheet-link.js';

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
