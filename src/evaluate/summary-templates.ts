// The templates summaries are built from (words.csv rows of kind `summary`) and the placeholders each
// may use, shared by the compiler (which checks the sheets) and the evaluator (which fills them in).

/** Template code → the placeholders it may use besides {brand}. */
export const SUMMARY_TEMPLATES = {
  /** A remedy's first sentence per status: "Free repair — not available: Water damage is not covered." */
  remedy_eligible: ['remedy', 'status'],
  remedy_review: ['remedy', 'status', 'reasons'],
  remedy_ineligible: ['remedy', 'status', 'reasons'],
  /** The remedy's governing window: "24-month warranty for this part: until 10 Jan 2027." */
  window_open: ['window', 'deadline'],
  window_closed: ['window', 'deadline'],
  /** What to send: "What to send: purchase receipt or invoice." */
  evidence: ['evidence'],
  /** The decision: "You can ask for Refund (until 15 Mar 2025) or Free repair." */
  decision_eligible: ['remedies'],
  decision_review: ['remedies'],
  /** Nothing eligible or in review; the refusals' reasons follow it. */
  decision_none: [],
  /** One remedy in decision_eligible / decision_review with its deadline. */
  decision_item_until: ['remedy', 'deadline'],
} as const satisfies Record<string, readonly string[]>;

export type SummaryTemplate = keyof typeof SUMMARY_TEMPLATES;

/** Placeholders of the other kinds of words (all may use {brand}). */
export const WORD_PLACEHOLDERS: Record<string, readonly string[]> = {
  status: [],
  paid_by: [],
  fee: ['value'],
  fee_value: [],
  evidence: [],
  format: [],
  reason_kind: [],
  coverage: [],
};

/** `{name}` placeholders of a text. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
