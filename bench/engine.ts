// Section 1 — the engine in-process. Full claim evaluation per brand over its fixed mixed claim set,
// then the same decision tables run by zen-engine, json-rules-engine and the minimal interpreter
// (outputs checked equal for every claim before anything is timed), and the 20-row first-hit table.

import type { Claim, CompiledPolicy, CompiledTable, Decision } from '../src/contract.js';
import { parseIsoDate } from '../src/evaluate/dates.js';
import { checkClaim, evaluateClaim, evaluateTable, parseStandaloneTable } from '../src/index.js';
import { type BenchClaim, BRANDS, loadPolicy, mixedClaims } from './claims.js';
import { FIRST_HIT_20, firstHitInputs } from './first-hit-20.js';
import { round, type Stats, timeEach, timeInterleaved } from './measure.js';
import { oursTables } from './ours.js';
import { type Facts, floorTables, interpret, jreEngine, jreSelection, type Selection, ZenEngine, zenDecision, zenSelection } from './peers.js';
import { type ProfileRow, profileSelfTime } from './profile.js';
import { FULL_CLAIM_TARGET_US } from './targets.js';

/** Ours and the floor take `oursPerRound` samples of `oursBatch` calls per round, each peer one of `peerBatch`. */
export interface Effort {
  rounds: number;
  warmupRounds: number;
  oursBatch: number;
  oursPerRound: number;
  peerBatch: number;
  each: number;
}
export const FULL_EFFORT: Effort = { rounds: 15, warmupRounds: 2, oursBatch: 1000, oursPerRound: 4, peerBatch: 200, each: 20_000 };
export const QUICK_EFFORT: Effort = { rounds: 3, warmupRounds: 1, oursBatch: 1000, oursPerRound: 2, peerBatch: 50, each: 3_000 };

export interface EngineRow {
  engine: string;
  what: string;
  perCall: Stats;
}
export interface BrandResult {
  brand: string;
  claims: number;
  tables: number;
  rules: number;
  fullClaim: Stats; // µs per claim, batch medians
  eachClaim: Stats; // µs per claim, every call timed on its own
  rows: EngineRow[]; // the brand's tables: ours (tables only), floor, zen, json-rules-engine
  checked: number; // claims whose selections agreed across every engine
  profile?: ProfileRow[];
}
export interface FirstHitResult {
  rows: EngineRow[];
  checked: number;
  profile?: ProfileRow[];
}
export interface EngineResults {
  brands: BrandResult[];
  firstHit20: FirstHitResult;
}

/**
 * The facts each table saw while the claim was decided, rebuilt from the public API: flags not sent
 * read false, other facts null, plus days_since_*, window states and derived facts from the decision.
 * Checked against evaluateClaim's trace before use.
 */
function tableFacts(policy: CompiledPolicy, { claim, asOf }: BenchClaim, decision: Decision): Facts {
  const checked = checkClaim(policy.facts, claim);
  if (!checked.ok) throw new Error(`bench claim rejected: ${JSON.stringify(checked.problems)}`);
  const facts: Facts = {};
  for (const f of policy.facts) facts[f.name] = checked.facts[f.name] ?? (f.type === 'boolean' ? false : null);
  if (facts[policy.claimDate] === null) facts[policy.claimDate] = asOf;
  const today = parseIsoDate(String(facts[policy.claimDate]));
  for (const input of policy.tables.flatMap((t) => t.inputs)) {
    const dateFact = /^days_since_(.+)$/.exec(input.name)?.[1];
    const from = dateFact && typeof facts[dateFact] === 'string' ? parseIsoDate(facts[dateFact] as string) : null;
    if (dateFact) facts[input.name] = from === null || today === null ? null : today - from;
  }
  for (const w of decision.windows) facts[w.window] = w.status;
  for (const [name, value] of Object.entries(decision.derived)) facts[name] = Array.isArray(value) ? (value[0] ?? null) : (value as Facts[string]);
  return facts;
}

const same = (a: Selection, b: Selection) => JSON.stringify(a) === JSON.stringify(b);

function disagreement(engine: string, where: string, ours: Selection, theirs: Selection): Error {
  return new Error(`${engine} disagrees with ours on ${where}:\n ours   ${JSON.stringify(ours)}\n theirs ${JSON.stringify(theirs)}`);
}

interface Peers {
  floor: ReturnType<typeof floorTables>;
  zen: ReturnType<typeof zenDecision>;
  jre: ReturnType<typeof jreEngine>;
}

/** Every engine must select the same rows with the same outputs; throws with both sides otherwise. */
async function agree(tables: CompiledTable[], facts: Facts, ours: Selection, peers: Peers, where: string): Promise<void> {
  const scanned = interpret(peers.floor, facts);
  if (!same(ours, scanned)) throw disagreement('the minimal interpreter', where, ours, scanned);
  const z = zenSelection(tables, (await peers.zen.evaluate(facts)).result);
  if (!same(ours, z)) throw disagreement('zen-engine', where, ours, z);
  const j = jreSelection(tables, (await peers.jre.run(facts)).events, facts);
  if (!same(ours, j)) throw disagreement('json-rules-engine', where, ours, j);
}

async function benchBrand(brand: string, effort: Effort, log: (line: string) => void): Promise<BrandResult> {
  const policy = loadPolicy(brand);
  const claims = mixedClaims(policy);
  const decisions = claims.map((c) => evaluateClaim(policy, c.claim, c.asOf, { trace: true }));
  const facts = claims.map((c, i) => tableFacts(policy, c, decisions[i]!));
  const ours = oursTables(policy.tables);
  const floor = floorTables(policy.tables);
  const zen = zenDecision(new ZenEngine(), policy.tables);
  const jre = jreEngine(policy.tables);

  // Every engine must select the same rows with the same outputs, for every claim, before timing.
  for (let i = 0; i < claims.length; i++) {
    const selected = ours(facts[i]!);
    const byTable = new Map(decisions[i]!.trace!.map((step) => [step.table, step.matched]));
    const traced = policy.tables.map((t) => byTable.get(t.source));
    const where = `${brand} claim ${i} ${JSON.stringify(claims[i]!.claim)}`;
    if (JSON.stringify(traced) !== JSON.stringify(selected.map((t, ti) => t.map((s) => policy.tables[ti]!.rules[s.row]!.source))))
      throw new Error(`the reconstructed table facts do not reproduce evaluateClaim's trace on ${where}`);
    await agree(policy.tables, facts[i]!, selected, { floor, zen, jre }, where);
  }
  log(`  ${brand}: ${claims.length} claims agree across ours, the floor, zen-engine and json-rules-engine`);

  const claimAt = (i: number) => claims[i % claims.length]!;
  const factsAt = (i: number) => facts[i % facts.length]!;
  const full = (i: number) => {
    const c = claimAt(i);
    return evaluateClaim(policy, c.claim as Claim, c.asOf);
  };
  const eachClaim = timeEach(full, effort.each, 2000);
  const ourSide = { batch: effort.oursBatch, perRound: effort.oursPerRound };
  const [fullClaim, tablesOnly, scan, zenStats, jreStats] = (await timeInterleaved(
    [
      { run: full, ...ourSide },
      { run: (i) => ours(factsAt(i)), ...ourSide },
      { run: (i) => interpret(floor, factsAt(i)), ...ourSide },
      { run: (i) => zen.evaluate(factsAt(i)), batch: effort.peerBatch },
      { run: (i) => jre.run(factsAt(i)), batch: effort.peerBatch },
    ],
    effort.rounds,
    effort.warmupRounds,
  )) as [Stats, Stats, Stats, Stats, Stats];
  const rows: EngineRow[] = [
    { engine: 'ours', what: 'full claim (evaluateClaim)', perCall: fullClaim },
    { engine: 'ours', what: 'tables only (selectRules on prepared tables)', perCall: tablesOnly },
    { engine: 'minimal JSON interpreter', what: 'tables only', perCall: scan },
    { engine: 'zen-engine', what: 'tables only (one JDM graph)', perCall: zenStats },
    { engine: 'json-rules-engine', what: 'tables only (one engine, a rule per row)', perCall: jreStats },
  ];
  const result: BrandResult = {
    brand,
    claims: claims.length,
    tables: policy.tables.length,
    rules: policy.tables.reduce((n, t) => n + t.rules.length, 0),
    fullClaim,
    eachClaim,
    rows,
    checked: claims.length,
  };
  if (fullClaim.median > FULL_CLAIM_TARGET_US) {
    let i = 0;
    result.profile = await profileSelfTime(() => full(i++), 2000);
  }
  log(`  ${brand}: full claim median ${round(fullClaim.median)} µs, p99 ${round(fullClaim.p99)} µs`);
  return result;
}

export async function benchFirstHit20(effort: Effort, log: (line: string) => void): Promise<FirstHitResult> {
  const parsed = parseStandaloneTable('bench/first-hit-20.csv', FIRST_HIT_20);
  if (!parsed.ok) throw new Error(`first-hit-20 does not compile: ${JSON.stringify(parsed.issues)}`);
  const table: CompiledTable = parsed.table;
  const tables = [table];
  const inputs = firstHitInputs();
  const ours = oursTables(tables);
  const floor = floorTables(tables);
  const zen = zenDecision(new ZenEngine(), tables);
  const jre = jreEngine(tables, true);
  for (const [i, input] of inputs.entries()) {
    const selected = ours(input);
    const viaApi = evaluateTable(table, input);
    if (JSON.stringify(viaApi.matched) !== JSON.stringify(selected[0]!.map((s) => table.rules[s.row]!.source)))
      throw disagreement('evaluateTable', `input ${i}`, selected, []);
    await agree(tables, input, selected, { floor, zen, jre }, `input ${i}`);
  }
  log(`  first-hit-20: ${inputs.length} inputs agree across every engine`);
  const at = (i: number) => inputs[i % inputs.length]!;
  const api = (i: number) => evaluateTable(table, at(i));
  const ourSide = { batch: effort.oursBatch, perRound: effort.oursPerRound };
  const [viaApi, prepared, scan, zenStats, jreStats] = (await timeInterleaved(
    [
      { run: api, batch: effort.peerBatch },
      { run: (i) => ours(at(i)), ...ourSide },
      { run: (i) => interpret(floor, at(i)), ...ourSide },
      { run: (i) => zen.evaluate(at(i)), batch: effort.peerBatch },
      { run: (i) => jre.run(at(i)), batch: effort.peerBatch },
    ],
    effort.rounds,
    effort.warmupRounds,
  )) as [Stats, Stats, Stats, Stats, Stats];
  const rows: EngineRow[] = [
    { engine: 'ours', what: 'evaluateTable (public API: the table prepared once, then its facts read by name)', perCall: viaApi },
    { engine: 'ours', what: 'selectRules on the prepared table (as evaluateClaim does)', perCall: prepared },
    { engine: 'minimal JSON interpreter', what: 'one table', perCall: scan },
    { engine: 'zen-engine', what: 'one decision-table node', perCall: zenStats },
    { engine: 'json-rules-engine', what: 'a rule per row, stop at first success', perCall: jreStats },
  ];
  let i = 0;
  const profile = await profileSelfTime(() => api(i++), 1500);
  return { rows, checked: inputs.length, profile };
}

export async function benchEngine(effort: Effort, log: (line: string) => void): Promise<EngineResults> {
  const brands: BrandResult[] = [];
  for (const brand of BRANDS) brands.push(await benchBrand(brand, effort, log));
  return { brands, firstHit20: await benchFirstHit20(effort, log) };
}
