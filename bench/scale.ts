// Section 5 — scale. A SKU table grown 10 → 10,000 rows: compile time (each compile in a child
// process with a time cap), compiled size, and µs per claim, beside the minimal interpreter that scans
// every row (which must grow linearly where the indexed evaluator must not). A varied first-hit
// table grown 1,000 → 1,000,000 rows: compile time (verification included) must grow about
// linearly. Then 1,000 brands.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type CompiledPolicy, compilePolicy, evaluateClaim, parsePolicy } from '../src/index.js';
import { type BatchOptions, type Stats, timeBatches } from './measure.js';
import { type Facts, floorTables, interpret } from './peers.js';
import { type ProfileRow, profileSelfTime } from './profile.js';
import { type SkuHitPolicy, syntheticBrand, syntheticClaims, type TableShape } from './synthetic-brand.js';
import { SCALE_TARGET_US } from './targets.js';
import { TSX_CLI } from './tsx.js';

export interface ScaleRow {
  rows: number;
  hitPolicy: SkuHitPolicy;
  shape?: TableShape; // absent in results from before the varied table: sku
  compileMs: number | null; // null: stopped at the cap
  capMs: number;
  rssMb: number | null;
  bytes: number | null;
  gzipBytes: number | null;
  evaluate: Stats | null; // µs per full claim (evaluateClaim)
  scanAllRows: Stats | null; // µs per claim for the SKU table by the minimal interpreter (no index); not for varied tables
  profile?: ProfileRow[]; // evaluateClaim, when over the target
}

export interface BrandsResult {
  brands: number;
  rowsPerBrand: number;
  compileMs: number;
  bytes: number;
  gzipBytes: number;
  firstClaimsMs: number; // one claim per brand, cold: parse is done, prepare happens here
  evaluate: Stats; // µs per claim, claims spread round-robin over every brand
  heapMb: number;
}

export interface ScaleResults {
  table: ScaleRow[];
  verifyProfile?: ProfileRow[];
  evaluateProfile?: ProfileRow[];
  brands: BrandsResult;
}

export interface ScalePlan {
  sizes: { rows: number; hit: SkuHitPolicy; capMs: number; shape?: TableShape }[];
  brands: number;
  batch: BatchOptions;
}

export const FULL_SCALE: ScalePlan = {
  sizes: [
    ...[10, 100, 1000, 10_000].map((rows) => ({ rows, hit: 'C' as const, capMs: 180_000 })),
    ...[10, 100, 1000, 2000].map((rows) => ({ rows, hit: 'U' as const, capMs: 180_000 })),
    { rows: 10_000, hit: 'U', capMs: 120_000 },
    ...[1000, 10_000, 100_000, 200_000, 500_000, 1_000_000].map((rows) => ({ rows, hit: 'F' as const, shape: 'varied' as const, capMs: 600_000 })),
  ],
  brands: 1000,
  batch: { batch: 1000, samples: 30, warmup: 5 },
};
export const QUICK_SCALE: ScalePlan = {
  sizes: [10, 100, 1000].map((rows) => ({ rows, hit: 'C' as const, capMs: 60_000 })),
  brands: 100,
  batch: { batch: 1000, samples: 5, warmup: 2 },
};

/** Compiles in a child process, under tsx as `npm run policy` compiles; null when the cap stops it. */
function compileCapped(
  rows: number,
  hit: SkuHitPolicy,
  capMs: number,
  shape: TableShape,
): { policy: CompiledPolicy; text: string; compileMs: number; rssMb: number } | null {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  try {
    const out = join(dir, 'policy.json');
    const run = spawnSync(process.execPath, [TSX_CLI, 'bench/scale-compile.ts', String(rows), hit, out, shape], {
      encoding: 'utf8',
      timeout: capMs,
      killSignal: 'SIGKILL',
    });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return null;
    if (run.status !== 0) throw new Error(`compiling ${rows} ${shape} rows (${hit}) failed: ${run.stderr}`);
    const { compileMs, rssMb } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { compileMs: number; rssMb: number };
    const text = readFileSync(out, 'utf8');
    return { policy: parsePolicy(text), text, compileMs, rssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureSize(rows: number, hit: SkuHitPolicy, capMs: number, batch: BatchOptions, shape: TableShape): Promise<ScaleRow> {
  const compiled = compileCapped(rows, hit, capMs, shape);
  const size = { rows, hitPolicy: hit, ...(shape === 'varied' ? { shape } : {}), capMs };
  if (!compiled) return { ...size, compileMs: null, rssMb: null, bytes: null, gzipBytes: null, evaluate: null, scanAllRows: null };
  const { policy, text } = compiled;
  const claims = syntheticClaims('synth', rows, 1000, shape);
  const at = (i: number) => claims[i % claims.length]!;
  const evaluate = (i: number) => evaluateClaim(policy, at(i).claim, at(i).asOf);
  // The varied table is here for its compile time; its claims are timed with fewer samples.
  const evaluated = timeBatches(evaluate, shape === 'varied' ? { batch: 100, samples: 10, warmup: 2 } : batch);
  const skuTable = shape === 'sku' ? floorTables(policy.tables.filter((t) => t.name === 'skus')) : null;
  let n = 0;
  return {
    ...size,
    compileMs: compiled.compileMs,
    rssMb: compiled.rssMb,
    bytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text).length,
    evaluate: evaluated,
    scanAllRows: skuTable ? timeBatches((i) => interpret(skuTable, at(i).claim as Facts), { ...batch, batch: 200 }) : null,
    ...(skuTable && evaluated.median > SCALE_TARGET_US && rows >= 10_000 ? { profile: await profileSelfTime(() => evaluate(n++), 1500) } : {}),
  };
}

function measureBrands(count: number, batch: BatchOptions): BrandsResult {
  const rowsPerBrand = 20;
  const names = Array.from({ length: count }, (_, i) => `brand-${String(i).padStart(4, '0')}`);
  let start = performance.now();
  const policies = names.map((brand) => {
    const result = compilePolicy(syntheticBrand(brand, rowsPerBrand, 'U'));
    if (!result.ok) throw new Error(`${brand} does not compile: ${JSON.stringify(result.issues.slice(0, 3))}`);
    return result.policy;
  });
  const compileMs = performance.now() - start;
  const texts = policies.map((p) => JSON.stringify(p));
  // What a Worker holds after reading every brand from KV: parsed documents, prepared on first use.
  const loaded = texts.map((t) => parsePolicy(t));
  const claims = names.map((brand) => syntheticClaims(brand, rowsPerBrand, 5));
  start = performance.now();
  for (const [b, policy] of loaded.entries()) evaluateClaim(policy, claims[b]![0]!.claim, claims[b]![0]!.asOf);
  const firstClaimsMs = performance.now() - start;
  const evaluate = timeBatches((i) => {
    const b = i % count;
    const c = claims[b]![Math.floor(i / count) % 5]!;
    return evaluateClaim(loaded[b]!, c.claim, c.asOf);
  }, batch);
  return {
    brands: count,
    rowsPerBrand,
    compileMs,
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    gzipBytes: texts.reduce((n, t) => n + gzipSync(t).length, 0),
    firstClaimsMs,
    evaluate,
    heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

export async function benchScale(plan: ScalePlan, log: (line: string) => void): Promise<ScaleResults> {
  const table: ScaleRow[] = [];
  for (const { rows, hit, capMs, shape = 'sku' } of plan.sizes) {
    const row = await measureSize(rows, hit, capMs, plan.batch, shape);
    table.push(row);
    log(
      `  ${rows} ${shape} rows (${hit}): compile ${row.compileMs === null ? `stopped at ${capMs / 1000} s` : `${Math.round(row.compileMs)} ms`}, ` +
        `evaluate ${row.evaluate ? row.evaluate.median.toFixed(2) : '-'} µs`,
    );
  }
  // Where a U table's compile goes: one compile of 1,000 rows under the profiler.
  const sheets = syntheticBrand('synth', 1000, 'U');
  const verifyProfile = plan.sizes.some((s) => s.hit === 'U') ? await profileSelfTime(() => compilePolicy(sheets), 1, 10) : undefined;
  const brands = measureBrands(plan.brands, plan.batch);
  log(`  ${plan.brands} brands: compile ${Math.round(brands.compileMs)} ms, evaluate ${brands.evaluate.median.toFixed(2)} µs per claim`);
  return { table, ...(verifyProfile ? { verifyProfile } : {}), brands };
}
