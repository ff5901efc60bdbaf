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

describe('DMN 1.4 S-FEEL forms', () => {
  const table = (text: string) => {
    const parsed = parseStandaloneTable('t.csv', text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.table;
  };

  describe('!= x', () => {
    const t = table('F,Status,> out\n1,!= "closed",open\n2,-,other\n');
    it.each([
      [{ Status: 'pending' }, 'open'],
      [{ Status: 'closed' }, 'other'],
      // FEEL: null != "closed" is true.
      [{}, 'open'],
    ])('%j → %s', (facts, expected) => expect(evaluateTable(t, facts).result).toBe(expected));
  });

  describe('a range whose ends are inputs', () => {
    const t = table('F,Score,Low,High,> out\n1,[Low..High),-,-,inside\n2,-,-,-,outside\n');
    it.each([
      [{ Score: 5, Low: 5, High: 10 }, 'inside'],
      [{ Score: 9.5, Low: 5, High: 10 }, 'inside'],
      [{ Score: 10, Low: 5, High: 10 }, 'outside'],
      [{ Score: 4, Low: 5, High: 10 }, 'outside'],
      // A missing end makes the test null (FEEL): the rule does not match.
      [{ Score: 7, Low: 5 }, 'outside'],
      [{ Low: 5, High: 10 }, 'outside'],
    ])('%j → %s', (facts, expected) => expect(evaluateTable(t, facts).result).toBe(expected));
  });
});
