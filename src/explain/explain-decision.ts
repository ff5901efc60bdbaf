// A decision made readable: for each remedy, the sheet rows that spoke about it (the decisive one
// marked) and what each said; for --trace, every table consulted with the rows it matched. Pure:
// reads a compiled policy and a decision evaluated with `trace: true`.

import type { CompiledPolicy, Decision, HitPolicy, Reason, SourceRef, Status, WindowResult } from '../contract.js';
import { preparePolicy } from '../evaluate/prepare-policy.js';
import { effectsOf, type RuleEffect } from '../evaluate/rule-effects.js';

export interface RowSaid {
  source: SourceRef;
  label?: string;
  verdict: Status | null; // null: the row only describes (fees, deadline, evidence)
  reasons: string[];
  fields: string[]; // fee, payer, deadline and evidence fields the row sets
  decisive: boolean; // the row whose verdict set the final status
}

export interface RemedyExplanation {
  remedy: string;
  label: string;
  status: Status;
  deadline: string | null;
  deadlineBasis: string | null;
  fees: Record<string, string | number>;
  reasons: readonly Reason[];
  evidence: readonly string[];
  rows: RowSaid[];
}

export interface TableConsulted {
  table: string;
  hitPolicy: HitPolicy;
  matched: { source: SourceRef; label?: string }[];
  derived: Record<string, unknown>;
  error?: string;
}

export interface Explanation {
  brand: string;
  name: string;
  version: string;
  asOf: string;
  locale: string;
  remedies: RemedyExplanation[];
  windows: readonly WindowResult[];
  derived: Record<string, unknown>;
  notEstablished: readonly string[];
  tables: TableConsulted[];
}

function rowSaid(effect: RuleEffect, label: string | undefined, decisive: boolean): RowSaid {
  const fields = [...effect.fees.map((fee) => fee.field), ...(effect.deadline ? ['deadline'] : []), ...(effect.evidence.length ? ['evidence'] : [])];
  return { source: effect.source, ...(label ? { label } : {}), verdict: effect.verdict, reasons: [...effect.reasons], fields, decisive };
}

export function explainDecision(policy: CompiledPolicy, decision: Decision): Explanation {
  const prepared = preparePolicy(policy);
  const where = new Map<SourceRef, { t: number; r: number }>();
  for (const [t, table] of policy.tables.entries()) {
    for (const [r, rule] of table.rules.entries()) where.set(rule.source, { t, r });
  }
  const matched = (decision.trace ?? []).flatMap((step) => step.matched);
  const money = new Set(policy.fees.filter((f) => f.type === 'money').map((f) => f.name));
  const remedies = decision.remedies.map((d): RemedyExplanation => {
    const rows: RowSaid[] = [];
    for (const source of matched) {
      const at = where.get(source);
      if (!at) continue;
      for (const effect of effectsOf(prepared, at.t, at.r)) {
        if (effect.remedy !== d.remedy) continue;
        rows.push(rowSaid(effect, policy.tables[at.t]!.rules[at.r]!.label, effect.verdict !== null && source === d.source));
      }
    }
    return {
      remedy: d.remedy,
      label: d.label,
      status: d.status,
      deadline: d.deadline,
      deadlineBasis: d.deadline_basis,
      // Amounts as customers read them (9.00, not 9).
      fees: Object.fromEntries(Object.entries(d.fees).map(([k, v]) => [k, money.has(k) && typeof v === 'number' ? v.toFixed(2) : v])),
      reasons: d.reasons,
      evidence: d.required_evidence,
      rows,
    };
  });
  const tables = (decision.trace ?? []).map((step): TableConsulted => {
    const table = policy.tables.find((t) => t.source === step.table);
    const derivedNames = table?.outputs.filter((o) => o.role?.kind === 'derived').map((o) => o.name) ?? [];
    const error = (step as { error?: string }).error;
    return {
      table: step.table,
      hitPolicy: step.hit_policy,
      matched: step.matched.map((source) => {
        const label = table?.rules.find((r) => r.source === source)?.label;
        return label ? { source, label } : { source };
      }),
      derived: Object.fromEntries(derivedNames.map((n) => [n, decision.derived[n] ?? null])),
      ...(error ? { error } : {}),
    };
  });
  return {
    brand: policy.brand,
    name: policy.name,
    version: policy.version,
    asOf: decision.as_of,
    locale: decision.locale,
    remedies,
    windows: decision.windows,
    derived: decision.derived,
    notEstablished: decision.facts_not_established,
    tables,
  };
}
