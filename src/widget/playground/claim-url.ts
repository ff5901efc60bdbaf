// A claim as a shareable query string: /playground?brand=elegoo&part=printer&proof_of_purchase=1.
// Fact names are the parameter names (no fact is called `brand` or `lang`); the brand's vocabulary
// types the values on the way back.

import type { Claim } from '../../contract.js';
import type { BrandFact } from './api-types.js';

export const RESERVED_PARAMS = ['brand', 'lang'] as const;

export function encodeClaim(brand: string, claim: Claim, lang?: string): string {
  const params = new URLSearchParams({ brand });
  if (lang) params.set('lang', lang);
  for (const [name, value] of Object.entries(claim)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return params.toString();
}

/** The facts a query string sets, typed by the brand's vocabulary; unknown names are left out. */
export function decodeClaim(params: URLSearchParams, facts: readonly BrandFact[]): Claim {
  const claim: Claim = {};
  for (const fact of facts) {
    const raw = params.get(fact.name);
    if (raw === null || raw === '' || (RESERVED_PARAMS as readonly string[]).includes(fact.name)) continue;
    if (fact.type === 'boolean') claim[fact.name] = raw === '1' || raw === 'true';
    else if (fact.type === 'number' || fact.type === 'money') {
      const n = Number(raw);
      // A value that is not a number is kept as sent, so the API names it in its problem report.
      claim[fact.name] = Number.isFinite(n) ? n : raw;
    } else claim[fact.name] = raw;
  }
  return claim;
}
