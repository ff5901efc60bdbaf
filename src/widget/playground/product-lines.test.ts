import { describe, expect, it } from 'vitest';
import type { CompiledTable } from '../../contract.js';
import { suggestedValues } from './product-lines.js';

const table = (rules: CompiledTable['rules']): CompiledTable =>
  ({
    name: 'families',
    source: 'acme/families.csv',
    hitPolicy: 'F',
    inputs: [{ name: 'part' }, { name: 'product_line' }],
    outputs: [],
    rules,
  }) as unknown as CompiledTable;

describe('suggestedValues', () => {
  it('offers the values rules test, a pattern by its fixed start, each once in sheet order with its rule label', () => {
    const tables = [
      table([
        { source: 'acme/families.csv:2', label: 'Studio', tests: [{ any: true }, { glob: ['studio-*'] }], outputs: [] },
        { source: 'acme/families.csv:3', label: 'Go', tests: [{ eq: ['printer'] }, { or: [{ eq: ['go-1', 'go-2'] }, { glob: ['studio-*'] }] }], outputs: [] },
        { source: 'acme/families.csv:4', tests: [{ any: true }, { not: [{ eq: ['old-1'] }] }], outputs: [] },
      ]),
    ];
    expect(suggestedValues(tables, 'product_line')).toEqual([
      { value: 'studio-', label: 'Studio' },
      { value: 'go-1', label: 'Go' },
      { value: 'go-2', label: 'Go' },
    ]);
    expect(suggestedValues(tables, 'channel')).toEqual([]);
  });
});
