// Section 2 — the real Worker on workerd: `wrangler dev` on a free loopback port with its own KV
// state, seeded by the Worker's own scripts/publish-policies.ts, then autocannon against
// POST /v1/eligibility and GET /healthz in alternating rounds at the same concurrency.

import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BRANDS, loadPolicy, mixedClaims } from './claims.js';
import { OFFLINE_ENV, WRANGLER } from './bundle.js';
import { freePort, waitForHealthy } from './local-server.js';

export const THROUGHPUT_TARGET = 0.9;   // eligibility req/s ≥ 0.9 × /healthz
export const P99_TARGET = 1.2;          // eligibility p99 ≤ 1.2 × /healthz

export interface WorkerPlan { connections: number; seconds: number; warmupSeconds: number; rounds: number; claimsPerBrand: number; serialSeconds: number }
export const FULL_WORKER: WorkerPlan = { connections: 32, seconds: 5, warmupSeconds: 3, rounds: 6, claimsPerBrand: 200, serialSeconds: 5 };
export const QUICK_WORKER: WorkerPlan = { connections: 32, seconds: 3, warmupSeconds: 1, rounds: 1, claimsPerBrand: 50, serialSeconds: 2 };

export interface RouteRun { reqPerSec: number; p50Ms: number; p99Ms: number; requests: number; non2xx: number; errors: number; timeouts: number }
export interface RouteResult { route: string; runs: RouteRun[]; reqPerSec: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number }
export type WorkerResults =
  | { skipped: string }
  | {
    command: string; plan: WorkerPlan; bodies: number; healthz: RouteResult; eligibility: RouteResult;
    /** Medians of the per-round ratios (each round runs both routes back to back, so they share the machine's state). */
    throughputRatio: number; p50Ratio: number; p99Ratio: number;
    /** One connection, no queueing: ms per request (1 / throughput) of each route. */
    serialMs: { healthz: number; eligibility: number };
  };

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


function load(url: string, route: 'healthz' | 'eligibility', bodies: string[], seconds: number, connections: number): Promise<RouteRun> {
  let next = 0;
  const request: autocannon.Request = route === 'healthz'
    ? { method: 'GET', path: '/healthz' }
    : { method: 'POST', path: '/v1/eligibility', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) };
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, requests: [request] }, (error, r) => {
      if (error) return reject(error);
      resolve({ reqPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts });
    });
  });
}

function summarizeRoute(route: string, runs: RouteRun[]): RouteResult {
  return {
    route, runs, reqPerSec: median(runs.map((r) => r.reqPerSec)), p50Ms: median(runs.map((r) => r.p50Ms)), p99Ms: median(runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0), errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/** Every body once, in order: a rejected claim is a bench bug (or an API bug) to see before timing. */
async function checkBodies(url: string, bodies: string[]): Promise<void> {
  for (const body of bodies) {
    const response = await fetch(`${url}/v1/eligibility`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (!response.ok) throw new Error(`POST /v1/eligibility answered ${response.status} for ${body}: ${await response.text()}`);
  }
}

export async function benchWorker(plan: WorkerPlan, log: (line: string) => void): Promise<WorkerResults> {
  const notReady = workerNotReady();
  if (notReady) return { skipped: notReady };
  const state = mkdtempSync(join(tmpdir(), 'bench-kv-'));
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', state, '--log-level', 'warn', '--show-interactive-dev-session=false'];
  let child: ChildProcess | undefined;
  try {
    const seed = spawnSync(process.execPath, [...process.execArgv, 'scripts/publish-policies.ts', '--local', '--persist-to', state], { encoding: 'utf8', env: { ...process.env, ...OFFLINE_ENV } });
    if (seed.status !== 0) throw new Error(`seeding KV failed: ${seed.stderr}`);
    // Its own process group, so the workerd it starts is stopped with it.
    child = spawn(process.execPath, [WRANGLER, ...args], { env: { ...process.env, ...OFFLINE_ENV }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(url, child, 120_000);
    const bodies = BRANDS.flatMap((brand) => mixedClaims(loadPolicy(brand), plan.claimsPerBrand).map(({ claim }) => JSON.stringify({ brand, claim })));
    await checkBodies(url, bodies);
    log(`  worker up on ${url}; ${bodies.length} claim bodies accepted`);
    await load(url, 'healthz', bodies, plan.warmupSeconds, plan.connections);
    await load(url, 'eligibility', bodies, plan.warmupSeconds, plan.connections);
    const runs: Record<'healthz' | 'eligibility', RouteRun[]> = { healthz: [], eligibility: [] };
    for (let round = 0; round < plan.rounds; round++) {
      for (const route of ['healthz', 'eligibility'] as const) {
        const run = await load(url, route, bodies, plan.seconds, plan.connections);
        runs[route].push(run);
        log(`  round ${round + 1} ${route}: ${Math.round(run.reqPerSec)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, non-2xx ${run.non2xx}`);
      }
    }
    // One connection: the service time of each route without queueing behind others.
    const serialMs = {
      healthz: 1000 / (await load(url, 'healthz', bodies, plan.serialSeconds, 1)).reqPerSec,
      eligibility: 1000 / (await load(url, 'eligibility', bodies, plan.serialSeconds, 1)).reqPerSec,
    };
    log(`  one connection: healthz ${serialMs.healthz.toFixed(2)} ms, eligibility ${serialMs.eligibility.toFixed(2)} ms per request`);
    const healthz = summarizeRoute('GET /healthz', runs.healthz);
    const eligibility = summarizeRoute('POST /v1/eligibility', runs.eligibility);
    return {
      command: `npx wrangler ${args.join(' ').replace(state, '<tmp>')} (after scripts/publish-policies.ts --local --persist-to <tmp>); autocannon -c ${plan.connections} -d ${plan.seconds}`,
      plan, bodies: bodies.length, healthz, eligibility,
      throughputRatio: median(runs.eligibility.map((e, i) => e.reqPerSec / runs.healthz[i]!.reqPerSec)),
      p50Ratio: median(runs.eligibility.map((e, i) => e.p50Ms / runs.healthz[i]!.p50Ms)),
      p99Ratio: median(runs.eligibility.map((e, i) => e.p99Ms / runs.healthz[i]!.p99Ms)),
      serialMs,
    };
  } finally {
    if (child?.pid && child.exitCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
    rmSync(state, { recursive: true, force: true });
  }
}
