// Compiled cells back into the sheet language (policy-sheets/README.md § Input cells), so the
// viewer reads like the CSV an editor wrote: `-`, `"used"`, `[0..14]`, `not(…)`, √ / ×.

import type { FactType, Literal, OutputValue, UnaryTest } from '../../contract.js';

const DAY_MS = 86_400_000;

export function formatLiteral(value: Literal, type?: FactType): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? '√' : '×';
  // The compiler stores dates as day numbers (src/evaluate/dates.ts): show them as dates again.
  if (typeof value === 'number' && type === 'date') return new Date(value * DAY_MS).toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return /^[\w.-]+$/.test(value) ? value : JSON.stringify(value);
}

export function formatTest(test: UnaryTest, type?: FactType): string {
  const lit = (v: Literal) => formatLiteral(v, type);
  if ('any' in test) return '-';
  if ('eq' in test) return test.eq.map(lit).join(', ');
  if ('glob' in test) return test.glob.join(', ');
  if ('cmp' in test) return `${test.cmp} ${lit(test.value)}`;
  if ('range' in test) return `${test.open[0] ? '(' : '['}${lit(test.range[0])}..${lit(test.range[1])}${test.open[1] ? ')' : ']'}`;
  if ('ref' in test) return test.op ? `${test.op} ${test.ref}` : test.ref;
  if ('not' in test) return `not(${test.not.map((t) => formatTest(t, type)).join(', ')})`;
  return test.or.map((t) => formatTest(t, type)).join(', ');
}

export function formatOutput(output: OutputValue | null): string {
  if (!output) return '';
  if ('ref' in output) return output.ref;
  const { value } = output;
  return Array.isArray(value) ? value.map((v) => formatLiteral(v)).join(', ') : formatLiteral(value);
}
