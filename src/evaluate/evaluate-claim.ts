// CompiledPolicy × Claim → Decision. Pure, synchronous and total: a compiled policy never makes it
// throw; facts of the wrong type count as not sent (the API rejects them before this point).
// Every remedy gets a status, its reasons, fees, deadline and the sheet row that decided it.

import type { Claim, CompiledPolicy, Decision, Literal, Reason, RemedyDecision, TraceStep, WindowResult } from '../contract.js';
import { checkValue } from './check-claim.js';
import { parseIsoDate } from './dates.js';
import { selectRules, ruleOutputs } from './evaluate-table.js';
import { computeWindow } from './windows.js';
import { feesFor } from './fees.js';
import type { Facts } from './match-test.js';
import { preparePolicy, type PreparedPolicy, type RuleEffect, type Verdict } from './prepare-policy.js';

export interface EvaluateOptions {
  locale?: string;
  trace?: boolean;
}

const SEVERITY: Record<Verdict, number> = { eligible: 0, review: 1, ineligible: 2 };

function readFacts(prepared: PreparedPolicy, claim: Claim, asOf: string): Facts {
  const facts: Facts = {};
  for (const fact of prepared.policy.facts) {
    const raw = claim[fact.name];
    const checked = raw === undefined ? null : checkValue(fact, raw);
    facts[fact.name] = checked && 'value' in checked ? checked.value : fact.type === 'boolean' ? false : null;
  }
  if (facts[prepared.policy.claimDate] === null) facts[prepared.policy.claimDate] = asOf;
  const today = parseIsoDate(String(facts[prepared.policy.claimDate]));
  for (const [name, dateFact] of prepared.daysSince) {
    const from = typeof facts[dateFact] === 'string' ? parseIsoDate(facts[dateFact] as string) : null;
    facts[name] = from === null || today === null ? null : today - from;
  }
  return facts;
}

function derivedValue(prepared: PreparedPolicy, t: number, output: number, rules: number[], facts: Facts): Literal | Literal[] {
  const table = prepared.policy.tables[t]!;
  const values = rules.map((r) => ruleOutputs(table, r, facts)[output]!);
  switch (table.hitPolicy) {
    case 'U': case 'A': case 'P': case 'F':
      return values[0] ?? null;
    case 'C#':
      return new Set(values.map((v) => JSON.stringify(v))).size;
    case 'C+': case 'C<': case 'C>': {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      if (numbers.length === 0) return null;
      return table.hitPolicy === 'C+' ? numbers.reduce((a, b) => a + b, 0) : table.hitPolicy === 'C<' ? Math.min(...numbers) : Math.max(...numbers);
    }
    default:
      return values.flat();
  }
}

function message(policy: CompiledPolicy, code: string, locale: string): string {
  const texts = policy.messages[code];
  return texts?.[locale] ?? texts?.[policy.defaultLocale] ?? texts?.en ?? code;
}

function decideRemedy(
  prepared: PreparedPolicy, index: number, effects: RuleEffect[], windows: Map<string, WindowResult>, facts: Facts, locale: string,
): RemedyDecision {
  const { policy } = prepared;
  const remedy = prepared.remedies[index]!;
  let status: Verdict | null = null;
  for (const e of effects) if (e.verdict && (status === null || SEVERITY[e.verdict] > SEVERITY[status])) status = e.verdict;
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  const addReason = (code: string, source: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    reasons.push({ code, message: message(policy, code, locale), source });
  };
  for (const e of effects) if (e.verdict && e.verdict !== 'eligible') e.reasons.forEach((code) => addReason(code, e.source));
  if (status === null) addReason('not_applicable', remedy.source);
  const final: Verdict = status ?? 'ineligible';
  // Fees, deadline and evidence describe the service the final status offers; a refused remedy keeps
  // only what rows state for it without a verdict (e.g. who pays to ship a refused item back).
  const describing = effects.filter((e) => (final === 'ineligible' ? e.verdict === null : e.verdict !== 'ineligible'));
  const governing = describing.find((e) => e.deadline)?.deadline ?? remedy.deadline[0];
  const window = governing ? windows.get(governing) : undefined;
  const evidence = new Set(remedy.evidence);
  for (const e of describing) e.evidence.forEach((x) => evidence.add(x));
  return {
    remedy: remedy.name,
    label: remedy.label,
    status: final,
    reasons,
    deadline: window?.deadline ?? null,
    deadline_basis: window ? basisOf(prepared, governing!, window) : null,
    other_deadlines: remedy.deadline.filter((w) => w !== governing).map((w) => ({ window: w, deadline: windows.get(w)?.deadline ?? null })),
    fees: feesFor(policy, describing, facts),
    required_evidence: [...evidence],
    source: effects.find((e) => e.verdict === final)?.source ?? remedy.source,
  };
}

function basisOf(prepared: PreparedPolicy, name: string, result: WindowResult): string {
  const w = prepared.policy.windows.find((x) => x.name === name)!;
  const length = typeof w.length === 'number' ? w.length : `${w.length.ref}`;
  return `${name}: ${length} ${w.unit} from ${w.countsFrom.join(' (else ')}${w.countsFrom.length > 1 ? ')' : ''}` +
    `${result.starts_on ? ` ${result.starts_on}` : ''}, last day included; checked against ${w.checkedAgainst}`;
}

export function evaluateClaim(policy: CompiledPolicy, claim: Claim, asOf: string, options: EvaluateOptions = {}): Decision {
  const prepared = preparePolicy(policy);
  const locale = options.locale && policy.locales.includes(options.locale) ? options.locale : policy.defaultLocale;
  const facts = readFacts(prepared, claim, asOf);
  const windows = new Map<string, WindowResult>();
  const derived: Record<string, unknown> = {};
  const effects: RuleEffect[][] = prepared.remedies.map(() => []);
  const remedyIndex = new Map(prepared.remedies.map((r, i) => [r.name, i]));
  const trace: TraceStep[] | undefined = options.trace ? [] : undefined;

  for (const step of policy.plan) {
    if ('window' in step) {
      const w = policy.windows[step.window]!;
      const result = computeWindow(w, facts);
      windows.set(w.name, result);
      facts[w.name] = result.status;
      continue;
    }
    const t = step.table;
    const hit = selectRules(prepared.tables[t]!, facts);
    for (const [output, name] of prepared.derivedOutputs[t]!) {
      const value = derivedValue(prepared, t, output, hit.rules, facts);
      facts[name] = Array.isArray(value) ? (value[0] ?? null) : value;
      derived[name] = value;
    }
    for (const r of hit.rules) for (const e of prepared.effects[t]![r]!) effects[remedyIndex.get(e.remedy)!]!.push(e);
    trace?.push({
      table: policy.tables[t]!.source, hit_policy: policy.tables[t]!.hitPolicy,
      matched: hit.rules.map((r) => policy.tables[t]!.rules[r]!.source), ...(hit.error ? { error: hit.error } : {}),
    });
  }

  const windowList = policy.windows.map((w) => windows.get(w.name) ?? computeWindow(w, facts));
  return {
    brand: policy.brand,
    policy_version: policy.version,
    as_of: String(facts[policy.claimDate]),
    locale,
    remedies: prepared.remedies.map((_, i) => decideRemedy(prepared, i, effects[i]!, windows, facts, locale)),
    warranty: policy.warrantyWindow ? windows.get(policy.warrantyWindow) ?? null : null,
    windows: windowList,
    derived,
    facts_not_established: prepared.booleanInputs.filter((name) => claim[name] === undefined),
    ...(trace ? { trace } : {}),
  };
}
