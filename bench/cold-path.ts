// Section 3 — the cold path of a brand's policy: reading the compiled document from KV (timed inside
// workerd by a tiny Worker under miniflare, as the Worker reads it: get(key, 'text')), JSON.parse,
// and preparing it for evaluation (preparePolicy: matchers, indexes, rule effects). Plus its size.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Miniflare } from 'miniflare';
import { preparePolicy } from '../src/evaluate/prepare-policy.js';
import { evaluateClaim, versionKey } from '../src/index.js';
import { parsePolicy } from '../src/store/policy-document.js';
import { brandKey } from '../src/store/policy-pointer.js';
import { BRANDS, mixedClaims } from './claims.js';
import { type BatchOptions, type Stats, timeBatches } from './measure.js';
import { type ProfileRow, profileSelfTime } from './profile.js';
import { COLD_TARGET_US } from './targets.js';

export interface ColdResult {
  brand: string;
  bytes: number;
  gzipBytes: number;
  kvFirstReadUs: number; // the first get of the key in a fresh workerd
  kvReadUs: number; // mean of the following gets, as timed inside the Worker
  parse: Stats;
  parseAndPrepare: Stats;
  parsePrepareAndFirstClaim: Stats;
  totalUs: number; // kvReadUs + parseAndPrepare median
  /** Reading the brand's pointer (a small key, like the brand list), timed like kvReadUs. */
  pointerReadUs: number;
  /** What a cold isolate reads before the document: the brand's pointer alone (no brand list since per-brand keys). */
  listAndPointerUs: number;
  /** A cold isolate's first lookup: the pointer read, then the document read, parse, prepare. */
  isolateUs: number;
  /**
   * The same when the Worker was built with the version KV names: the document is not read; its
   * bundled copy is parsed from the bundle's text and prepared (functions/policy-store.ts).
   */
  isolateBuiltWithUs: number;
  profile?: ProfileRow[]; // parse + prepare, when the target is missed
}

// Inside workerd the clock only moves across I/O, which is exactly what a KV read is. Each timed
// step reads the keys the "key" parameter names (comma-separated) together.
const READER = `export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const keys = url.searchParams.get('key').split(','), n = Number(url.searchParams.get('n'));
    const read = async () => (await Promise.all(keys.map((key) => env.POLICIES.get(key, 'text')))).reduce((b, text) => b + text.length, 0);
    let start = Date.now(), bytes = await read();
    const first = Date.now() - start;
    start = Date.now();
    for (let i = 0; i < n; i++) bytes += await read();
    return Response.json({ firstMs: first, totalMs: Date.now() - start, n, bytes });
  },
};`;

export async function measureColdPath(options: BatchOptions, reads = 200, dir = 'dist/policies'): Promise<ColdResult[]> {
  const mf = new Miniflare({ modules: true, script: READER, kvNamespaces: ['POLICIES'], compatibilityDate: '2026-04-01' });
  try {
    const kv = (await mf.getKVNamespace('POLICIES')) as unknown as { put(key: string, value: string): Promise<void> };
    const results: ColdResult[] = [];
    for (const brand of BRANDS) {
      const text = readFileSync(join(dir, `${brand}.json`), 'utf8');
      const policy = parsePolicy(text);
      const key = versionKey(brand, policy.version);
      await kv.put(key, text);
      const timeReads = async (k: string) =>
        (await (await mf.dispatchFetch(`http://bench.local/?key=${encodeURIComponent(k)}&n=${reads}`)).json()) as {
          firstMs: number;
          totalMs: number;
          n: number;
        };
      const timed = await timeReads(key);
      const pointer = brandKey(brand);
      await kv.put(
        pointer,
        JSON.stringify({ brand, timeline: [{ version: policy.version, effective_from: '2025-01-01', published_at: '2025-01-01T00:00:00Z' }] }),
      );
      const pointerTimed = await timeReads(pointer);
      // Per-brand keys: a cold isolate reads the brand's pointer alone (no brand list) before the document.
      const listAndPointer = pointerTimed;
      const { claim, asOf } = mixedClaims(policy, 1)[0]!;
      // A fresh object each call: preparePolicy caches by object identity, as the Worker's isolate does.
      const parse = timeBatches(() => parsePolicy(text), options);
      const parseAndPrepare = timeBatches(() => preparePolicy(parsePolicy(text)), options);
      const parsePrepareAndFirstClaim = timeBatches(() => evaluateClaim(parsePolicy(text), claim, asOf), options);
      const kvReadUs = (timed.totalMs * 1000) / timed.n;
      const totalUs = kvReadUs + parseAndPrepare.median;
      const pointerReadUs = (pointerTimed.totalMs * 1000) / pointerTimed.n;
      const listAndPointerUs = (listAndPointer.totalMs * 1000) / listAndPointer.n;
      results.push({
        brand,
        bytes: Buffer.byteLength(text),
        gzipBytes: gzipSync(text, { level: 9 }).length,
        kvFirstReadUs: timed.firstMs * 1000,
        kvReadUs,
        parse,
        parseAndPrepare,
        parsePrepareAndFirstClaim,
        totalUs,
        pointerReadUs,
        listAndPointerUs,
        isolateUs: listAndPointerUs + totalUs,
        isolateBuiltWithUs: listAndPointerUs + parseAndPrepare.median,
        ...(totalUs > COLD_TARGET_US ? { profile: await profileSelfTime(() => preparePolicy(parsePolicy(text)), 1500) } : {}),
      });
    }
    return results;
  } finally {
    await mf.dispose();
  }
}
