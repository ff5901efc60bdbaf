// A brand's coverage terms for a product line and part, as the coverage route and the MCP get_terms
// tool answer them: the question checked against the brand's vocabulary, the summary, and the summary
// as machine-readable terms (UCP-style `policies[]`): one self-describing entry per term an agent or
// feed can quote — the brand's warranty and each remedy with its window as an ISO 8601 duration —
// instead of the storefront's one-line headline.

import type { CompiledPolicy, CoverageSummary, CoverageTerm } from '../src/contract.js';
import { checkClaim } from '../src/evaluate/check-claim.js';
import { summarizeCoverage } from '../src/evaluate/summarize-coverage.js';
import { ProblemError, problem } from './problem.js';

export interface CoverageQuestion {
  product_line?: string | undefined;
  part?: string | undefined;
}
export type CoverageProbe = { product_line?: string; part?: string };
export type CoverageAnswer = CoverageSummary & { policies: ReturnType<typeof coveragePolicies> };

/**
 * The claim facts a coverage question sets, checked against the brand's vocabulary (a problem names
 * `root.product_line` or `root.part`). A badge's markup is the same on every product page, so a fact
 * the brand does not read (its terms do not depend on it) is left out rather than refused.
 */
export function coverageProbe(policy: CompiledPolicy, { product_line, part }: CoverageQuestion, root: string): CoverageProbe {
  const reads = (fact: string) => policy.facts.some((f) => f.name === fact);
  const probe = { ...(product_line && reads('product_line') ? { product_line } : {}), ...(part && reads('part') ? { part } : {}) };
  const checked = checkClaim(policy.facts, probe, root);
  if (!checked.ok) throw new ProblemError(problem('invalid-request', { errors: checked.problems }));
  return probe;
}

/** The summary in `locale` on `today`, with its terms as `policies[]`. */
export function coverageAnswer(policy: CompiledPolicy, probe: CoverageProbe, locale: string, today: string): CoverageAnswer {
  const summary = summarizeCoverage(policy, { ...probe, locale }, today);
  return { ...summary, policies: coveragePolicies(policy, summary) };
}

const DESIGNATOR = { days: 'D', months: 'M', years: 'Y' } as const;

export const isoDuration = (term: CoverageTerm | undefined): string | null => (term && term.length !== null ? `P${term.length}${DESIGNATOR[term.unit]}` : null);

export function coveragePolicies(policy: CompiledPolicy, summary: CoverageSummary) {
  const windows = new Map(summary.windows.map((w) => [w.window, w]));
  const warranty = policy.warrantyWindow ? windows.get(policy.warrantyWindow) : undefined;
  const warrantyTerm = warranty
    ? [
        {
          id: `${policy.brand}.warranty`,
          type: 'warranty' as const,
          name: warranty.label,
          description: null,
          remedy: null,
          window: warranty.window,
          duration: isoDuration(warranty),
          starts_from: warranty.counts_from,
          terms: {},
        },
      ]
    : [];
  return [
    ...warrantyTerm,
    ...summary.remedies.map((r) => {
      const governing = policy.remedies.find((x) => x.name === r.remedy)?.deadline[0];
      const window = governing ? windows.get(governing) : undefined;
      return {
        id: `${policy.brand}.${r.remedy}`,
        type: 'remedy' as const,
        name: r.label,
        description: r.description ?? null,
        remedy: r.remedy,
        window: window?.window ?? null,
        duration: isoDuration(window),
        starts_from: window?.counts_from ?? [],
        terms: r.terms,
      };
    }),
  ];
}
