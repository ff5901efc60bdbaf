// Which claim facts a policy reads: its tables' inputs and the facts their cells refer to, its
// windows' dates and lengths, computed fees' amounts and the claim date. The compiler keeps exactly
// these in a brand's vocabulary; the evaluator reads nothing else from a claim.

import type { CompiledFee, CompiledTable, CompiledWindow } from '../contract.js';
import { addTestRefs } from '../sheet/unary-test.js';

/**
 * The dates that select the policy version in force when the product was ordered (first present
 * wins). The service reads them for every brand, so every brand's vocabulary that defines them keeps them.
 */
export const ORDER_DATE_FACTS = ['purchased_on', 'delivered_on'] as const;

/** `days_since_x`: the days from date fact x to the claim date, an input any table may read. */
const DAYS_SINCE = 'days_since_';

/** The date fact a `days_since_x` input counts from (x), or null for any other name. */
export const daysSinceFact = (name: string): string | null =>
  name.startsWith(DAYS_SINCE) && name.length > DAYS_SINCE.length ? name.slice(DAYS_SINCE.length) : null;

export interface PolicyReads {
  readonly claimDate: string;
  readonly tables: readonly CompiledTable[];
  readonly windows: readonly CompiledWindow[];
  readonly fees: readonly CompiledFee[];
}

/** Names any table, window, fee, setting or the version selection reads (claim facts, plus windows and derived facts they name). */
export function factsRead(policy: PolicyReads): Set<string> {
  const names = new Set<string>([policy.claimDate, ...ORDER_DATE_FACTS]);
  for (const table of policy.tables) {
    for (const { name } of table.inputs) names.add(daysSinceFact(name) ?? name);
    for (const rule of table.rules) {
      for (const test of rule.tests) addTestRefs(test, names);
      for (const out of rule.outputs) if (out && 'ref' in out) names.add(out.ref);
    }
  }
  for (const w of policy.windows) {
    for (const name of w.countsFrom) names.add(name);
    names.add(w.checkedAgainst);
    if (typeof w.length === 'object') names.add(w.length.ref);
  }
  for (const fee of policy.fees) if (fee.percentOf) names.add(fee.percentOf.base);
  return names;
}
