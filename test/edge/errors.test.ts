import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/app.js';
import { BundledPolicies } from '../../functions/policy-bundle.js';
import type { Problem } from '../../functions/problem.js';
import { ACME_RETURN } from './claims.js';
import { ACME } from './fixture-brands.js';
import { brokenKv, call, emptyKv, freshApp, postJson, readJson } from './worker.js';

async function expectProblem(res: Response, status: number, slug: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = await readJson<Problem>(res);
  expect(problem).toMatchObject({ type: `/docs#problem-${slug}`, status });
  expect(problem.request_id).toBe(res.headers.get('x-request-id'));
  // Nothing from the inside: no stack frames, no file paths.
  expect(JSON.stringify(problem)).not.toMatch(/at \w+ \(|\.ts:\d+|node_modules/);
  return problem;
}

describe('client errors are problem+json naming each bad field', () => {
  it('400 for a request body of the wrong shape, every field at once', async () => {
    const problem = await expectProblem(await postJson('/v1/eligibility', { brand: 'Not A Brand', claim: [], extra: 1 }), 400, 'invalid-request');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'brand', message: expect.stringContaining('brand id') },
        { path: 'claim', message: 'expected an object' },
        { path: 'extra', message: expect.stringContaining('unknown field') },
      ]),
    );
  });

  it('400 for a claim with an unknown fact and a value of the wrong type', async () => {
    const claim = { ...ACME_RETURN.claim, colour: 'red', delivered_on: '2025-02-30', order_amount: 'lots' };
    const problem = await expectProblem(await postJson('/v1/eligibility', { brand: ACME, claim }), 400, 'invalid-claim');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['claim.colour', 'claim.delivered_on', 'claim.order_amount']);
    expect(problem.errors!.find((e) => e.path === 'claim.delivered_on')!.message).toContain('YYYY-MM-DD');
  });

  it('400 when claim_on is before delivered_on', async () => {
    const claim = { ...ACME_RETURN.claim, claim_on: '2025-02-01' };
    const problem = await expectProblem(await postJson('/v1/eligibility', { brand: ACME, claim }), 400, 'invalid-claim');
    expect(problem.errors).toEqual([{ path: 'claim.claim_on', message: expect.stringContaining('before delivered_on') }]);
  });

  it('400 when the defaulted claim_on (today) is before a future delivery', async () => {
    const { claim_on: _, ...claim } = { ...ACME_RETURN.claim, delivered_on: '2999-01-01' };
    const problem = await expectProblem(await postJson('/v1/eligibility', { brand: ACME, claim }), 400, 'invalid-claim');
    expect(problem.errors![0]!.path).toBe('claim.claim_on');
  });

  it('400 for a query parameter out of its range', async () => {
    const problem = await expectProblem(await postJson('/v1/eligibility?policy=yesterday', ACME_RETURN), 400, 'invalid-request');
    expect(problem.errors).toEqual([{ path: 'query.policy', message: 'expected one of "order_date", "current"' }]);
  });

  it('400 naming the query and the body problems at once', async () => {
    const problem = await expectProblem(await postJson('/v1/eligibility?policy=yesterday&explain=maybe', { brand: ACME, claim: [] }), 400, 'invalid-request');
    expect(problem.errors).toEqual([
      { path: 'query.explain', message: 'expected one of "0", "1", "true", "false"' },
      { path: 'query.policy', message: 'expected one of "order_date", "current"' },
      { path: 'claim', message: 'expected an object' },
    ]);
  });

  it('400 for a wrong query even when the body is not JSON', async () => {
    const res = await call('/v1/eligibility?policy=yesterday', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"brand": ' });
    expect((await expectProblem(res, 400, 'invalid-request')).errors).toEqual([{ path: 'query.policy', message: 'expected one of "order_date", "current"' }]);
  });

  it('400 for malformed JSON', async () => {
    await expectProblem(
      await call('/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"brand": ' }),
      400,
      'malformed-json',
    );
  });

  it('404 for an unknown brand, pointing at the brand list (which has no bound, so is not inlined)', async () => {
    const problem = await expectProblem(await postJson('/v1/eligibility', { brand: 'no-such-brand', claim: {} }), 404, 'unknown-brand');
    expect(problem.known_brands).toBeUndefined();
    expect(problem.errors).toEqual([{ path: 'brand', message: expect.stringContaining('GET /v1/brands lists the published brands') }]);
    await expectProblem(await call('/v1/brands/no-such-brand'), 404, 'unknown-brand');
  });

  it.each(['Nimbus Print', 'nimbus_print', '9lives', 'a'.repeat(64)])(
    '400 naming the field for the brand id %j, which breaks the brand-id rule',
    async (id) => {
      const body = await expectProblem(await postJson('/v1/eligibility', { brand: id, claim: {} }), 400, 'invalid-request');
      expect(body.errors).toEqual([{ path: 'brand', message: expect.stringContaining('a lower-case letter, then lower-case letters, digits or hyphens') }]);
      const path = await expectProblem(await call(`/v1/brands/${encodeURIComponent(id)}`), 400, 'invalid-request');
      expect(path.errors).toEqual([{ path: 'path.brand', message: expect.stringContaining('at most 63 characters') }]);
      await expectProblem(await call(`/v1/brands/${encodeURIComponent(id)}/coverage`), 400, 'invalid-request');
    },
  );

  it('404 for a brand id that names an Object.prototype property, also with nothing published', async () => {
    // `constructor` is a well-formed brand id; the bundle must not find Object.prototype's.
    const empty = freshApp({ POLICIES: emptyKv });
    await expectProblem(await postJson('/v1/eligibility', { brand: 'constructor', claim: {} }), 404, 'unknown-brand');
    await expectProblem(await empty.post('/v1/eligibility', { brand: 'constructor', claim: {} }), 404, 'unknown-brand');
    await expectProblem(await empty.request('/v1/brands/constructor'), 404, 'unknown-brand');
    await expectProblem(await empty.request('/v1/brands/constructor/coverage'), 404, 'unknown-brand');
  });

  it('404 for a route that does not exist', async () => {
    await expectProblem(await call('/v2/eligibility'), 404, 'not-found');
    expect((await call('/v1/eligibility/')).status).toBe(404);
    expect((await call(`/v1/brands/${ACME}/sheets/returns/rows`)).status).toBe(404);
  });

  it.each([
    ['GET', '/v1/eligibility', 'POST'],
    ['HEAD', '/v1/eligibility/batch', 'POST'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['POST', `/v1/brands/${ACME}/coverage`, 'GET, HEAD'],
    ['DELETE', '/v1/brands/any-brand/sheets/any-sheet', 'GET, HEAD'],
  ])('405 for %s %s, allowing %s', async (method, path, allow) => {
    const res = await call(path, { method });
    expect(res.headers.get('allow')).toBe(allow);
    if (method === 'HEAD') expect(res.status).toBe(405);
    else expect((await expectProblem(res, 405, 'method-not-allowed')).detail).toBe(`${path} answers ${allow}, not ${method}`);
  });

  it('413 for a body over the limit', async () => {
    const big = JSON.stringify({ brand: ACME, claim: { padding: 'x'.repeat(MAX_BODY_BYTES) } });
    await expectProblem(await call('/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big }), 413, 'body-too-large');
  });

  it('413 also when the body streams in without a Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const { request } = freshApp();
    const res = await request('/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    await expectProblem(res, 413, 'body-too-large');
  });

  it('415 for a body that is not JSON', async () => {
    const res = await call('/v1/eligibility', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(ACME_RETURN) });
    const problem = await expectProblem(res, 415, 'unsupported-media-type');
    expect(problem.detail).toContain('text/plain');
  });
});

describe('faults are problem+json without internals', () => {
  it('500 for an unexpected error, logged with the request id', async () => {
    const { request, logs } = freshApp(
      {},
      {
        now: () => {
          throw new Error('clock stopped at /secret/path.ts:12');
        },
      },
    );
    const problem = await expectProblem(await request('/v1/brands'), 500, 'internal-error');
    expect(JSON.stringify(problem)).not.toContain('clock stopped');
    expect(logs.join('\n')).toContain(problem.request_id as string);
  });

  it('503 with Retry-After when KV cannot be read and the brand is not bundled', async () => {
    const { request } = freshApp({ POLICIES: brokenKv() }, { bundle: BundledPolicies.of({}) });
    const res = await request(`/v1/brands/${ACME}`);
    await expectProblem(res, 503, 'policy-unavailable');
    expect(res.headers.get('retry-after')).toBe('30');
  });
});
