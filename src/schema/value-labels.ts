// An enum fact's values as people say them in one locale (values.csv, compiled into the fact), for
// the API's brand description, the claim schema's titles and the support console.

import type { CompiledFact } from '../contract.js';

/**
 * value → its label in `locale`, else in `fallback` (the brand's default), else the value itself: a
 * document compiled before values.csv has no labels, and its codes are all there is to show.
 */
export function valueLabelsIn(fact: CompiledFact, locale: string, fallback: string): Record<string, string> {
  return Object.fromEntries(
    (fact.values ?? []).map((value) => {
      const labels = fact.valueLabels?.[value];
      return [value, labels?.[locale] ?? labels?.[fallback] ?? value];
    }),
  );
}
