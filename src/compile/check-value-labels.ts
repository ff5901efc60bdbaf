// The words for each enum value a brand's claims may carry (values.csv): every row must name an enum
// fact and one of its values, and every value of the brand's vocabulary needs a label in each of the
// brand's locales. Returns the labels the brand keeps: its own values only, in its own locales.

import type { CompiledFact } from '../contract.js';
import type { IssueList } from '../issue.js';
import { type ValueLabels, type ValueRow, valueKey } from './read-value-labels.js';
import type { FactPlace } from './read-vocabulary.js';
import { didYouMean } from './suggest.js';

/** The shared sheet and the brand's, read apart: a brand row overrides the shared row cell by cell. */
export interface ValueSheets {
  readonly labels: { readonly shared: ValueLabels; readonly own: ValueLabels };
  readonly rows: { readonly shared: ReadonlyMap<string, ValueRow>; readonly own: ReadonlyMap<string, ValueRow> };
}

/** What a values.csv row may label: the facts it may name, and why the others are refused. */
interface RowScope {
  facts: ReadonlyMap<string, CompiledFact>;
  /** Why a known fact outside `facts` cannot be labelled here (null: every known fact is in scope). */
  outside: (fact: string) => string | null;
  /** A shared enum that leaves its values to each brand (part) accepts any value in _shared/values.csv. */
  anyValue: (fact: CompiledFact) => boolean;
}

/** Each row names an enum fact in scope and a value it allows; a problem at the offending cell otherwise. */
function checkRows(rows: ReadonlyMap<string, ValueRow>, scope: RowScope, issues: IssueList): void {
  for (const [key, at] of rows) {
    const [name, value] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
    const fact = scope.facts.get(name);
    if (!fact) {
      const why = scope.outside(name) ?? `"${name}" is not a fact${didYouMean(name, scope.facts.keys())}`;
      issues.error('unknown_fact', `${why}: expected an enum fact of facts.csv`, at.sheet, at.row, at.factColumn);
    } else if (fact.type !== 'enum')
      issues.error('not_enum', `"${name}" is a ${fact.type} fact: only an enum's values have labels`, at.sheet, at.row, at.factColumn);
    else if (!scope.anyValue(fact) && !fact.values?.includes(value))
      issues.error(
        'unknown_value',
        `"${value}" is not a value of "${name}"${didYouMean(value, fact.values ?? [])}: expected one of ${fact.values?.join(', ') || 'its values (none listed)'}`,
        at.sheet,
        at.row,
        at.valueColumn,
      );
  }
}

/**
 * Checks both sheets against the vocabulary and returns, per enum fact of `vocabulary`, value → locale
 * → label. `sharedFacts` are the facts of _shared/facts.csv, `known` every fact the brand could name.
 */
export function checkValueLabels(
  brand: string,
  vocabulary: readonly CompiledFact[],
  facts: { readonly shared: readonly CompiledFact[]; readonly known: readonly CompiledFact[] },
  locales: readonly string[],
  sheets: ValueSheets,
  places: ReadonlyMap<string, FactPlace>,
  issues: IssueList,
): Map<string, Record<string, Record<string, string>>> {
  checkRows(sheets.rows.shared, { facts: new Map(facts.shared.map((f) => [f.name, f])), outside: () => null, anyValue: (f) => !f.values?.length }, issues);
  const own = new Map(vocabulary.map((f) => [f.name, f]));
  const known = new Set(facts.known.map((f) => f.name));
  const outside = (name: string) =>
    known.has(name) ? `${brand} never reads "${name}" (no table, window or fee uses it and ${brand}/facts.csv does not name it)` : null;
  checkRows(sheets.rows.own, { facts: own, outside, anyValue: () => false }, issues);

  const kept = new Map<string, Record<string, Record<string, string>>>();
  for (const fact of vocabulary) {
    if (fact.type !== 'enum') continue;
    const labels: Record<string, Record<string, string>> = {};
    for (const value of fact.values ?? []) {
      const texts = { ...sheets.labels.shared[fact.name]?.[value], ...sheets.labels.own[fact.name]?.[value] };
      reportMissing(brand, fact.name, value, texts, locales, sheets, places, issues);
      const inLocales = Object.entries(texts).filter(([locale]) => locales.includes(locale));
      if (inLocales.length) labels[value] = Object.fromEntries(inLocales);
    }
    if (Object.keys(labels).length) kept.set(fact.name, labels);
  }
  return kept;
}

/** A value without a label in one of the brand's locales: at the row's empty cell, else where the value is listed. */
function reportMissing(
  brand: string,
  fact: string,
  value: string,
  texts: Record<string, string>,
  locales: readonly string[],
  sheets: ValueSheets,
  places: ReadonlyMap<string, FactPlace>,
  issues: IssueList,
): void {
  const key = valueKey(fact, value);
  const row = sheets.rows.own.get(key) ?? sheets.rows.shared.get(key);
  if (!row) {
    const listed = places.get(fact)?.values.get(value);
    issues.error(
      'missing_translation',
      `value "${value}" of "${fact}" has no label: customers and support agents read it in ${locales.join(', ')}; expected a row "${fact},${value},…" in _shared/values.csv or ${brand}/values.csv`,
      listed?.sheet ?? `${brand}/values.csv`,
      listed?.row,
      listed?.col,
    );
    return;
  }
  for (const locale of locales.filter((l) => !texts[l])) {
    const column = row.labelColumns.get(locale);
    issues.error(
      'missing_translation',
      `value "${value}" of "${fact}" has no label_${locale}, and ${brand} speaks ${locales.join(', ')}: expected ${column === undefined ? `a "label_${locale}" column` : 'a text in it'}`,
      row.sheet,
      row.row,
      column,
    );
  }
}
