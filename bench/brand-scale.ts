// `npm run bench:brands` — issue 14's "a thousand brands, constant cost": publishes 1,000 and 10,000
// synthetic brands (bench/synthetic-brand.ts, each compiled from its own CSVs) to a local KV
// (Miniflare, as `policy publish --local` does), then runs the Worker's app in this process (bundled
// as wrangler bundles it, with its real bundle of the seed brands) against that KV, counting reads:
// a cold isolate's first answer for random brands, steady-state eligibility, heap after answering
// for every brand, and GET /v1/brands pages. Writes the "Brand scale" section of BENCHMARKS.md.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Bindings } from '../functions/env.js';
import { openLocalKv } from '../src/cli/kv/local-kv.js';
import { publishToStore } from '../src/cli/publish-to-store.js';
import { type CompiledPolicy, compilePolicy } from '../src/index.js';
import type { KvReader } from '../src/store/kv-reader.js';
import { loadAppInProcess } from './in-process-app.js';
import { syntheticBrand, syntheticClaims } from './synthetic-brand.js';

const COUNTS = process.argv.includes('--quick') ? [200] : [1_000, 10_000];
const ROWS = 20;
const COLD_SAMPLES = 20;
const STEADY_REQUESTS = 2_000;
const TARGETS = { coldReads: 2, pageReads: 1 };

type CreateApp = Awaited<ReturnType<typeof loadAppInProcess>>;
type App = ReturnType<CreateApp>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const brandId = (i: number) => `synth-${String(i).padStart(5, '0')}`;

function counting(kv: KvReader) {
  let reads = 0;
  const reader: KvReader = {
    get: (k, t) => {
      reads++;
      return kv.get(k, t);
    },
    list: (o) => {
      reads++;
      return kv.list(o);
    },
  };
  return {
    reader,
    reads: () => reads,
    reset: () => {
      reads = 0;
    },
  };
}

const post = (brand: string, claim: Record<string, unknown>) =>
  new Request('http://bench/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ brand, claim }) });

async function answer(app: App, env: Bindings, brand: string, claim: Record<string, unknown>): Promise<void> {
  const res = await app.fetch(post(brand, claim), env);
  if (res.status !== 200) throw new Error(`${brand}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

async function measure(count: number, createApp: CreateApp, gc: () => void) {
  const policies: CompiledPolicy[] = Array.from({ length: count }, (_, i) => {
    const result = compilePolicy(syntheticBrand(brandId(i), ROWS, 'U'));
    if (!result.ok) throw new Error(`${brandId(i)} does not compile`);
    return result.policy;
  });
  const claim = syntheticClaims(brandId(0), ROWS, 1)[0]!.claim;
  const state = mkdtempSync(join(tmpdir(), 'brand-scale-kv-'));
  const store = await openLocalKv({ persistTo: state, namespaceId: 'POLICIES' });
  try {
    let start = performance.now();
    await publishToStore(store, policies, '2020-01-01', new Date().toISOString(), () => {});
    const publishS = (performance.now() - start) / 1000;
    const kv = counting(store.namespace);
    const env = { POLICIES: kv.reader, ALLOWED_ORIGINS: '*' };

    // A cold isolate (a fresh app and cache) answering one random brand: its time and KV reads.
    const cold: { ms: number; reads: number }[] = [];
    for (let s = 0; s < COLD_SAMPLES; s++) {
      const app = createApp({ log: () => {} });
      kv.reset();
      start = performance.now();
      await answer(app, env, brandId(Math.floor(Math.random() * count)), claim);
      cold.push({ ms: performance.now() - start, reads: kv.reads() });
    }

    // One isolate answers every brand once (heap after a full GC), then steady state over 40 of them:
    // within the 50 documents an isolate keeps (a wider working set re-reads one document per answer).
    const app = createApp({ log: () => {} });
    gc();
    gc();
    const heapBefore = process.memoryUsage().heapUsed / 2 ** 20;
    for (let i = 0; i < count; i++) await answer(app, env, brandId(i), claim);
    gc();
    gc();
    const heapAfter = process.memoryUsage().heapUsed / 2 ** 20;
    const warm = Array.from({ length: 40 }, (_, i) => brandId(count - 1 - i));
    for (const b of warm) await answer(app, env, b, claim);
    kv.reset();
    start = performance.now();
    for (let i = 0; i < STEADY_REQUESTS; i++) await answer(app, env, warm[i % warm.length]!, claim);
    const steadyUs = ((performance.now() - start) * 1000) / STEADY_REQUESTS;
    const steadyReads = kv.reads();

    // GET /v1/brands: every page from a cold isolate (reads per page), then a held page.
    const lister = createApp({ log: () => {} });
    const pages: { ms: number; reads: number; brands: number }[] = [];
    let cursor: string | null = null;
    do {
      kv.reset();
      start = performance.now();
      const res: Response = await lister.fetch(new Request(`http://bench/v1/brands${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`), env);
      const body = (await res.json()) as { brands: unknown[]; next_cursor: string | null };
      pages.push({ ms: performance.now() - start, reads: kv.reads(), brands: body.brands.length });
      cursor = body.next_cursor;
    } while (cursor);
    kv.reset();
    start = performance.now();
    await (await lister.fetch(new Request('http://bench/v1/brands'), env)).arrayBuffer();
    const heldPageMs = performance.now() - start;
    return {
      count,
      publishS,
      cold,
      steadyUs,
      steadyReads,
      heapBefore,
      heapAfter,
      pages,
      heldPageMs,
      heldPageReads: kv.reads(),
    };
  } finally {
    await store.close();
    rmSync(state, { recursive: true, force: true });
  }
}

type Result = Awaited<ReturnType<typeof measure>>;
const f = (n: number, digits = 1) => n.toFixed(digits);

function report(results: Result[]): string {
  const rows = results.map((r) => {
    const coldReads = Math.max(...r.cold.map((c) => c.reads));
    const pageReads = Math.max(...r.pages.map((p) => p.reads));
    return `| ${r.count.toLocaleString('en')} | ${f(r.publishS)} s | ${f(median(r.cold.map((c) => c.ms)), 2)} ms, **${coldReads}** read(s) ${coldReads <= TARGETS.coldReads ? '✓' : '✗'} | ${f(r.steadyUs, 0)} µs, ${r.steadyReads} reads | ${f(r.heapBefore)} → ${f(r.heapAfter)} MB | ${r.pages.length} page(s), ${f(median(r.pages.map((p) => p.ms)), 1)} ms, **${pageReads}** read/page ${pageReads <= TARGETS.pageReads ? '✓' : '✗'}; held ${f(r.heldPageMs, 2)} ms, ${r.heldPageReads} reads |`;
  });
  return [
    '## Brand scale',
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}. Command: \`npm run bench:brands\` (${new Date().toISOString().slice(0, 10)}).`,
    `Synthetic brands (bench/synthetic-brand.ts, ${ROWS}-row SKU table each) compiled and published with \`publishToStore\` to a local KV (Miniflare, as \`policy publish --local\`); the Worker's app bundled as wrangler bundles it runs in this process against that KV, every KV call counted.`,
    `Targets (issue 14): ≤ ${TARGETS.coldReads} KV reads before a cold isolate's first answer; ≤ ${TARGETS.pageReads} per brand-list page; an isolate that answered every brand holds bounded memory (LRU: 50 documents, 2,000 pointers).`,
    '',
    '| brands | publish (all) | cold isolate, first answer (median of 20 random brands) | steady state per claim (40 brands) | heap after answering every brand (after GC) | GET /v1/brands (1,000 per page) |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const createApp = await loadAppInProcess();
const results: Result[] = [];
for (const count of COUNTS) {
  console.log(`brand scale: ${count} brands…`);
  results.push(await measure(count, createApp, gc));
}
const section = report(results);
console.log(section);
if (!process.argv.includes('--quick')) {
  const doc = readFileSync('BENCHMARKS.md', 'utf8');
  const start = doc.indexOf('## Brand scale');
  const end = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  const next = start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${end < 0 ? '' : doc.slice(end)}`;
  writeFileSync('BENCHMARKS.md', next.endsWith('\n') ? next : `${next}\n`);
}
