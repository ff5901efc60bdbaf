// The cell language of decision tables: DMN S-FEEL unary tests for input cells and literals for
// output cells, plus the symbols editors paste from brand tables (√ ×, 5%). Pure parsing: a cell
// becomes a UnaryTest / OutputValue, or an error message saying what was expected.
//
// Adding a kind of input cell (an operator):
//   1. its shape: a variant of UnaryTest in src/contract.ts, with a key of its own;
//   2. its kind: that key in TEST_KINDS (src/sheet/unary-test.ts);
//   3. its syntax: here (parseSimpleTest), with cases in cell-syntax.test.ts and the table in
//      policy-sheets/README.md § Input cells;
//   4. `npx tsc --noEmit` then lists every visitor that must say what it means — matching
//      (evaluate/match-test.ts), type checks (sheet/parse-table.ts), verification
//      (compile/input-atoms.ts), references (sheet/unary-test.ts), formatting (sheet/format-cell.ts);
//   5. a form that only rewrites into existing kinds (`!= x` → not(x), a range between names) needs
//      none of that: parse it into them here, as those two do.
// The stored format changes with a new kind: bump FORMAT_VERSION (src/contract.ts) so older Workers
// refuse documents they cannot read. evaluate/rule-checks.ts has fast paths for common kinds and
// hands any other kind to match-test.ts, so it needs no entry.

import type { Literal, OutputValue, UnaryTest } from '../contract.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const YES = new Set(['true', '√', '✓', '✔']);
const NO = new Set(['false', '×', '✗', '✘']);
const NUMBER = /^-?\d+(?:\.\d+)?%?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_CALL = /^date\(\s*"(\d{4}-\d{2}-\d{2})"\s*\)$/;
const NAME = /^[A-Za-z_][\w.]*$/;
const BARE_WORD = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-*/ ]*$/u;
const FORMULA_START = /^[=+@]/;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** A whole range at a position, whatever its brackets: `]0..14[` must not count as nesting. */
const RANGE_AT = /[[\]()]\s*[^,[\]()"]+?\s*\.\.\s*[^,[\]()"]+?\s*[[\]()]/y;

/** Splits on commas that are not inside quotes, brackets or parentheses. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0,
    quoted = false,
    start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quoted && depth === 0 && (c === '[' || c === ']' || c === '(')) {
      RANGE_AT.lastIndex = i;
      if (RANGE_AT.test(text)) {
        i = RANGE_AT.lastIndex - 1;
        continue;
      }
    }
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || (c === ']' && depth > 0)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

function isValidDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

/** A single literal: number, percentage, quoted string, boolean, date, null. Null result = not a literal. */
export function parseLiteral(text: string): Parsed<Literal> | null {
  if (text === 'null') return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  if (NUMBER.test(text)) return ok(Number(text.endsWith('%') ? text.slice(0, -1) : text));
  if (text.startsWith('"')) {
    if (text.length < 2 || !text.endsWith('"') || /(^|[^\\])"/.test(text.slice(1, -1)))
      return fail(`unterminated or malformed string ${text}: expected "text"`);
    return ok(text.slice(1, -1).replace(/\\(.)/g, '$1'));
  }
  const dateCall = DATE_CALL.exec(text);
  const iso = dateCall ? dateCall[1]! : ISO_DATE.test(text) ? text : null;
  if (iso !== null) return isValidDate(iso) ? ok(iso) : fail(`${text} is not a calendar date: expected YYYY-MM-DD`);
  if (text.startsWith('date(')) return fail(`${text}: expected date("YYYY-MM-DD")`);
  return null;
}

/**
 * A bare word: a reference to a known name, a glob pattern, or plain text. In a standalone DMN
 * table (`bareText` false) names reach into nested inputs (`Complex.aBoolean`): a dotted word that
 * names no column is a mistyped name, not the text "Complex.aBoolean".
 */
function parseBareWord(text: string, isName: (name: string) => boolean, bareText: boolean): Parsed<UnaryTest> {
  if ((NAME.test(text) || !bareText) && isName(text)) return ok({ ref: text });
  if (!bareText && NAME_PATH.test(text)) return fail(notAName(text));
  if (!BARE_WORD.test(text)) return fail(`cannot read "${text}": expected a value, a list like "a","b", a comparison like < 14, a range like [0..14], or -`);
  if (text.includes('*')) return ok({ glob: [text] });
  return ok({ eq: [text] });
}

function parseEndpoint(text: string, isName: (name: string) => boolean): Parsed<number | string | { ref: string }> {
  const literal = parseLiteral(text);
  if (literal) {
    if (!literal.ok) return literal;
    const v = literal.value;
    if (typeof v === 'number' || typeof v === 'string') return ok(v);
    return fail(`${text} cannot be compared: expected a number or a date`);
  }
  if (NAME.test(text) && isName(text)) return ok({ ref: text });
  return fail(`"${text}" is not a number, a date or a known name`);
}

const RANGE = /^([[\]()])\s*(.+?)\s*\.\.\s*(.+?)\s*([[\]()])$/;
const COMPARISON = /^(<=|>=|<|>)\s*(.+)$/;
const NOT_EQUAL = /^!=\s*(.+)$/;

/**
 * `[a..b]` with an input's name at an end (DMN S-FEEL): inside both ends is "not below the low end
 * and not above the high one", which the order comparisons with names already express — and, as
 * FEEL wants, matches nothing when an end or the value is missing (see match-test.ts).
 */
function rangeOfNames(low: number | string | { ref: string }, high: number | string | { ref: string }, openLow: boolean, openHigh: boolean): UnaryTest {
  const outside = (end: number | string | { ref: string }, op: '<' | '<=' | '>' | '>='): UnaryTest =>
    typeof end === 'object' ? { ref: end.ref, op } : { cmp: op, value: end };
  return { not: [{ or: [outside(low, openLow ? '<=' : '<'), outside(high, openHigh ? '>=' : '>')] }] };
}

/** `Complex.aBoolean`: how a standalone table names a field of a nested input. */
const NAME_PATH = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/;
const notAName = (text: string) => `"${text}" is not a column of this table: expected an input's name, or text in quotes ("${text}")`;

function parseSimpleTest(text: string, isName: (name: string) => boolean, bareText: boolean): Parsed<UnaryTest> {
  if (text === '-' || text === '') return ok({ any: true });
  if (FORMULA_START.test(text)) return fail(`"${text}" looks like a spreadsheet formula: expected a value; type it as text, e.g. "${text.slice(1)}"`);
  const range = RANGE.exec(text);
  if (range) {
    const [, open, lo, hi, close] = range as unknown as [string, string, string, string, string];
    const low = parseEndpoint(lo, isName),
      high = parseEndpoint(hi, isName);
    if (!low.ok) return low;
    if (!high.ok) return high;
    const openLow = open === '(' || open === ']';
    const openHigh = close === ')' || close === '[';
    if (typeof low.value === 'object' || typeof high.value === 'object') return ok(rangeOfNames(low.value, high.value, openLow, openHigh));
    if (typeof low.value !== typeof high.value) return fail(`range ${text}: both ends must be numbers or both dates`);
    if (low.value > high.value) return fail(`range ${text} is empty: the low end must not exceed the high end, e.g. [1..5]`);
    if (low.value === high.value && (openLow || openHigh)) return fail(`range ${text} is empty`);
    return ok({ range: [low.value, high.value], open: [openLow, openHigh] });
  }
  const notEqual = NOT_EQUAL.exec(text);
  if (notEqual) {
    // DMN 1.4 `!= x` is not(x): FEEL's `null != 5` is true, as not(5) on a missing value is.
    const inner = parseSimpleTest(notEqual[1]!.trim(), isName, bareText);
    if (!inner.ok) return inner;
    if (!('eq' in inner.value) && !('ref' in inner.value && inner.value.op === undefined)) return fail(`${text}: != takes one value or name, e.g. != "used"`);
    return ok({ not: [inner.value] });
  }
  const cmp = COMPARISON.exec(text);
  if (cmp) {
    const op = cmp[1] as '<' | '<=' | '>' | '>=';
    const end = parseEndpoint(cmp[2]!.trim(), isName);
    if (!end.ok) return end;
    return ok(typeof end.value === 'object' ? { ref: end.value.ref, op } : { cmp: op, value: end.value });
  }
  const literal = parseLiteral(text);
  if (literal) return literal.ok ? ok({ eq: [literal.value] }) : literal;
  return parseBareWord(text, isName, bareText);
}

/** Merges `"a","b"` into one eq test so matching is a single set lookup. */
function combine(tests: UnaryTest[]): UnaryTest {
  if (tests.length === 1) return tests[0]!;
  if (tests.some((t) => 'any' in t)) return { any: true };
  const eq: Literal[] = [],
    glob: string[] = [],
    rest: UnaryTest[] = [];
  for (const t of tests) {
    if ('eq' in t) eq.push(...t.eq);
    else if ('glob' in t) glob.push(...t.glob);
    else rest.push(t);
  }
  const merged: UnaryTest[] = [];
  if (eq.length) merged.push({ eq });
  if (glob.length) merged.push({ glob });
  merged.push(...rest);
  return merged.length === 1 ? merged[0]! : { or: merged };
}

/**
 * Parses an input cell. `isName` says whether a bare word names a fact or input (a reference)
 * rather than a literal value; `bareText` false (a standalone table) refuses a dotted bare word that
 * names no input instead of reading it as text.
 */
export function parseInputCell(cell: string, isName: (name: string) => boolean = () => false, bareText = true): Parsed<UnaryTest> {
  const text = cell.trim();
  if (text === '' || text === '-') return ok({ any: true });
  const negated = /^not\s*\((.*)\)$/s.exec(text);
  const body = negated ? negated[1]!.trim() : text;
  if (negated && body === '') return fail('not() is empty: expected not("value")');
  const tests: UnaryTest[] = [];
  for (const part of splitTopLevel(body)) {
    if (part === '') return fail(`empty entry in list "${text}": expected values separated by commas`);
    if (part === '-' && (negated || body !== part)) return fail(`"-" cannot be part of a list in "${text}"`);
    const parsed = parseSimpleTest(part, isName, bareText);
    if (!parsed.ok) return parsed;
    tests.push(parsed.value);
  }
  const test = combine(tests);
  return ok(negated ? { not: [test] } : test);
}

/** Parses an output cell: empty → null, a literal, a comma list of literals, or a fact reference. */
export function parseOutputCell(cell: string, isName: (name: string) => boolean = () => false, bareText = true): Parsed<OutputValue | null> {
  const text = cell.trim();
  if (text === '' || text === '-') return ok(null);
  if (FORMULA_START.test(text)) return fail(`"${text}" looks like a spreadsheet formula: expected a value`);
  const parts = splitTopLevel(text);
  const values: Literal[] = [];
  for (const part of parts) {
    if (part === '') return fail(`empty entry in list "${text}"`);
    if (part === '*') {
      values.push(part);
      continue;
    } // "every remedy" in > remedies
    const literal = parseLiteral(part);
    if (literal) {
      if (!literal.ok) return literal;
      values.push(literal.value);
      continue;
    }
    if (parts.length === 1 && (NAME.test(part) || !bareText) && isName(part)) return ok({ ref: part });
    if (!bareText && NAME_PATH.test(part)) return fail(notAName(part));
    if (!BARE_WORD.test(part)) return fail(`cannot read "${part}": expected a value such as 5%, customer, "text", true or a date`);
    values.push(part);
  }
  return ok({ value: values.length === 1 ? values[0]! : values });
}
