// Compiled cells back to sheet syntax, so a rule change reads as the editor typed it
// (`"opened_unused"`, `[0..14]`, `not("used")`, `15`).

import type { Literal, OutputValue, UnaryTest } from '../contract.js';

function literal(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : `"${value}"`;
  return String(value);
}

export function formatTest(test: UnaryTest): string {
  if ('any' in test) return '-';
  if ('eq' in test) return test.eq.map(literal).join(', ');
  if ('glob' in test) return test.glob.join(', ');
  if ('cmp' in test) return `${test.cmp} ${literal(test.value)}`;
  if ('range' in test) return `${test.open[0] ? '(' : '['}${literal(test.range[0])}..${literal(test.range[1])}${test.open[1] ? ')' : ']'}`;
  if ('ref' in test) return `${test.op ? `${test.op} ` : ''}${test.ref}`;
  if ('or' in test) return test.or.map(formatTest).join(', ');
  return `not(${test.not.map(formatTest).join(', ')})`;
}

export function formatOutput(value: OutputValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if ('ref' in value) return value.ref;
  return Array.isArray(value.value) ? value.value.map((v) => (typeof v === 'string' ? v : literal(v))).join(', ') : typeof value.value === 'string' ? value.value : literal(value.value);
}
