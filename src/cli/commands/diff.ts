// `policy diff [--base <git-ref>] [brand…] [--format text|markdown|json] [--limit N]`: compiles the
// sheets at the base ref (default HEAD) and in the working tree, evaluates both over the editors'
// cases and a grid of claims crossing every input boundary, and reports whose outcome changes.

import type { CompiledPolicy } from '../../contract.js';
import { generateClaimGrid, type SeedClaim } from '../../diff/claim-grid.js';
import { diffOutcomes } from '../../diff/diff-outcomes.js';
import { diffPolicies } from '../../diff/policy-changes.js';
import { oneOf, parseArgs } from '../args.js';
import { type BrandOutcome, compileBrand, compileFolder } from '../compile-brands.js';
import { PolicyProblems, UsageError } from '../errors.js';
import { readSheetsAtRef } from '../git-sheets.js';
import type { CommandContext } from '../main.js';
import { type BrandDiff, type DiffReport, printDiff } from '../print-diff.js';
import { listBrands } from '../read-sheets.js';

/** Claims that do not send claim_on are judged as of this day, as the cases runner does. */
export const DIFF_AS_OF = '2025-01-01';

function seedsOf(outcome: BrandOutcome): SeedClaim[] {
  return outcome.cases.map((c) => ({ name: c.name, source: `${c.sheet}:${c.row}`, claim: c.claim }));
}

function compareBrand(brand: string, base: BrandOutcome | null, now: BrandOutcome | null): BrandDiff {
  if (!now) return { brand, kind: 'removed', before: base?.policy?.version ?? null };
  if (!now.policy) return { brand, kind: 'broken', side: 'now', issues: now.issues };
  if (!base) return { brand, kind: 'new', after: now.policy.version, name: now.policy.name };
  if (!base.policy) return { brand, kind: 'broken', side: 'base', issues: base.issues };
  const before: CompiledPolicy = base.policy,
    after: CompiledPolicy = now.policy;
  if (before.version === after.version) return { brand, kind: 'identical', name: after.name, version: after.version };
  const changes = diffPolicies(before, after);
  // The cases of both versions seed the grid, so a case added or removed in the change counts too.
  const grid = generateClaimGrid([before, after], [...seedsOf(now), ...seedsOf(base)], { asOf: DIFF_AS_OF });
  const outcome = diffOutcomes(before, after, grid.claims, DIFF_AS_OF, changes);
  return { brand, kind: 'changed', name: after.name, before: before.version, after: after.version, changes, outcome, truncated: grid.truncated };
}

export function diff(argv: string[], ctx: CommandContext): void {
  const args = parseArgs(argv, ['base', 'format', 'limit'], []);
  const format = oneOf('format', args.options.format, ['text', 'markdown', 'json'] as const);
  const ref = typeof args.options.base === 'string' ? args.options.base : 'HEAD';
  const limitText = typeof args.options.limit === 'string' ? args.options.limit : '10';
  if (!/^\d+$/.test(limitText)) throw new UsageError(`--limit ${limitText} is not a number: expected how many claims to list per group (0 = all)`);
  const atRef = readSheetsAtRef(ctx.root, ref);
  const current = listBrands(ctx.root);
  const all = [...new Set([...current, ...atRef.brands])].sort();
  const unknown = args.positional.filter((b) => !all.includes(b));
  if (unknown.length) throw new UsageError(`unknown brand ${unknown.join(', ')}: expected one of ${all.join(', ')}`);

  const brands = (args.positional.length ? args.positional : all).map((brand) => {
    const folder = atRef.readBrand(brand);
    const base = folder ? compileFolder(brand, folder, true) : null;
    const now = current.includes(brand) ? compileBrand(ctx.root, brand, true) : null;
    return compareBrand(brand, base, now);
  });
  const report: DiffReport = { base: { ref, commit: atRef.commit }, root: ctx.root, brands };
  printDiff(report, format, Number(limitText), ctx.out);
  const broken = brands.filter((b) => b.kind === 'broken');
  if (broken.length) throw new PolicyProblems(`cannot compare ${broken.map((b) => b.brand).join(', ')}: the sheets do not compile (policy check)`);
}
