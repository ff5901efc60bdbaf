// Verification on standalone tables (no vocabulary): types are inferred from the cells. Checked
// against a brute-force oracle on random tables, and on 200,000-row varied tables for what it
// finds there (no timings here: bench/scale.ts measures those).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledTable, FactType, HitPolicy, Literal, UnaryTest } from '../contract.js';
import { compileTest } from '../evaluate/match-test.js';
import { parseStandaloneTable } from '../evaluate/standalone-table.js';
import { IssueList } from '../issue.js';
import { columnAtoms } from './input-atoms.js';
import { verifyTable } from './verify-tables.js';

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

  describe('when a cell cannot be read', () => {
    it('reports that cell once, not also the overlaps of the `-` standing in for it', () => {
      expect(issuesOf('U,kind,> r\nA,not(,1\nB,"a",2\nC,"b",3\nD,"c",4\n')).toEqual(['bad_cell 2']);
    });

    it('still reports the overlaps among the other rows', () => {
      expect(issuesOf('U,kind,> r\nA,not(,1\nB,"a",2\nC,"a",3\n')).toEqual(['bad_cell 2', 'overlapping_rules 4']);
    });
  });
});

/** Eight product lines per 64 rows, each tiling amount × days with boundaries of its own. */
function variedRows(rows: number): string[] {
  const out: string[] = [];
  for (let line = 0; out.length < rows; line++) {
    const shift = (line * 37) % 9973,
      days = 10 + (line % 53);
    const cuts = [0, 100 + shift, 20_000 + 2 * shift, 50_000 + 3 * shift];
    cuts.forEach((lo, j) => {
      const amount = j === 0 ? `< ${cuts[1]}` : j + 1 < cuts.length ? `[${lo}..${cuts[j + 1]})` : `>= ${lo}`;
      out.push(`,"line${line}",${amount},< ${days},${line}-${j}a`, `,"line${line}",${amount},>= ${days},${line}-${j}b`);
    });
  }
  return out.slice(0, rows);
}

// Time allowed for a test on 200,000 rows on a slow, shared machine (a limit, not a measurement).
const LARGE = 120_000;

describe('verifyTable on a 200,000-row varied table', () => {
  const rows = variedRows(200_000);
  const header = (hit: string) => `${hit},line,amount,days,> r\n`;

  it(
    'finds nothing wrong in a table whose rules exclude each other',
    () => {
      expect(issuesOf(`${header('U')}${rows.join('\n')}\n`)).toEqual([]);
    },
    LARGE,
  );

  it(
    'finds the one rule that overlaps another, at its row',
    () => {
      expect(issuesOf(`${header('U')}${rows.join('\n')}\n,"line777",[120..130],-,dup\n`)).toEqual(['overlapping_rules 200002']);
    },
    LARGE,
  );

  it(
    'finds the gap left by one removed rule of a complete table',
    () => {
      const holed = rows.filter((_, i) => i !== 123_457);
      // The last row answers for every other line (and for lines not listed): only line15432 has a hole.
      const issues = parseStandaloneTable('t.csv', `${header('F complete')}${holed.join('\n')}\n,"not(""line15432"")",-,-,rest\n`);
      expect(issues.ok ? [] : issues.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^no rule covers line=line15432, amount=\S+, days=\S+: /)]);
    },
    LARGE,
  );

  it(
    'finds the rule of a first-hit table that earlier rules mask, and no other',
    () => {
      const masked = [...rows.slice(0, 100_000), ',"line5",[300..400],[20..30],late', ...rows.slice(100_000), ',-,-,-,rest'];
      expect(issuesOf(`${header('F')}${masked.join('\n')}\n`)).toEqual(['masked_rule 100002']);
    },
    LARGE,
  );
});

// ---------- against a brute-force oracle: every point of the atoms' product, every rule ----------

const NUMBERS = [0, 1, 5, 10, 14, 30];
const TEXTS = ['a', 'b', 'c'];
const numberTest: fc.Arbitrary<UnaryTest> = fc.oneof(
  fc.constant({ any: true } as UnaryTest),
  fc.uniqueArray(fc.constantFrom(...NUMBERS), { minLength: 1, maxLength: 2 }).map((eq) => ({ eq })),
  fc.record({ cmp: fc.constantFrom('<', '<=', '>', '>=' as const), value: fc.constantFrom(...NUMBERS) }),
  fc
    .tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMBERS), fc.boolean(), fc.boolean())
    .filter(([lo, hi, a, b]) => lo < hi || (lo === hi && !a && !b))
    .map(([lo, hi, a, b]) => ({ range: [lo, hi], open: [a, b] }) as UnaryTest),
  fc.constant({ eq: [null] } as UnaryTest),
);
const withNot = (t: fc.Arbitrary<UnaryTest>): fc.Arbitrary<UnaryTest> =>
  fc.oneof(
    t,
    t.filter((x) => !('any' in x)).map((x) => ({ not: [x] })),
    fc
      .tuple(t, t)
      .filter(([x, y]) => !('any' in x) && !('any' in y))
      .map(([x, y]) => ({ or: [x, y] })),
  );
const textTest: fc.Arbitrary<UnaryTest> = fc.oneof(
  fc.constant({ any: true } as UnaryTest),
  fc.uniqueArray(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 2 }).map((eq) => ({ eq })),
  fc.constant({ glob: ['a*'] } as UnaryTest),
);

interface Column {
  type: FactType | undefined;
  test: fc.Arbitrary<UnaryTest>;
}
const COLUMNS: Column[] = [
  { type: 'number', test: withNot(numberTest) },
  { type: undefined, test: withNot(textTest) },
];

const tableArb = fc
  .record({
    hit: fc.constantFrom<HitPolicy>('U', 'A', 'F'),
    complete: fc.boolean(),
    columns: fc.array(fc.constantFrom(...COLUMNS), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ hit, complete, columns }) =>
    fc
      .array(fc.tuple(fc.tuple(...columns.map((c) => c.test)), fc.constantFrom('x', 'y')), { minLength: 1, maxLength: 7 })
      .map((rules): { table: CompiledTable; types: (FactType | undefined)[] } => ({
        types: columns.map((c) => c.type),
        table: {
          name: 't',
          source: 't.csv',
          headerRow: 1,
          hitPolicy: hit,
          complete,
          inputs: columns.map((_, c) => ({ name: `i${c}` })),
          outputs: [{ name: 'r' }] as CompiledTable['outputs'],
          rules: rules.map(([tests, out], r) => ({ source: `t.csv:${r + 2}`, tests, outputs: [{ value: out }] })),
        },
      })),
  );

function* points(domains: Literal[][]): Generator<Literal[]> {
  if (domains.length === 0) {
    yield [];
    return;
  }
  for (const v of domains[0]!) for (const rest of points(domains.slice(1))) yield [v, ...rest];
}

/** What verification must report, found by trying every rule at every point. */
function oracle(table: CompiledTable, types: (FactType | undefined)[]): string[] {
  const domains = table.inputs.map((_, c) => columnAtoms(table, c, types[c]).values);
  const matchers = table.rules.map((r) => r.tests.map((t) => compileTest(t)));
  const overlap = new Map<number, number>();
  const first = new Set<number>();
  let gap = false;
  for (const point of points(domains)) {
    const hits = matchers.flatMap((m, r) => (m.every((test, c) => test(point[c]!, [])) ? [r] : []));
    if (hits.length) first.add(hits[0]!);
    if (!hits.length && point.every((v) => v !== null)) gap = true;
    for (const b of hits) {
      const a = hits.find((x) => x < b && (table.hitPolicy !== 'A' || JSON.stringify(table.rules[x]!.outputs) !== JSON.stringify(table.rules[b]!.outputs)));
      if (a !== undefined && (!overlap.has(b) || a < overlap.get(b)!)) overlap.set(b, a);
    }
  }
  const out: string[] = [];
  if (table.hitPolicy !== 'F') for (const [b, a] of [...overlap].sort(([x], [y]) => x - y)) out.push(`overlapping_rules ${b + 2} (row ${a + 2})`);
  if (table.hitPolicy === 'F')
    table.rules.forEach((_, r) => {
      if (r > 0 && !first.has(r)) out.push(`masked_rule ${r + 2}`);
    });
  if (table.complete && gap) out.push('table_gap');
  return out;
}

describe('verifyTable against a brute-force oracle', () => {
  it('reports exactly the overlaps, masked rules and gaps that trying every point finds', () => {
    fc.assert(
      fc.property(tableArb, ({ table, types }) => {
        const issues = new IssueList();
        verifyTable(table, (name) => types[Number(name.slice(1))], issues);
        const found = issues.items.map((i) =>
          i.code === 'table_gap'
            ? 'table_gap'
            : i.code === 'overlapping_rules'
              ? `${i.code} ${i.row} (row ${/row (\d+)/.exec(i.message)![1]})`
              : `${i.code} ${i.row}`,
        );
        expect([...new Set(found)]).toEqual(oracle(table, types));
      }),
      { numRuns: 2000 },
    );
  });
});
