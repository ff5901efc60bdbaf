// One claim from request to decision, shared by the single and the batch route: pick the policy
// version, default claim_on to today, check every fact against the brand's vocabulary, evaluate.

import type { Claim, Decision } from '../src/contract.js';
import { checkClaim } from '../src/evaluate/check-claim.js';
import { evaluateClaim } from '../src/evaluate/evaluate-claim.js';
import { negotiateLocale } from './negotiate-locale.js';
import type { LoadedPolicy, PolicyStore } from './policy-store.js';
import { problem, ProblemError } from './problem.js';
import { describeSelection, requestSelection, type PolicySelection, type SelectionMode } from './select-policy.js';

export type EligibilityDecision = Decision & { policy_selection: PolicySelection };

export interface DecideOptions {
  mode: SelectionMode;
  explain: boolean;
  acceptLanguage: string | undefined;
  today: string;                 // YYYY-MM-DD (UTC)
  path: string;                  // where this item sits in the request body: '' or 'items[3]'
}

const at = (root: string, field: string) => (root ? `${root}.${field}` : field);

export async function loadBrand(store: PolicyStore, brand: string, selection: Parameters<PolicyStore['lookup']>[1], path = 'brand'): Promise<LoadedPolicy> {
  const lookup = await store.lookup(brand, selection);
  if ('found' in lookup) return lookup.found;
  const expected = lookup.unknown.length ? `expected one of ${lookup.unknown.join(', ')}` : 'no brand is published yet';
  throw new ProblemError(problem('unknown-brand', {
    detail: `no policy for brand "${brand}": ${expected}`,
    errors: [{ path, message: expected }],
    known_brands: lookup.unknown,
  }));
}

export async function decideClaim(store: PolicyStore, brand: string, claim: Claim, options: DecideOptions): Promise<{ decision: EligibilityDecision; loaded: LoadedPolicy }> {
  const request = requestSelection(claim, options.mode);
  const loaded = await loadBrand(store, brand, request.selection, at(options.path, 'brand'));
  const { policy } = loaded;
  // claim_on defaults to today before checking, so "claim_on before delivered_on" holds for it too.
  const dated = claim[policy.claimDate] === undefined && policy.facts.some((f) => f.name === policy.claimDate)
    ? { ...claim, [policy.claimDate]: options.today }
    : claim;
  const checked = checkClaim(policy.facts, dated, at(options.path, 'claim'));
  if (!checked.ok) {
    throw new ProblemError(problem('invalid-claim', {
      detail: `${checked.problems.length} problem(s) with the claim for ${brand}; GET /v1/brands/${brand} lists its facts`,
      errors: checked.problems,
    }));
  }
  const locale = negotiateLocale(options.acceptLanguage, policy.locales, policy.defaultLocale);
  const decision = evaluateClaim(policy, checked.facts, options.today, { locale, trace: options.explain });
  return { decision: { ...decision, policy_selection: describeSelection(options.mode, request, loaded) }, loaded };
}
