// `npm run publish:local` (and the seeding step of `npm start` and `npm run deploy`): publishes what
// `npm run build` compiled (dist/policies) to the POLICIES namespace, through the same store code as
// `policy publish` (src/cli/publish-to-store.ts: versions first, then pointers; unchanged brands
// write nothing; each brand's timeline keeps its history).
//   tsx scripts/publish-policies.ts --local|--remote [--effective-from YYYY-MM-DD] [--persist-to DIR]

import { parseArgs } from '../src/cli/args.js';
import type { KvStore } from '../src/cli/kv/kv-store.js';
import { openStore, STORE_FLAGS, STORE_OPTIONS } from '../src/cli/open-store.js';
import { printOrderRanges } from '../src/cli/order-ranges.js';
import { publishToStore } from '../src/cli/publish-to-store.js';
import { parseIsoDate } from '../src/evaluate/dates.js';
import { readCompiledPolicies } from './read-compiled.js';
import type { Target } from './wrangler.js';

/** Publishes dist/policies to an open store, then says which orders each version now answers for. */
export async function publishCompiled(store: KvStore, effectiveFrom: string): Promise<void> {
  const policies = readCompiledPolicies();
  const now = new Date().toISOString();
  console.log(`Publishing ${policies.map((p) => p.brand).join(', ')} to ${store.where}, effective from ${effectiveFrom}`);
  const result = await publishToStore(store, policies, effectiveFrom, now, (line) => console.log(`  ${line}`));
  printOrderRanges(
    result.pointers,
    policies.map((p) => p.brand),
    now.slice(0, 10),
    (line) => console.log(line),
  );
}

export async function publishPolicies(target: Target, effectiveFrom: string, persistTo?: string): Promise<void> {
  const argv = [`--${target}`, ...(persistTo ? ['--persist-to', persistTo] : [])];
  const store = await openStore(parseArgs(argv, STORE_OPTIONS, STORE_FLAGS));
  try {
    await publishCompiled(store, effectiveFrom);
  } finally {
    await store.close();
  }
}

const isEntry = process.argv[1]?.endsWith('publish-policies.ts');
if (isEntry) {
  const args = parseArgs(process.argv.slice(2), ['effective-from', 'persist-to'], ['local', 'remote']);
  const target: Target | undefined = args.options.remote ? 'remote' : args.options.local ? 'local' : undefined;
  const effectiveFrom = typeof args.options['effective-from'] === 'string' ? args.options['effective-from'] : new Date().toISOString().slice(0, 10);
  const persistTo = typeof args.options['persist-to'] === 'string' ? args.options['persist-to'] : undefined;
  if (!target || parseIsoDate(effectiveFrom) === null) {
    console.error('usage: tsx scripts/publish-policies.ts --local|--remote [--effective-from YYYY-MM-DD] [--persist-to DIR]');
    process.exit(2);
  }
  await publishPolicies(target, effectiveFrom, persistTo).catch((error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  });
}
