// `policy rollback <brand> [--to <version>] [--local | --remote]`: point the brand back at an
// earlier published version (default: the one before the live one). One pointer write; versions
// scheduled after it are dropped too (`--to <live version>` cancels the scheduled ones).

import { parseArgs, todayUtc } from '../args.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { openStore, STORE_FLAGS, STORE_OPTIONS } from '../open-store.js';
import { rollbackInStore } from '../publish-to-store.js';

export async function rollback(argv: string[], ctx: CommandContext): Promise<void> {
  const args = parseArgs(argv, ['to', ...STORE_OPTIONS], STORE_FLAGS);
  const [brand, ...extra] = args.positional;
  if (!brand || extra.length) throw new UsageError('usage: policy rollback <brand> [--to <version>] [--local | --remote] [--persist-to DIR]');
  const to = typeof args.options.to === 'string' ? args.options.to : undefined;
  const store = await openStore(args);
  try {
    const result = await rollbackInStore(store, brand, to, todayUtc());
    if (result.unchanged) ctx.out(`= ${brand}: ${result.to} is already live in ${store.where}, nothing to write`);
    else ctx.out(`✓ ${brand}: live version ${result.from} → ${result.to} in ${store.where}; dropped from the timeline: ${result.dropped.join(', ')}`);
    ctx.out(`Version now live: ${brand} ${result.to}`);
  } finally {
    await store.close();
  }
}
