// A decision belongs to its caller: changing anything in one — a reason, the evidence list, a fee,
// a window — never changes a later decision (the engine keeps no list or object it hands out).

import { describe, expect, it } from 'vitest';
import { compileBrand } from '../cli/compile-brands.js';
import { listBrands } from '../cli/read-sheets.js';
import { evaluateClaim } from './evaluate-claim.js';

const SHEETS = new URL('../../policy-sheets', import.meta.url).pathname;

/** Changes every array, object and value reachable from `value`, in place. */
function vandalize(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(vandalize);
    value.push('vandalized');
    value.reverse();
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const inner = (value as Record<string, unknown>)[key];
      if (typeof inner === 'object' && inner !== null) vandalize(inner);
      else (value as Record<string, unknown>)[key] = 'vandalized';
    }
    (value as Record<string, unknown>).vandalized = true;
  }
}

describe.each(listBrands(SHEETS))('the decisions of %s', (brand) => {
  const outcome = compileBrand(SHEETS, brand, true);
  const policy = outcome.policy!;
  const claims = outcome.cases.map((c) => c.claim);
  const decide = (claim: Record<string, unknown>, locale: string, trace: boolean) => evaluateClaim(policy, claim, '2025-06-01', { locale, trace });

  it('stay as they were after every earlier decision was changed in every part', () => {
    const runs = policy.locales.flatMap((locale) => [false, true].flatMap((trace) => claims.map((claim) => ({ claim, locale, trace }))));
    const before = runs.map(({ claim, locale, trace }) => JSON.stringify(decide(claim, locale, trace)));
    for (const { claim, locale, trace } of runs) vandalize(decide(claim, locale, trace));
    expect(runs.map(({ claim, locale, trace }) => JSON.stringify(decide(claim, locale, trace)))).toEqual(before);
  });
});
