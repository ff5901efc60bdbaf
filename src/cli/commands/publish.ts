// `policy publish [brand…] [--local | --remote] [--effective-from DATE] [--persist-to DIR]`: compile
// every named brand and run its cases; only if all pass, store the versions and switch the pointers.
// Publishing what is already live writes nothing and says so. A future --effective-from schedules the
// version: it takes over on that date, with no second publish.

import type { CompiledPolicy } from '../../contract.js';
import { timelineStates } from '../../store/policy-pointer.js';
import { dateOption, parseArgs, todayUtc } from '../args.js';
import { caseIssues, compileBrand } from '../compile-brands.js';
import { PolicyProblems } from '../errors.js';
import type { CommandContext } from '../main.js';
import { openStore, STORE_FLAGS, STORE_OPTIONS } from '../open-store.js';
import { printOrderRanges } from '../order-ranges.js';
import { printIssues } from '../print-issues.js';
import { formatTable } from '../print-table.js';
import { publishToStore } from '../publish-to-store.js';
import { selectBrands } from '../read-sheets.js';

export async function publish(argv: string[], ctx: CommandContext): Promise<void> {
  const args = parseArgs(argv, ['effective-from', ...STORE_OPTIONS], STORE_FLAGS);
  const effectiveFrom = dateOption('effective-from', args.options['effective-from']) ?? todayUtc();
  const brands = selectBrands(ctx.root, args.positional);

  const policies: CompiledPolicy[] = [];
  let failed = 0;
  for (const brand of brands) {
    const outcome = compileBrand(ctx.root, brand, true);
    const problems = [...outcome.issues, ...caseIssues(outcome)];
    printIssues(problems, 'text', ctx.root, ctx.out);
    if (problems.length || !outcome.policy) {
      failed++;
      ctx.out(`✗ ${brand}: ${problems.length} problem(s)`);
    } else {
      policies.push(outcome.policy);
      ctx.out(`✓ ${brand} ${outcome.policy.version}: compiles, ${outcome.cases.length} cases pass`);
    }
  }
  if (failed) throw new PolicyProblems(`publish refused: ${failed} of ${brands.length} brand(s) have problems; nothing was published`);

  const store = await openStore(args);
  try {
    ctx.out(`Publishing to ${store.where}…`);
    const result = await publishToStore(store, policies, effectiveFrom, new Date().toISOString(), ctx.out);
    if (result.written.length === 0) ctx.out('Nothing to publish: every brand is already live at the version its sheets compile to.');
    ctx.out('');
    ctx.out(`Versions in force and scheduled in ${store.where}:`);
    const today = todayUtc();
    const lines = formatTable(
      ['brand', 'version', 'state', 'effective from', 'published at'],
      policies.flatMap((p) =>
        timelineStates(result.pointers[p.brand]!.timeline, today)
          .filter((e) => e.state !== 'past')
          .map((e) => [p.brand, e.version, e.state, e.effective_from, e.published_at]),
      ),
    );
    for (const line of lines) ctx.out(`  ${line}`);
    // Claims are judged by their order date: a new version does not change what older orders get.
    ctx.out('');
    printOrderRanges(
      result.pointers,
      policies.map((p) => p.brand),
      today,
      ctx.out,
    );
  } finally {
    await store.close();
  }
}
