// What the API answers, as zod/mini schemas: the source of the OpenAPI document's response shapes.
// They mirror the contract in src/contract.ts; the type assertions at the end fail the typecheck
// the day the two drift apart. Only /openapi.json uses them (responses are not re-validated).

import * as z from 'zod/mini';
import type { CoverageSummary, Decision, Reason, RemedyDecision, TraceStep, WindowResult } from '../src/contract.js';
import type { PolicySelection } from './select-policy.js';

const Unit = z.enum(['days', 'months', 'years']);
const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.describe('calendar date, YYYY-MM-DD'));
const SourceRef = z.string().check(z.describe('policy sheet and row that decided it, e.g. "acme/timing.csv:3"'));

export const ReasonSchema = z.object({ code: z.string(), message: z.string(), source: SourceRef });

export const WindowResultSchema = z.object({
  window: z.string(), label: z.string(), length: z.nullable(z.number()), unit: Unit,
  starts_on: z.nullable(IsoDate), deadline: z.nullable(IsoDate), status: z.enum(['open', 'closed', 'unknown']),
});

export const RemedyDecisionSchema = z.object({
  remedy: z.string(), label: z.string().check(z.describe('the remedy\'s name in the decision\'s locale')),
  status: z.enum(['eligible', 'ineligible', 'review']),
  status_label: z.string().check(z.describe('the status as people say it in the decision\'s locale, e.g. "not available"')),
  summary: z.string().check(z.describe('what the customer can do, until when, at what cost, who pays shipping and what to send, in the decision\'s locale')),
  reasons: z.array(ReasonSchema),
  deadline: z.nullable(IsoDate).check(z.describe('inclusive last day of the governing window')),
  deadline_basis: z.nullable(z.string()),
  other_deadlines: z.array(z.object({ window: z.string(), deadline: z.nullable(IsoDate) })),
  fees: z.record(z.string(), z.union([z.string(), z.number()])),
  fees_labels: z.record(z.string(), z.string()).check(z.describe('each field of fees as a sentence in the decision\'s locale, e.g. "You pay the return shipping."')),
  required_evidence: z.array(z.string()),
  required_evidence_labels: z.array(z.string()).check(z.describe('required_evidence in the decision\'s locale, same order')),
  source: SourceRef,
});

export const TraceStepSchema = z.object({
  table: z.string(), hit_policy: z.enum(['U', 'A', 'P', 'F', 'R', 'O', 'C', 'C+', 'C<', 'C>', 'C#']),
  matched: z.array(SourceRef), outputs: z.optional(z.record(z.string(), z.unknown())),
});

export const PolicySelectionSchema = z.object({
  mode: z.enum(['order_date', 'current']),
  order_date: z.nullable(IsoDate), order_date_fact: z.nullable(z.enum(['purchased_on', 'delivered_on'])),
  version: z.string(), effective_from: z.nullable(IsoDate), source: z.enum(['kv', 'cache', 'bundle']),
  note: z.optional(z.string()),
}).check(z.describe('which published policy version judged the claim, and why'));

export const DecisionSchema = z.object({
  brand: z.string(), policy_version: z.string(), as_of: IsoDate, locale: z.string(),
  summary: z.string().check(z.describe('the decision in one or two sentences in its locale: what the customer can ask for, else why not')),
  remedies: z.array(RemedyDecisionSchema), warranty: z.nullable(WindowResultSchema), windows: z.array(WindowResultSchema),
  derived: z.record(z.string(), z.unknown()), facts_not_established: z.array(z.string()),
  trace: z.optional(z.array(TraceStepSchema)), policy_selection: PolicySelectionSchema,
});

const FieldProblemSchema = z.object({ path: z.string(), message: z.string() });

export const ProblemSchema = z.looseObject({
  type: z.string(), title: z.string(), status: z.number(), detail: z.optional(z.string()),
  errors: z.optional(z.array(FieldProblemSchema)), request_id: z.optional(z.string()),
}).check(z.describe('RFC 9457 problem details; errors[] names each bad field by JSON path'));

export const BatchResponseSchema = z.object({
  count: z.number(), failed: z.number(),
  results: z.array(z.union([
    z.object({ index: z.number(), status: z.literal(200), decision: DecisionSchema }),
    z.object({ index: z.number(), status: z.number(), problem: ProblemSchema }),
  ])),
});

const BrandSummarySchema = z.object({
  brand: z.string(), name: z.string(), policy_version: z.string(), currency: z.string(),
  default_locale: z.string(), locales: z.array(z.string()),
});

const ScheduledSchema = z.object({ version: z.string(), effective_from: IsoDate });

export const BrandRowSchema = z.object({
  brand: z.string(),
  status: z.enum(['ok', 'scheduled', 'degraded', 'unavailable']).check(z.describe('ok: a version is in force today; scheduled: the first takes effect later; degraded: answered from a fallback copy; unavailable: this brand cannot be read (the others are unaffected)')),
  name: z.string(), policy_version: z.nullable(z.string()), effective_from: z.nullable(IsoDate),
  currency: z.nullable(z.string()), default_locale: z.nullable(z.string()), locales: z.array(z.string()),
  scheduled: z.array(ScheduledSchema),
  fault: z.optional(z.enum(['kv-unbound', 'kv-unreadable', 'kv-corrupt', 'format-too-new', 'invalid-brand-id'])),
});

export const BrandListSchema = z.object({
  brands: z.array(BrandRowSchema),
  next_cursor: z.nullable(z.string()).check(z.describe('pass as ?cursor= for the next page; null on the last page')),
});

export const BrandDetailSchema = z.object({
  ...BrandSummarySchema.shape,
  effective_from: z.nullable(IsoDate).check(z.describe('the timeline entry in force today; null when answered from the bundled copy')),
  locale: z.string(), claim_date: z.string(), warranty_window: z.nullable(z.string()),
  remedies: z.array(z.object({
    remedy: z.string(), label: z.string(), description: z.nullable(z.string()),
    deadline: z.array(z.string()), evidence: z.array(z.string()),
    evidence_labels: z.array(z.string()).check(z.describe('evidence in the answer\'s locale, same order')), source: SourceRef,
  })),
  windows: z.array(z.object({
    window: z.string(), label: z.string(), length: z.nullable(z.number()), length_fact: z.nullable(z.string()), unit: Unit,
    counts_from: z.array(z.string()), checked_against: z.string(), badge: z.boolean(), source: SourceRef,
  })),
  facts: z.array(z.object({
    name: z.string(), label: z.nullable(z.string()).check(z.describe('what customers call the fact in the answer\'s locale')),
    type: z.enum(['boolean', 'enum', 'text', 'date', 'number', 'money']),
    values: z.nullable(z.array(z.string())), description: z.nullable(z.string()), not_before: z.array(z.string()),
  })),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  timeline: z.nullable(z.array(z.object({
    version: z.string(), effective_from: IsoDate, published_at: z.string(),
    state: z.enum(['past', 'current', 'scheduled']).check(z.describe('on today\'s date: superseded, in force, or taking effect later')),
  }))),
});

export const CoveragePolicyTermSchema = z.object({
  id: z.string(), type: z.enum(['warranty', 'remedy']), name: z.string(), description: z.nullable(z.string()),
  remedy: z.nullable(z.string()), window: z.nullable(z.string()),
  duration: z.nullable(z.string()).check(z.describe('ISO 8601 duration of the window, e.g. P30D, P2Y; null when it depends on the product')),
  starts_from: z.array(z.string()), terms: z.record(z.string(), z.array(z.union([z.string(), z.number()]))),
});

export const CoverageSchema = z.object({
  brand: z.string(), name: z.string(), policy_version: z.string(), locale: z.string(),
  product_line: z.nullable(z.string()), part: z.nullable(z.string()), headline: z.string(),
  windows: z.array(z.object({ window: z.string(), label: z.string(), length: z.nullable(z.number()), unit: Unit, counts_from: z.array(z.string()), counts_from_labels: z.array(z.string()) })),
  remedies: z.array(z.object({
    remedy: z.string(), label: z.string(), description: z.optional(z.string()),
    terms: z.record(z.string(), z.array(z.union([z.string(), z.number()]))),
    terms_labels: z.array(z.string()).check(z.describe('the terms as sentences in the summary\'s locale')),
  })),
  exclusions: z.array(z.object({ code: z.string(), message: z.string() })),
  policies: z.array(CoveragePolicyTermSchema).check(z.describe('machine-readable terms (UCP-style policies[]) for agents and feeds')),
});

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  brands: z.number().check(z.describe('brands on the first brand-list page')), brands_complete: z.boolean(),
  source: z.enum(['kv', 'cache', 'bundle']), fault: z.optional(z.string()),
  degraded_brands: z.array(z.object({ brand: z.string(), fault: z.string(), answered: z.enum(['memory', 'bundle', 'no']) }))
    .check(z.describe('brands whose own keys this isolate found faulty, and where it answered them from')),
  bundle_built_at: z.string(),
});

// ---------- drift guards: each schema must describe exactly the contract type (types only) ----------
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type ContractDriftChecks = [
  Expect<Same<z.infer<typeof ReasonSchema>, Reason>>,
  Expect<Same<z.infer<typeof WindowResultSchema>, WindowResult>>,
  Expect<Same<z.infer<typeof RemedyDecisionSchema>, RemedyDecision>>,
  Expect<Same<z.infer<typeof TraceStepSchema>, TraceStep>>,
  Expect<Same<z.infer<typeof PolicySelectionSchema>, PolicySelection>>,
  Expect<Same<Omit<z.infer<typeof DecisionSchema>, 'policy_selection'>, Decision>>,
  Expect<Same<Omit<z.infer<typeof CoverageSchema>, 'policies'>, CoverageSummary>>,
];
