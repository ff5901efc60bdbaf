// The shapes every layer agrees on: the compiled policy document (what KV stores), the claim a
// client sends, and the decision the evaluator returns. Types only; runtime validation of these
// shapes lives next to the code that reads them (compile/, evaluate/check-claim.ts, functions/).

/**
 * The newest compiled format this code reads; loaders refuse newer ones. Bumped whenever a compiled
 * document changes shape. 2: stored documents write `-` cells as null (src/store/policy-document.ts);
 * format 1 documents still read. 3: labels per locale and `words` (statuses, payers, fees, evidence,
 * summary templates); older documents still read: their one label stands for every locale, and a word
 * they lack reads as its code. 4: a table output may have a default (DMN defaultOutputEntry).
 * Value labels (CompiledFact.valueLabels, from values.csv) needed no new format: the field is optional,
 * a Worker built before it reads a stored document without a schema that could refuse it and simply
 * never looks at it, and code reading a document without it shows each value's code, as before.
 */
export const FORMAT_VERSION = 4;

/**
 * The format a document is written in: the oldest that holds everything it uses, so a Worker built
 * before a format change keeps reading every document that does not use the new feature (and
 * refuses, rather than misreads, one that does).
 */
export function formatVersionOf(tables: readonly CompiledTable[]): number {
  return tables.some((t) => t.outputs.some((o) => o.default !== undefined)) ? 4 : 3;
}

export type Status = 'eligible' | 'ineligible' | 'review';
/** What a window is on the claim date; tables read a window's name as one of these. */
export const WINDOW_STATES = ['open', 'closed', 'unknown'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];
export type FactType = 'boolean' | 'enum' | 'text' | 'date' | 'number' | 'money';
export type FeeType = 'payer' | 'percent' | 'money' | 'text';
export type HitPolicy = 'U' | 'A' | 'P' | 'F' | 'R' | 'O' | 'C' | 'C+' | 'C<' | 'C>' | 'C#';

/** A claim as sent by a client: fact name → JSON value (dates as YYYY-MM-DD, money in units). */
export type Claim = Record<string, unknown>;

/** Where a piece of policy came from, e.g. "elegoo/quality.csv:4". */
export type SourceRef = string;

// ---------- unary tests and output values, as stored in the compiled JSON ----------

/** A literal after compilation: dates stay YYYY-MM-DD strings (they order as dates), `5%` becomes 5. */
export type Literal = string | number | boolean | null;

export type UnaryTest =
  | { any: true }
  | { eq: Literal[] } // "a","b" / 5 / true
  | { glob: string[] } // bare neptune-* patterns
  | { cmp: '<' | '<=' | '>' | '>='; value: number | string }
  | { range: [number | string, number | string]; open: [boolean, boolean] }
  | { ref: string; op?: '<' | '<=' | '>' | '>=' } // compare with another fact's value
  | { not: UnaryTest[] }
  | { or: UnaryTest[] };

export type OutputValue = { value: Literal | Literal[] } | { ref: string };

export interface CompiledInput {
  name: string; // fact (or derived fact) the column reads
  values?: Literal[]; // declared allowed values, if any
}

/** What a brand table's output column means (absent for standalone DMN tables). */
export type OutputRole =
  | { kind: 'verdict'; remedy: string } // `> refund`: √ / × / review
  | { kind: 'remedies' } // `> remedies`: the remedies a row speaks about
  | { kind: 'status' } // `> status`: their verdict
  | { kind: 'meta'; field: string; remedy?: string } // reason, deadline, evidence, a fee; `repair.deadline`
  | { kind: 'derived' }; // a fact later tables and windows read

export interface CompiledOutput {
  name: string; // `refund`, `reason`, `repair.deadline`, `part_warranty_months`…
  priority?: Literal[]; // output values list in priority order (P / O)
  /** The value when no rule matches (DMN defaultOutputEntry); absent: null. */
  default?: Literal;
  role?: OutputRole;
}

export interface CompiledRule {
  source: SourceRef;
  label?: string;
  tests: UnaryTest[]; // one per input
  outputs: (OutputValue | null)[]; // one per output; null = empty cell
}

export interface CompiledTable {
  name: string; // file name without .csv
  source: string; // brand/file.csv
  headerRow: number;
  hitPolicy: HitPolicy;
  complete: boolean;
  inputs: CompiledInput[];
  outputs: CompiledOutput[];
  rules: CompiledRule[];
}

export interface CompiledFact {
  name: string;
  type: FactType;
  values?: string[];
  description?: string;
  notBefore?: string[]; // date facts this date cannot precede (claim_on not before delivered_on)
  labels?: Record<string, string>; // locale → what customers call it ("delivery date")
  /**
   * An enum's values as people say them: value → locale → label ("official_store" → de "offizieller
   * Shop"), from values.csv (the brand's rows over _shared's), for exactly the values this brand allows,
   * in its locales. Absent for other types, and in documents compiled before values.csv: show the code.
   */
  readonly valueLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface CompiledWindow {
  name: string;
  length: number | { ref: string };
  unit: 'days' | 'months' | 'years';
  countsFrom: string[]; // fallbacks in order
  checkedAgainst: string;
  label: string; // in the default locale
  labels?: Record<string, string>; // locale → label, `{length}` replaced per claim
  badge: boolean; // shown in the storefront badge's one-line summary
  source: SourceRef;
}

export interface CompiledRemedy {
  name: string;
  label: string; // in the default locale
  labels?: Record<string, string>; // locale → label
  deadline: string[]; // governing window first, then other relevant windows
  evidence: string[];
  description?: string; // in the default locale
  descriptions?: Record<string, string>; // locale → description
  source: SourceRef;
}

export interface CompiledFee {
  name: string;
  type: FeeType;
  percentOf?: { percent: string; base: string };
}

export type PlanStep = { table: number } | { window: number };

export interface CompiledPolicy {
  formatVersion: number;
  brand: string;
  name: string;
  version: string; // content hash of everything below
  currency: string;
  defaultLocale: string;
  locales: string[];
  claimDate: string; // the fact that dates the claim (claim_on)
  warrantyWindow?: string;
  facts: CompiledFact[];
  fees: CompiledFee[];
  remedies: CompiledRemedy[];
  windows: CompiledWindow[];
  tables: CompiledTable[];
  /** Evaluation order of tables and windows: every derived fact is produced before it is read. */
  plan: PlanStep[];
  /** reason code → locale → message (brand wording over the shared wording). */
  messages: Record<string, Record<string, string>>;
  /**
   * reason code → its kind (`damage`, `misuse` …: the `kind` column of reasons.csv / messages.csv), for
   * the codes the brand gives that have one; the badge groups exclusions by it, titled by the
   * `reason_kind` words. Optional: older documents (and codes without a kind) are not grouped.
   */
  reasonKinds?: Record<string, string>;
  /**
   * kind → code → locale → text: the words and templates customers read (_shared/words.csv, the
   * brand's words.csv over it), only those the brand uses, in its locales. See WordKind.
   */
  words?: Words;
}

/**
 * Kinds of words.csv rows. status: eligible / ineligible / review as people say them; paid_by: whole
 * phrases per payer field and payer (`return_shipping_paid_by.customer`, `….either` for "depending on
 * the case"); fee: a fee field's phrase with its `{value}`; fee_value: the words for a text fee's
 * value codes (deductions); evidence: what to send; summary: the templates summaries are built from;
 * format: the BCP 47 tags dates (`dates`) and numbers (`numbers`) are formatted with; reason_kind: the
 * title of a group of exclusions (code = a kind of reasons.csv); coverage: the badge's own phrases
 * (`no_warranty`: a badge window of length 0).
 */
export type WordKind = 'status' | 'paid_by' | 'fee' | 'fee_value' | 'evidence' | 'summary' | 'format' | 'reason_kind' | 'coverage';
export type Words = Partial<Record<WordKind, Record<string, Record<string, string>>>>;

// ---------- the decision ----------
// Read-only all the way down, and every array and object in a decision is its own: the evaluator
// keeps none of them, so a caller may change its copy without changing any later decision.

export interface Reason {
  readonly code: string;
  readonly message: string;
  readonly source: SourceRef;
}

export interface WindowResult {
  readonly window: string;
  readonly label: string;
  readonly length: number | null;
  readonly unit: 'days' | 'months' | 'years';
  readonly starts_on: string | null;
  readonly deadline: string | null;
  readonly status: WindowState;
}

/** Another window a remedy must also meet, with its deadline for the claim. */
export interface OtherDeadline {
  readonly window: string;
  readonly deadline: string | null;
}

export interface RemedyDecision {
  readonly remedy: string;
  readonly label: string; // in the decision's locale
  readonly status: Status;
  /** The status as people say it in the decision's locale ("not available"). */
  readonly status_label: string;
  /** What the customer can do, until when, at what cost, who pays shipping, what to send: one short paragraph. */
  readonly summary: string;
  readonly reasons: readonly Reason[];
  readonly deadline: string | null;
  readonly deadline_basis: string | null;
  readonly other_deadlines: readonly OtherDeadline[];
  readonly fees: Readonly<Record<string, string | number>>;
  /** Each fee field as a sentence in the decision's locale ("You pay the return shipping."). */
  readonly fees_labels: Readonly<Record<string, string>>;
  readonly required_evidence: readonly string[];
  /** required_evidence in the decision's locale, in the same order. */
  readonly required_evidence_labels: readonly string[];
  readonly source: SourceRef;
}

/** One decision table as the evaluator ran it (sent with `?explain`). */
export interface TraceStep {
  readonly table: string;
  readonly hit_policy: HitPolicy;
  readonly matched: readonly SourceRef[];
  /** The table broke its hit policy for this claim (U: two rows match; A: rows disagree): it decided nothing. */
  readonly error?: string;
}

export interface TableError {
  readonly table: string;
  readonly hit_policy: HitPolicy;
  readonly error: string;
}

/** A derived fact's value: a selected row's cell, a multi-hit table's collected cells, or their aggregate. */
export type DerivedValue = Literal | readonly Literal[];

export interface Decision {
  readonly brand: string;
  readonly policy_version: string;
  readonly as_of: string;
  readonly locale: string;
  /** The decision in one or two sentences in its locale: what the customer can ask for, else why not. */
  readonly summary: string;
  readonly remedies: readonly RemedyDecision[];
  /** The warranty window: the same object as its entry in `windows`. */
  readonly warranty: WindowResult | null;
  readonly windows: readonly WindowResult[];
  readonly derived: Readonly<Record<string, DerivedValue>>;
  readonly facts_not_established: readonly string[];
  /**
   * Tables that broke their hit policy for this claim and so decided nothing (present only then):
   * a policy fault the brand must fix, shown in every answer, not only with ?explain.
   */
  readonly table_errors?: readonly TableError[];
  readonly trace?: readonly TraceStep[];
}

// ---------- the pre-purchase coverage summary (storefront badge) ----------

export interface CoverageTerm {
  window: string;
  label: string; // "14-day returns"
  length: number | null; // null: unknown for this product line / part
  unit: 'days' | 'months' | 'years';
  counts_from: string[];
  /** What customers call those dates in the summary's locale ("delivery date"); facts without a label left out. */
  counts_from_labels: string[];
  /** A window the badge's headline names (windows.csv `badge`). */
  badge: boolean;
}

/** A reason that refuses some remedy, grouped for the badge by its kind (reasons.csv `kind`). */
export interface CoverageExclusion {
  code: string;
  message: string;
  /** Its kind (`damage`, `misuse` …), null when the sheets give none. */
  kind: string | null;
  /** The kind's title in the summary's locale ("Damage"), null when the kind is null. */
  kind_label: string | null;
}

export interface CoverageRemedy {
  remedy: string;
  label: string;
  description?: string;
  /** Fee and payer values the policy can attach to this remedy, e.g. restocking_fee_pct: [5, 15]. */
  terms: Record<string, (string | number)[]>;
  /** The terms as sentences in the summary's locale ("Return shipping is paid by ELEGOO or by you, depending on the case."). */
  terms_labels: string[];
}

export interface CoverageSummary {
  brand: string;
  name: string;
  policy_version: string;
  locale: string;
  product_line: string | null;
  part: string | null;
  headline: string; // "14-day returns · 24-month warranty"
  windows: CoverageTerm[];
  remedies: CoverageRemedy[];
  /** Grouped by kind, in the order of the `reason_kind` words; those without a kind last. */
  exclusions: CoverageExclusion[];
}
