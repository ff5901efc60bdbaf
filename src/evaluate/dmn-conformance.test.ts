// DMN conformance of the standalone table evaluator, against decision tables translated from the
// DMN TCK (test/dmn-tck, see its README for the source of every fixture and what was left out).
// Each fixture is <name>.csv (the table) + <name>.cases.json (facts and the expected DMN value).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateTable, parseStandaloneTable } from './standalone-table.js';

interface FixtureCase {
  id: string;
  from: 'tck' | 'derived' | 'derived-from-tck' | 'spec';
  facts: Record<string, unknown>;
  expected: unknown;
  /** Collect (C) returns hits in arbitrary order: compare as a multiset. */
  unordered?: boolean;
  /** A hit-policy violation: the result must be null and an error reported. */
  error?: boolean;
  why?: string;
  note?: string;
}

interface Fixture {
  name: string;
  csv: string;
  tck: { model: string; tests: string | null } | null;
  decision: string;
  /** The table itself is invalid and must be rejected when parsed, with this issue code. */
  parseError?: string;
  cases: FixtureCase[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../test/dmn-tck');

const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.cases.json'))
  .sort()
  .map((f) => {
    const name = f.slice(0, -'.cases.json'.length);
    const meta = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Fixture, 'name' | 'csv'>;
    return { ...meta, name, csv: readFileSync(join(dir, `${name}.csv`), 'utf8') };
  });

const canonical = (v: unknown) => JSON.stringify(v);
const asMultiset = (v: unknown) => (Array.isArray(v) ? v.map(canonical).sort() : v);

describe('DMN TCK decision tables', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  const valid = fixtures.filter((f) => !f.parseError);
  it.each(valid.map((f) => [f.name, f] as const))('%s parses', (_, fixture) => {
    const parsed = parseStandaloneTable(`${fixture.name}.csv`, fixture.csv);
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.code}: ${i.message}`)).toEqual([]);
  });

  const rows = valid.flatMap((f) => f.cases.map((c) => [`${f.name} #${c.id} (${c.from})`, f, c] as const));
  it.each(rows)('%s', (_, fixture, testCase) => {
    const parsed = parseStandaloneTable(`${fixture.name}.csv`, fixture.csv);
    if (!parsed.ok) throw new Error(`${fixture.name} does not parse: ${parsed.issues.map((i) => i.message).join('; ')}`);
    const evaluation = evaluateTable(parsed.table, testCase.facts);
    if (testCase.error) {
      // A violated hit policy is an error with a null value, never one of the matching rows.
      expect(evaluation.error).toBeTypeOf('string');
      expect(evaluation.result).toBeNull();
      return;
    }
    expect(evaluation.error).toBeUndefined();
    if (testCase.unordered) expect(asMultiset(evaluation.result)).toEqual(asMultiset(testCase.expected));
    else expect(evaluation.result).toEqual(testCase.expected);
  });

  const invalid = fixtures.filter((f) => f.parseError);
  it.each(invalid.map((f) => [f.name, f] as const))('%s is rejected as invalid', (_, fixture) => {
    const parsed = parseStandaloneTable(`${fixture.name}.csv`, fixture.csv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.code)).toContain(fixture.parseError);
  });
});

// 0020-vacation-days: the TCK only states the total, a literal expression over three C> tables:
// Base Vacation Days (22) + max(Extra days case 1, Extra days case 3) + Extra days case 2, where each
// table's output has defaultOutputEntry 0 (the CSV's "> ExtraDays default 0").
describe('DMN TCK 0020-vacation-days totals', () => {
  const table = (name: string) => {
    const parsed = parseStandaloneTable(`${name}.csv`, readFileSync(join(dir, `${name}.csv`), 'utf8'));
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    return (facts: Record<string, unknown>) => evaluateTable(parsed.table, facts).result as number;
  };
  const case1 = table('0020-vacation-days.ExtraDaysCase1');
  const case2 = table('0020-vacation-days.ExtraDaysCase2');
  const case3 = table('0020-vacation-days.ExtraDaysCase3');
  // TestCases/compliance-level-3/0020-vacation-days/0020-vacation-days-test-01.xml
  const totals: [age: number, years: number, total: number][] = [
    [16, 1, 27],
    [25, 5, 22],
    [25, 20, 24],
    [44, 30, 30],
    [50, 20, 24],
    [50, 30, 30],
    [60, 20, 30],
  ];
  it.each(totals)('Age %i, %i years of service: %i days', (Age, YearsOfService, total) => {
    const facts = { Age, YearsOfService };
    expect(22 + Math.max(case1(facts), case3(facts)) + case2(facts)).toBe(total);
  });
});

describe('standalone tables: names that are also JavaScript internals', () => {
  const parsed = parseStandaloneTable('internals.csv', 'U,constructor,a.b,> __proto__,> toString\nx,null,1,"p","q"\ny,"k",-,"r","s"\n');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  it('reads an inherited member as not given and keeps __proto__ an own output', () => {
    const result = evaluateTable(parsed.table, { a: { b: 1 } });
    expect(result.matched).toEqual(['internals.csv:2']);
    expect(JSON.stringify(result.result)).toBe('{"__proto__":"p","toString":"q"}');
    expect(Object.getPrototypeOf(result.result)).toBe(Object.prototype);
  });
  it('reads a nested name, and an own member over the path', () => {
    expect(evaluateTable(parsed.table, { constructor: 'k', 'a.b': 2 }).matched).toEqual(['internals.csv:3']);
  });
});
