// Which published version judges a claim (issue 3 §3): by default the one in force on the order
// date — `purchased_on`, else `delivered_on` — so a policy change never rewrites what a customer
// bought under; `?policy=current` asks for today's. Never a version scheduled after today: the store
// selects the timeline entry, and `effective_from` reports that entry.

import type { Claim } from '../src/contract.js';
import { parseIsoDate } from '../src/evaluate/dates.js';
import { ORDER_DATE_FACTS } from '../src/evaluate/facts-read.js';
import type { LoadedPolicy, Selection } from './policy-store.js';

export type SelectionMode = 'order_date' | 'current';

export interface PolicySelection {
  mode: SelectionMode;
  order_date: string | null;
  order_date_fact: (typeof ORDER_DATE_FACTS)[number] | null;
  version: string;
  effective_from: string | null;
  source: LoadedPolicy['source'];
  note?: string;
}

export interface SelectionRequest {
  selection: Selection;
  orderDate: string | null;
  fact: PolicySelection['order_date_fact'];
}

export function requestSelection(claim: Claim, mode: SelectionMode): SelectionRequest {
  if (mode === 'current') return { selection: { mode: 'current' }, orderDate: null, fact: null };
  for (const fact of ORDER_DATE_FACTS) {
    const value = claim[fact];
    // An invalid date is reported by checkClaim against the chosen version; here it just doesn't pin.
    if (typeof value === 'string' && parseIsoDate(value) !== null) return { selection: { mode: 'order_date', date: value }, orderDate: value, fact };
  }
  return { selection: { mode: 'current' }, orderDate: null, fact: null };
}

export function describeSelection(mode: SelectionMode, request: SelectionRequest, loaded: LoadedPolicy, today: string): PolicySelection {
  const selection: PolicySelection = {
    mode,
    order_date: request.orderDate,
    order_date_fact: request.fact,
    version: loaded.policy.version,
    effective_from: loaded.effectiveFrom,
    source: loaded.source,
  };
  if (loaded.source === 'bundle') selection.note = 'answered from the policy bundled with the service: the published timeline could not be consulted';
  else if (mode === 'order_date' && !request.orderDate) selection.note = 'the claim has no purchased_on or delivered_on: the current policy applies';
  else if (request.orderDate && loaded.effectiveFrom && request.orderDate < loaded.effectiveFrom)
    selection.note = `the order predates every published version: the earliest, in force from ${loaded.effectiveFrom}, applies`;
  else if (request.orderDate && request.orderDate > today)
    selection.note = "the order date is after today: today's policy applies (a scheduled version is not in force yet)";
  return selection;
}
