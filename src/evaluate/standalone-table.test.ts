// A standalone DMN table reads names the way S-FEEL does: a dotted word is a name, never text.

import { describe, expect, it } from 'vitest';
import { evaluateTable, parseStandaloneTable } from './standalone-table.js';

describe('parseStandaloneTable', () => {
  it('refuses a dotted word that names no input, at its cell, instead of reading it as text', () => {
    const parsed = parseStandaloneTable('complex.csv', 'U,Complex.aString,> out\nR,Complex.aBoolean,"yes"\n');
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.code} ${i.row}:${i.column}`)).toEqual(['bad_cell 2:B']);
  });

  it('reads a dotted word that names an input as that input', () => {
    const parsed = parseStandaloneTable('complex.csv', 'U,Complex.aString,Complex.other,> out\nR,Complex.other,-,"same"\n');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(evaluateTable(parsed.table, { Complex: { aString: 'x', other: 'x' } }).result).toBe('same');
  });
});
