// What the fuzzer knows about each brand, read the way any client reads it: GET /v1/brands, then
// GET /v1/brands/:brand for the claim facts, the remedies and the claim date.

import { call, readJson } from '../worker.js';

export interface FactInfo {
  name: string;
  type: 'boolean' | 'enum' | 'text' | 'date' | 'number' | 'money';
  values: string[] | null;
  not_before: string[];
}

export interface BrandVocabulary {
  brand: string;
  claimDate: string;
  remedies: string[];
  facts: FactInfo[];
  sheets: string[];
}

export async function readVocabularies(): Promise<BrandVocabulary[]> {
  const { brands } = await readJson<{ brands: { brand: string }[] }>(await call('/v1/brands'));
  return Promise.all(
    brands.map(async ({ brand }) => {
      const doc = await readJson<{ claim_date: string; remedies: { remedy: string }[]; facts: FactInfo[] }>(await call(`/v1/brands/${brand}`));
      const { sheets } = await readJson<{ sheets: { sheet: string }[] }>(await call(`/v1/brands/${brand}/sheets`));
      return {
        brand,
        claimDate: doc.claim_date,
        remedies: doc.remedies.map((r) => r.remedy),
        facts: doc.facts,
        sheets: sheets.map((s) => s.sheet),
      };
    }),
  );
}
