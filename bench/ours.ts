// The only bench code that reaches into the evaluator's internals: our tables evaluated on their own
// (prepared once, then selectRules per claim), the figure set beside the peers, which only match
// tables. Everything else in bench/ goes through the public API; if the prepared form changes, adapt here.

import type { CompiledTable } from '../src/contract.js';
import { prepareTable, ruleOutputs, selectRules } from '../src/evaluate/evaluate-table.js';
import type { Facts, Selection } from './peers.js';

export function oursTables(tables: CompiledTable[]): (facts: Facts) => Selection {
  const prepared = tables.map((table) => {
    const p = prepareTable(table);
    return { p, names: [...p.slots.keys()] };
  });
  return (facts) =>
    prepared.map(({ p, names }) => {
      const values = names.map((name) => facts[name] ?? null);
      return selectRules(p, values).rules.map((row) => ({ row, outputs: ruleOutputs(p, row, values) }));
    });
}
