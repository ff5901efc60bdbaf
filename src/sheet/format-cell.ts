// Compiled cells back into the sheet language (policy-sheets/README.md § Input cells), so a rule
// change or the sheet viewer reads as an editor would type it: `-`, `"used"`, `[0..14]`, `not(…)`.
// Two spellings of a literal: quoted text, as `policy diff` and exports write it, and the viewer's
// bare words and √ / ×. One walk over the cell kinds for both.

import type { Literal, OutputValue, UnaryTest } from '../contract.js';
import { type TestVisitor, visitTest } from './unary-test.js';

export type LiteralStyle = (value: Literal) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Text in quotes, dates and numbers as they are: `"opened_unused"`, `2025-03-01`, `true`. */
export const quotedLiteral: LiteralStyle = (value) => {
  if (value === null) return 'null';
  if (typeof value === 'string') return ISO_DATE.test(value) ? value : `"${value}"`;
  return String(value);
};

/** How an editor types a value in a sheet: bare words where they read back the same, √ / × for flags. */
export const sheetLiteral: LiteralStyle = (value) => {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? '√' : '×';
  if (typeof value === 'number') return String(value);
  return /^[\w.-]+$/.test(value) ? value : JSON.stringify(value);
};

export function formatTest(test: UnaryTest, literal: LiteralStyle = quotedLiteral): string {
  const inner = (t: UnaryTest) => formatTest(t, literal);
  return visitTest(test, {
    any: () => '-',
    eq: (t) => t.eq.map(literal).join(', '),
    glob: (t) => t.glob.join(', '),
    cmp: (t) => `${t.cmp} ${literal(t.value)}`,
    range: (t) => `${t.open[0] ? '(' : '['}${literal(t.range[0])}..${literal(t.range[1])}${t.open[1] ? ')' : ']'}`,
    ref: (t) => (t.op ? `${t.op} ${t.ref}` : t.ref),
    not: (t) => `not(${t.not.map(inner).join(', ')})`,
    or: (t) => t.or.map(inner).join(', '),
  } satisfies TestVisitor<string>);
}

/** An output cell; in the quoted style text stays bare (reason codes, payers), as editors type them. */
export function formatOutput(value: OutputValue | null | undefined, literal: LiteralStyle = quotedLiteral): string {
  if (value === null || value === undefined) return '';
  if ('ref' in value) return value.ref;
  const one = (v: Literal) => (typeof v === 'string' && literal === quotedLiteral ? v : literal(v));
  return Array.isArray(value.value) ? value.value.map(one).join(', ') : one(value.value);
}
