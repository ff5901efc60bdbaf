// Verification on standalone tables (no vocabulary): types are inferred from the cells.

import { describe, expect, it } from 'vitest';
import { parseStandaloneTable } from '../evaluate/standalone-table.js';

const issuesOf = (csv: string) => {
  const parsed = parseStandaloneTable('t.csv', csv);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.code} ${i.row}`);
};

describe('verifyTable', () => {
  describe('when a numeric column also has a null cell', () => {
    it('still sees the ranges as numbers, so no rule is reported masked', () => {
      expect(issuesOf('F,days,> r\nx,[0..14],a\ny,> 730,b\nn,null,c\nz,-,d\n')).toEqual([]);
    });
  });

  describe('when a first-hit rule is covered by earlier rules', () => {
    it('reports it masked at its row', () => {
      expect(issuesOf('F,days,> r\nx,<= 5,a\ny,[1..3],b\n')).toEqual(['masked_rule 3']);
    });
  });

  describe('with 20,000 rules keyed by a value column', () => {
    it('checks overlaps by bucket and finds the one duplicate', () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => `,"sku${i}",< 10,${i}\n,"sku${i}",>= 10,${i}`);
      rows.push(',"sku42",[5..20],dup');
      expect(issuesOf(`U,sku,qty,> price\n${rows.join('\n')}\n`)).toEqual(['overlapping_rules 20002']);
    });
  });
});
