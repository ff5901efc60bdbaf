// A compiled policy made ready to evaluate: matcher closures, table indexes and each rule's
// contribution to the remedies, built once per policy version (cold path) so that evaluating a
// claim only walks precomputed structures.

import type { CompiledPolicy, CompiledRemedy, Literal, OutputValue } from '../contract.js';
import { prepareTable, type PreparedTable } from './evaluate-table.js';

export type Verdict = 'eligible' | 'ineligible' | 'review';

/** What one rule says about one remedy. */
export interface RuleEffect {
  remedy: string;
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

export interface PreparedPolicy {
  policy: CompiledPolicy;
  tables: PreparedTable[];
  /** [table][rule] → effects on remedies, empty for tables that only derive facts */
  effects: RuleEffect[][][];
  /** [table] → output columns that are derived facts: [output index, fact name] */
  derivedOutputs: [number, string][][];
  remedies: CompiledRemedy[];
  booleanInputs: string[];
  daysSince: [string, string][];  // [derived name, date fact]
}

const asStrings = (v: OutputValue | null | undefined): string[] =>
  !v || 'ref' in v ? [] : (Array.isArray(v.value) ? v.value : [v.value]).filter((x): x is string => typeof x === 'string');

function ruleEffects(policy: CompiledPolicy, tableIndex: number, ruleIndex: number): RuleEffect[] {
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
  return [...verdicts].map(([remedy, verdict]) => {
    const own = scoped.get(remedy);
    // A × only brings its reasons; fees, deadline and evidence describe a service that is offered.
    const describesService = verdict !== 'ineligible';
    return {
      remedy, verdict, source: rule.source,
      reasons: verdict && verdict !== 'eligible' ? [...(own?.reasons ?? []), ...shared.reasons] : [],
      deadline: own?.deadline ?? (describesService ? shared.deadline : undefined),
      evidence: describesService ? [...(own?.evidence ?? []), ...shared.evidence] : own?.evidence ?? [],
      fees: describesService ? [...(own?.fees ?? []), ...shared.fees] : own?.fees ?? [],
    };
  });
}

const cache = new WeakMap<CompiledPolicy, PreparedPolicy>();

export function preparePolicy(policy: CompiledPolicy): PreparedPolicy {
  const cached = cache.get(policy);
  if (cached) return cached;
  const factTypes = new Map(policy.facts.map((f) => [f.name, f.type]));
  const inputs = new Set(policy.tables.flatMap((t) => t.inputs.map((i) => i.name)));
  const prepared: PreparedPolicy = {
    policy,
    tables: policy.tables.map(prepareTable),
    effects: policy.tables.map((t, ti) => t.rules.map((_, ri) => ruleEffects(policy, ti, ri))),
    derivedOutputs: policy.tables.map((t) => t.outputs.flatMap((o, i): [number, string][] => (o.role?.kind === 'derived' ? [[i, o.name]] : []))),
    remedies: policy.remedies,
    booleanInputs: [...inputs].filter((n) => factTypes.get(n) === 'boolean'),
    daysSince: [...inputs].flatMap((n): [string, string][] => {
      const m = /^days_since_(.+)$/.exec(n);
      return m && factTypes.get(m[1]!) === 'date' ? [[n, m[1]!]] : [];
    }),
  };
  cache.set(policy, prepared);
  return prepared;
}

export type { Literal };
