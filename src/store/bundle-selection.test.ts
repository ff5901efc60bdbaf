import { describe, expect, it } from 'vitest';
import { selectBundled } from './bundle-selection.js';

const brands = (sizes: Record<string, number>) => Object.entries(sizes).map(([brand, bytes]) => ({ brand, bytes }));

describe('the bundled fallback under a budget', () => {
  it('bundles every brand when all fit', () => {
    expect(selectBundled(brands({ b: 30, a: 20 }), 50)).toEqual({ bundled: ['a', 'b'], left: [], bytes: 50 });
  });

  it('bundles the most brands that fit, smallest first, and names the rest', () => {
    const selection = selectBundled(brands({ big: 60, small: 10, mid: 30, tiny: 5 }), 50);
    expect(selection.bundled).toEqual(['mid', 'small', 'tiny']);
    expect(selection.left).toEqual([{ brand: 'big', bytes: 60 }]);
    expect(selection.bytes).toBe(45);
  });

  it('keeps bounding the bundle as brands are added: a thousand brands never exceed the budget', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ brand: `brand-${i}`, bytes: 1000 + (i % 97) * 300 }));
    const selection = selectBundled(many, 256 * 1024);
    expect(selection.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(selection.bundled.length + selection.left.length).toBe(1000);
  });

  it('chooses the same among brands of one size on every machine (by id)', () => {
    expect(selectBundled(brands({ c: 10, a: 10, b: 10 }), 20).bundled).toEqual(['a', 'b']);
  });

  it('never bundles a brand larger than the budget by itself', () => {
    expect(selectBundled(brands({ huge: 500 }), 100)).toEqual({ bundled: [], left: [{ brand: 'huge', bytes: 500 }], bytes: 0 });
  });
});
