// Dates stay inside the documented format (YYYY-MM-DD, 0001–9999), in claims and in answers: a claim
// dated so late that a window would end in year 10000 is refused naming the date, never answered
// with a deadline the format cannot state.

import { describe, expect, it } from 'vitest';
import type { Problem } from '../../functions/problem.js';
import { PUBLISHED_POLICIES } from './published-policies.js';
import { postJson, readJson } from './worker.js';

/** Every bundled brand with a window that counts from a claim date, and that date. */
const brands = PUBLISHED_POLICIES.brands.flatMap((brand) => {
  const policy = PUBLISHED_POLICIES.policy(brand)!;
  const start = policy.windows.map((w) => w.countsFrom[0]!).find((f) => policy.facts.some((fact) => fact.name === f && fact.type === 'date'));
  return start ? [{ brand, start, claimDate: policy.claimDate }] : [];
});

describe('dates at the end of the calendar', () => {
  it('has a brand to try', () => expect(brands.length).toBeGreaterThan(0));

  it.each(brands)('refuses a $brand claim whose window would end after 9999-12-31, naming the date', async ({ brand, start, claimDate }) => {
    const res = await postJson('/v1/eligibility', { brand, claim: { [start]: '9999-12-30', [claimDate]: '9999-12-31' } });
    expect(res.status).toBe(400);
    const problem = await readJson<Problem & { errors: { path: string; message: string }[] }>(res);
    expect(problem.errors[0]).toEqual({ path: `claim.${start}`, message: expect.stringContaining('after 9999-12-31') });
  });

  it.each(brands)('refuses the year 0000 in a $brand claim', async ({ brand, start }) => {
    const res = await postJson('/v1/eligibility', { brand, claim: { [start]: '0000-06-01' } });
    expect(res.status).toBe(400);
    expect((await readJson<{ errors: { path: string }[] }>(res)).errors.map((e) => e.path)).toContain(`claim.${start}`);
  });
});
