// `npm run bench` (after `npm run build`): every section in turn, then bench/results.json and the
// generated block of BENCHMARKS.md, and the same table on stdout. Not part of `npm test`.
//   npm run bench [-- --quick] [-- --only engine,worker,cold,bundle,scale] [-- --wait-quiet <seconds>]
// --quick: few samples, prints only (writes nothing). --only: re-runs those sections and merges them
// into the existing results. --wait-quiet: first waits (up to the given time) for a calm machine.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { machine } from './measure.js';
import { type Report, renderReport, writeBenchmarksMd } from './report.js';
import { judge, type Results } from './targets.js';

const RESULTS_FILE = 'bench/results.json';
const SECTIONS = ['engine', 'worker', 'cold', 'bundle', 'scale'] as const;
type Section = (typeof SECTIONS)[number];

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function waitForQuiet(maxSeconds: number, log: (line: string) => void): Promise<void> {
  const calm = cpus().length * 0.5;
  const end = Date.now() + maxSeconds * 1000;
  while (loadavg()[0]! > calm && Date.now() < end) {
    log(`waiting for a calm machine: load ${loadavg()[0]!.toFixed(1)} > ${calm}`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = option('only')?.split(',') ?? [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}: expected ${SECTIONS.join(', ')}`);
  const wanted = (s: Section) => only.includes(s);
  const log = (line: string) => console.error(line);
  const quiet = option('wait-quiet');
  if (quiet) await waitForQuiet(Number(quiet), log);

  const started = performance.now();
  const loadStart = loadavg();
  const results: Results = {};
  // Each section's modules are loaded when it runs, the engine's first. Loaded up front, the tooling
  // the worker and cold-path sections drive (miniflare, wrangler, autocannon: ~100 MB of heap) made
  // claims in the engine section up to 2× slower than in a process without them (BENCHMARKS.md).
  if (wanted('engine')) {
    log('1. engine, in-process');
    const { benchEngine, FULL_EFFORT, QUICK_EFFORT } = await import('./engine.js');
    results.engine = await benchEngine(quick ? QUICK_EFFORT : FULL_EFFORT, log);
  }
  if (wanted('worker')) {
    log('2. worker on workerd');
    const { benchWorker, FULL_WORKER, QUICK_WORKER } = await import('./worker.js');
    results.worker = await benchWorker(quick ? QUICK_WORKER : FULL_WORKER, log);
  }
  if (wanted('cold')) {
    log('3. cold path');
    const { measureColdPath } = await import('./cold-path.js');
    results.cold = await measureColdPath(quick ? { batch: 10, samples: 10, warmup: 3 } : { batch: 20, samples: 60, warmup: 10 });
  }
  if (wanted('bundle')) {
    log('4. bundle');
    const { measureBundle } = await import('./bundle.js');
    results.bundle = measureBundle();
  }
  if (wanted('scale')) {
    log('5. scale');
    const { benchScale, FULL_SCALE, QUICK_SCALE } = await import('./scale.js');
    results.scale = await benchScale(quick ? QUICK_SCALE : FULL_SCALE, log);
  }

  // A partial run (--only) replaces its sections in the last full results.
  const previous = !quick && only.length < SECTIONS.length && existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Report) : undefined;
  const merged: Results = { ...pick(previous), ...results };
  const report: Report = {
    machine: machine(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    mode: quick ? 'quick' : 'full',
    loadAverage: { start: loadStart, end: loadavg() },
    durationS: (performance.now() - started) / 1000,
    ...merged,
    targets: judge(merged),
  };
  console.log(renderReport(report));
  if (quick) return;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  writeBenchmarksMd(report);
  log(`wrote ${RESULTS_FILE} and BENCHMARKS.md`);
}

function pick(report: Report | undefined): Results {
  if (!report) return {};
  const { engine, worker, cold, bundle, scale } = report;
  return { engine, worker, cold, bundle, scale };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
