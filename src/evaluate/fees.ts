// Fees and payers of a remedy: the first value any describing rule gives each field, references
// to facts resolved (refund_amount = order_amount), and computed fields such as
// restocking_fee_amount = percent_of(restocking_fee_pct, order_amount), half-up to the cent.

import type { Values } from './match-test.js';
import { fromMinorUnits, percentOf, toMinorUnits } from './money.js';
import type { PreparedPolicy, RuleEffect } from './prepare-policy.js';

export function feesFor(prepared: PreparedPolicy, effects: RuleEffect[], values: Values): Record<string, string | number> {
  const fees: Record<string, string | number> = {};
  for (const e of effects) {
    for (const [field, value] of e.fees) {
      if (field in fees) continue;
      const v = 'ref' in value ? values[prepared.slots.get(value.ref)!] : value.value;
      if (typeof v === 'string' || typeof v === 'number') fees[field] = v;
    }
  }
  for (const fee of prepared.computedFees) {
    if (fee.name in fees) continue;
    const pct = fees[fee.percentOf!.percent];
    const base = values[prepared.slots.get(fee.percentOf!.base)!];
    if (typeof pct !== 'number' || typeof base !== 'number') continue;
    const minor = toMinorUnits(base);
    if (minor !== null) fees[fee.name] = fromMinorUnits(percentOf(minor, pct));
  }
  return fees;
}
