// The product lines a brand's tables name, for the form's suggestions: product_line is free text (a
// model the sheets match by pattern), so the form offers the exact values the rules test and, for a
// pattern such as `neptune-*`, its fixed start (`neptune-`) to type on from.

import type { CompiledTable, UnaryTest } from '../../contract.js';

export interface Suggestion {
  value: string;
  /** The rule's label in its sheet ("Neptune"), when it has one. */
  label: string;
}

function valuesOf(test: UnaryTest): string[] {
  if ('eq' in test) return test.eq.filter((v): v is string => typeof v === 'string');
  if ('glob' in test) return test.glob.map((g) => g.split('*')[0]!).filter(Boolean);
  if ('or' in test) return test.or.flatMap(valuesOf);
  return [];
}

/** Every value the tables test `fact` against, once, in sheet order. */
export function suggestedValues(tables: readonly CompiledTable[], fact: string): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const table of tables) {
    const column = table.inputs.findIndex((input) => input.name === fact);
    if (column < 0) continue;
    for (const rule of table.rules) {
      const test = rule.tests[column];
      if (!test) continue;
      for (const value of valuesOf(test)) if (!seen.has(value)) seen.set(value, { value, label: rule.label ?? '' });
    }
  }
  return [...seen.values()];
}
