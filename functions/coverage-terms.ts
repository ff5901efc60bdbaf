// The coverage summary as machine-readable terms (UCP-style `policies[]`): one self-describing entry
// per term an agent or feed can quote — the brand's warranty and each remedy with its window as an
// ISO 8601 duration — instead of the storefront's one-line headline.

import type { CompiledPolicy, CoverageSummary, CoverageTerm } from '../src/contract.js';

const DESIGNATOR = { days: 'D', months: 'M', years: 'Y' } as const;

export const isoDuration = (term: CoverageTerm | undefined): string | null =>
  term && term.length !== null ? `P${term.length}${DESIGNATOR[term.unit]}` : null;

export function coveragePolicies(policy: CompiledPolicy, summary: CoverageSummary) {
  const windows = new Map(summary.windows.map((w) => [w.window, w]));
  const warranty = policy.warrantyWindow ? windows.get(policy.warrantyWindow) : undefined;
  const warrantyTerm = warranty ? [{
    id: `${policy.brand}.warranty`, type: 'warranty' as const, name: warranty.label, description: null,
    remedy: null, window: warranty.window, duration: isoDuration(warranty), starts_from: warranty.counts_from, terms: {},
  }] : [];
  return [...warrantyTerm, ...summary.remedies.map((r) => {
    const governing = policy.remedies.find((x) => x.name === r.remedy)?.deadline[0];
    const window = governing ? windows.get(governing) : undefined;
    return {
      id: `${policy.brand}.${r.remedy}`, type: 'remedy' as const, name: r.label, description: r.description ?? null,
      remedy: r.remedy, window: window?.window ?? null, duration: isoDuration(window), starts_from: window?.counts_from ?? [], terms: r.terms,
    };
  })];
}
