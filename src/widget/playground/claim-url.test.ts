import { describe, expect, it } from 'vitest';
import type { BrandFact } from './api-types.js';
import { decodeClaim, encodeClaim } from './claim-url.js';

const facts: BrandFact[] = [
  { name: 'part', type: 'enum', values: ['printer', 'watch'], description: null },
  { name: 'delivered_on', type: 'date', values: null, description: null },
  { name: 'order_amount', type: 'money', values: null, description: null },
  { name: 'water_damage', type: 'boolean', values: null, description: null },
  { name: 'gift', type: 'boolean', values: null, description: null },
  { name: 'product_line', type: 'text', values: null, description: null },
];

describe('the shareable claim URL', () => {
  it('round-trips a claim through the query string with its types', () => {
    const claim = { part: 'printer', delivered_on: '2025-03-01', order_amount: 299.99, water_damage: true, gift: false, product_line: 'neptune 4 & pro' };
    const query = encodeClaim('acme', claim, 'de');
    expect(query).toContain('brand=acme');
    expect(query).toContain('lang=de');
    expect(decodeClaim(new URLSearchParams(query), facts)).toEqual(claim);
  });

  it('leaves out empty facts and parameters that are not facts', () => {
    expect(encodeClaim('acme', { part: '', gift: undefined })).toBe('brand=acme');
    expect(decodeClaim(new URLSearchParams('brand=acme&lang=en&utm_source=x&part=watch'), facts)).toEqual({ part: 'watch' });
  });

  it('keeps a number it cannot read as sent, for the API to name', () => {
    expect(decodeClaim(new URLSearchParams('order_amount=lots'), facts)).toEqual({ order_amount: 'lots' });
  });
});
