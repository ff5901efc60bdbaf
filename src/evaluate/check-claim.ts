// A client's claim checked against the brand's fact vocabulary: every problem named by its JSON
// path (`claim.delivered_on`) with what was expected. Also turns accepted values into the engine's
// literals (money stays in currency units; dates stay ISO strings, which order correctly).

import type { Claim, CompiledFact, CompiledWindow, Decision, Literal } from '../contract.js';
import { LAST_DATE, parseIsoDate } from './dates.js';
import { toMinorUnits } from './money.js';

export interface ClaimProblem {
  path: string;
  message: string;
}
export type CheckedClaim = { ok: true; facts: Record<string, Literal> } | { ok: false; problems: ClaimProblem[] };

/** Longest text fact a claim may carry, and the largest amount (in currency units). */
export const MAX_TEXT = 200;
export const MAX_AMOUNT = 1e12;

export function checkValue(fact: CompiledFact, value: unknown): { value: Literal } | { problem: string } {
  if (value === null) return { value: null };
  switch (fact.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { problem: 'expected true or false' };
    case 'enum':
      return typeof value === 'string' && fact.values!.includes(value) ? { value } : { problem: `expected one of ${fact.values!.join(', ')}` };
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT ? { value } : { problem: `expected text of at most ${MAX_TEXT} characters` };
    case 'date':
      return typeof value === 'string' && parseIsoDate(value) !== null ? { value } : { problem: 'expected a calendar date as YYYY-MM-DD' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { problem: 'expected a number' };
    case 'money': {
      const ok = (typeof value === 'number' || (typeof value === 'string' && value.length <= 20)) && toMinorUnits(value) !== null;
      if (!ok) return { problem: 'expected an amount in currency units with at most 2 decimals, e.g. 299.99' };
      const amount = Number(value);
      return amount >= 0 && amount <= MAX_AMOUNT ? { value: amount } : { problem: 'expected an amount from 0 to 1,000,000,000,000' };
    }
  }
}

interface FactIndex {
  byName: Map<string, CompiledFact>;
  ordered: readonly CompiledFact[]; // the facts with a `not_before`, in vocabulary order
}

// A policy's fact list lives as long as the policy (per isolate in the Worker): index it once, not per claim.
const indexes = new WeakMap<readonly CompiledFact[], FactIndex>();

function indexFacts(facts: readonly CompiledFact[]): FactIndex {
  let index = indexes.get(facts);
  if (!index) {
    index = { byName: new Map(facts.map((f) => [f.name, f])), ordered: facts.filter((f) => f.notBefore?.length) };
    indexes.set(facts, index);
  }
  return index;
}

export function checkClaim(facts: readonly CompiledFact[], claim: unknown, path = 'claim'): CheckedClaim {
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim))
    return { ok: false, problems: [{ path, message: 'expected an object of claim facts' }] };
  const { byName, ordered } = indexFacts(facts);
  const problems: ClaimProblem[] = [];
  const accepted: Record<string, Literal> = {};
  const names = Object.keys(claim);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const fact = byName.get(name);
    if (!fact) {
      problems.push({ path: `${path}.${name}`, message: `unknown fact: expected one of the brand's facts (GET /v1/brands/:brand lists them)` });
      continue;
    }
    const checked = checkValue(fact, (claim as Claim)[name]);
    if ('problem' in checked) problems.push({ path: `${path}.${name}`, message: checked.problem });
    else accepted[name] = checked.value;
  }
  // Dates that cannot precede one another in a real claim (facts.csv `not_before`).
  for (const fact of ordered) {
    const later = accepted[fact.name];
    for (const earlier of fact.notBefore!) {
      const a = accepted[earlier];
      if (typeof a === 'string' && typeof later === 'string' && later < a)
        problems.push({ path: `${path}.${fact.name}`, message: `${fact.name} (${later}) is before ${earlier} (${a}): expected a date on or after it` });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, facts: accepted };
}

/**
 * Problems with claim dates so late that a window would end after 9999-12-31, which no YYYY-MM-DD date
 * can state: each names the claim date the window counts from (a deadline in year 10000 is refused,
 * not sent).
 */
export function checkResultDates(windows: readonly CompiledWindow[], decision: Pick<Decision, 'windows'>, claim: Claim, path = 'claim'): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  for (const w of decision.windows) {
    if (w.deadline === null || w.deadline.length <= LAST_DATE.length) continue;
    const start = windows.find((x) => x.name === w.window)?.countsFrom.find((f) => typeof claim[f] === 'string');
    const field = start ?? Object.keys(claim)[0] ?? '';
    problems.push({
      path: `${path}.${field}`,
      message: `${String(claim[field])} is too late: the ${w.window} window would end after ${LAST_DATE}, the last date the API can state`,
    });
  }
  return problems;
}
