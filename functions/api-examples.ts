// Examples for the API reference (/openapi.json, shown by /docs), drawn from the first brand bundled
// into the Worker and computed by the same code that answers requests: the reference names no brand
// in code, its examples are real answers (the edge tests validate them against the document's
// schemas) and a "try it" answers under `npm start` whichever brands policy-sheets/ holds.

import type { CompiledPolicy } from '../src/contract.js';
import { checkClaim } from '../src/evaluate/check-claim.js';
import { evaluateClaim } from '../src/evaluate/evaluate-claim.js';
import { summarizeCoverage } from '../src/evaluate/summarize-coverage.js';
import { compiledRows } from '../src/sheet/compiled-rows.js';
import { writeCsv } from '../src/sheet/write-csv.js';
import { brandRow } from './brand-rows.js';
import { coveragePolicies } from './coverage-terms.js';
import { describeBrand } from './describe-brand.js';
import type { BundledPolicies } from './policy-bundle.js';
import type { LoadedPolicy } from './policy-store.js';
import { listSheets } from './routes/sheets.js';
import { describeSelection, requestSelection } from './select-policy.js';

export interface ApiExamples {
  brand: string;
  claim: Record<string, string>; // dates only: the warranty's start and the claim date
  sheet: string; // one of the brand's decision tables
  /** Answers of the routes to that brand and claim; absent when the Worker bundles no brand. */
  answers?: {
    decision: object;
    coverage: object;
    brandDetail: object;
    brandList: object;
    sheetList: object;
    sheetDocument: object;
    sheetCsv: string;
  };
}

/** The claim's date: fixed, so the document is the same on every request and every day. */
const EXAMPLE_DAY = '2025-03-20';
/** The day the example's policy version took effect: before the example order. */
const PUBLISHED_DAY = '2025-01-01';
const NEUTRAL: ApiExamples = { brand: 'acme', claim: { delivered_on: '2025-03-01', claim_on: EXAMPLE_DAY }, sheet: 'returns' };

const held = new WeakMap<BundledPolicies, ApiExamples>();

export function apiExamples(bundle: BundledPolicies): ApiExamples {
  let examples = held.get(bundle);
  if (!examples) {
    examples = fromFirstBrand(bundle) ?? NEUTRAL;
    held.set(bundle, examples);
  }
  return examples;
}

function fromFirstBrand(bundle: BundledPolicies): ApiExamples | undefined {
  const brand = bundle.brands[0];
  const policy = brand === undefined ? undefined : bundle.policy(brand);
  if (!brand || !policy) return undefined;
  // A claim of the two dates every brand's warranty needs: when it starts and when the claim is made.
  const start = policy.windows.find((w) => w.name === policy.warrantyWindow)?.countsFrom[0];
  const claim: Record<string, string> = start ? { [start]: '2025-03-01' } : {};
  claim[policy.claimDate] = EXAMPLE_DAY;
  return { brand, claim, sheet: policy.tables[0]?.name ?? NEUTRAL.sheet, answers: answersFor(policy, claim) };
}

/** What the routes answer about `policy` on EXAMPLE_DAY, as if KV held it (in force since PUBLISHED_DAY). */
function answersFor(policy: CompiledPolicy, claim: Record<string, string>): ApiExamples['answers'] {
  const loaded: LoadedPolicy = { policy, source: 'kv', effectiveFrom: PUBLISHED_DAY, timeline: null };
  const locale = policy.defaultLocale;
  const checked = checkClaim(policy.facts, claim);
  const decision = evaluateClaim(policy, checked.ok ? checked.facts : claim, EXAMPLE_DAY, { locale, trace: true });
  const selection = describeSelection('order_date', requestSelection(claim, 'order_date'), loaded, EXAMPLE_DAY);
  const summary = summarizeCoverage(policy, { locale }, EXAMPLE_DAY);
  const summaryOf = { name: policy.name, currency: policy.currency, default_locale: policy.defaultLocale, locales: policy.locales };
  const row = brandRow({ id: policy.brand, versions: [{ version: policy.version, effective_from: PUBLISHED_DAY, summary: summaryOf }] }, EXAMPLE_DAY);
  const head = { brand: policy.brand, policy_version: policy.version };
  // A table's first rows only: a whole sheet would make the document as large as the policy.
  const table = policy.tables[0];
  const excerpt = table
    ? { ...head, sheet: table.name, source: table.source, kind: 'table', table: { ...table, rules: table.rules.slice(0, 2) } }
    : { ...head, sheet: 'remedies', source: `${policy.brand}/remedies.csv`, kind: 'remedies', remedies: policy.remedies };
  return {
    decision: { ...decision, policy_selection: selection },
    sheetList: { ...head, sheets: listSheets(policy) },
    sheetDocument: excerpt,
    sheetCsv: writeCsv((compiledRows(policy, excerpt.sheet) ?? []).slice(0, 3)),
    coverage: { ...summary, policies: coveragePolicies(policy, summary) },
    brandDetail: describeBrand(loaded, locale, EXAMPLE_DAY),
    brandList: { brands: [row], next_cursor: null },
  };
}
