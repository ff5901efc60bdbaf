// Examples for the API reference (/docs, /openapi.json), drawn from the first brand bundled into
// the Worker, so the reference names no brand in code and its curl lines answer under `npm start`
// whichever brands policy-sheets/ holds. A Worker built without any brand shows a neutral id.

import { BUNDLED_POLICIES } from './bundled-policies.js';

export interface ApiExamples {
  brand: string;
  claim: Record<string, string>;   // dates only: the warranty's start and the claim date
  sheet: string;                   // one of the brand's decision tables
}

const NEUTRAL: ApiExamples = { brand: 'acme', claim: { delivered_on: '2025-03-01', claim_on: '2025-03-20' }, sheet: 'returns' };

let examples: ApiExamples | undefined;

export function apiExamples(): ApiExamples {
  examples ??= fromFirstBrand() ?? NEUTRAL;
  return examples;
}

function fromFirstBrand(): ApiExamples | undefined {
  const brand = BUNDLED_POLICIES.brands[0];
  const policy = brand === undefined ? undefined : BUNDLED_POLICIES.policy(brand);
  if (!brand || !policy) return undefined;
  // A claim of the two dates every brand's warranty needs: when it starts and when the claim is made.
  const start = policy.windows.find((w) => w.name === policy.warrantyWindow)?.countsFrom[0];
  const claim: Record<string, string> = start ? { [start]: '2025-03-01' } : {};
  claim[policy.claimDate] = '2025-03-20';
  return { brand, claim, sheet: policy.tables[0]?.name ?? NEUTRAL.sheet };
}
