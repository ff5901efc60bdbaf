// Section 2 — the real Worker on workerd: `wrangler dev` on a free loopback port with its own KV
// state, seeded by the Worker's own scripts/publish-policies.ts, then autocannon against
// POST /v1/eligibility and GET /healthz in rounds at the same concurrency. In the same rounds, a
// baseline Worker under the same `wrangler dev` (same assets routing) that does nothing: it answers
// each route with the Worker's own headers and a body of the same size. Its ratio is what moving
// those bytes through `wrangler dev` costs by itself — the ceiling of the Worker's ratio here.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { OFFLINE_ENV } from './bundle.js';
import { BRANDS, loadPolicy, mixedClaims } from './claims.js';
import { type LocalWorker, startWorker } from './local-server.js';
import { TSX_CLI } from './tsx.js';
import { measureWorkerCpu, type WorkerCpuResult } from './worker-cpu.js';

export interface WorkerPlan {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  claimsPerBrand: number;
  /** One-connection load per route per round (the serial figure is the median over rounds). */
  serialSeconds: number;
  baseline: boolean;
  /** The Worker's own time inside workerd (worker-cpu.ts): requests per sample, samples per route. */
  inside: { requests: number; samples: number };
}
export const FULL_WORKER: WorkerPlan = {
  connections: 32,
  seconds: 5,
  warmupSeconds: 3,
  rounds: 6,
  claimsPerBrand: 200,
  serialSeconds: 2,
  baseline: true,
  inside: { requests: 1000, samples: 9 },
};
export const QUICK_WORKER: WorkerPlan = {
  connections: 32,
  seconds: 3,
  warmupSeconds: 1,
  rounds: 1,
  claimsPerBrand: 50,
  serialSeconds: 1,
  baseline: false,
  inside: { requests: 300, samples: 3 },
};

export interface RouteRun {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
export interface RouteResult {
  route: string;
  runs: RouteRun[];
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}
/** Eligibility ÷ healthz: medians of the per-round ratios (both routes run back to back in a round), and each round's. */
export interface Ratios {
  throughputRatio: number;
  p50Ratio: number;
  p99Ratio: number;
  /** One connection, no queueing: ms per request (1 / throughput) of each route, median over rounds. */
  serialMs: { healthz: number; eligibility: number };
  perRound: { throughput: number[]; p99: number[]; serialMs: { healthz: number[]; eligibility: number[] } };
}
export type WorkerResults =
  | { skipped: string }
  | (Ratios & {
      command: string;
      plan: WorkerPlan;
      bodies: number;
      healthz: RouteResult;
      eligibility: RouteResult;
      /** The do-nothing Worker answering the same bytes, in the same rounds. */
      baseline?: Ratios & { answerBytes: { healthz: number; eligibility: number } };
      insideWorkerd: WorkerCpuResult;
    });

type Route = 'healthz' | 'eligibility';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Why the Worker cannot be served yet (its helper may still be building it), or null. */
export function workerNotReady(): string | null {
  if (!existsSync('wrangler.toml')) return 'wrangler.toml is missing';
  const main = /^main\s*=\s*"([^"]+)"/m.exec(readFileSync('wrangler.toml', 'utf8'))?.[1];
  if (!main || !existsSync(main)) return `the Worker entry ${main ?? '(main)'} is missing`;
  if (!existsSync('scripts/publish-policies.ts')) return 'scripts/publish-policies.ts (KV seeding) is missing';
  if (!existsSync('dist/worker/bundled-policies.json')) return 'dist/worker is missing: run `npm run build` first';
  return null;
}

function load(url: string, route: Route, bodies: string[], seconds: number, connections: number): Promise<RouteRun> {
  let next = 0;
  const request: autocannon.Request =
    route === 'healthz'
      ? { method: 'GET', path: '/healthz' }
      : {
          method: 'POST',
          path: '/v1/eligibility',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        };
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, requests: [request] }, (error, r) => {
      if (error) return reject(error);
      resolve({
        reqPerSec: r.requests.average,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
      });
    });
  });
}

function summarizeRoute(route: string, runs: RouteRun[]): RouteResult {
  return {
    route,
    runs,
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/** Every body once, in order: a rejected claim is a bench bug (or an API bug) to see before timing. Returns the mean answer size. */
async function checkBodies(url: string, bodies: string[]): Promise<number> {
  let bytes = 0;
  for (const body of bodies) {
    const response = await fetch(`${url}/v1/eligibility`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (!response.ok) throw new Error(`POST /v1/eligibility answered ${response.status} for ${body}: ${await response.text()}`);
    bytes += (await response.arrayBuffer()).byteLength;
  }
  return Math.round(bytes / bodies.length);
}

/** A route's answer as the baseline replays it: headers without the per-request or computed ones. */
async function answerOf(url: string, route: Route, body: string): Promise<{ headers: Record<string, string>; bytes: number; text: string }> {
  const res = await fetch(
    `${url}${route === 'healthz' ? '/healthz' : '/v1/eligibility'}`,
    route === 'healthz' ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body },
  );
  const text = await res.text();
  const headers = Object.fromEntries([...res.headers].filter(([name]) => !['content-length', 'date', 'x-request-id'].includes(name)));
  return { headers, bytes: new TextEncoder().encode(text).byteLength, text };
}

/** The baseline Worker's script and wrangler.toml (same compatibility date and assets routing as ours). */
function writeBaseline(
  dir: string,
  health: { headers: Record<string, string>; text: string },
  eligibility: { headers: Record<string, string> },
  eligibilityBytes: number,
): void {
  const script = `const HEALTH = ${JSON.stringify(health.text)};
const HEALTH_HEADERS = ${JSON.stringify(health.headers)};
const ANSWER = JSON.stringify({ ok: true, pad: 'x'.repeat(${Math.max(0, eligibilityBytes - 22)}) });
const ANSWER_HEADERS = ${JSON.stringify(eligibility.headers)};
export default {
  async fetch(request) {
    if (new URL(request.url).pathname === '/healthz') return new Response(HEALTH, { headers: { ...HEALTH_HEADERS, 'x-request-id': crypto.randomUUID() } });
    // Read the claim as the Worker must (a client hanging up mid-body is no answer to give).
    try { await request.text(); } catch { return new Response(null, { status: 499 }); }
    return new Response(ANSWER, { headers: { ...ANSWER_HEADERS, 'x-request-id': crypto.randomUUID() } });
  },
};
`;
  const toml = readFileSync('wrangler.toml', 'utf8');
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? '2026-04-01';
  // The [assets] table up to the next table header, its directory made absolute.
  const assets = (/^\[assets\]\n(?:(?!\[).*\n?)*/m.exec(toml)?.[0] ?? '').replace(
    /^directory\s*=\s*"([^"]+)"/m,
    (_, d: string) => `directory = ${JSON.stringify(resolve(d))}`,
  );
  writeFileSync(join(dir, 'worker.js'), script);
  writeFileSync(join(dir, 'wrangler.toml'), `name = "bench-baseline"\nmain = "worker.js"\ncompatibility_date = "${date}"\n\n${assets}`);
}

function ratiosOf(runs: Record<Route, RouteRun[]>, serial: Record<Route, number[]>): Ratios {
  const per = (f: (e: RouteRun, h: RouteRun) => number) => runs.eligibility.map((e, i) => f(e, runs.healthz[i]!));
  const throughput = per((e, h) => e.reqPerSec / h.reqPerSec);
  const p99 = per((e, h) => e.p99Ms / h.p99Ms);
  return {
    throughputRatio: median(throughput),
    p50Ratio: median(per((e, h) => e.p50Ms / h.p50Ms)),
    p99Ratio: median(p99),
    serialMs: { healthz: median(serial.healthz), eligibility: median(serial.eligibility) },
    perRound: { throughput, p99, serialMs: serial },
  };
}

interface Target {
  name: string;
  server: LocalWorker;
  runs: Record<Route, RouteRun[]>;
  serial: Record<Route, number[]>;
}

/** One round: each target's two routes back to back, then one connection each; orders alternate between rounds. */
async function round(index: number, targets: Target[], bodies: string[], plan: WorkerPlan, log: (line: string) => void): Promise<void> {
  const flip = <T>(xs: T[]) => (index % 2 ? [...xs].reverse() : xs);
  const routes: Route[] = flip(['healthz', 'eligibility']);
  for (const target of flip(targets)) {
    const ran: Partial<Record<Route, RouteRun>> = {};
    for (const route of routes) {
      const run = await load(target.server.url, route, bodies, plan.seconds, plan.connections);
      ran[route] = run;
      target.runs[route].push(run);
    }
    for (const route of routes) target.serial[route].push(1000 / (await load(target.server.url, route, bodies, plan.serialSeconds, 1)).reqPerSec);
    const [h, e] = [ran.healthz!, ran.eligibility!];
    log(
      `  round ${index + 1} ${target.name}: healthz ${Math.round(h.reqPerSec)} req/s p99 ${h.p99Ms} ms, eligibility ${Math.round(e.reqPerSec)} req/s p99 ${e.p99Ms} ms` +
        ` (÷ ${(e.reqPerSec / h.reqPerSec).toFixed(2)}×, p99 ${(e.p99Ms / h.p99Ms).toFixed(2)}×), one connection ${target.serial.healthz.at(-1)!.toFixed(2)} / ${target.serial.eligibility.at(-1)!.toFixed(2)} ms, non-2xx ${h.non2xx + e.non2xx}`,
    );
  }
}

export async function benchWorker(plan: WorkerPlan, log: (line: string) => void): Promise<WorkerResults> {
  const notReady = workerNotReady();
  if (notReady) return { skipped: notReady };
  const state = mkdtempSync(join(tmpdir(), 'bench-kv-'));
  const scratch = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  const servers: LocalWorker[] = [];
  try {
    const seed = spawnSync(process.execPath, [TSX_CLI, 'scripts/publish-policies.ts', '--local', '--persist-to', state], {
      encoding: 'utf8',
      env: { ...process.env, ...OFFLINE_ENV },
    });
    if (seed.status !== 0) throw new Error(`seeding KV failed: ${seed.stderr}`);
    const worker = await startWorker(process.cwd(), [], state);
    servers.push(worker);
    const bodies = BRANDS.flatMap((brand) => mixedClaims(loadPolicy(brand), plan.claimsPerBrand).map(({ claim }) => JSON.stringify({ brand, claim })));
    const answerBytes = await checkBodies(worker.url, bodies);
    log(`  worker up on ${worker.url}; ${bodies.length} claim bodies accepted, answers of ${answerBytes} bytes on average`);
    const targets: Target[] = [{ name: 'worker', server: worker, runs: { healthz: [], eligibility: [] }, serial: { healthz: [], eligibility: [] } }];
    let baselineBytes: { healthz: number; eligibility: number } | undefined;
    if (plan.baseline) {
      const [health, eligibility] = [await answerOf(worker.url, 'healthz', bodies[0]!), await answerOf(worker.url, 'eligibility', bodies[0]!)];
      writeBaseline(scratch, health, eligibility, answerBytes);
      const baseline = await startWorker(scratch, [], undefined);
      servers.push(baseline);
      targets.push({ name: 'baseline', server: baseline, runs: { healthz: [], eligibility: [] }, serial: { healthz: [], eligibility: [] } });
      baselineBytes = { healthz: health.bytes, eligibility: answerBytes };
      log(`  baseline Worker up on ${baseline.url}: the same headers, ${health.bytes} and ${answerBytes} bytes, no work`);
    }
    for (const { server } of targets)
      for (const route of ['healthz', 'eligibility'] as const) await load(server.url, route, bodies, plan.warmupSeconds, plan.connections);
    for (let i = 0; i < plan.rounds; i++) await round(i, targets, bodies, plan, log);

    const [ours, baseline] = targets;
    const ratios = ratiosOf(ours!.runs, ours!.serial);
    log(
      `  worker: throughput ${ratios.throughputRatio.toFixed(2)}×, p99 ${ratios.p99Ratio.toFixed(2)}×; one connection healthz ${ratios.serialMs.healthz.toFixed(2)} ms, eligibility ${ratios.serialMs.eligibility.toFixed(2)} ms`,
    );
    const base = baseline && { ...ratiosOf(baseline.runs, baseline.serial), answerBytes: baselineBytes! };
    if (base)
      log(
        `  baseline: throughput ${base.throughputRatio.toFixed(2)}×, p99 ${base.p99Ratio.toFixed(2)}×; one connection healthz ${base.serialMs.healthz.toFixed(2)} ms, eligibility ${base.serialMs.eligibility.toFixed(2)} ms`,
      );
    const disconnects = servers.reduce((n, server) => n + server.disconnects(), 0);
    if (disconnects) log(`  wrangler dev logged ${disconnects} client disconnects (autocannon closing its connections at the end of a run; not shown)`);
    for (const server of servers.splice(0)) server.stop();
    const insideWorkerd = await measureWorkerCpu(plan.claimsPerBrand, plan.inside.requests, plan.inside.samples);
    log(
      `  inside workerd, the Worker's own time per request: healthz ${insideWorkerd.healthzUs.toFixed(0)} µs, eligibility ${insideWorkerd.eligibilityUs.toFixed(0)} µs`,
    );
    return {
      command: `${worker.command} (after scripts/publish-policies.ts --local --persist-to <tmp>); autocannon -c ${plan.connections} -d ${plan.seconds}`,
      plan,
      bodies: bodies.length,
      healthz: summarizeRoute('GET /healthz', ours!.runs.healthz),
      eligibility: summarizeRoute('POST /v1/eligibility', ours!.runs.eligibility),
      ...ratios,
      ...(base ? { baseline: base } : {}),
      insideWorkerd,
    };
  } finally {
    for (const server of servers) server.stop();
    rmSync(state, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}
