// The Worker's own time per request inside workerd, apart from any HTTP stack: the bundle exactly as
// `wrangler deploy --dry-run` builds it, run by Miniflare with wrangler.toml's bindings and a KV
// seeded as publishing seeds it, and a harness module that calls its fetch handler n times in a row
// and reads each answer. One HTTP request per batch, so its own cost vanishes in the mean. Under
// load, `wrangler dev`'s proxy moves every byte too (section 2's throughput); this isolates what the
// Worker itself costs per route, which is what a change to the Worker moves.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import type { CompiledPolicy } from '../src/contract.js';
import { planPublish } from '../src/store/publish-plan.js';
import { buildWorker } from './bundle.js';
import { BRANDS, loadPolicy, mixedClaims } from './claims.js';

export interface WorkerCpuResult {
  command: string;
  requestsPerSample: number;
  samples: number;
  /** µs per request, median over interleaved samples. */
  healthzUs: number;
  eligibilityUs: number;
  /** GET /v1/brands/:brand/coverage, the checkout badge's call (without If-None-Match: a first view). */
  coverageUs?: number;
  /**
   * The same POST bodies for a brand with nothing published: read, validated and answered with a
   * small 404 problem. What any POST of a claim costs before a decision is made and written.
   */
  postFloorUs?: number;
  /** Mean size of the eligibility answers sent, bytes. */
  eligibilityAnswerBytes?: number;
}

const HARNESS = `import worker from './index.js';
let bodies = [], lengths = [], paths = [], refused = [], refusedLengths = [];
const byteLength = (text) => String(new TextEncoder().encode(text).byteLength);
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/__bodies') {
      ({ bodies, paths, refused } = await request.json());
      lengths = bodies.map(byteLength);
      refusedLengths = refused.map(byteLength);
      return new Response('ok');
    }
    const route = url.searchParams.get('route'), n = Number(url.searchParams.get('n'));
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const k = i % bodies.length;
      const [posted, length] = route === 'eligibility' ? [bodies[k], lengths[k]] : route === 'refused' ? [refused[k], refusedLengths[k]] : [];
      const req = posted !== undefined
        // As a client sends it over HTTP: with its Content-Length.
        ? new Request('http://bench.local/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': length }, body: posted })
        : route === 'coverage' ? new Request('http://bench.local' + paths[i % paths.length])
        : new Request('http://bench.local/healthz');
      const res = await worker.fetch(req, env, ctx);
      const body = await res.arrayBuffer();
      bytes += body.byteLength;
      if (res.status !== (route === 'refused' ? 404 : 200)) return new Response(new TextDecoder().decode(body), { status: 500 });
    }
    return new Response(String(bytes / n));
  },
};`;

const ROUTES = ['healthz', 'eligibility', 'coverage', 'refused'] as const;
/** A brand id nothing is published for: its claims are read and validated, then refused with a 404. */
const UNPUBLISHED = 'no-such-brand';
type Route = (typeof ROUTES)[number];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

export async function measureWorkerCpu(claimsPerBrand: number, requestsPerSample: number, samples: number): Promise<WorkerCpuResult> {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-worker-cpu-'));
  const { workerOptions } = unstable_getMiniflareWorkerOptions('wrangler.toml');
  // Static assets never reach the Worker's own routes (run_worker_first); the harness calls it directly.
  const { assets: _assets, ...options } = workerOptions as typeof workerOptions & { assets?: unknown };
  let mf: Miniflare | undefined;
  try {
    buildWorker(outdir);
    mf = new Miniflare({
      ...(options as object),
      modulesRoot: outdir,
      modules: [
        { type: 'ESModule', path: join(outdir, 'harness.mjs'), contents: HARNESS },
        { type: 'ESModule', path: join(outdir, 'index.js'), contents: readFileSync(join(outdir, 'index.js'), 'utf8') },
      ],
    } as ConstructorParameters<typeof Miniflare>[0]);
    const policies: CompiledPolicy[] = BRANDS.map((brand) => loadPolicy(brand));
    const today = new Date().toISOString();
    const kv = (await mf.getKVNamespace('POLICIES')) as unknown as { put(key: string, value: string, options: { metadata?: unknown }): Promise<void> };
    const plan = planPublish(policies, { pointers: {}, legacy: [] }, today.slice(0, 10), today, today.slice(0, 10));
    if ('problems' in plan) throw new Error(plan.problems.join('; '));
    for (const phase of plan.phases) for (const { key, value, metadata } of phase) await kv.put(key, value, metadata === undefined ? {} : { metadata });
    const claims = BRANDS.flatMap((brand, i) => mixedClaims(policies[i]!, claimsPerBrand).map(({ claim }) => ({ brand, claim })));
    const bodies = claims.map((c) => JSON.stringify(c));
    // The badge's question for the product and part each claim names.
    const paths = claims.map(({ brand, claim }) => {
      const query = new URLSearchParams();
      for (const fact of ['product_line', 'part']) if (typeof claim[fact] === 'string') query.set(fact, claim[fact] as string);
      return `/v1/brands/${brand}/coverage?${query}`;
    });
    const refused = claims.map(({ claim }) => JSON.stringify({ brand: UNPUBLISHED, claim }));
    await mf.dispatchFetch('http://bench.local/__bodies', { method: 'POST', body: JSON.stringify({ bodies, paths, refused }) });

    let eligibilityAnswerBytes = 0;
    const run = async (route: Route, n: number): Promise<number> => {
      const start = process.hrtime.bigint();
      const res = await mf!.dispatchFetch(`http://bench.local/?route=${route}&n=${n}`);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`the Worker answered ${route} with an error inside the harness: ${text}`);
      if (route === 'eligibility') eligibilityAnswerBytes = Number(text);
      return Number(process.hrtime.bigint() - start) / 1000 / n;
    };
    for (const route of ROUTES) await run(route, requestsPerSample); // warm: JIT, policy cache filled from KV
    const times: Record<Route, number[]> = { healthz: [], eligibility: [], coverage: [], refused: [] };
    for (let s = 0; s < samples; s++) {
      for (const route of s % 2 ? [...ROUTES].reverse() : ROUTES) times[route].push(await run(route, requestsPerSample));
    }
    return {
      command: `wrangler deploy --dry-run --outdir <tmp>; Miniflare (wrangler.toml's bindings) runs index.js through a harness: ${requestsPerSample} requests per sample, ${samples} samples per route, interleaved`,
      requestsPerSample,
      samples,
      healthzUs: median(times.healthz),
      eligibilityUs: median(times.eligibility),
      coverageUs: median(times.coverage),
      postFloorUs: median(times.refused),
      eligibilityAnswerBytes: Math.round(eligibilityAnswerBytes),
    };
  } finally {
    await mf?.dispose();
    rmSync(outdir, { recursive: true, force: true });
  }
}
