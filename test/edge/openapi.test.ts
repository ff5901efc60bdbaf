// /openapi.json against the Worker that serves it: the same routes (no drift between the app's route
// table and the document), every real answer — each bundled brand's eligibility with and without
// ?explain, coverage, brand detail, the brand list, and the problems — fits the documented status and
// schema, and so does every example the document gives.

import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.js';
import { BundledPolicies } from '../../functions/policy-bundle.js';
import type { CompiledFact, CompiledPolicy } from '../../src/contract.js';
import { type OpenApiDocument, OpenApiValidator } from './openapi-validator.js';
import { PUBLISHED_POLICIES, publishedPolicy } from './published-policies.js';
import { BASE, call, emptyKv, freshApp, postJson, readJson } from './worker.js';

/**
 * Documented here, built on other branches (the claim-schema route and the MCP server, issue 16):
 * the drift test expects exactly these to be missing from the app, and fails once one is there, so
 * the entry is taken off this list when the branches meet.
 */

let validator: OpenApiValidator;
beforeAll(async () => {
  validator = new OpenApiValidator(await readJson<OpenApiDocument>(await call('/openapi.json')));
});

async function expectDocumented(method: string, path: string, response: Response): Promise<void> {
  expect(await validator.check(method, path, response), `${method} ${path}`).toEqual([]);
}

/** Claims a brand's vocabulary allows: its warranty dates only, and every fact set (first or last enum value). */
function claimsFor(policy: CompiledPolicy): Record<string, unknown>[] {
  const start = policy.windows.find((w) => w.name === policy.warrantyWindow)?.countsFrom[0];
  const datesOnly = { ...(start ? { [start]: '2025-03-01' } : {}), [policy.claimDate]: '2025-03-20' };
  // One date for every date fact: no `not_before` order can be broken by equal dates.
  const value = (fact: CompiledFact, last: boolean): unknown => {
    switch (fact.type) {
      case 'boolean':
        return last;
      case 'enum':
        return last ? fact.values!.at(-1) : fact.values![0];
      case 'text':
        return 'as described';
      case 'date':
        return '2025-03-10';
      case 'number':
        return 3;
      case 'money':
        return 149.99;
    }
  };
  const everything = (last: boolean) => Object.fromEntries(policy.facts.map((f) => [f.name, value(f, last)]));
  return [datesOnly, everything(false), everything(true)];
}

const BRANDS = PUBLISHED_POLICIES.brands;

describe('GET /openapi.json', () => {
  it("has the app's routes, method by method, and no others", () => {
    const app = createApp();
    // Middleware is registered for ALL methods; a route with a validator appears once per handler.
    const implemented = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    const documented = new Set(Object.entries(validator.document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(
      [...implemented].filter((r) => !documented.has(r)),
      'routes the document lacks',
    ).toEqual([]);
    expect(
      [...documented].filter((r) => !implemented.has(r)),
      'documented routes the app lacks',
    ).toEqual([]);
  });

  it('names the origin that served it as its server, and states that no security applies', async () => {
    expect(validator.document.servers).toEqual([{ url: BASE, description: expect.any(String) }]);
    const elsewhere = await readJson<OpenApiDocument>(await exports.default.fetch('https://api.example.com:8443/openapi.json'));
    expect(elsewhere.servers.map((s) => s.url)).toEqual(['https://api.example.com:8443']);
    expect((validator.document as unknown as { security: unknown }).security).toEqual([]);
  });

  it('gives examples that fit their own schemas', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(validator.document.paths))
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, answer] of Object.entries(op.responses))
          for (const [type, media] of Object.entries(answer.content ?? {})) {
            if (!media.schema || !type.endsWith('json')) continue;
            const examples = [...(media.example === undefined ? [] : [media.example]), ...Object.values(media.examples ?? {}).map((e) => e.value)];
            for (const example of examples) problems.push(...validator.problems(media.schema, example).map((p) => `${method} ${path} ${status}: ${p}`));
          }
      }
    expect(problems).toEqual([]);
  });
});

describe.each(BRANDS)('answers about %s fit /openapi.json', (brand) => {
  const claims = claimsFor(publishedPolicy(brand));

  it('POST /v1/eligibility, with and without ?explain', async () => {
    for (const claim of claims)
      for (const query of ['', '?explain=1', '?policy=current&explain=true']) {
        await expectDocumented('POST', '/v1/eligibility', await postJson(`/v1/eligibility${query}`, { brand, claim }, { 'accept-language': 'de' }));
      }
    const explained = await readJson<{ trace?: unknown[] }>(await postJson('/v1/eligibility?explain=1', { brand, claim: claims[0] }));
    expect(explained.trace?.length).toBeGreaterThan(0);
  });

  it('decides (200) at least the claim of its warranty dates', async () => {
    expect((await postJson('/v1/eligibility', { brand, claim: claims[0] })).status).toBe(200);
  });

  it('POST /v1/eligibility/batch, a bad item among good ones', async () => {
    const items = [...claims.map((claim) => ({ brand, claim })), { brand: 'nope', claim: {} }, { brand, claim: { no_such_fact: 1 } }];
    await expectDocumented('POST', '/v1/eligibility/batch', await postJson('/v1/eligibility/batch?explain=1', { items }));
  });

  it('GET /v1/brands/{brand}, its coverage for each product line, and its sheets', async () => {
    await expectDocumented('GET', '/v1/brands/{brand}', await call(`/v1/brands/${brand}`, { headers: { 'accept-language': 'fr' } }));
    const lines = publishedPolicy(brand).facts.find((f) => f.name === 'product_line')?.values ?? [];
    for (const query of ['', ...lines.map((l) => `?product_line=${encodeURIComponent(l)}`)]) {
      await expectDocumented('GET', '/v1/brands/{brand}/coverage', await call(`/v1/brands/${brand}/coverage${query}`));
    }
    const list = await call(`/v1/brands/${brand}/sheets`);
    const { sheets } = await readJson<{ sheets: { sheet: string }[] }>(list.clone());
    await expectDocumented('GET', '/v1/brands/{brand}/sheets', list);
    for (const { sheet } of sheets) await expectDocumented('GET', '/v1/brands/{brand}/sheets/{sheet}', await call(`/v1/brands/${brand}/sheets/${sheet}`));
  });
});

describe('other answers fit /openapi.json', () => {
  it('GET /v1/brands, whole and page by page', async () => {
    await expectDocumented('GET', '/v1/brands', await call('/v1/brands'));
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages <= BRANDS.length; pages++) {
      const page = await call(`/v1/brands?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      cursor = (await readJson<{ next_cursor: string | null }>(page.clone())).next_cursor;
      await expectDocumented('GET', '/v1/brands', page);
    }
    expect(cursor).toBeNull();
  });

  it('GET /healthz, /openapi.json and /docs', async () => {
    for (const path of ['/healthz', '/openapi.json', '/docs']) await expectDocumented('GET', path, await call(path));
  });

  it('every problem a client can cause is a documented status with the Problem shape', async () => {
    const [brand] = BRANDS;
    const cases: [string, string, Promise<Response>][] = [
      ['POST', '/v1/eligibility', postJson('/v1/eligibility', { brand, claim: { delivered_on: 'yesterday' } })],
      ['POST', '/v1/eligibility', postJson('/v1/eligibility', { brand: 'nope', claim: {} })],
      ['POST', '/v1/eligibility', call('/v1/eligibility', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })],
      ['POST', '/v1/eligibility', call('/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })],
      ['POST', '/v1/eligibility', call('/v1/eligibility', { method: 'PUT' })],
      ['POST', '/v1/eligibility/batch', postJson('/v1/eligibility/batch', { items: [] })],
      ['GET', '/v1/brands', call('/v1/brands?limit=0')],
      ['GET', '/v1/brands/{brand}', call('/v1/brands/Not_A_Brand')],
      ['GET', '/v1/brands/{brand}', call('/v1/brands/nope')],
      ['GET', '/v1/brands/{brand}/coverage', call(`/v1/brands/${brand}/coverage?part=`)],
      ['GET', '/v1/brands/{brand}/sheets/{sheet}', call(`/v1/brands/${brand}/sheets/nope`)],
      ['GET', '/healthz', call('/healthz', { method: 'POST' })],
    ];
    for (const [method, path, response] of cases) await expectDocumented(method, path, await response);
  });
});

describe('a table that breaks its hit policy', () => {
  it('is reported in the trace as `error`, a documented field', async () => {
    // Fixture: the first bundled brand with one table that matched the claim made hit policy U and
    // its rows doubled, so two rows match: the table decides nothing and the trace says why.
    const [brand] = BRANDS;
    const policy = publishedPolicy(brand!);
    const [claim] = claimsFor(policy);
    const { trace } = await readJson<{ trace: { table: string; matched: string[] }[] }>(await postJson('/v1/eligibility?explain=1', { brand, claim }));
    const matchedTable = trace.find((step) => step.matched.length === 1)!.table;
    const tables = policy.tables.map((t) => (t.source === matchedTable ? { ...t, hitPolicy: 'U' as const, rules: [...t.rules, ...t.rules] } : t));
    const { post } = freshApp({ POLICIES: emptyKv }, { bundle: BundledPolicies.of({ [brand!]: { ...policy, tables } }) });
    const response = await post('/v1/eligibility?explain=1', { brand, claim });
    const decision = await readJson<{ trace: { table: string; error?: string }[] }>(response.clone());
    expect(decision.trace.find((step) => step.table === matchedTable)?.error).toMatch(/hit policy U/);
    await expectDocumented('POST', '/v1/eligibility', response);
    // Without ?explain too: the decision itself names the table that decided nothing.
    const plain = await post('/v1/eligibility', { brand, claim });
    const { table_errors } = await readJson<{ table_errors?: { table: string; error: string }[] }>(plain.clone());
    expect(table_errors).toEqual([{ table: matchedTable, hit_policy: 'U', error: expect.stringMatching(/hit policy U/) }]);
    await expectDocumented('POST', '/v1/eligibility', plain);
  });
});
