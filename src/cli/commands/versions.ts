// `policy versions <brand> [--local | --remote]`: the brand's published timeline (which version is
// in force, which are past or scheduled, since when) and whether the sheets as they are now match a published version.

import { timelineStates } from '../../store/policy-pointer.js';
import { parseArgs, todayUtc } from '../args.js';
import { compileBrand } from '../compile-brands.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { openStore, STORE_FLAGS, STORE_OPTIONS } from '../open-store.js';
import { formatTable } from '../print-table.js';
import { readBrandPointer } from '../publish-to-store.js';
import { selectBrands } from '../read-sheets.js';

export async function versions(argv: string[], ctx: CommandContext): Promise<void> {
  const args = parseArgs(argv, STORE_OPTIONS, STORE_FLAGS);
  const [brand, ...extra] = args.positional;
  if (!brand || extra.length) throw new UsageError('usage: policy versions <brand> [--local | --remote] [--persist-to DIR]');
  selectBrands(ctx.root, [brand]);
  const sheets = compileBrand(ctx.root, brand, false).policy?.version;
  const store = await openStore(args);
  try {
    const pointer = await readBrandPointer(store, brand);
    if (!pointer) {
      ctx.out(`${brand} has never been published to ${store.where}.`);
      return;
    }
    ctx.out(`${brand} in ${store.where}:`);
    const entries = timelineStates(pointer.timeline, todayUtc());
    const lines = formatTable(
      ['', 'version', 'state', 'effective from', 'published at'],
      entries.map((e) => [e.state === 'current' ? 'live →' : '', e.version, e.state, e.effective_from, e.published_at]),
    );
    for (const line of lines) ctx.out(`  ${line}`);
    const live = entries.find((e) => e.state === 'current')?.version;
    const scheduled = entries.find((e) => e.state === 'scheduled' && e.version === sheets);
    ctx.out(
      sheets === undefined
        ? `The sheets in ${ctx.root}/${brand} do not compile (policy check ${brand}).`
        : sheets === live
          ? `The sheets in ${ctx.root}/${brand} compile to the live version.`
          : scheduled
            ? `The sheets in ${ctx.root}/${brand} compile to ${sheets}, scheduled from ${scheduled.effective_from}.`
            : `The sheets in ${ctx.root}/${brand} compile to ${sheets}, which is not live: policy publish ${brand} makes it live.`,
    );
  } finally {
    await store.close();
  }
}
