// One claim from request to decision, shared by the single and the batch route: pick the policy
// version, default claim_on to today, check every fact against the brand's vocabulary, evaluate.

import type { Claim, CompiledPolicy, Decision } from '../src/contract.js';
import { type ClaimProblem, checkClaim, checkResultDates } from '../src/evaluate/check-claim.js';
import { evaluateClaim } from '../src/evaluate/evaluate-claim.js';
import { BRAND_ID_RULE, brandIdProblem } from '../src/store/brand-id.js';
import { negotiateLocale } from './negotiate-locale.js';
import type { LoadedPolicy, PolicyStore, Selection } from './policy-store.js';
import { ProblemError, problem } from './problem.js';
import { describeSelection, type PolicySelection, requestSelection, type SelectionMode } from './select-policy.js';

export type EligibilityDecision = Decision & { policy_selection: PolicySelection };

export interface DecideOptions {
  mode: SelectionMode;
  explain: boolean;
  acceptLanguage: string | undefined;
  today: string; // YYYY-MM-DD (UTC)
  path: string; // where this item sits in the request body: '' or 'items[3]'
}

const at = (root: string, field: string) => (root ? `${root}.${field}` : field);

/**
 * The brand's policy under `selection`, or a problem naming `path`: an id that breaks the brand-id
 * rule (400), a brand with nothing published or nothing in force yet (404). A brand whose own keys
 * are broken and that is not bundled throws PolicyUnavailable (503), which a cart turns into that
 * item's problem. Unknown ids are answered without listing the brands: that list has no bound.
 */
export async function loadBrand(store: PolicyStore, brand: string, selection: Selection, path = 'brand', today?: string): Promise<LoadedPolicy> {
  const idProblem = brandIdProblem(brand);
  if (idProblem) throw new ProblemError(problem('invalid-request', { detail: idProblem, errors: [{ path, message: `expected ${BRAND_ID_RULE}` }] }));
  const lookup = await store.lookup(brand, selection, today);
  if ('found' in lookup) return lookup.found;
  const message =
    'notYetInForce' in lookup
      ? `brand "${brand}" has no policy in force yet: its first takes effect on ${lookup.notYetInForce.from}`
      : `no policy is published for brand "${brand}": GET /v1/brands lists the published brands`;
  throw new ProblemError(problem('unknown-brand', { detail: message, errors: [{ path, message }] }));
}

/** claim_on defaults to today before checking, so "claim_on before delivered_on" holds for it too. */
function withClaimDate(policy: CompiledPolicy, claim: Claim, today: string): Claim {
  return claim[policy.claimDate] === undefined && policy.facts.some((f) => f.name === policy.claimDate) ? { ...claim, [policy.claimDate]: today } : claim;
}

const invalidClaim = (brand: string, problems: ClaimProblem[]) =>
  new ProblemError(
    problem('invalid-claim', {
      detail: `${problems.length} problem(s) with the claim for ${brand}; GET /v1/brands/${brand} lists its facts`,
      errors: problems,
    }),
  );

/**
 * The claim's facts for the version that judges it. A claim is checked against the brand's vocabulary
 * of today: an order placed before a part or fact was published is still a valid claim. The older
 * version then judges it as it reads it — a value or fact it does not list counts as not given, so
 * its catch-all rows decide and whatever needs the value goes to review (facts_not_established) —
 * and the selection's note says which (policy-sheets/README.md, "Old orders, new values").
 */
async function factsFor(
  store: PolicyStore,
  brand: string,
  loaded: LoadedPolicy,
  claim: Claim,
  options: DecideOptions,
): Promise<{ facts: Claim; note?: string }> {
  const path = at(options.path, 'claim');
  const checked = checkClaim(loaded.policy.facts, withClaimDate(loaded.policy, claim, options.today), path);
  if (checked.ok) return { facts: checked.facts };
  const today = await loadBrand(store, brand, { mode: 'current' }, at(options.path, 'brand'), options.today);
  if (today.policy.version === loaded.policy.version) throw invalidClaim(brand, checked.problems);
  const current = checkClaim(today.policy.facts, withClaimDate(today.policy, claim, options.today), path);
  if (!current.ok) throw invalidClaim(brand, current.problems);
  const unlisted = checked.problems.map((p) => p.path.slice(path.length + 1));
  return {
    facts: current.facts,
    note: `the policy in force on the order date (version ${loaded.policy.version}) does not list ${unlisted.join(', ')}: it judged the claim as if ${unlisted.length > 1 ? 'they were' : 'it was'} not given`,
  };
}

export async function decideClaim(
  store: PolicyStore,
  brand: string,
  claim: Claim,
  options: DecideOptions,
): Promise<{ decision: EligibilityDecision; loaded: LoadedPolicy }> {
  const request = requestSelection(claim, options.mode);
  const loaded = await loadBrand(store, brand, request.selection, at(options.path, 'brand'), options.today);
  const { policy } = loaded;
  const { facts, note } = await factsFor(store, brand, loaded, claim, options);
  const locale = negotiateLocale(options.acceptLanguage, policy.locales, policy.defaultLocale);
  const decision = evaluateClaim(policy, facts, options.today, { locale, trace: options.explain });
  const tooLate = checkResultDates(policy.windows, decision, facts, at(options.path, 'claim'));
  if (tooLate.length) throw invalidClaim(brand, tooLate);
  const selection = describeSelection(options.mode, request, loaded, options.today);
  return {
    decision: { ...decision, policy_selection: note ? { ...selection, note: selection.note ? `${selection.note}; ${note}` : note } : selection },
    loaded,
  };
}
