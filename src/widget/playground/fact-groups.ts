// How the claim form groups a brand's facts, from the vocabulary alone: what was bought and asked
// (enums, text, amounts), the dates, the flags that name a reason the brand gives (the causes that can
// refuse a remedy: water_damage), and the other flags (conditions a remedy needs: proof_of_purchase).

import type { BrandFact } from './api-types.js';
import type { FactGroupTitles } from './console-strings.js';

export type FactGroupId = keyof FactGroupTitles;

export interface FactGroup {
  id: FactGroupId;
  title: string;
  facts: BrandFact[];
}

/** `titles`: the groups' titles in the console's language (console-strings.ts). */
export function groupFacts(facts: readonly BrandFact[], reasonCodes: ReadonlySet<string>, titles: FactGroupTitles): FactGroup[] {
  const groupOf = (fact: BrandFact): FactGroupId => {
    if (fact.type === 'date') return 'dates';
    if (fact.type !== 'boolean') return 'purchase';
    return reasonCodes.has(fact.name) ? 'causes' : 'conditions';
  };
  const order: FactGroupId[] = ['purchase', 'dates', 'conditions', 'causes'];
  return order.map((id) => ({ id, title: titles[id], facts: facts.filter((f) => groupOf(f) === id) })).filter((group) => group.facts.length > 0);
}
