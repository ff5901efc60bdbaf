// `npm run publish:local` / `publish:remote`: writes the compiled policies (dist/policies) to the
// POLICIES KV namespace with the layout of src/store: immutable versions first, then each brand's
// pointer and the brand list. Reads the current pointers so each brand's timeline keeps its history.
//   tsx scripts/publish-policies.ts --local|--remote [--effective-from YYYY-MM-DD] [--persist-to DIR]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIsoDate } from '../src/evaluate/dates.js';
import { keysToRead, planPublish, readPublishedState, type KvEntry } from '../src/store/publish-plan.js';
import { readCompiledPolicies } from './read-compiled.js';
import { runWrangler, type Target } from './wrangler.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function kvArgs(target: Target): string[] {
  const persistTo = option('persist-to');
  return ['--binding', 'POLICIES', `--${target}`, ...(target === 'local' && persistTo ? ['--persist-to', persistTo] : [])];
}

function readValues(keys: string[], target: Target, dir: string): Record<string, string | null> {
  const file = join(dir, 'keys.json');
  writeFileSync(file, JSON.stringify(keys));
  const out = runWrangler(['kv', 'bulk', 'get', file, ...kvArgs(target)], target);
  // stdout is the JSON document followed by a "Success!" line.
  const found = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as Record<string, { value: string | null }>;
  return Object.fromEntries(keys.map((k) => [k, found[k]?.value ?? null]));
}

function writeEntries(entries: KvEntry[], target: Target, dir: string, phase: number): void {
  const file = join(dir, `phase-${phase}.json`);
  writeFileSync(file, JSON.stringify(entries));
  runWrangler(['kv', 'bulk', 'put', file, ...kvArgs(target)], target);
}

export function publishPolicies(target: Target, effectiveFrom: string): void {
  const policies = readCompiledPolicies();
  const brands = policies.map((p) => p.brand);
  const dir = mkdtempSync(join(tmpdir(), 'policy-publish-'));
  try {
    const state = readPublishedState(brands, readValues(keysToRead(brands), target, dir));
    if (typeof state === 'string') throw new Error(`refusing to publish over a corrupt store: ${state}`);
    const plan = planPublish(policies, state, effectiveFrom, new Date().toISOString());
    plan.phases.forEach((entries, i) => writeEntries(entries, target, dir, i + 1));
    for (const c of plan.changes) {
      console.log(`✓ ${c.brand}: ${c.unchanged ? `${c.to} already current` : `${c.from ?? '(none)'} → ${c.to}, effective from ${effectiveFrom}`} (${target} KV)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isEntry = process.argv[1]?.endsWith('publish-policies.ts');
if (isEntry) {
  const target: Target | undefined = process.argv.includes('--remote') ? 'remote' : process.argv.includes('--local') ? 'local' : undefined;
  const effectiveFrom = option('effective-from') ?? new Date().toISOString().slice(0, 10);
  if (!target || parseIsoDate(effectiveFrom) === null) {
    console.error('usage: tsx scripts/publish-policies.ts --local|--remote [--effective-from YYYY-MM-DD] [--persist-to DIR]');
    process.exit(2);
  }
  try {
    publishPolicies(target, effectiveFrom);
  } catch (error) {
    console.error(`✗ ${(error as Error).message}`);
    process.exit(1);
  }
}
