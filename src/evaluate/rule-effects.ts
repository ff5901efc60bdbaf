// What one row of a brand table says about each remedy it speaks about: its verdict, the reasons it
// gives, and the deadline, evidence and fees it attaches. Built the first time a claim matches the
// row (effectsOf), then kept with the prepared policy and only read.

import type { CompiledRule, CompiledTable, OutputValue, Status } from '../contract.js';
import type { PreparedPolicy } from './prepare-policy.js';

/** A row's verdict on a remedy: the decision's Status. */
export type Verdict = Status;

/** Verdicts ranked for "the most severe verdict wins"; NO_VERDICT for a row that states none. */
export const SEVERITY: Readonly<Record<Verdict, number>> = { eligible: 0, review: 1, ineligible: 2 };
export const NO_VERDICT = -1;

/** A fee or payer a row sets: a constant, or the fact the cell names (refund_amount = order_amount). */
export interface EffectFee {
  readonly field: string;
  /** The cell's value when it is a constant; null when it reads a fact. */
  readonly constant: string | number | null;
  /** The slot of the fact the cell reads; -1 for a constant. */
  readonly slot: number;
}

/** What one row says about one remedy. */
export interface RuleEffect {
  readonly remedy: string;
  /** The remedy's index in policy.remedies. */
  readonly remedyIndex: number;
  /** null: the row only adds fees, deadline or evidence. */
  readonly verdict: Verdict | null;
  /** The verdict's rank in SEVERITY; NO_VERDICT for none. */
  readonly severity: number;
  /** Reason codes, given only with a review or ineligible verdict. */
  readonly reasons: readonly string[];
  /** The window the row names as the remedy's deadline, and its index in policy.windows (-1: none). */
  readonly deadline: string | undefined;
  readonly deadlineWindow: number;
  readonly evidence: readonly string[];
  readonly fees: readonly EffectFee[];
  /** The sheet row. */
  readonly source: string;
  /** The effect's number in the order effects were built: where a Wording keeps its worded reasons. */
  readonly id: number;
}

/** Names resolved to indexes once per policy, for the effects built later. */
export interface Resolver {
  readonly slot: (name: string) => number;
  readonly remedyIndex: ReadonlyMap<string, number>;
  readonly windowIndex: ReadonlyMap<string, number>;
  /** Effects built so far: the next one's id. */
  effectsBuilt: number;
}

/** What effectsOf may read of a prepared policy (prepare-policy.ts). */
type EffectSources = Pick<PreparedPolicy, 'policy' | 'effects' | 'resolver'>;

/** What rule r of table t says about the remedies, built the first time it is asked for. */
export function effectsOf(prepared: EffectSources, t: number, r: number): readonly RuleEffect[] {
  const built = prepared.effects[t]![r];
  if (built !== undefined) return built;
  const table = prepared.policy.tables[t]!;
  const effects = ruleEffects(table, table.rules[r]!, prepared.resolver);
  prepared.effects[t]![r] = effects;
  return effects;
}

/** Every rule's effects, table by table and row by row. */
export function everyEffect(prepared: EffectSources): RuleEffect[] {
  const all: RuleEffect[] = [];
  for (let t = 0; t < prepared.effects.length; t++) {
    for (let r = 0; r < prepared.effects[t]!.length; r++) all.push(...effectsOf(prepared, t, r));
  }
  return all;
}

/** A row's reason, evidence, deadline and fee cells, for every remedy it speaks about or for one. */
interface Meta {
  reasons: string[];
  evidence: string[];
  deadline: string | undefined;
  fees: [string, OutputValue][];
}

const noMeta = (): Meta => ({ reasons: [], evidence: [], deadline: undefined, fees: [] });
const NO_META: Readonly<Meta> = noMeta();

/** A row's cells as its columns' roles read them. */
interface RowCells {
  /** The remedies the row speaks about, in order, each with its verdict (null: none stated). */
  verdicts: Map<string, Verdict | null>;
  /** Meta cells for every remedy (`reason`, `deadline` …). */
  shared: Meta;
  /** Meta cells for one remedy (`repair.deadline`). */
  scoped: Map<string, Meta>;
}

const strings = (v: OutputValue): string[] => {
  if ('ref' in v) return [];
  const value = v.value;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
};
const verdictIn = (v: OutputValue): Verdict | null => (strings(v)[0] as Verdict | undefined) ?? null;

function addMeta(into: Meta, field: string, value: OutputValue): void {
  if (field === 'reason') into.reasons.push(...strings(value));
  else if (field === 'evidence') into.evidence.push(...strings(value));
  else if (field === 'deadline') into.deadline = strings(value)[0];
  else into.fees.push([field, value]);
}

/**
 * The remedies a row speaks about, in this order: those with a verdict column, then those its
 * `remedies` column lists (with its `status`), then those only its scoped meta columns name.
 */
function readRow(table: CompiledTable, rule: CompiledRule): RowCells {
  const row: RowCells = { verdicts: new Map(), shared: noMeta(), scoped: new Map() };
  let listed: string[] = [];
  let status: Verdict | null = null;
  for (let o = 0; o < table.outputs.length; o++) {
    const value = rule.outputs[o];
    const role = table.outputs[o]!.role;
    if (!role || value === null || value === undefined) continue;
    if (role.kind === 'verdict') row.verdicts.set(role.remedy, verdictIn(value));
    else if (role.kind === 'remedies') listed = strings(value);
    else if (role.kind === 'status') status = verdictIn(value);
    else if (role.kind === 'meta') addMeta(role.remedy ? scopedMeta(row, role.remedy) : row.shared, role.field, value);
  }
  for (const remedy of listed) if (!row.verdicts.has(remedy)) row.verdicts.set(remedy, status);
  for (const remedy of row.scoped.keys()) if (!row.verdicts.has(remedy)) row.verdicts.set(remedy, null);
  return row;
}

function scopedMeta(row: RowCells, remedy: string): Meta {
  let meta = row.scoped.get(remedy);
  if (meta === undefined) {
    meta = noMeta();
    row.scoped.set(remedy, meta);
  }
  return meta;
}

/** What one rule says about each remedy it names (see readRow for the order). */
function ruleEffects(table: CompiledTable, rule: CompiledRule, at: Resolver): RuleEffect[] {
  const { verdicts, shared, scoped } = readRow(table, rule);
  // A row's fees, deadline and evidence describe what it grants (√, review or no verdict); a row
  // that only refuses (all ×) describes the refusal instead, e.g. who pays to ship a refused item back.
  const grants = [...verdicts.values()].some((v) => v !== 'ineligible');
  const effects: RuleEffect[] = [];
  for (const [remedy, verdict] of verdicts) {
    const own = scoped.get(remedy) ?? NO_META;
    const describes = verdict !== 'ineligible' || !grants;
    const said: Meta = {
      reasons: verdict === 'review' || verdict === 'ineligible' ? [...own.reasons, ...shared.reasons] : [],
      deadline: own.deadline ?? (describes ? shared.deadline : undefined),
      evidence: describes ? [...own.evidence, ...shared.evidence] : own.evidence,
      fees: describes ? [...own.fees, ...shared.fees] : own.fees,
    };
    effects.push(makeEffect(remedy, verdict, rule.source, said, at));
  }
  return effects;
}

function makeEffect(remedy: string, verdict: Verdict | null, source: string, said: Meta, at: Resolver): RuleEffect {
  return {
    remedy,
    remedyIndex: at.remedyIndex.get(remedy)!,
    verdict,
    severity: verdict ? SEVERITY[verdict] : NO_VERDICT,
    reasons: said.reasons,
    deadline: said.deadline,
    deadlineWindow: said.deadline === undefined ? -1 : (at.windowIndex.get(said.deadline) ?? -1),
    evidence: said.evidence,
    fees: effectFees(said.fees, at),
    source,
    id: at.effectsBuilt++,
  };
}

/** Fee cells as a claim reads them; a constant that is neither text nor a number (a list, a flag) is no fee. */
function effectFees(cells: readonly [string, OutputValue][], at: Resolver): EffectFee[] {
  const fees: EffectFee[] = [];
  for (const [field, cell] of cells) {
    if ('ref' in cell) fees.push({ field, constant: null, slot: at.slot(cell.ref) });
    else if (typeof cell.value === 'string' || typeof cell.value === 'number') fees.push({ field, constant: cell.value, slot: -1 });
  }
  return fees;
}
