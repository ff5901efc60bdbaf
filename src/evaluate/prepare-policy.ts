// A compiled policy made ready to evaluate: table opcodes and indexes, names resolved to array
// indexes — built once per policy version (cold path) — and each rule's contribution to the
// remedies with its reasons worded per locale, built the first time a claim needs them; after that,
// evaluating a claim only walks arrays and copies references.

import type {
  CompiledFact,
  CompiledPolicy,
  Status,
  HitPolicy,
  CompiledRemedy,
  CompiledRule,
  CompiledTable,
  CompiledWindow,
  Literal,
  OutputValue,
  Reason,
} from '../contract.js';
import { isSingleHit, prepareTable, type PreparedTable } from './evaluate-table.js';
import { daysSinceFact, factsRead } from './facts-read.js';
import type { Values } from './match-test.js';
import { windowLabel, type WindowLabel } from './windows.js';
import { localeWords, type LocaleWords } from './locale-words.js';

/** A row's verdict on a remedy: the decision's Status. */
export type Verdict = Status;

/** Verdicts ranked for "the most severe verdict wins"; -1 for a row that states none. */
export const SEVERITY: Record<Verdict, number> = { eligible: 0, review: 1, ineligible: 2 };
export const NO_VERDICT = -1;

/** What one rule says about one remedy. Read-only once built: effects share their lists. */
export interface RuleEffect {
  remedy: string;
  remedyIndex: number;
  verdict: Verdict | null; // null: the row only adds fees, deadline or evidence
  reasons: string[];
  deadline?: string;
  evidence: string[];
  fees: [string, OutputValue][];
  source: string;
  // The same, in the forms a claim reads (built here so that deciding a remedy only copies):
  severity: number;
  /** Index of `deadline` in policy.windows, -1 for none. */
  deadlineWindow: number;
  /** The effect's number in the order effects were built: its index in a Wording's reasons. */
  id: number;
  /** Fees with a string or number value: field, and the slot of a referenced fact or -1 for `feeValues`. */
  feeFields: string[];
  feeSlots: number[];
  feeValues: (string | number)[];
}

/** A remedy with its windows by index and the texts a decision repeats, per locale. */
export interface PreparedRemedy {
  remedy: CompiledRemedy;
  /** Indexes of remedy.deadline in policy.windows: the governing one first. */
  windows: number[];
  evidence: string[]; // shared by decisions until a row adds evidence (read-only)
}

/** Reasons, labels and words as decisions show them in one locale, each list shared by every decision (read-only). */
export interface Wording {
  reasons: (Reason[] | undefined)[]; // [effect id] → its reasons, each code once (see reasonsOf)
  notApplicable: Reason[][]; // [remedy] → why a remedy no row spoke about is refused
  /** Codes as reasons in this locale, each code once. */
  word: (codes: string[], source: string) => Reason[];
  remedyLabels: string[]; // [remedy]
  windowLabels: WindowLabel[]; // [window]
  statusLabels: Record<Verdict, string>;
  words: LocaleWords;
}

/** A label in a locale: the locale's, else the default locale's (a format 2 document has only that). */
const labelIn = (labels: Record<string, string> | undefined, locale: string, fallback: string) => labels?.[locale] ?? fallback;

/** A window with the slots it reads. */
export interface PreparedWindow {
  slot: number;
  starts: number[];
  length: Literal; // a fixed length, else read from lengthSlot
  lengthSlot: number;
  checked: number;
  /** The deadline basis text around the length and start date. */
  basis: [string, string, string];
}

/** An output column that derives a fact, its cells resolved once (no shape checks per claim). */
export interface DerivedOutput {
  name: string;
  slot: number;
  hitPolicy: HitPolicy;
  single: boolean; // a single-hit table: the first selected rule's value
  fallback: Literal; // the value when no rule matches (the output's default, else null)
  /** [rule] → the cell's value; for a reference, refSlots[rule] ≥ 0 is the slot it reads instead. */
  constants: (Literal | Literal[])[];
  refSlots: Int32Array;
}

/** How a claim's value for a fact is accepted (the API has already checked it; the engine never throws). */
export type ReadAs = 'flag' | 'choice' | 'date' | 'checked';
export interface FactReader {
  slot: number;
  as: ReadAs;
  fact: CompiledFact;
  choices: unknown[] | null; // an enum's values (short lists: a scan beats hashing the value)
  /** Index in booleanInputs for flags some table reads, else -1. */
  flag: number;
}

export interface PreparedPolicy {
  policy: CompiledPolicy;
  /** Every name a claim can be judged on (facts, windows, derived facts) → its index in Values. */
  slots: Map<string, number>;
  tables: PreparedTable[];
  windows: PreparedWindow[];
  /**
   * [table][rule] → effects on remedies (empty for tables that only derive facts), built when the
   * rule first matches (effectsOf): a claim matches a handful of rows, and building every row's
   * effects was over half of preparing ELEGOO on a cold isolate (BENCHMARKS.md).
   */
  effects: (RuleEffect[] | undefined)[][];
  /** [table] → its output columns that are derived facts. */
  derivedOutputs: DerivedOutput[][];
  /** Every derived fact as null, in plan order: a claim's `derived` starts as a copy (one shape for all). */
  derivedTemplate: Record<string, Literal | Literal[]>;
  remedies: PreparedRemedy[];
  booleanInputs: string[];
  daysSince: { slot: number; from: number }[]; // days_since_x's slot and the slot of date fact x
  claimDateSlot: number;
  /** policy.plan as numbers (table index ≥ 0, window i as -i-1): no shape checks per step. */
  plan: number[];
  /** Every slot at its "not sent" value (flags false, others null); copied once per claim. */
  template: Values;
  /** Every slot as "no date" (NaN), for the day numbers of date facts; copied once per claim. */
  noDays: number[];
  /** A 0 per boolean input, copied once per claim to mark the flags it establishes. */
  noFlags: number[];
  /** Claim fact name → its slot and how to accept its value (only facts some table or window reads). */
  readers: Map<string, FactReader>;
  /** Fees computed from others, e.g. restocking_fee_amount = percent_of(restocking_fee_pct, order_amount). */
  computedFees: { name: string; percent: string; baseSlot: number }[];
  /** Names resolved to indexes, kept for the effects built later. */
  resolver: Resolver;
  /** Locales a decision can be worded in; the default one is at defaultLocale. */
  locales: string[];
  defaultLocale: number;
  /** [locale] → the policy's wording in it, started when a claim first asks for that locale (reasons are worded as decisions show them). */
  wordings: (Wording | undefined)[];
  warrantyWindow: number; // index in windows, -1 for none
}

/** The policy's reasons in one locale (brand wording over the shared wording, then the default locale, then English). */
export function wordingFor(prepared: PreparedPolicy, locale: number): Wording {
  const ready = prepared.wordings[locale];
  if (ready) return ready;
  const { policy } = prepared;
  const name = prepared.locales[locale]!;
  const message = (code: string) => {
    const texts = policy.messages[code];
    return texts?.[name] ?? texts?.[policy.defaultLocale] ?? texts?.en ?? code;
  };
  const worded = (codes: string[], source: string): Reason[] => [...new Set(codes)].map((code) => Object.freeze({ code, message: message(code), source }));
  const words = localeWords(policy, name);
  const wording: Wording = {
    reasons: [],
    notApplicable: prepared.remedies.map(({ remedy }) => worded(['not_applicable'], remedy.source)),
    word: worded,
    remedyLabels: policy.remedies.map((r) => labelIn(r.labels, name, r.label)),
    windowLabels: policy.windows.map((w) => windowLabel(w, labelIn(w.labels, name, w.label))),
    statusLabels: { eligible: words.status('eligible'), ineligible: words.status('ineligible'), review: words.status('review') },
    words,
  };
  prepared.wordings[locale] = wording;
  return wording;
}

const asStrings = (v: OutputValue | null | undefined): string[] => {
  if (!v || 'ref' in v) return [];
  const value = v.value;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
};

/** A row's reason, evidence, deadline and fee cells, for all the remedies it speaks about or one. */
interface Meta {
  reasons: string[];
  evidence: string[];
  deadline: string | undefined;
  fees: [string, OutputValue][];
}

const noMeta = (): Meta => ({ reasons: [], evidence: [], deadline: undefined, fees: [] });
/** An effect's lists are read-only once built (RuleEffect), so one list may serve several. */
const NONE: never[] = [];
const joined = <T>(own: T[] | undefined, shared: T[]): T[] => (own === undefined || own.length === 0 ? shared : shared.length === 0 ? own : own.concat(shared));

/** Names resolved to indexes once per policy, for the hot forms of effects, remedies and windows. */
interface Resolver {
  slot: (name: string) => number;
  remedy: Map<string, number>;
  window: Map<string, number>;
  built: number; // effects built so far: the next one's id
}

/**
 * What one rule says about each remedy it names, in the order it names them: remedies with a verdict
 * column first, then those its `remedies` column lists, then those only its scoped meta columns name.
 * Plain arrays, not Maps: this runs for every rule on every cold start, for a handful of remedies.
 */
function ruleEffects(table: CompiledTable, rule: CompiledRule, at: Resolver): RuleEffect[] {
  const remedies: string[] = [];
  const verdicts: (Verdict | null)[] = [];
  let listed: string[] = [];
  let status: Verdict | null = null;
  const shared = noMeta();
  let scopedTo: string[] | null = null,
    scoped: Meta[] | null = null;
  for (let o = 0; o < table.outputs.length; o++) {
    const value = rule.outputs[o];
    const role = table.outputs[o]!.role;
    if (!role || value === null || value === undefined) continue;
    if (role.kind === 'verdict') {
      const i = remedies.indexOf(role.remedy);
      if (i < 0) {
        remedies.push(role.remedy);
        verdicts.push(asStrings(value)[0] as Verdict);
      } else verdicts[i] = asStrings(value)[0] as Verdict;
    } else if (role.kind === 'remedies') listed = asStrings(value);
    else if (role.kind === 'status') status = asStrings(value)[0] as Verdict;
    else if (role.kind === 'meta') {
      let into = shared;
      if (role.remedy) {
        scopedTo ??= [];
        scoped ??= [];
        const i = scopedTo.indexOf(role.remedy);
        if (i < 0) {
          scopedTo.push(role.remedy);
          scoped.push((into = noMeta()));
        } else into = scoped[i]!;
      }
      if (role.field === 'reason') into.reasons.push(...asStrings(value));
      else if (role.field === 'evidence') into.evidence.push(...asStrings(value));
      else if (role.field === 'deadline') into.deadline = asStrings(value)[0];
      else into.fees.push([role.field, value]);
    }
  }
  for (const remedy of listed)
    if (!remedies.includes(remedy)) {
      remedies.push(remedy);
      verdicts.push(status);
    }
  if (scopedTo)
    for (const remedy of scopedTo)
      if (!remedies.includes(remedy)) {
        remedies.push(remedy);
        verdicts.push(null);
      }
  // A row's fees, deadline and evidence describe what it grants (√, review or no verdict); a row
  // that only refuses (all ×) describes the refusal instead, e.g. who pays to ship a refused item back.
  const grants = verdicts.some((v) => v !== 'ineligible');
  const effects: RuleEffect[] = [];
  for (let k = 0; k < remedies.length; k++) {
    const remedy = remedies[k]!,
      verdict = verdicts[k]!;
    const own = scopedTo ? scoped![scopedTo.indexOf(remedy)] : undefined;
    const describesService = verdict !== 'ineligible' || !grants;
    effects.push(
      hotEffect(
        remedy,
        verdict,
        rule.source,
        verdict && verdict !== 'eligible' ? joined(own?.reasons, shared.reasons) : NONE,
        own?.deadline ?? (describesService ? shared.deadline : undefined),
        describesService ? joined(own?.evidence, shared.evidence) : (own?.evidence ?? NONE),
        describesService ? joined(own?.fees, shared.fees) : (own?.fees ?? NONE),
        at,
      ),
    );
  }
  return effects;
}

function hotEffect(
  remedy: string,
  verdict: Verdict | null,
  source: string,
  reasons: string[],
  deadline: string | undefined,
  evidence: string[],
  fees: [string, OutputValue][],
  at: Resolver,
): RuleEffect {
  // Most effects carry no fees: they share the empty list.
  const feeFields: string[] = fees.length ? [] : NONE,
    feeSlots: number[] = fees.length ? [] : NONE;
  const feeValues: (string | number)[] = fees.length ? [] : NONE;
  for (const [field, value] of fees) {
    // A constant that is neither text nor a number (a list, a flag) never becomes a fee.
    if ('value' in value && typeof value.value !== 'string' && typeof value.value !== 'number') continue;
    feeFields.push(field);
    feeSlots.push('ref' in value ? at.slot(value.ref) : -1);
    feeValues.push('ref' in value ? '' : (value.value as string | number));
  }
  // Every field spelled out in one literal (no spread): all effects then share one hidden class, and
  // the loops over a claim's matched effects stay monomorphic (with a spread they were not, ~3×).
  const effect: RuleEffect = {
    remedy,
    remedyIndex: at.remedy.get(remedy)!,
    verdict,
    reasons,
    deadline,
    evidence,
    fees,
    source,
    severity: verdict ? SEVERITY[verdict] : NO_VERDICT,
    deadlineWindow: deadline === undefined ? -1 : (at.window.get(deadline) ?? -1),
    id: at.built++,
    feeFields,
    feeSlots,
    feeValues,
  };
  return effect;
}

function prepareRemedy(remedy: CompiledRemedy, at: Resolver): PreparedRemedy {
  return {
    remedy,
    windows: remedy.deadline.map((w) => at.window.get(w) ?? -1),
    evidence: remedy.evidence.slice(),
  };
}

const readAs = (fact: CompiledFact): ReadAs => (fact.type === 'boolean' ? 'flag' : fact.type === 'enum' ? 'choice' : fact.type === 'date' ? 'date' : 'checked');

function basisText(w: CompiledWindow): [string, string, string] {
  const from = w.countsFrom.length > 1 ? `${w.countsFrom[0]} (else ${w.countsFrom.slice(1).join(', else ')})` : w.countsFrom[0];
  return [`${w.name}: `, ` ${w.unit} from ${from} `, `, last day included; checked against ${w.checkedAgainst}`];
}

/** A table's output columns that derive facts, each cell resolved to a constant or the slot it reads. */
function derivedOutputsOf(table: CompiledTable, known: (name: string) => number): DerivedOutput[] {
  const derived: DerivedOutput[] = [];
  for (let output = 0; output < table.outputs.length; output++) {
    const o = table.outputs[output]!;
    if (o.role?.kind !== 'derived') continue;
    const constants: (Literal | Literal[])[] = [];
    const refSlots = new Int32Array(table.rules.length);
    for (let r = 0; r < table.rules.length; r++) {
      const out = table.rules[r]!.outputs[output];
      constants.push(out && 'value' in out ? out.value : null);
      refSlots[r] = out && 'ref' in out ? known(out.ref) : -1;
    }
    derived.push({
      name: o.name,
      slot: known(o.name),
      hitPolicy: table.hitPolicy,
      single: isSingleHit(table.hitPolicy),
      fallback: o.default ?? null,
      constants,
      refSlots,
    });
  }
  return derived;
}

/** `length` copies of `value` in a packed array (`new Array(n).fill(v)` stays holey: slower reads per claim). */
function filled<T>(length: number, value: T): T[] {
  const array: T[] = [];
  for (let i = 0; i < length; i++) array.push(value);
  return array;
}

/** Takes a slot for every name an output cell refers to (refund_amount = order_amount). */
function addOutputRefs(table: CompiledTable, slot: (name: string) => number): void {
  for (const rule of table.rules) for (const out of rule.outputs) if (out && 'ref' in out) slot(out.ref);
}

/** What rule r of table t says about the remedies, built the first time it is asked for. */
export function effectsOf(prepared: PreparedPolicy, t: number, r: number): RuleEffect[] {
  const table = prepared.policy.tables[t]!;
  return (prepared.effects[t]![r] ??= ruleEffects(table, table.rules[r]!, prepared.resolver));
}

/** Every rule's effects, table by table and row by row. */
export function everyEffect(prepared: PreparedPolicy): RuleEffect[] {
  const all: RuleEffect[] = [];
  for (let t = 0; t < prepared.effects.length; t++) {
    for (let r = 0; r < prepared.effects[t]!.length; r++) all.push(...effectsOf(prepared, t, r));
  }
  return all;
}

/** The reasons an effect gives in a wording's locale: worded the first time, then shared (read-only). */
export const reasonsOf = (wording: Wording, effect: RuleEffect): Reason[] => (wording.reasons[effect.id] ??= wording.word(effect.reasons, effect.source));

const cache = new WeakMap<CompiledPolicy, PreparedPolicy>();

export function preparePolicy(policy: CompiledPolicy): PreparedPolicy {
  const cached = cache.get(policy);
  if (cached) return cached;
  const factTypes = new Map(policy.facts.map((f) => [f.name, f.type]));
  const read = factsRead(policy);
  const inputs = new Set<string>();
  for (const t of policy.tables) for (const i of t.inputs) inputs.add(i.name);
  const slots = new Map<string, number>();
  const slot = (name: string) => slots.get(name) ?? slots.set(name, slots.size).get(name)!;
  policy.facts.forEach((f) => slot(f.name));
  policy.windows.forEach((w) => slot(w.name));
  policy.tables.forEach((t) => t.outputs.forEach((o) => o.role?.kind === 'derived' && slot(o.name)));
  inputs.forEach(slot);
  const locales = [...new Set([...policy.locales, policy.defaultLocale])];
  const at: Resolver = {
    slot,
    remedy: new Map(policy.remedies.map((r, i) => [r.name, i])),
    window: new Map(policy.windows.map((w, i) => [w.name, i])),
    built: 0,
  };
  const booleanInputs = [...inputs].filter((n) => factTypes.get(n) === 'boolean');
  const tables = policy.tables.map((t) => prepareTable(t, slots));
  const windows = policy.windows.map(
    (w): PreparedWindow => ({
      slot: slot(w.name),
      starts: w.countsFrom.map(slot),
      checked: slot(w.checkedAgainst),
      length: typeof w.length === 'number' ? w.length : null,
      lengthSlot: typeof w.length === 'number' ? -1 : slot(w.length.ref),
      basis: basisText(w),
    }),
  );
  // Effects are built later (effectsOf), but the slots their fee cells read are taken now: the
  // per-claim templates below must cover every slot.
  for (const t of policy.tables) addOutputRefs(t, slot);
  const effects = policy.tables.map((t) => filled<RuleEffect[] | undefined>(t.rules.length, undefined));
  // Every name has its slot by now: the per-claim templates cover them all.
  const template: Values = filled<Literal>(slots.size, null);
  for (const f of policy.facts) if (f.type === 'boolean') template[slots.get(f.name)!] = false;
  const known = (name: string) => slots.get(name) ?? -1;
  const prepared: PreparedPolicy = {
    policy,
    slots,
    tables,
    windows,
    effects,
    derivedOutputs: policy.tables.map((t) => derivedOutputsOf(t, known)),
    derivedTemplate: Object.fromEntries(
      policy.plan.flatMap((step) =>
        ('table' in step ? policy.tables[step.table]!.outputs : []).filter((o) => o.role?.kind === 'derived').map((o) => [o.name, null]),
      ),
    ),
    remedies: policy.remedies.map((r) => prepareRemedy(r, at)),
    booleanInputs,
    daysSince: [...inputs].flatMap((n) => {
      const from = daysSinceFact(n);
      return from && factTypes.get(from) === 'date' ? [{ slot: known(n), from: known(from) }] : [];
    }),
    claimDateSlot: known(policy.claimDate),
    plan: policy.plan.map((step) => ('window' in step ? -step.window - 1 : step.table)),
    template,
    noDays: filled(slots.size, NaN),
    noFlags: filled(booleanInputs.length, 0),
    readers: new Map(
      policy.facts
        .filter((f) => read.has(f.name))
        .map((f) => [
          f.name,
          {
            slot: known(f.name),
            as: readAs(f),
            fact: f,
            choices: f.type === 'enum' ? (f.values ?? []) : null,
            flag: booleanInputs.indexOf(f.name),
          },
        ]),
    ),
    computedFees: policy.fees.flatMap((f) => (f.percentOf ? [{ name: f.name, percent: f.percentOf.percent, baseSlot: known(f.percentOf.base) }] : [])),
    resolver: at,
    locales,
    defaultLocale: locales.indexOf(policy.defaultLocale),
    wordings: new Array(locales.length),
    warrantyWindow: policy.warrantyWindow ? (at.window.get(policy.warrantyWindow) ?? -1) : -1,
  };
  cache.set(policy, prepared);
  return prepared;
}

export type { Literal };
