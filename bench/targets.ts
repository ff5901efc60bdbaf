// The targets, judged from the results: one line each, with the figure that decides it.

// Types only from the sections: this module is loaded before any section runs, and the worker and
// cold-path sections pull in miniflare, wrangler and autocannon (see run.ts on why that matters).
import type { BundleResult } from './bundle.js';
import type { ColdResult } from './cold-path.js';
import type { EngineResults, EngineRow } from './engine.js';
import type { ScaleResults } from './scale.js';
import type { WorkerResults } from './worker.js';

/** The evaluator's own time per claim: reported, no longer a target (issue 17: readability wins inside the evaluator, under 5 % of a request). */
export const FULL_CLAIM_TARGET_US = 2;
/** The Worker's own time per request inside workerd: eligibility and coverage each at most this × /healthz. */
export const PER_REQUEST_TARGET = 2;
export const THROUGHPUT_TARGET = 0.9; // eligibility req/s ≥ 0.9 × /healthz
export const P99_TARGET = 1.2; // eligibility p99 ≤ 1.2 × /healthz
export const COLD_TARGET_US = 1000;
export const BUNDLE_TARGET_GZIP_BYTES = 100 * 1024;
export const SCALE_TARGET_US = 10;

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface Results {
  engine?: EngineResults;
  worker?: WorkerResults;
  cold?: ColdResult[];
  bundle?: BundleResult;
  scale?: ScaleResults;
}

const us = (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} µs`;
const times = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)}×`;
const median = (rows: EngineRow[], engine: string) => rows.find((r) => r.engine === engine)!.perCall.median;

export function judge(results: Results): Target[] {
  const targets: Target[] = [];
  const { engine, worker, cold, bundle, scale } = results;
  if (engine) {
    for (const b of engine.brands) {
      const ours = b.fullClaim.median;
      targets.push({ name: `${b.brand}: full claim, median (reported; the targets are per request)`, target: 'reported', measured: us(ours), met: null });
      const zen = median(b.rows, 'zen-engine') / ours;
      const jre = median(b.rows, 'json-rules-engine') / ours;
      targets.push({ name: `${b.brand}: zen-engine on the same tables ÷ our full claim`, target: '≥ 30×', measured: times(zen), met: zen >= 30 });
      targets.push({ name: `${b.brand}: json-rules-engine on the same tables ÷ our full claim`, target: '≥ 150×', measured: times(jre), met: jre >= 150 });
    }
    const rows = engine.firstHit20.rows;
    const api = rows[0]!.perCall.median;
    const zen = median(rows, 'zen-engine') / api;
    const jre = median(rows, 'json-rules-engine') / api;
    targets.push({ name: '20-row first-hit table: zen-engine ÷ our evaluateTable', target: '≥ 30×', measured: times(zen), met: zen >= 30 });
    targets.push({ name: '20-row first-hit table: json-rules-engine ÷ our evaluateTable', target: '≥ 150×', measured: times(jre), met: jre >= 150 });
    const prepared = rows[1]!.perCall.median;
    const zenPrepared = median(rows, 'zen-engine') / prepared;
    const jrePrepared = median(rows, 'json-rules-engine') / prepared;
    targets.push({
      name: '20-row first-hit table: zen-engine ÷ our prepared table (selectRules)',
      target: '≥ 30×',
      measured: times(zenPrepared),
      met: zenPrepared >= 30,
    });
    targets.push({
      name: '20-row first-hit table: json-rules-engine ÷ our prepared table (selectRules)',
      target: '≥ 150×',
      measured: times(jrePrepared),
      met: jrePrepared >= 150,
    });
  }
  if (worker && !('skipped' in worker)) {
    targets.push({
      name: 'Worker: eligibility ÷ /healthz throughput',
      target: `≥ ${THROUGHPUT_TARGET}×`,
      measured: `${worker.throughputRatio.toFixed(2)}×`,
      met: worker.throughputRatio >= THROUGHPUT_TARGET,
    });
    targets.push({
      name: 'Worker: eligibility ÷ /healthz p99 latency',
      target: `≤ ${P99_TARGET}×`,
      measured: `${worker.p99Ratio.toFixed(2)}×`,
      met: worker.p99Ratio <= P99_TARGET,
    });
    const inside = worker.insideWorkerd;
    for (const [route, perRequest] of [
      ['eligibility', inside.eligibilityUs],
      ['coverage', inside.coverageUs],
    ] as const) {
      if (perRequest === undefined) continue;
      const ratio = perRequest / inside.healthzUs;
      targets.push({
        name: `Worker inside workerd: ${route} ÷ /healthz, time per request`,
        target: `≤ ${PER_REQUEST_TARGET}×`,
        measured: `${times(ratio)} (${us(perRequest)} ÷ ${us(inside.healthzUs)})`,
        met: ratio <= PER_REQUEST_TARGET,
      });
    }
    if (inside.postFloorUs !== undefined) {
      targets.push({
        name: 'Worker inside workerd: a POST refused before deciding ÷ /healthz (the floor under eligibility)',
        target: 'reported',
        measured: `${times(inside.postFloorUs / inside.healthzUs)} (${us(inside.postFloorUs)})`,
        met: null,
      });
    }
    const bad = worker.eligibility.non2xx + worker.healthz.non2xx + worker.eligibility.errors + worker.healthz.errors;
    targets.push({ name: 'Worker: non-2xx responses and errors', target: '0', measured: String(bad), met: bad === 0 });
  } else if (worker) {
    targets.push({ name: 'Worker on workerd', target: 'measured', measured: `skipped: ${worker.skipped}`, met: null });
  }
  for (const c of cold ?? []) {
    targets.push({
      name: `${c.brand}: cold path (KV read + parse + prepare)`,
      target: `≤ ${COLD_TARGET_US / 1000} ms`,
      measured: us(c.totalUs),
      met: c.totalUs <= COLD_TARGET_US,
    });
  }
  if (bundle)
    targets.push({
      name: 'Worker bundle, gzip',
      target: `≤ ${BUNDLE_TARGET_GZIP_BYTES / 1024} KB`,
      measured: `${(bundle.gzipBytes / 1024).toFixed(1)} KB`,
      met: bundle.gzipBytes <= BUNDLE_TARGET_GZIP_BYTES,
    });
  if (scale) {
    const largest = [...scale.table].filter((r) => r.evaluate).sort((a, b) => b.rows - a.rows)[0];
    const smallest = [...scale.table].filter((r) => r.evaluate && r.hitPolicy === largest?.hitPolicy).sort((a, b) => a.rows - b.rows)[0];
    if (largest && smallest) {
      targets.push({
        name: `Scale: full claim at ${largest.rows.toLocaleString('en')} rows, median`,
        target: `≤ ${SCALE_TARGET_US} µs`,
        measured: us(largest.evaluate!.median),
        met: largest.evaluate!.median <= SCALE_TARGET_US,
      });
      const growth = largest.evaluate!.median / smallest.evaluate!.median;
      const rowsGrowth = largest.rows / smallest.rows;
      targets.push({
        name: `Scale: evaluation growth ${smallest.rows} → ${largest.rows.toLocaleString('en')} rows`,
        target: `sub-linear (rows grow ${rowsGrowth}×)`,
        measured: times(growth),
        met: growth < Math.sqrt(rowsGrowth),
      });
    }
    for (const r of scale.table.filter((x) => x.compileMs === null)) {
      targets.push({
        name: `Scale: compile ${r.rows.toLocaleString('en')} rows (${r.hitPolicy})`,
        target: `within the ${r.capMs / 1000} s cap`,
        measured: 'stopped at the cap',
        met: false,
      });
    }
  }
  return targets;
}
