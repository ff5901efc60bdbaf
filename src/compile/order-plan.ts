// Orders tables and windows so every derived fact is produced before anything reads it (a DMN
// decision requirements graph, resolved at build time). Ties keep sheet order; cycles are errors.

import type { CompiledTable, CompiledWindow, PlanStep } from '../contract.js';
import { tableNames } from '../evaluate/evaluate-table.js';

function windowReads(window: CompiledWindow): string[] {
  return [...window.countsFrom, window.checkedAgainst, ...(typeof window.length === 'object' ? [window.length.ref] : [])];
}

export type PlanResult = { plan: PlanStep[] } | { cycle: string[] };

export function orderPlan(tables: CompiledTable[], windows: CompiledWindow[]): PlanResult {
  const nodes: { step: PlanStep; label: string; reads: string[]; produces: string[] }[] = [
    ...tables.map((t, i) => ({
      step: { table: i },
      label: t.source,
      reads: tableNames(t),
      produces: t.outputs.filter((o) => o.role?.kind === 'derived').map((o) => o.name),
    })),
    ...windows.map((w, i) => ({ step: { window: i }, label: w.source, reads: windowReads(w), produces: [w.name] })),
  ];
  const producer = new Map<string, number>();
  for (const [i, n] of nodes.entries()) {
    for (const name of n.produces) producer.set(name, i);
  }
  const deps = nodes.map((n, i) => new Set(n.reads.map((name) => producer.get(name)).filter((p): p is number => p !== undefined && p !== i)));
  const plan: PlanStep[] = [];
  const done = new Set<number>();
  while (done.size < nodes.length) {
    const next = nodes.findIndex((_, i) => !done.has(i) && [...deps[i]!].every((d) => done.has(d)));
    if (next < 0) return { cycle: nodes.filter((_, i) => !done.has(i)).map((n) => n.label) };
    done.add(next);
    plan.push(nodes[next]!.step);
  }
  return { plan };
}
