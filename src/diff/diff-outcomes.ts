// Evaluates a set of claims under two versions of a brand's policy and reports the claims whose
// customer outcome changes — a remedy's status, reasons, deadline, fees or payers — grouped by the
// changed sheet rows they reach. Wording (messages, labels) is not an outcome. Pure.

import type { CompiledPolicy, Decision, SourceRef } from '../contract.js';
import { checkClaim } from '../evaluate/check-claim.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import type { GridClaim } from './claim-grid.js';
import type { OtherChange, PolicyChanges, RuleChange } from './policy-changes.js';

export interface FieldChange {
  remedy: string;
  field: string;
  before: string;
  after: string;
}

export interface ClaimChange {
  claim: GridClaim;
  changes: FieldChange[];
  /** remedy → the row that decided its status, before and after (only remedies that changed). */
  decided: Record<string, { before: SourceRef | null; after: SourceRef | null }>;
  /** Ids of the changed rules (RuleChange.id) this claim reached in either version. */
  reached: string[];
}

export interface Transition {
  before: string;
  after: string;
  claims: number;
}
export interface ChangeSummary {
  remedy: string;
  field: string;
  claims: number;
  transitions: Transition[];
}

export interface ChangeGroup {
  /** The changed rows the claims reach; empty when none is reached (windows, remedies … changed). */
  rules: RuleChange[];
  /** For a group reaching no changed row: the non-wording changes that can explain it. */
  other: OtherChange[];
  claims: ClaimChange[];
  summary: ChangeSummary[];
}

export interface OutcomeDiff {
  claimsChecked: number;
  changed: ClaimChange[];
  groups: ChangeGroup[];
}

type Outcome = Map<string, Map<string, string>>;

function outcomeOf(decision: Decision, money: Set<string>): Outcome {
  const out: Outcome = new Map();
  for (const r of decision.remedies) {
    const fields = new Map<string, string>([
      ['status', r.status],
      [
        'reasons',
        r.reasons
          .map((x) => x.code)
          .sort()
          .join(', '),
      ],
      ['deadline', r.deadline ?? ''],
    ]);
    // Amounts as customers read them (9.00, not 9).
    for (const [k, v] of Object.entries(r.fees)) fields.set(k, money.has(k) && typeof v === 'number' ? v.toFixed(2) : String(v));
    out.set(r.remedy, fields);
  }
  return out;
}

/** The pseudo-remedy under which a claim's acceptance is compared: a claim the API refuses has no outcome. */
const CLAIM = 'claim';
const ACCEPTED = 'accepted';

/**
 * What the customer gets under a policy: the API's 400 when the claim does not fit the brand's
 * vocabulary (a part the brand no longer lists, a fact it does not read), else every remedy's outcome.
 */
function outcomeUnder(policy: CompiledPolicy, claim: GridClaim['claim'], asOf: string, money: Set<string>): Outcome {
  const dated = claim[policy.claimDate] === undefined ? { ...claim, [policy.claimDate]: asOf } : claim;
  const checked = checkClaim(policy.facts, dated, CLAIM);
  if (!checked.ok) return new Map([[CLAIM, new Map([[ACCEPTED, `refused (${checked.problems.map((p) => p.path).join(', ')})`]])]]);
  const out = outcomeOf(evaluateClaim(policy, claim, asOf), money);
  out.set(CLAIM, new Map([[ACCEPTED, 'yes']]));
  return out;
}

function compare(before: Outcome, after: Outcome): FieldChange[] {
  const changes: FieldChange[] = [];
  const accepted = (o: Outcome) => o.get(CLAIM)!.get(ACCEPTED)!;
  if (accepted(before) !== accepted(after)) return [{ remedy: CLAIM, field: ACCEPTED, before: accepted(before), after: accepted(after) }];
  for (const remedy of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(remedy),
      a = after.get(remedy);
    if (!b || !a) {
      changes.push({ remedy, field: 'status', before: b?.get('status') ?? '(no such remedy)', after: a?.get('status') ?? '(no such remedy)' });
      continue;
    }
    for (const field of new Set([...b.keys(), ...a.keys()])) {
      const x = b.get(field) ?? '',
        y = a.get(field) ?? '';
      if (x !== y) changes.push({ remedy, field, before: x, after: y });
    }
  }
  return changes;
}

function summarize(claims: ClaimChange[]): ChangeSummary[] {
  const byField = new Map<string, { remedy: string; field: string; claims: number; transitions: Map<string, Transition> }>();
  for (const c of claims) {
    for (const f of c.changes) {
      const key = `${f.remedy}\u0000${f.field}`;
      const entry = byField.get(key) ?? byField.set(key, { remedy: f.remedy, field: f.field, claims: 0, transitions: new Map() }).get(key)!;
      entry.claims++;
      const t = `${f.before}\u0000${f.after}`;
      const transition = entry.transitions.get(t) ?? entry.transitions.set(t, { before: f.before, after: f.after, claims: 0 }).get(t)!;
      transition.claims++;
    }
  }
  return [...byField.values()].map((e) => ({
    remedy: e.remedy,
    field: e.field,
    claims: e.claims,
    transitions: [...e.transitions.values()].sort((a, b) => b.claims - a.claims),
  }));
}

/** Adds to `into` the change id of each changed row (`changed`: row source → change id) the traced decision matched. */
function addChangedRowsReached(traced: Decision, changed: ReadonlyMap<SourceRef, string>, into: Set<string>): void {
  for (const step of traced.trace!) {
    for (const source of step.matched) {
      const id = changed.get(source);
      if (id !== undefined) into.add(id);
    }
  }
}

export function diffOutcomes(before: CompiledPolicy, after: CompiledPolicy, claims: GridClaim[], asOf: string, changes: PolicyChanges): OutcomeDiff {
  const dateOf = (p: CompiledPolicy, c: GridClaim) => (typeof c.claim[p.claimDate] === 'string' ? (c.claim[p.claimDate] as string) : asOf);
  const changedBefore = new Map(changes.rules.filter((r) => r.before).map((r) => [r.before!, r.id]));
  const changedAfter = new Map(changes.rules.filter((r) => r.after).map((r) => [r.after!, r.id]));
  const moneyFees = (p: CompiledPolicy) => new Set(p.fees.filter((f) => f.type === 'money').map((f) => f.name));
  const moneyBefore = moneyFees(before),
    moneyAfter = moneyFees(after);
  const changed: ClaimChange[] = [];
  for (const claim of claims) {
    const fields = compare(
      outcomeUnder(before, claim.claim, dateOf(before, claim), moneyBefore),
      outcomeUnder(after, claim.claim, dateOf(after, claim), moneyAfter),
    );
    if (fields.length === 0) continue;
    // Only changed claims are traced: which changed rows did they reach, which rows decided.
    const tb = evaluateClaim(before, claim.claim, dateOf(before, claim), { trace: true });
    const ta = evaluateClaim(after, claim.claim, dateOf(after, claim), { trace: true });
    const reached = new Set<string>();
    addChangedRowsReached(tb, changedBefore, reached);
    addChangedRowsReached(ta, changedAfter, reached);
    const decided: ClaimChange['decided'] = {};
    for (const remedy of new Set(fields.map((f) => f.remedy))) {
      decided[remedy] = {
        before: tb.remedies.find((r) => r.remedy === remedy)?.source ?? null,
        after: ta.remedies.find((r) => r.remedy === remedy)?.source ?? null,
      };
    }
    changed.push({ claim, changes: fields, decided, reached: [...reached].sort() });
  }
  const groups = new Map<string, ClaimChange[]>();
  for (const c of changed) {
    const key = c.reached.join('\u0000');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(c);
  }
  const ruleById = new Map(changes.rules.map((r) => [r.id, r]));
  const substantive = changes.other.filter((o) => !o.wording);
  return {
    claimsChecked: claims.length,
    changed,
    groups: [...groups.values()]
      .map((list) => ({
        rules: list[0]!.reached.map((id) => ruleById.get(id)!),
        other: list[0]!.reached.length ? [] : substantive,
        claims: list,
        summary: summarize(list),
      }))
      .sort((x, y) => y.claims.length - x.claims.length),
  };
}
