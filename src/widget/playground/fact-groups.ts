// How the claim form groups a brand's facts, from the vocabulary alone: what was bought and asked
// (enums, text, amounts), the dates, the flags that name a reason the brand gives (the causes that can
// refuse a remedy: water_damage), and the other flags (conditions a remedy needs: proof_of_purchase).

import type { BrandFact } from './api-types.js';

export type FactGroupId = 'purchase' | 'dates' | 'conditions' | 'causes';

export interface FactGroup {
  id: FactGroupId;
  title: string;
  facts: BrandFact[];
}

const TITLES: Record<FactGroupId, string> = {
  purchase: 'Purchase and request',
  dates: 'Dates',
  conditions: 'Conditions',
  causes: 'Causes (each may refuse a remedy)',
};

export function groupFacts(facts: readonly BrandFact[], reasonCodes: ReadonlySet<string>): FactGroup[] {
  const groupOf = (fact: BrandFact): FactGroupId => {
    if (fact.type === 'date') return 'dates';
    if (fact.type !== 'boolean') return 'purchase';
    return reasonCodes.has(fact.name) ? 'causes' : 'conditions';
  };
  const order: FactGroupId[] = ['purchase', 'dates', 'conditions', 'causes'];
  return order.map((id) => ({ id, title: TITLES[id], facts: facts.filter((f) => groupOf(f) === id) })).filter((group) => group.facts.length > 0);
}
