// One step of `npm run dev`: compile the brands a save may have changed, run their cases, publish
// those that pass to the preview's store (the same publishToStore as `policy publish --local`), and
// record each brand's problems for the playground. A brand that fails is not written at all, so its
// last good version stays the one served; a brand whose version did not change writes nothing.

import type { CompiledPolicy } from '../../contract.js';
import { formatIssue, type Issue } from '../../issue.js';
import { devProblemsKey } from '../../store/dev-problems.js';
import { currentEntry, type PolicyPointer } from '../../store/policy-pointer.js';
import { caseIssues, compileBrand } from '../compile-brands.js';
import type { KvStore } from '../kv/kv-store.js';
import { describeOrderRanges } from '../order-ranges.js';
import { publishToStore, readBrandPointer } from '../publish-to-store.js';
import { devProblemsRecord, problemLines, type RecheckResult } from './report-problems.js';

export interface RecheckOptions {
  root: string;
  store: KvStore;
  /** The preview's effective date (npm start's seed date), so the saved sheets judge every claim. */
  effectiveFrom: string;
  out: (line: string) => void;
  now?: () => Date;
}

export interface RecheckOutcome {
  published: string[];
  unchanged: string[];
  failed: string[];
}

interface Checked {
  brand: string;
  policy?: CompiledPolicy;
  problems: Issue[];
  cases: number;
}

function checkBrand(root: string, brand: string): Checked {
  try {
    const outcome = compileBrand(root, brand, true);
    const problems = [...outcome.issues, ...caseIssues(outcome)];
    const errors = problems.filter((p) => p.severity !== 'warning');
    const all = [...problems, ...outcome.warnings];
    const cases = outcome.cases.length;
    return errors.length || !outcome.policy ? { brand, problems: all, cases } : { brand, policy: outcome.policy, problems: all, cases };
  } catch (error) {
    // The folder changed under us (a save in progress, a folder removed): a problem, retried on the next save.
    return {
      brand,
      cases: 0,
      problems: [{ code: 'unreadable_sheets', sheet: `${brand}/`, severity: 'error', message: `cannot read the folder: ${(error as Error).message}` }],
    };
  }
}

const liveVersion = (pointer: PolicyPointer | null | undefined, today: string) => (pointer ? (currentEntry(pointer.timeline, today)?.version ?? null) : null);

/** Re-checks `brands` and publishes the ones that pass; never throws for a problem in the sheets or the store. */
export async function recheckBrands(brands: readonly string[], options: RecheckOptions): Promise<RecheckOutcome> {
  const { store, out } = options;
  const now = (options.now ?? (() => new Date()))();
  const today = now.toISOString().slice(0, 10);
  const checked = brands.map((b) => checkBrand(options.root, b));
  const passing = checked.filter((c) => c.policy);
  for (const c of passing) out(`✓ ${c.brand} ${c.policy!.version}: compiles, ${c.cases} cases pass`);
  let pointers: Record<string, PolicyPointer> = {};
  const written = new Set<string>();
  if (passing.length) {
    try {
      const result = await publishToStore(
        store,
        passing.map((c) => c.policy!),
        options.effectiveFrom,
        now.toISOString(),
        out,
        today,
      );
      pointers = result.pointers;
      for (const key of result.written) written.add(key.split(':')[1]!);
    } catch (error) {
      out(`✗ could not publish ${passing.map((c) => c.brand).join(', ')} to ${store.where}: ${(error as Error).message}`);
      for (const c of passing) c.problems.push({ code: 'publish_failed', sheet: `${c.brand}/`, severity: 'error', message: (error as Error).message });
      passing.forEach((c) => {
        delete c.policy;
      });
    }
  }
  const results: RecheckResult[] = [];
  for (const c of checked) {
    const pointer = pointers[c.brand] ?? (await readBrandPointer(store, c.brand).catch(() => null));
    const live = liveVersion(pointer, today);
    results.push({ brand: c.brand, problems: c.problems, compiledVersion: c.policy?.version ?? null, liveVersion: live });
    const lines = c.policy ? c.problems.map((p) => `    warning ${formatIssue(p)}`) : problemLines(c.brand, c.problems, live);
    for (const line of lines) out(line);
    if (c.policy && written.has(c.brand)) reportServed(c.brand, c.policy.version, pointer!, today, out);
  }
  await store
    .put(results.map((r) => ({ key: devProblemsKey(r.brand), value: JSON.stringify(devProblemsRecord(r, now.toISOString())) })))
    .catch((error: Error) => out(`✗ could not record problems in ${store.where}: ${error.message}`));
  return {
    published: checked.filter((c) => c.policy && written.has(c.brand)).map((c) => c.brand),
    unchanged: checked.filter((c) => c.policy && !written.has(c.brand)).map((c) => c.brand),
    failed: checked.filter((c) => !c.policy).map((c) => c.brand),
  };
}

/** After a publish: the orders each version judges, and a warning when a later entry hides the save. */
function reportServed(brand: string, version: string, pointer: PolicyPointer, today: string, out: (line: string) => void): void {
  for (const line of describeOrderRanges(brand, pointer.timeline, today)) out(`  ${line}`);
  const current = liveVersion(pointer, today);
  if (current !== version) {
    out(`  ⚠ ${brand}: ${current} stays in force today (a version effective later than the preview's date was published to this store):`);
    out(
      `    ${version} judges only older orders; \`npm run policy -- rollback ${brand} --to ${version}\` or a fresh .wrangler/state previews it for every order`,
    );
  }
}
