// Timing helpers every section shares: batched samples after a warm-up, percentiles, and the machine
// the figures were taken on. Per-call figures are batch time ÷ batch size, so timer cost is amortized.

import { execSync } from 'node:child_process';
import { cpus, type as osType, release, totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, run before every timed sample of interleaved contenders: engines share
 * one heap, and without it a sample pays for the garbage the previous contender left (the peers
 * allocate far more per call than we do, so their debt landed in our samples: ~2× on our medians).
 * The collection sweeps before it returns (`--no-concurrent-sweeping`): by default V8 sweeps on
 * background threads after it, and with the bench's other live objects in the heap (peers, checked
 * decisions, tooling) that sweeping overlapped the next samples on this 2-vCPU VM — with 100 MB of
 * ballast, claims ran 2–3× slower; with the flag, as fast as in a process of their own (BENCHMARKS.md).
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--no-concurrent-sweeping');
  return runInNewContext('gc') as () => void;
})();

export interface Stats {
  median: number;
  p99: number;
  min: number;
  max: number;
  samples: number;
}

export interface BatchOptions {
  batch: number; // calls per sample
  samples: number;
  warmup: number; // samples run and discarded first (JIT, inline caches)
}

export const round = (n: number, digits = 3) => Number(n.toPrecision(digits));

export function summarize(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p99: at(0.99), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, samples: sorted.length };
}

/** µs per call of `run(i)`, one figure per sample of `batch` calls (i counts up across samples). */
export function timeBatches(run: (i: number) => unknown, options: BatchOptions): Stats {
  const perCall: number[] = [];
  let i = 0;
  let sink = 0;
  for (let s = 0; s < options.warmup + options.samples; s++) {
    const start = performance.now();
    for (let b = 0; b < options.batch; b++) if (run(i++) === undefined) sink++;
    const us = ((performance.now() - start) * 1000) / options.batch;
    if (s >= options.warmup) perCall.push(us);
  }
  if (sink < 0) console.log(sink); // keeps the results observable
  return summarize(perCall);
}

export interface Contender {
  run: (i: number) => unknown; // may return a promise: it is awaited (zen-engine, json-rules-engine)
  batch: number; // calls per sample
  perRound?: number; // samples per round (fast contenders take several)
}

/**
 * Samples every contender in turn, round after round, so all of them see the same machine: on a
 * noisy VM a drift (another process waking up) then shifts every figure, not just one side of a ratio.
 */
export async function timeInterleaved(contenders: Contender[], rounds: number, warmupRounds: number): Promise<Stats[]> {
  const perCall: number[][] = contenders.map(() => []);
  const next = contenders.map(() => 0);
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const [c, { run, batch, perRound = 1 }] of contenders.entries()) {
      for (let s = 0; s < perRound; s++) {
        collectGarbage();
        const start = performance.now();
        for (let b = 0; b < batch; b++) {
          const result = run(next[c]!++);
          if (result instanceof Promise) await result;
        }
        if (round >= warmupRounds) perCall[c]!.push(((performance.now() - start) * 1000) / batch);
      }
    }
  }
  return perCall.map(summarize);
}

/** Each call timed on its own: the tail over a mixed claim set (includes ~0.05 µs of timer cost). */
export function timeEach(run: (i: number) => unknown, calls: number, warmup: number): Stats {
  for (let i = 0; i < warmup; i++) run(i);
  const each: number[] = new Array(calls);
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    run(i);
    each[i] = (performance.now() - start) * 1000;
  }
  return summarize(each);
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  commit: string;
  date: string;
}

export function machine(): Machine {
  const git = (args: string) => {
    try {
      return execSync(`git ${args}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  const dirty = git('status --porcelain') ? ' (with uncommitted changes)' : '';
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 2),
    node: process.version,
    os: `${osType()} ${release()} ${process.arch}`,
    commit: git('rev-parse --short HEAD') + dirty,
    date: new Date().toISOString(),
  };
}
