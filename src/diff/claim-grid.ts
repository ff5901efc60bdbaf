// The claims a policy diff evaluates: the editors' cases, each varied one fact at a time over every
// input boundary of every table (each enum value, each flag, numbers either side of each limit,
// window edges by moving dates), plus each table's own inputs crossed pairwise. Bounded: thousands
// of claims, never the product of every fact. Pure; takes every version being compared so the
// boundaries of both are crossed.

import { columnAtoms } from '../compile/input-atoms.js';
import { type Claim, type CompiledPolicy, type CompiledTable, type Literal, WINDOW_STATES, type WindowResult, type WindowState } from '../contract.js';
import { formatIsoDate, parseIsoDate } from '../evaluate/dates.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import { daysSinceFact } from '../evaluate/facts-read.js';

export interface SeedClaim {
  name: string;
  source?: string;
  claim: Claim;
}

/** Facts set by a variation; null = the fact is not sent. */
export type Changes = Record<string, unknown>;

export interface GridClaim {
  claim: Claim;
  seed: string; // the case it was built from
  seedSource?: string; // brand/cases.csv:row
  changes: Changes; // empty for the case itself
  note?: string; // what a date change aims at, e.g. "return_window: last day"
}

export interface GridOptions {
  /** Evaluation date for claims that do not send the claim date (cases run as of the same day). */
  asOf: string;
  maxClaims?: number;
}

export interface ClaimGrid {
  claims: GridClaim[];
  truncated: boolean;
}

const DEFAULT_MAX_CLAIMS = 40_000;
const OTHER_TEXT = 'unlisted-value';

type Setter =
  | { kind: 'fact'; name: string; values: unknown[]; flag: boolean }
  | { kind: 'window'; name: string }
  | { kind: 'days'; name: string; date: string; values: number[] };

function atomValues(values: Literal[]): unknown[] {
  return values.map((v) => (v === '\u0000other' ? OTHER_TEXT : v));
}

/** How to reach each settable input of a table: a claim fact, a window (via dates), or days since a date. */
function columnSetters(policy: CompiledPolicy, table: CompiledTable): Setter[] {
  const facts = new Map(policy.facts.map((f) => [f.name, f]));
  return table.inputs.flatMap((input, c): Setter[] => {
    const fact = facts.get(input.name);
    if (fact) {
      const atoms = atomValues(columnAtoms(table, c, fact.type, (fact.values ?? input.values) as Literal[] | undefined).values);
      return [{ kind: 'fact', name: input.name, values: fact.type === 'boolean' ? atoms : [...atoms, null], flag: fact.type === 'boolean' }];
    }
    if (policy.windows.some((w) => w.name === input.name)) return [{ kind: 'window', name: input.name }];
    const from = daysSinceFact(input.name);
    if (from && facts.get(from)?.type === 'date') {
      const atoms = columnAtoms(table, c, 'number').values.filter((v): v is number => typeof v === 'number');
      return [{ kind: 'days', name: input.name, date: from, values: atoms }];
    }
    return []; // a derived fact: reached through the seeds that produce its values
  });
}

const apply = (claim: Claim, changes: Changes): Claim => {
  const out = { ...claim };
  for (const [k, v] of Object.entries(changes))
    if (v === null) delete out[k];
    else out[k] = v;
  return out;
};

const shiftDays = (iso: string, days: number) => formatIsoDate(parseIsoDate(iso)! + days);

class GridBuilder {
  readonly claims: GridClaim[] = [];
  private readonly seen = new Set<string>();
  truncated = false;

  constructor(private readonly options: GridOptions) {}

  asOf(policy: CompiledPolicy, claim: Claim): string {
    const d = claim[policy.claimDate];
    return typeof d === 'string' && parseIsoDate(d) !== null ? d : this.options.asOf;
  }

  // Window results per claim object and policy: each window edge of a claim starts from them.
  private readonly windows = new WeakMap<Claim, Map<CompiledPolicy, readonly WindowResult[]>>();

  windowOf(policy: CompiledPolicy, claim: Claim, name: string): WindowResult | undefined {
    const perPolicy = this.windows.get(claim) ?? this.windows.set(claim, new Map()).get(claim)!;
    let results = perPolicy.get(policy);
    if (!results) {
      results = evaluateClaim(policy, claim, this.asOf(policy, claim)).windows;
      perPolicy.set(policy, results);
    }
    return results.find((w) => w.window === name);
  }

  /** Changes that put `claim` on the last day of the window (open) or the day after (closed), or drop its start (unknown). */
  windowEdge(policy: CompiledPolicy, claim: Claim, name: string, state: WindowState): Changes | null {
    const window = policy.windows.find((w) => w.name === name)!;
    if (state === 'unknown') return Object.fromEntries(window.countsFrom.map((f) => [f, null]));
    let changes: Changes = {};
    let result = this.windowOf(policy, claim, name);
    if (result && result.starts_on === null) {
      // No start date: start the window on the date it is checked against, then find its edge.
      const checked = claim[window.checkedAgainst];
      changes[window.countsFrom[0]!] = typeof checked === 'string' ? checked : this.asOf(policy, claim);
      result = this.windowOf(policy, apply(claim, changes), name);
    }
    if (!result?.deadline) return null;
    changes = { ...changes, [window.checkedAgainst]: state === 'open' ? result.deadline : shiftDays(result.deadline, 1) };
    return changes;
  }

  add(claim: GridClaim): void {
    if (this.claims.length >= (this.options.maxClaims ?? DEFAULT_MAX_CLAIMS)) {
      this.truncated = true;
      return;
    }
    const key = JSON.stringify(Object.entries(claim.claim).sort(([a], [b]) => a.localeCompare(b)));
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.claims.push(claim);
  }

  vary(seed: GridClaim, changes: Changes | null, note?: string): void {
    if (!changes || Object.keys(changes).length === 0) return;
    const all = { ...seed.changes, ...changes };
    this.add({
      claim: apply(seed.claim, changes),
      seed: seed.seed,
      ...(seed.seedSource ? { seedSource: seed.seedSource } : {}),
      changes: all,
      ...(note ? { note } : {}),
    });
  }

  /** Every value of one setter for a claim, as changes (window edges computed under `policy`). */
  settings(policy: CompiledPolicy, claim: Claim, setter: Setter): { changes: Changes; note?: string }[] {
    if (setter.kind === 'fact') {
      // A flag not sent reads as false: sending false would only repeat the claim.
      const current = claim[setter.name] ?? (setter.flag ? false : null);
      return setter.values.filter((v) => v !== current).map((v) => ({ changes: { [setter.name]: v } }));
    }
    if (setter.kind === 'days') {
      const today = this.asOf(policy, claim);
      return setter.values.map((n) => ({ changes: { [setter.date]: shiftDays(today, -n) }, note: `${setter.name} = ${n}` }));
    }
    return WINDOW_STATES.flatMap((state) => {
      const changes = this.windowEdge(policy, claim, setter.name, state);
      const edge = state === 'open' ? 'last day' : state === 'closed' ? 'first day after' : 'start unknown';
      return changes ? [{ changes, note: `${setter.name}: ${edge}` }] : [];
    });
  }
}

/** The settable inputs of every table of every version: fact values merged, window edges per version. */
function collectSetters(policies: CompiledPolicy[]): { facts: Extract<Setter, { kind: 'fact' }>[]; dates: { policy: CompiledPolicy; setter: Setter }[] } {
  const facts = new Map<string, Extract<Setter, { kind: 'fact' }>>();
  const dates: { policy: CompiledPolicy; setter: Setter }[] = [];
  const seen = new Set<string>();
  for (const policy of policies) {
    for (const table of policy.tables) {
      for (const s of columnSetters(policy, table)) {
        if (s.kind === 'fact') {
          const known = facts.get(s.name);
          if (known) known.values = [...new Set([...known.values, ...s.values])];
          else facts.set(s.name, { ...s });
          continue;
        }
        // A window edge depends on the version (its length may have changed): one per distinct window.
        const key = JSON.stringify([s, s.kind === 'window' ? policy.windows.find((w) => w.name === s.name) : null]);
        if (!seen.has(key)) {
          seen.add(key);
          dates.push({ policy, setter: s });
        }
      }
    }
  }
  return { facts: [...facts.values()], dates };
}

/** One factor at a time around every case, over the union of every table's boundaries. */
function varyOneFactor(grid: GridBuilder, policies: CompiledPolicy[], bases: GridClaim[]): void {
  const { facts, dates } = collectSetters(policies);
  for (const base of bases) {
    for (const setter of facts) for (const s of grid.settings(policies[0]!, base.claim, setter)) grid.vary(base, s.changes, s.note);
    for (const { policy, setter } of dates) for (const s of grid.settings(policy, base.claim, setter)) grid.vary(base, s.changes, s.note);
  }
}

/**
 * Pairwise, per table: its own inputs crossed, around one case per combination of the derived facts
 * the table reads (route, stage …), which no claim can set directly. A table unchanged between
 * versions is crossed once.
 */
function crossTableInputs(grid: GridBuilder, policies: CompiledPolicy[], bases: GridClaim[]): void {
  const crossed = new Set<string>();
  for (const policy of policies) {
    for (const table of policy.tables) {
      const key = JSON.stringify([table.inputs, table.rules.map((r) => r.tests), policy.windows]);
      if (crossed.has(key)) continue;
      crossed.add(key);
      const setters = columnSetters(policy, table);
      if (setters.length < 2) continue;
      const derived = table.inputs.map((i) => i.name).filter((n) => !setters.some((s) => s.name === n));
      const contexts = new Map<string, GridClaim>();
      for (const base of bases) {
        const facts = evaluateClaim(policy, base.claim, grid.asOf(policy, base.claim)).derived;
        const context = JSON.stringify(derived.map((n) => facts[n] ?? null));
        if (!contexts.has(context)) contexts.set(context, base);
      }
      for (const base of contexts.values()) {
        for (let i = 0; i < setters.length; i++) {
          for (let j = i + 1; j < setters.length; j++) {
            for (const first of grid.settings(policy, base.claim, setters[i]!)) {
              const between = apply(base.claim, first.changes);
              for (const second of grid.settings(policy, between, setters[j]!)) {
                grid.vary(base, { ...first.changes, ...second.changes }, [first.note, second.note].filter(Boolean).join(', ') || undefined);
              }
            }
          }
        }
      }
    }
  }
}

export function generateClaimGrid(policies: CompiledPolicy[], seeds: SeedClaim[], options: GridOptions): ClaimGrid {
  const grid = new GridBuilder(options);
  for (const s of seeds) grid.add({ claim: s.claim, seed: s.name, ...(s.source ? { seedSource: s.source } : {}), changes: {} });
  const bases = grid.claims.slice(); // the distinct cases
  varyOneFactor(grid, policies, bases);
  crossTableInputs(grid, policies, bases);

  // Only claims the API would accept: values come from each fact's own domain, so what remains to
  // check is that dates are in a possible order (claim_on not before delivered_on …).
  const facts = [...new Map(policies.flatMap((p) => p.facts).map((f) => [f.name, f])).values()];
  const ordered = facts.filter((f) => f.notBefore?.length);
  const claims = grid.claims.filter((c) =>
    ordered.every((f) => {
      const later = c.claim[f.name];
      return (
        typeof later !== 'string' ||
        f.notBefore!.every((e) => {
          const earlier = c.claim[e];
          return typeof earlier !== 'string' || earlier <= later;
        })
      );
    }),
  );
  return { claims, truncated: grid.truncated };
}
