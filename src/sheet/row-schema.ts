// zod validation of one row of a fixed-column sheet: each column's cell text is checked and
// converted by the column's schema, and every failing column becomes an issue at sheet:row:column
// with the issue code the schema declares for that column.

import * as z from 'zod/mini';
import type { IssueList } from '../issue.js';
import { type SheetRecord, splitList } from './read-records.js';

const NAME = /^[a-z][a-z0-9_]*$/;

/** A name editors use elsewhere: lower case, digits and underscores. */
export const nameCell = (what: string) =>
  z.string().check(z.regex(NAME, { error: (i) => `"${String(i.input)}" is not a valid ${what} name: expected lower-case letters, digits and _` }));

/** One of a fixed set of words. */
export const oneOfCell = <T extends string>(values: readonly T[], what: string) =>
  z.enum(values as [T, ...T[]], { error: (i) => `${what} "${String(i.input)}" is unknown: expected ${values.join(', ')}` });

/** "a, b | c" → ["a", "b", "c"]. */
export const listCell = z.pipe(z.string(), z.transform(splitList));

/** Free text; empty becomes undefined so compiled documents carry no empty strings. */
export const textCell = z.pipe(
  z.string(),
  z.transform((text: string) => (text === '' ? undefined : text)),
);

/** A column schema and the issue code its failures get. */
export type RowSchema = Record<string, { schema: z.ZodMiniType; code: string }>;
export type RowOf<S extends RowSchema> = { [K in keyof S]: z.output<S[K]['schema']> };

export function parseRow<S extends RowSchema>(columns: S, record: SheetRecord, sheet: string, issues: IssueList): RowOf<S> | null {
  const row: Record<string, unknown> = {};
  let ok = true;
  for (const [column, { schema, code }] of Object.entries(columns)) {
    const result = schema.safeParse(record.get(column));
    if (result.success) {
      row[column] = result.data;
      continue;
    }
    ok = false;
    issues.error(code, result.error.issues[0]?.message ?? `invalid ${column}`, sheet, record.row, record.col(column));
  }
  return ok ? (row as RowOf<S>) : null;
}
