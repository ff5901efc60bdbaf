// What the API answers, as zod/mini schemas: the source of the OpenAPI document's response shapes.
// They mirror the contract in src/contract.ts; the type assertions at the end fail the typecheck
// the day the two drift apart. Only /openapi.json uses them (responses are not re-validated).

import * as z from 'zod/mini';
import type { CoverageSummary, Decision, Reason, RemedyDecision, TraceStep, WindowResult } from '../src/contract.js';
import type { PolicySelection } from './select-policy.js';

/** A schema with the sentence the reference shows next to its field. */
const about = <S extends z.ZodMiniType>(schema: S, description: string): S => schema.check(z.describe(description)) as S;

const Unit = about(z.enum(['days', 'months', 'years']), "unit of the window's length");
const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.describe('calendar date, YYYY-MM-DD'));
const SourceRef = z.string().check(z.describe('policy sheet and row that decided it, e.g. "acme/timing.csv:3"'));
const BrandId = about(z.string(), 'brand id, as GET /v1/brands lists it');
const Version = about(z.string(), 'content hash of the published policy version');
const Locale = about(z.string(), 'locale of every message and label in this answer (also in Content-Language)');

export const ReasonSchema = z.object({
  code: about(z.string(), 'stable reason code (snake_case) to switch on, e.g. window_expired'),
  message: about(z.string(), "the brand's wording of the reason, in the answer's locale"),
  source: SourceRef,
});

export const WindowResultSchema = z.object({
  window: about(z.string(), "window id from the brand's windows sheet"),
  label: about(z.string(), 'what customers call it, e.g. "14-day returns"'),
  length: about(z.nullable(z.number()), 'length in `unit`; null when it depends on a fact the claim did not give'),
  unit: Unit,
  starts_on: about(z.nullable(IsoDate), 'the date it counts from; null when the claim lacks that date'),
  deadline: about(z.nullable(IsoDate), 'inclusive last day; null when unknown'),
  status: about(z.enum(['open', 'closed', 'unknown']), 'on the claim date: open (on or before the deadline), closed, or unknown (a date is missing)'),
});

const FeeValue = z.union([z.string(), z.number()]);
const LiteralValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const RemedyDecisionSchema = z.object({
  remedy: about(z.string(), "remedy id from the brand's remedies sheet (refund, replacement, repair …)"),
  label: about(z.string(), "the remedy's name in the answer's locale"),
  status: about(
    z.enum(['eligible', 'ineligible', 'review']),
    'eligible: the claim qualifies; ineligible: it does not (reasons[] say why); review: a person must decide, or a fact is missing (facts_not_established)',
  ),
  status_label: about(z.string(), 'the status as people say it in the decision\'s locale, e.g. "not available"'),
  summary: about(z.string(), "what the customer can do, until when, at what cost, who pays shipping and what to send, in the decision's locale"),
  reasons: about(z.array(ReasonSchema), 'why, each with the sheet row that said it; empty when eligible without conditions'),
  deadline: about(z.nullable(IsoDate), 'inclusive last day of the governing window'),
  deadline_basis: about(z.nullable(z.string()), 'the window that sets `deadline`'),
  other_deadlines: about(z.array(z.object({ window: z.string(), deadline: z.nullable(IsoDate) })), 'the other windows this remedy must also meet'),
  fees: about(
    z.record(z.string(), FeeValue),
    "fee name → amount in the brand's currency units, or who pays (customer, brand); e.g. restocking_fee, return_shipping_paid_by",
  ),
  fees_labels: about(z.record(z.string(), z.string()), 'each field of fees as a sentence in the decision\'s locale, e.g. "You pay the return shipping."'),
  required_evidence: about(z.array(z.string()), 'evidence ids the customer must send (purchase_receipt_or_invoice, photo_of_defect …)'),
  required_evidence_labels: about(z.array(z.string()), "required_evidence in the decision's locale, same order"),
  source: SourceRef,
});

export const TraceStepSchema = z.object({
  table: about(z.string(), 'the decision table, as its sheet'),
  hit_policy: about(z.enum(['U', 'A', 'P', 'F', 'R', 'O', 'C', 'C+', 'C<', 'C>', 'C#']), 'DMN hit policy of the table'),
  matched: about(z.array(SourceRef), 'rows that matched the claim, in the order they count'),
  error: about(z.optional(z.string()), 'the table broke its hit policy for this claim (U: two rows match; A: rows disagree) and decided nothing'),
});

export const PolicySelectionSchema = z
  .object({
    mode: about(z.enum(['order_date', 'current']), '?policy= of the request'),
    order_date: about(z.nullable(IsoDate), 'the date that picked the version; null when the current policy applies'),
    order_date_fact: about(z.nullable(z.enum(['purchased_on', 'delivered_on'])), 'the claim fact order_date came from'),
    version: Version,
    effective_from: about(z.nullable(IsoDate), 'when that version took effect; null when answered from the bundled copy'),
    source: about(z.enum(['kv', 'cache', 'bundle']), 'kv (read now), cache (isolate memory) or bundle (the copy built into the service)'),
    note: about(z.optional(z.string()), "why another version than the order date's judged, when so"),
  })
  .check(z.describe('which published policy version judged the claim, and why'));

export const DecisionSchema = z.object({
  brand: BrandId,
  policy_version: Version,
  as_of: about(IsoDate, 'the claim date the windows were checked on (claim_on; today when not given)'),
  locale: Locale,
  summary: about(z.string(), 'the decision in one or two sentences in its locale: what the customer can ask for, else why not'),
  remedies: about(z.array(RemedyDecisionSchema), "one decision per remedy the brand offers, in the brand's order"),
  warranty: about(z.nullable(WindowResultSchema), "the brand's warranty window for this claim; null when the brand names none"),
  windows: about(z.array(WindowResultSchema), 'every window of the brand, computed for this claim'),
  derived: about(z.record(z.string(), z.union([LiteralValue, z.array(LiteralValue)])), 'facts the policy worked out from the claim (e.g. days since delivery)'),
  facts_not_established: about(z.array(z.string()), 'facts the policy needed but the claim did not give: send them to turn a review into a decision'),
  table_errors: about(
    z.optional(z.array(z.object({ table: TraceStepSchema.shape.table, hit_policy: TraceStepSchema.shape.hit_policy, error: z.string() }))),
    'present only when a table broke its hit policy for this claim (it then decided nothing): a fault of the policy, for the brand to fix',
  ),
  trace: about(z.optional(z.array(TraceStepSchema)), 'with ?explain: every table in evaluation order and the rows that matched'),
  policy_selection: PolicySelectionSchema,
});

const FieldProblemSchema = z.object({
  path: about(z.string(), 'JSON path of the bad field: claim.delivered_on, items[2].brand, query.part, path.brand'),
  message: about(z.string(), 'what was expected there'),
});

export const ProblemSchema = z
  .looseObject({
    type: about(z.string(), '/docs#problem-<slug>: a stable id to switch on, documented on /docs'),
    title: about(z.string(), 'short summary of the problem type; does not vary'),
    status: about(z.number(), 'the HTTP status'),
    detail: about(z.optional(z.string()), 'what went wrong with this request'),
    errors: about(z.optional(z.array(FieldProblemSchema)), 'each bad field'),
    request_id: about(z.optional(z.string()), 'the X-Request-Id: quote it when reporting'),
  })
  .check(z.describe('RFC 9457 problem details; errors[] names each bad field by JSON path'));

export const BatchResponseSchema = z.object({
  count: about(z.number(), 'number of items'),
  failed: about(z.number(), 'items answered with a problem'),
  results: about(
    z.array(
      z.union([
        z.object({ index: about(z.number(), 'position in items[]'), status: z.literal(200), decision: DecisionSchema }),
        z.object({
          index: about(z.number(), 'position in items[]'),
          status: about(z.number(), 'the status this item alone would have had'),
          problem: ProblemSchema,
        }),
      ]),
    ),
    'one per item, in order',
  ),
});

const BrandSummarySchema = z.object({
  brand: BrandId,
  name: about(z.string(), "the brand's display name"),
  policy_version: Version,
  currency: about(z.string(), 'ISO 4217 code of every amount'),
  default_locale: about(z.string(), 'locale used when Accept-Language matches none'),
  locales: about(z.array(z.string()), "locales the brand's wording is written in"),
});

const ScheduledSchema = z.object({ version: Version, effective_from: about(IsoDate, 'the day it takes effect') });

export const BrandRowSchema = z.object({
  brand: BrandId,
  status: about(
    z.enum(['ok', 'scheduled', 'degraded', 'unavailable']),
    'ok: a version is in force today; scheduled: the first takes effect later; degraded: answered from a fallback copy; unavailable: this brand cannot be read (the others are unaffected)',
  ),
  name: about(z.string(), "the brand's display name (its id when unreadable)"),
  policy_version: about(z.nullable(z.string()), 'the version in force today; null when none is'),
  effective_from: about(z.nullable(IsoDate), 'when that version took effect; null when bundled or none'),
  currency: about(z.nullable(z.string()), 'ISO 4217 code; null when unreadable'),
  default_locale: about(z.nullable(z.string()), 'null when unreadable'),
  locales: about(z.array(z.string()), "locales of the brand's wording"),
  scheduled: about(z.array(ScheduledSchema), 'versions taking effect after today'),
  fault: about(
    z.optional(z.enum(['kv-unbound', 'kv-unreadable', 'kv-corrupt', 'format-too-new', 'invalid-brand-id'])),
    'what is wrong, when degraded or unavailable',
  ),
});

export const BrandListSchema = z.object({
  brands: about(z.array(BrandRowSchema), 'one page of brands, by id'),
  next_cursor: z.nullable(z.string()).check(z.describe('pass as ?cursor= for the next page; null on the last page')),
});
const Terms = about(z.record(z.string(), z.array(FeeValue)), 'fee or condition name → the values any rule can set (amounts in currency units, or who pays)');

export const BrandDetailSchema = z.object({
  ...BrandSummarySchema.shape,
  effective_from: z.nullable(IsoDate).check(z.describe('the timeline entry in force today; null when answered from the bundled copy')),
  locale: Locale,
  claim_date: about(z.string(), 'the fact that dates a claim (claim_on); today when a claim leaves it out'),
  warranty_window: about(z.nullable(z.string()), "the window that is the brand's warranty"),
  remedies: about(
    z.array(
      z.object({
        remedy: about(z.string(), 'remedy id'),
        label: about(z.string(), 'its name in the locale'),
        description: about(z.nullable(z.string()), 'what the customer gets'),
        deadline: about(z.array(z.string()), 'windows the remedy must be claimed within, the governing one first'),
        evidence: about(z.array(z.string()), 'evidence ids a claim needs'),
        evidence_labels: about(z.array(z.string()), "evidence in the answer's locale, same order"),
        source: SourceRef,
      }),
    ),
    'what a claim can be granted',
  ),
  windows: about(
    z.array(
      z.object({
        window: about(z.string(), 'window id'),
        label: about(z.string(), 'its name, e.g. "14-day returns"'),
        length: about(z.nullable(z.number()), 'fixed length; null when a fact sets it (length_fact)'),
        length_fact: about(z.nullable(z.string()), 'the derived fact that gives the length per product'),
        unit: Unit,
        counts_from: about(z.array(z.string()), 'date facts it counts from, the first given wins'),
        checked_against: about(z.string(), 'the date fact checked against the deadline (the claim date)'),
        badge: about(z.boolean(), 'shown on the checkout badge'),
        source: SourceRef,
      }),
    ),
    'time limits',
  ),
  facts: about(
    z.array(
      z.object({
        name: about(z.string(), 'the claim field'),
        label: about(z.nullable(z.string()), "what customers call the fact in the answer's locale"),
        type: about(z.enum(['boolean', 'enum', 'text', 'date', 'number', 'money']), 'value type: dates YYYY-MM-DD, money in currency units'),
        values: about(z.nullable(z.array(z.string())), 'allowed values of an enum'),
        value_labels: about(
          z.nullable(z.record(z.string(), z.string())),
          "an enum's values as people say them in the answer's locale, value → label (the value itself where the policy has no label); null for other types",
        ),
        description: about(z.nullable(z.string()), 'what it means'),
        not_before: about(z.array(z.string()), 'date facts it cannot precede'),
      }),
    ),
    'the claim vocabulary: every field a claim may carry (GET /v1/brands/{brand}/claim-schema gives it as JSON Schema)',
  ),
  reasons: about(z.array(z.object({ code: z.string(), message: z.string() })), 'every reason code with its wording in the locale'),
  timeline: about(
    z.nullable(
      z.array(
        z.object({
          version: Version,
          effective_from: IsoDate,
          published_at: about(z.string(), 'when it was published (ISO 8601 time)'),
          state: z.enum(['past', 'current', 'scheduled']).check(z.describe("on today's date: superseded, in force, or taking effect later")),
        }),
      ),
    ),
    'published versions in effect order; null when answered from the bundled copy',
  ),
});

export const CoveragePolicyTermSchema = z.object({
  id: about(z.string(), '<brand>.<term>'),
  type: about(z.enum(['warranty', 'remedy']), 'the warranty or a remedy'),
  name: about(z.string(), 'in the locale'),
  description: about(z.nullable(z.string()), 'in the locale'),
  remedy: about(z.nullable(z.string()), 'remedy id; null for the warranty'),
  window: about(z.nullable(z.string()), 'the governing window'),
  duration: z.nullable(z.string()).check(z.describe('ISO 8601 duration of the window, e.g. P30D, P2Y; null when it depends on the product')),
  starts_from: about(z.array(z.string()), 'date facts it counts from'),
  terms: Terms,
});

export const CoverageSchema = z.object({
  brand: BrandId,
  name: about(z.string(), "the brand's display name"),
  policy_version: Version,
  locale: Locale,
  product_line: about(z.nullable(z.string()), 'the product line asked about (left out when the brand does not read it)'),
  part: about(z.nullable(z.string()), 'the part asked about (left out when the brand does not read it)'),
  headline: about(z.string(), 'one line for the badge, e.g. "14-day returns · 24-month warranty"'),
  windows: about(
    z.array(
      z.object({
        window: about(z.string(), 'window id'),
        label: about(z.string(), 'its name'),
        length: about(z.nullable(z.number()), 'null: unknown for this product line or part'),
        unit: Unit,
        counts_from: about(z.array(z.string()), 'date facts it counts from'),
        counts_from_labels: about(z.array(z.string()), 'what customers call those dates'),
        badge: about(z.boolean(), "the headline names it (a length of 0 reads as the sheets' words for no warranty)"),
      }),
    ),
    'the badge windows with their lengths for this product',
  ),
  remedies: about(
    z.array(
      z.object({
        remedy: about(z.string(), 'remedy id'),
        label: about(z.string(), 'in the locale'),
        description: about(z.optional(z.string()), 'in the locale'),
        terms: Terms,
        terms_labels: about(z.array(z.string()), "the terms as sentences in the summary's locale"),
      }),
    ),
    'what each remedy can involve',
  ),
  exclusions: about(
    z.array(
      z.object({
        code: about(z.string(), 'reason code'),
        message: about(z.string(), 'in the locale'),
        kind: about(z.nullable(z.string()), 'its kind, e.g. damage, misuse, documents; null when the sheets give none'),
        kind_label: about(z.nullable(z.string()), "the kind's title in the locale, e.g. Damage"),
      }),
    ),
    'what is not covered, worded in the locale, grouped by kind (those without a kind last)',
  ),
  policies: z.array(CoveragePolicyTermSchema).check(z.describe('machine-readable terms (UCP-style policies[]) for agents and feeds')),
});

export const HealthSchema = z.object({
  status: about(z.enum(['ok', 'degraded']), "degraded when policies come from a fallback or a brand's keys are faulty"),
  brands: z.number().check(z.describe('brands on the first brand-list page')),
  brands_complete: about(z.boolean(), 'false when there are more pages than the first'),
  source: about(z.enum(['kv', 'cache', 'bundle']), 'where the brand list came from'),
  fault: about(z.optional(z.string()), "the store's fault, when any"),
  degraded_brands: z
    .array(z.object({ brand: BrandId, fault: z.string(), answered: z.enum(['memory', 'bundle', 'no']) }))
    .check(z.describe('brands whose own keys this isolate found faulty, and where it answered them from')),
  bundle_built_at: about(z.string(), 'when the bundled fallback policies were built (ISO 8601 time)'),
});

const SheetKind = about(z.enum(['table', 'remedies', 'windows']), 'a decision table, the remedies sheet or the windows sheet');

export const SheetListSchema = z.object({
  brand: BrandId,
  policy_version: Version,
  sheets: about(
    z.array(
      z.object({
        sheet: about(z.string(), 'sheet name, for GET /v1/brands/{brand}/sheets/{sheet}'),
        source: about(z.string(), 'the CSV file, <brand>/<sheet>.csv'),
        kind: SheetKind,
        rows: about(z.number(), 'compiled rows'),
      }),
    ),
    'every sheet a decision can cite, by name',
  ),
});

export const SheetDocumentSchema = z.object({
  brand: BrandId,
  policy_version: Version,
  sheet: about(z.string(), 'sheet name'),
  source: about(z.string(), 'the CSV file'),
  kind: SheetKind,
  table: about(z.optional(z.looseObject({})), 'kind table: the compiled decision table (hit policy, inputs, outputs, rules each with its source row)'),
  remedies: about(z.optional(z.array(z.looseObject({}))), 'kind remedies: the compiled remedies'),
  windows: about(z.optional(z.array(z.looseObject({}))), 'kind windows: the compiled windows'),
});

// ---------- drift guards: each schema must describe exactly the contract type (types only) ----------
// Exact equality: mutual assignability alone let an optional field of the wrong name pass.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
/** The contract's decision is read-only all the way down; the schema describes the same JSON. */
type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
export type ContractDriftChecks = [
  Expect<Same<DeepReadonly<z.infer<typeof ReasonSchema>>, Reason>>,
  Expect<Same<DeepReadonly<z.infer<typeof WindowResultSchema>>, WindowResult>>,
  Expect<Same<DeepReadonly<z.infer<typeof RemedyDecisionSchema>>, RemedyDecision>>,
  Expect<Same<DeepReadonly<z.infer<typeof TraceStepSchema>>, TraceStep>>,
  Expect<Same<z.infer<typeof PolicySelectionSchema>, PolicySelection>>,
  Expect<Same<DeepReadonly<Omit<z.infer<typeof DecisionSchema>, 'policy_selection'>>, Decision>>,
  Expect<Same<Omit<z.infer<typeof CoverageSchema>, 'policies'>, CoverageSummary>>,
];
