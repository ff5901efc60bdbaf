import { describe, expect, it } from 'vitest';
import type { Problem } from '../../functions/problem.js';
import { MAX_BATCH_ITEMS } from '../../functions/request-schemas.js';
import type { BatchItemResult } from '../../functions/routes/eligibility.js';
import { ACME_OPENED, ACME_RETURN, NIMBUS_BUILD_PLATE } from './claims.js';
import { ACME, fixturePolicy, NIMBUS_PRINT } from './fixture-brands.js';
import { postJson, readJson } from './worker.js';

interface Batch {
  count: number;
  failed: number;
  results: BatchItemResult[];
}

describe('POST /v1/eligibility/batch', () => {
  it('answers every item of a cart in order, one bad item failing only itself', async () => {
    const items = [ACME_RETURN, { brand: 'no-such-brand', claim: {} }, NIMBUS_BUILD_PLATE, { brand: ACME, claim: { issue: 'melted' } }, ACME_OPENED];
    const res = await postJson('/v1/eligibility/batch', { items });
    expect(res.status).toBe(200);
    const batch = await readJson<Batch>(res);
    expect(batch).toMatchObject({ count: 5, failed: 2 });
    expect(batch.results.map((r) => [r.index, r.status])).toEqual([
      [0, 200],
      [1, 404],
      [2, 200],
      [3, 400],
      [4, 200],
    ]);
    const bad = batch.results[3] as { problem: Problem };
    // Paths point into the batch body, so a client can highlight the exact cart line.
    expect(bad.problem.errors).toEqual([{ path: 'items[3].claim.issue', message: expect.stringContaining('expected one of') }]);
    expect((batch.results[1] as { problem: Problem }).problem.errors![0]!.path).toBe('items[1].brand');
    // Each version that answered, once: ACME's two items share one.
    expect(res.headers.get('x-policy-version')!.split(', ')).toEqual([fixturePolicy(ACME).version, fixturePolicy(NIMBUS_PRINT).version]);
  });

  it(`refuses more than ${MAX_BATCH_ITEMS} items, naming the limit`, async () => {
    const res = await postJson('/v1/eligibility/batch', { items: Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ACME_RETURN) });
    expect(res.status).toBe(400);
    const problem = await readJson<Problem>(res);
    expect(problem.errors).toEqual([{ path: 'items', message: expect.stringContaining(`at most ${MAX_BATCH_ITEMS}`) }]);
  });

  it('names malformed items by index', async () => {
    const res = await postJson('/v1/eligibility/batch', { items: [ACME_RETURN, { brand: ACME }, { claim: {} }] });
    const problem = await readJson<Problem>(res);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['items[1].claim', 'items[2].brand']);
  });

  it('applies ?explain and ?policy to every item', async () => {
    const batch = await readJson<Batch>(await postJson('/v1/eligibility/batch?explain=1&policy=current', { items: [ACME_RETURN, NIMBUS_BUILD_PLATE] }));
    for (const r of batch.results) {
      if (!('decision' in r)) throw new Error('expected a decision');
      expect(r.decision.trace).toBeDefined();
      expect(r.decision.policy_selection.mode).toBe('current');
    }
  });
});
