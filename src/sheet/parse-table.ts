// A decision-table sheet → CompiledTable. The top-left cell holds the DMN hit policy, headers name
// inputs (`fact`), outputs (`> name`) and annotations (`# note`); each body row is a rule.

import type { CompiledInput, CompiledOutput, CompiledRule, CompiledTable, FactType, HitPolicy, Literal, UnaryTest } from '../contract.js';
import type { IssueList } from '../issue.js';
import { parseInputCell, parseLiteral, parseOutputCell, splitTopLevel } from './cell-syntax.js';
import type { Sheet } from './parse-sheet.js';
import { type TestVisitor, visitTest } from './unary-test.js';

const HIT_POLICIES: Record<string, HitPolicy> = {
  U: 'U',
  UNIQUE: 'U',
  A: 'A',
  ANY: 'A',
  P: 'P',
  PRIORITY: 'P',
  F: 'F',
  FIRST: 'F',
  R: 'R',
  'RULE ORDER': 'R',
  O: 'O',
  'OUTPUT ORDER': 'O',
  C: 'C',
  COLLECT: 'C',
  'C+': 'C+',
  'COLLECT SUM': 'C+',
  'C<': 'C<',
  'COLLECT MIN': 'C<',
  'C>': 'C>',
  'COLLECT MAX': 'C>',
  'C#': 'C#',
  'COLLECT COUNT': 'C#',
};

/** What the compiler knows about a name a column reads; undefined = unknown name. */
export interface NameInfo {
  type?: FactType;
  values?: readonly Literal[];
}
export interface TableContext {
  describe(name: string): NameInfo | undefined;
  /** Brand tables must only read known facts; a standalone table (DMN TCK) may read anything. */
  strictNames: boolean;
  /** False for a standalone table: a dotted bare word (`a.b`) must name an input, not be text. Default true. */
  bareText?: boolean;
}

interface Column {
  index: number;
  name: string;
  values?: Literal[];
  default?: Literal;
}

/** `> extra_days default 0`: an output's value when no rule matches (DMN defaultOutputEntry). */
const DEFAULT_SUFFIX = /^(.*?)\s+default\s+(.+)$/;

/** The output's name in a `> name: values default x` header cell (null for an input or a note). */
export function outputName(header: string): string | null {
  if (!header.startsWith('>')) return null;
  const text = header.slice(1).trim();
  const named = DEFAULT_SUFFIX.exec(text)?.[1] ?? text;
  return named.split(':')[0]!.trim();
}

const COLUMN_NAME = /^[A-Za-z_][\w.]*$/;

export function parseHitPolicy(cell: string): { hitPolicy: HitPolicy; complete: boolean } | null {
  const text = cell.trim().replace(/\s+/g, ' ').toUpperCase();
  const complete = / COMPLETE$/.test(text);
  const policy = HIT_POLICIES[complete ? text.replace(/ COMPLETE$/, '') : text];
  return policy ? { hitPolicy: policy, complete } : null;
}

function parseValueList(text: string, sheet: string, row: number, col: number, issues: IssueList): Literal[] | undefined {
  const values: Literal[] = [];
  for (const part of splitTopLevel(text)) {
    const literal = parseLiteral(part);
    if (literal && !literal.ok) {
      issues.error('bad_value_list', `${literal.error}`, sheet, row, col);
      return undefined;
    }
    values.push(literal ? literal.value : part);
  }
  return values;
}

function parseHeader(sheet: Sheet, issues: IssueList) {
  const inputs: Column[] = [],
    outputs: Column[] = [];
  const seen = new Map<string, number>();
  const headerRow = sheet.headerRow;
  sheet.header.forEach((raw, index) => {
    if (index === 0 || raw.startsWith('#')) return;
    const isOutput = raw.startsWith('>');
    let text = isOutput ? raw.slice(1).trim() : raw;
    let fallback: Literal | undefined;
    const withDefault = isOutput ? DEFAULT_SUFFIX.exec(text) : null;
    if (withDefault) {
      const parsed = parseOutputCell(withDefault[2]!);
      if (!parsed.ok || parsed.value === null || !('value' in parsed.value) || Array.isArray(parsed.value.value)) {
        issues.error('bad_default', `"${withDefault[2]}" cannot be a default: expected one value, e.g. "> extra_days default 0"`, sheet.name, headerRow, index);
        return;
      }
      [text, fallback] = [withDefault[1]!.trim(), parsed.value.value];
    }
    if (text === '') {
      issues.error('empty_header', 'column has no header: expected a fact name, "> output" or "# note"', sheet.name, headerRow, index);
      return;
    }
    const colon = text.indexOf(':');
    const name = (colon >= 0 ? text.slice(0, colon) : text).trim();
    if (!COLUMN_NAME.test(name)) {
      issues.error('bad_header', `"${raw}" is not a column name: expected a name like issue, "> refund" or "# note"`, sheet.name, headerRow, index);
      return;
    }
    const key = `${isOutput ? '>' : ''}${name}`;
    if (seen.has(key)) {
      issues.error(
        'duplicate_header',
        `column "${raw}" repeats column ${seen.get(key)! + 1}: expected each input and output once`,
        sheet.name,
        headerRow,
        index,
      );
      return;
    }
    seen.set(key, index);
    const values = colon >= 0 ? parseValueList(text.slice(colon + 1), sheet.name, headerRow, index, issues) : undefined;
    (isOutput ? outputs : inputs).push({ index, name, values, ...(fallback !== undefined ? { default: fallback } : {}) });
  });
  return { inputs, outputs, headerRow };
}

const typeOfLiteral = (v: Literal) => (v === null ? 'null' : typeof v);

/** Checks a parsed test against the column's type; returns what is wrong, or null. */
export function checkTest(test: UnaryTest, info: NameInfo): string | null {
  const { type, values } = info;
  const firstProblem = (tests: UnaryTest[]) => tests.map((t) => checkTest(t, info)).find((p) => p !== null) ?? null;
  const ordered = (ends: Literal[]): string | null => {
    if (type === 'boolean' || type === 'enum' || type === 'text') return `${type} values cannot be compared with < > or ranges: expected a value or a list`;
    const want = type === 'date' ? 'string' : type ? 'number' : null;
    const bad = want ? ends.find((v) => typeof v !== want) : undefined;
    return bad !== undefined ? `${bad} is not a ${type}: expected ${type === 'date' ? 'a date like 2025-03-01' : 'a number'}` : null;
  };
  return visitTest(test, {
    any: () => null,
    ref: () => null,
    not: (t) => firstProblem(t.not),
    or: (t) => firstProblem(t.or),
    glob: () => (type === undefined || type === 'text' ? null : `a pattern with * only works on text facts, not ${type}`),
    cmp: (t) => ordered([t.value]),
    range: (t) => ordered(t.range),
    eq: (t) => {
      for (const v of t.eq) {
        if (v === null || type === undefined) continue;
        const expected = type === 'boolean' ? 'boolean' : type === 'number' || type === 'money' ? 'number' : 'string';
        if (typeOfLiteral(v) !== expected)
          return `${JSON.stringify(v)} is not a ${type}: expected ${type === 'boolean' ? 'true/false (√/×)' : type === 'date' ? 'a date like 2025-03-01' : `a ${type}`}`;
        if (values && !values.includes(v)) return `"${v}" is not an allowed value: expected one of ${values.join(', ')}`;
      }
      return null;
    },
  } satisfies TestVisitor<string | null>);
}

export function parseTable(sheet: Sheet, context: TableContext, issues: IssueList): CompiledTable | null {
  const corner = sheet.header[0] ?? '';
  const headerRow = sheet.headerRow;
  const hit = parseHitPolicy(corner);
  if (!hit)
    issues.error(
      'bad_hit_policy',
      `"${corner}" is not a hit policy: expected U, A, P, F, R, O, C, C+, C<, C> or C# in the top-left cell (optionally followed by "complete")`,
      sheet.name,
      headerRow,
      0,
    );
  const { inputs, outputs } = parseHeader(sheet, issues);
  if (outputs.length === 0) issues.error('no_outputs', 'the table has no output column: expected at least one header starting with ">"', sheet.name, headerRow);
  // DMN 8.2.11: collect operators are undefined over compound outputs, C# included.
  if (hit && (hit.hitPolicy === 'C+' || hit.hitPolicy === 'C<' || hit.hitPolicy === 'C>' || hit.hitPolicy === 'C#') && outputs.length > 1)
    issues.error('aggregation_outputs', `hit policy ${hit.hitPolicy} aggregates one output: expected exactly one ">" column`, sheet.name, headerRow);
  if (hit && (hit.hitPolicy === 'P' || hit.hitPolicy === 'O') && !outputs.some((o) => o.values))
    issues.error(
      'priority_values',
      `hit policy ${hit.hitPolicy} needs output values in priority order: expected a header like "> status: high, low"`,
      sheet.name,
      headerRow,
    );

  const infos = inputs.map((col) => {
    const info = context.describe(col.name);
    if (!info && context.strictNames)
      issues.error(
        'unknown_fact',
        `input "${col.name}" is not a fact, window or table output: expected a name from facts.csv or windows.csv`,
        sheet.name,
        headerRow,
        col.index,
      );
    return { ...info, values: col.values ?? info?.values };
  });
  const isName = (name: string) => context.describe(name) !== undefined || inputs.some((i) => i.name === name);
  // A bare word that is one of the column's own values is a value, even if a fact has that name.
  const isNameIn = (values?: readonly Literal[]) => (name: string) => !values?.includes(name) && isName(name);

  const bareText = context.bareText ?? true;
  const rules: CompiledRule[] = [];
  // Annotation columns (# …) after the last output may be left off; input and output cells may not.
  const width = Math.max(...inputs.map((c) => c.index), ...outputs.map((c) => c.index)) + 1;
  for (const { row, cells, written } of sheet.rows) {
    // A short row lost its last cells (a hand edit, a bad export): padded, it would silently drop
    // its verdict or fee.
    if (written !== undefined && written < width)
      issues.error(
        'short_row',
        `row has ${written} cells but the table has ${width} input and output columns: expected a cell for each (an empty cell is still separated by a comma)`,
        sheet.name,
        row,
        written,
      );
    const tests: UnaryTest[] = [];
    const values: CompiledRule['outputs'] = [];
    inputs.forEach((col, i) => {
      const parsed = parseInputCell(cells[col.index] ?? '', isNameIn(infos[i]!.values), bareText);
      if (!parsed.ok) {
        issues.error('bad_cell', parsed.error, sheet.name, row, col.index);
        tests.push({ any: true }); // keep one test per input so later checks still line up
        return;
      }
      const problem = checkTest(parsed.value, infos[i]!);
      if (problem) issues.error('bad_cell', `${cells[col.index]}: ${problem}`, sheet.name, row, col.index);
      tests.push(parsed.value);
    });
    for (const col of outputs) {
      const parsed = parseOutputCell(cells[col.index] ?? '', isName, bareText);
      if (!parsed.ok) issues.error('bad_cell', parsed.error, sheet.name, row, col.index);
      values.push(parsed.ok ? parsed.value : null);
    }
    const label = cells[0] || undefined;
    rules.push({ source: `${sheet.name}:${row}`, ...(label ? { label } : {}), tests, outputs: values });
  }
  if (rules.length === 0) issues.error('no_rules', 'the table has no rules: expected at least one row under the header', sheet.name, headerRow);
  return {
    name: sheet.name.replace(/^.*\//, '').replace(/\.csv$/i, ''),
    source: sheet.name,
    headerRow,
    hitPolicy: hit?.hitPolicy ?? 'U',
    complete: hit?.complete ?? false,
    inputs: inputs.map((c, i): CompiledInput => ({ name: c.name, ...(infos[i]!.values ? { values: [...infos[i]!.values!] } : {}) })),
    outputs: outputs.map(
      (c): CompiledOutput => ({ name: c.name, ...(c.values ? { priority: c.values } : {}), ...(c.default !== undefined ? { default: c.default } : {}) }),
    ),
    rules,
  };
}
