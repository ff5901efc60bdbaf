// `npm run bench:compare -- <git ref> [rounds]`: the evaluator at another commit against the working
// tree, in one process and interleaved, so a change's before/after is measured on the same machine
// state (on this noisy VM, figures from two runs minutes apart differ by more than most changes).
// Both sides must give byte-identical decisions (with and without trace, two locales) for every
// claim of the fixed mixed set before anything is timed. Prints a table; writes nothing.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Claim, CompiledPolicy, Decision } from '../src/contract.js';
import { BRANDS, loadPolicy, mixedClaims } from './claims.js';
import { round, summarize } from './measure.js';

type Evaluate = (policy: CompiledPolicy, claim: Claim, asOf: string, options?: { locale?: string; trace?: boolean }) => Decision;

/** The evaluator of a source tree, bundled the same way for both sides (packages from this checkout). */
async function bundledEvaluator(root: string, out: string): Promise<Evaluate> {
  await build({
    entryPoints: [join(root, 'src/evaluate/evaluate-claim.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    nodePaths: [resolve('node_modules')],
    logLevel: 'error',
  });
  return ((await import(pathToFileURL(out).href)) as { evaluateClaim: Evaluate }).evaluateClaim;
}

/** The evaluator at `ref`, from a temporary worktree. */
async function evaluatorAt(ref: string, dir: string): Promise<Evaluate> {
  const tree = join(dir, 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', tree, ref], { stdio: 'ignore' });
  try {
    return await bundledEvaluator(tree, join(dir, 'before.mjs'));
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { stdio: 'ignore' });
  }
}

async function main(): Promise<void> {
  const ref = process.argv[2];
  const rounds = Number(process.argv[3] ?? 20);
  if (!ref) throw new Error('usage: npm run bench:compare -- <git ref> [rounds]');
  const dir = mkdtempSync(join(tmpdir(), 'bench-compare-'));
  try {
    const before = await evaluatorAt(ref, dir);
    const after = await bundledEvaluator('.', join(dir, 'after.mjs'));
    const commit = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
    console.log(`| brand | ${ref} (${commit}) µs | working tree µs | after ÷ before (median of per-round ratios) |`);
    console.log('|---|---|---|---|');
    for (const brand of BRANDS) {
      // One parsed copy per side: preparePolicy caches by object, and neither side may warm the other's.
      const policies = [loadPolicy(brand), loadPolicy(brand)] as const;
      const claims = mixedClaims(policies[0]);
      for (const [i, { claim, asOf }] of claims.entries()) {
        for (const options of [{}, { trace: true, locale: 'de' }]) {
          const a = JSON.stringify(before(policies[0], claim, asOf, options));
          const b = JSON.stringify(after(policies[1], claim, asOf, options));
          if (a !== b) throw new Error(`${brand} claim ${i} decides differently:\n before ${a}\n after  ${b}`);
        }
      }
      const sides = [before, after] as const;
      const times: [number[], number[]] = [[], []];
      const ratios: number[] = [];
      let sink = 0;
      for (let r = 0; r < rounds; r++) {
        const perClaim = sides.map((evaluate, s) => {
          const start = performance.now();
          for (let k = 0; k < 3; k++) for (const { claim, asOf } of claims) sink += evaluate(policies[s as 0 | 1], claim, asOf).remedies.length;
          return ((performance.now() - start) * 1000) / (3 * claims.length);
        });
        times[0].push(perClaim[0]!);
        times[1].push(perClaim[1]!);
        ratios.push(perClaim[1]! / perClaim[0]!);
      }
      if (sink < 0) console.log(sink);
      const [b, a] = [summarize(times[0]).median, summarize(times[1]).median];
      console.log(`| ${brand} | ${round(b)} | ${round(a)} | ${round(summarize(ratios).median, 2)}× |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
