// A compiled policy made ready to evaluate: matcher closures, table indexes and each rule's
// contribution to the remedies, built once per policy version (cold path) so that evaluating a
// claim only walks precomputed structures.

import type { CompiledFact, CompiledPolicy, CompiledRemedy, Literal, OutputValue } from '../contract.js';
import { checkValue } from './check-claim.js';
import { prepareTable, type PreparedTable } from './evaluate-table.js';
import type { Values } from './match-test.js';

export type Verdict = 'eligible' | 'ineligible' | 'review';

/** What one rule says about one remedy. */
export interface RuleEffect {
  remedy: string;
  remedyIndex: number;
  verdict: Verdict | null;       // null: the row only adds fees, deadline or evidence
  reasons: string[];
  deadline?: string;
  evidence: string[];
  fees: [string, OutputValue][];
  source: string;
}

export interface PreparedStep {
  kind: 'table' | 'window';
  index: number;
}

/** A window with the slots it reads. */
export interface PreparedWindow {
  slot: number;
  starts: number[];
  length: number | { slot: number };
  checked: number;
}

export interface PreparedPolicy {
  policy: CompiledPolicy;
  /** Every name a claim can be judged on (facts, windows, derived facts) → its index in Values. */
  slots: Map<string, number>;
  tables: PreparedTable[];
  windows: PreparedWindow[];
  /** [table][rule] → effects on remedies, empty for tables that only derive facts */
  effects: RuleEffect[][][];
  /** [table] → output columns that are derived facts: [output index, slot, fact name] */
  derivedOutputs: [number, number, string][][];
  remedies: CompiledRemedy[];
  booleanInputs: string[];
  daysSince: [number, number][];  // [derived slot, date fact slot]
  claimDateSlot: number;
  /** policy.plan as numbers (table index ≥ 0, window i as -i-1): no shape checks per step. */
  plan: number[];
  /** Every slot at its "not sent" value (flags false, others null); copied once per claim. */
  template: Values;
  /** Claim fact name → its slot and how to accept its value (only facts some table or window reads). */
  readers: Map<string, { slot: number; read: (raw: unknown) => Literal | undefined }>;
  /** Fees computed from others, e.g. restocking_fee_amount = percent_of(restocking_fee_pct, order_amount). */
  computedFees: CompiledPolicy['fees'];
  /** Window name → its deadline basis text around the start date. */
  basis: Map<string, [string, string, string]>;
}

const asStrings = (v: OutputValue | null | undefined): string[] =>
  !v || 'ref' in v ? [] : (Array.isArray(v.value) ? v.value : [v.value]).filter((x): x is string => typeof x === 'string');

function ruleEffects(policy: CompiledPolicy, remedyIndex: Map<string, number>, tableIndex: number, ruleIndex: number): RuleEffect[] {
  const table = policy.tables[tableIndex]!;
  const rule = table.rules[ruleIndex]!;
  const verdicts = new Map<string, Verdict | null>();
  let listed: string[] = [];
  let status: Verdict | null = null;
  const shared = { reasons: [] as string[], evidence: [] as string[], deadline: undefined as string | undefined, fees: [] as [string, OutputValue][] };
  const scoped = new Map<string, typeof shared>();
  table.outputs.forEach((output, o) => {
    const value = rule.outputs[o];
    const role = output.role;
    if (!role || value === null || value === undefined) return;
    if (role.kind === 'verdict') verdicts.set(role.remedy, asStrings(value)[0] as Verdict);
    else if (role.kind === 'remedies') listed = asStrings(value);
    else if (role.kind === 'status') status = asStrings(value)[0] as Verdict;
    else if (role.kind === 'meta') {
      const into = role.remedy ? scoped.get(role.remedy) ?? scoped.set(role.remedy, { reasons: [], evidence: [], deadline: undefined, fees: [] }).get(role.remedy)! : shared;
      if (role.field === 'reason') into.reasons.push(...asStrings(value));
      else if (role.field === 'evidence') into.evidence.push(...asStrings(value));
      else if (role.field === 'deadline') into.deadline = asStrings(value)[0];
      else into.fees.push([role.field, value]);
    }
  });
  for (const remedy of listed) if (!verdicts.has(remedy)) verdicts.set(remedy, status);
  for (const remedy of scoped.keys()) if (!verdicts.has(remedy)) verdicts.set(remedy, null);
  // A row's fees, deadline and evidence describe what it grants (√, review or no verdict); a row
  // that only refuses (all ×) describes the refusal instead, e.g. who pays to ship a refused item back.
  const grants = [...verdicts.values()].some((v) => v !== 'ineligible');
  return [...verdicts].map(([remedy, verdict]) => {
    const own = scoped.get(remedy);
    const describesService = verdict !== 'ineligible' || !grants;
    return {
      remedy, remedyIndex: remedyIndex.get(remedy)!, verdict, source: rule.source,
      reasons: verdict && verdict !== 'eligible' ? [...(own?.reasons ?? []), ...shared.reasons] : [],
      deadline: own?.deadline ?? (describesService ? shared.deadline : undefined),
      evidence: describesService ? [...(own?.evidence ?? []), ...shared.evidence] : own?.evidence ?? [],
      fees: describesService ? [...(own?.fees ?? []), ...shared.fees] : own?.fees ?? [],
    };
  });
}

function readerFor(fact: CompiledFact): (raw: unknown) => Literal | undefined {
  if (fact.type === 'boolean') return (raw) => (typeof raw === 'boolean' ? raw : undefined);
  if (fact.type === 'enum') {
    const allowed = new Set<unknown>(fact.values);
    return (raw) => (allowed.has(raw) ? (raw as string) : undefined);
  }
  return (raw) => {
    const checked = checkValue(fact, raw);
    return 'value' in checked ? checked.value : undefined;
  };
}

/** Facts any table, window, fee or setting reads; the rest of a claim is irrelevant to the decision. */
function factsRead(policy: CompiledPolicy): Set<string> {
  const names = new Set<string>([policy.claimDate]);
  const visit = (t: import('../contract.js').UnaryTest): void => {
    if ('ref' in t) names.add(t.ref);
    else if ('not' in t) t.not.forEach(visit);
    else if ('or' in t) t.or.forEach(visit);
  };
  for (const table of policy.tables) {
    table.inputs.forEach((i) => names.add(i.name.replace(/^days_since_/, '')));
    for (const rule of table.rules) {
      rule.tests.forEach(visit);
      for (const out of rule.outputs) if (out && 'ref' in out) names.add(out.ref);
    }
  }
  for (const w of policy.windows) [...w.countsFrom, w.checkedAgainst, ...(typeof w.length === 'object' ? [w.length.ref] : [])].forEach((n) => names.add(n));
  for (const fee of policy.fees) if (fee.percentOf) names.add(fee.percentOf.base);
  return names;
}

function basisText(policy: CompiledPolicy): Map<string, [string, string, string]> {
  return new Map(policy.windows.map((w) => {
    const from = w.countsFrom.length > 1 ? `${w.countsFrom[0]} (else ${w.countsFrom.slice(1).join(', else ')})` : w.countsFrom[0];
    return [w.name, [`${w.name}: `, ` ${w.unit} from ${from} `, `, last day included; checked against ${w.checkedAgainst}`]];
  }));
}

const cache = new WeakMap<CompiledPolicy, PreparedPolicy>();

export function preparePolicy(policy: CompiledPolicy): PreparedPolicy {
  const cached = cache.get(policy);
  if (cached) return cached;
  const factTypes = new Map(policy.facts.map((f) => [f.name, f.type]));
  const remedyIndex = new Map(policy.remedies.map((r, i) => [r.name, i]));
  const read = factsRead(policy);
  const inputs = new Set(policy.tables.flatMap((t) => t.inputs.map((i) => i.name)));
  const slots = new Map<string, number>();
  const slot = (name: string) => slots.get(name) ?? slots.set(name, slots.size).get(name)!;
  policy.facts.forEach((f) => slot(f.name));
  policy.windows.forEach((w) => slot(w.name));
  policy.tables.forEach((t) => t.outputs.forEach((o) => o.role?.kind === 'derived' && slot(o.name)));
  inputs.forEach(slot);
  const template: Values = new Array(slots.size).fill(null);
  for (const f of policy.facts) if (f.type === 'boolean') template[slots.get(f.name)!] = false;
  const prepared: PreparedPolicy = {
    policy,
    slots,
    tables: policy.tables.map((t) => prepareTable(t, slots)),
    windows: policy.windows.map((w) => ({
      slot: slot(w.name), starts: w.countsFrom.map(slot), checked: slot(w.checkedAgainst),
      length: typeof w.length === 'number' ? w.length : { slot: slot(w.length.ref) },
    })),
    effects: policy.tables.map((t, ti) => t.rules.map((_, ri) => ruleEffects(policy, remedyIndex, ti, ri))),
    derivedOutputs: policy.tables.map((t) => t.outputs.flatMap((o, i): [number, number, string][] => (o.role?.kind === 'derived' ? [[i, slot(o.name), o.name]] : []))),
    remedies: policy.remedies,
    booleanInputs: [...inputs].filter((n) => factTypes.get(n) === 'boolean'),
    daysSince: [...inputs].flatMap((n): [number, number][] => {
      const m = /^days_since_(.+)$/.exec(n);
      return m && factTypes.get(m[1]!) === 'date' ? [[slot(n), slot(m[1]!)]] : [];
    }),
    claimDateSlot: slot(policy.claimDate),
    plan: policy.plan.map((step) => ('window' in step ? -step.window - 1 : step.table)),
    template,
    readers: new Map(policy.facts.filter((f) => read.has(f.name)).map((f) => [f.name, { slot: slot(f.name), read: readerFor(f) }])),
    basis: basisText(policy),
    computedFees: policy.fees.filter((f) => f.percentOf),
  };
  cache.set(policy, prepared);
  return prepared;
}

export type { Literal };
