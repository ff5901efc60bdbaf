// What the browser tests ask the Worker, found rather than named: every brand of policy-sheets/ (as
// `npm start` publishes them) with its editors' first case as a claim, and the products the /demo
// storefront shows. A policy editor changing a brand never has to touch these tests.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileBrand } from '../../src/cli/compile-brands.js';
import { listBrands } from '../../src/cli/read-sheets.js';

const SHEETS = fileURLToPath(new URL('../../policy-sheets', import.meta.url));
const DEMO_PAGE = fileURLToPath(new URL('../../src/widget/pages/demo.html', import.meta.url));

export interface BrandClaim {
  brand: string;
  claim: Record<string, unknown>;
}

/** The brands `npm start` publishes: the folders of policy-sheets/. */
export const SEEDED_BRANDS: readonly string[] = listBrands(SHEETS);

/** Each seeded brand with the claim of its first editors' case (cases.csv), which the brand's own sheets decide. */
export function firstCaseClaims(): BrandClaim[] {
  return SEEDED_BRANDS.map((brand) => {
    const first = compileBrand(SHEETS, brand, true).cases[0];
    if (!first) throw new Error(`${brand} has no case to take a claim from: policy-sheets/${brand}/cases.csv`);
    return { brand, claim: first.claim };
  });
}

export interface DemoProduct {
  brand: string;
  line: string;
  part: string;
}

/** The badges on /demo (src/widget/pages/demo.html), in page order: the storefront's own markup says which products they are. */
export function demoProducts(): DemoProduct[] {
  const html = readFileSync(DEMO_PAGE, 'utf8');
  const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  return [...html.matchAll(/<warranty-terms\b[^>]*>/g)].map(([tag]) => ({
    brand: attribute(tag, 'brand'),
    line: attribute(tag, 'product-line'),
    part: attribute(tag, 'part'),
  }));
}
