import { describe, expect, it } from 'vitest';
import { call, readJson } from './worker.js';

describe('GET /healthz', () => {
  it('reports ok, the number of brands and where the policies come from', async () => {
    const res = await call('/healthz');
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ status: 'ok', brands: expect.any(Number), source: expect.stringMatching(/kv|cache/) });
  });
});

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document of every route, with schemas generated from zod', async () => {
    const doc = await readJson<{ openapi: string; paths: Record<string, object>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } }>(await call('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/v1/eligibility', '/v1/eligibility/batch', '/v1/brands', '/v1/brands/{brand}', '/v1/brands/{brand}/coverage',
      '/v1/brands/{brand}/sheets', '/v1/brands/{brand}/sheets/{sheet}', '/healthz', '/openapi.json', '/docs',
    ]));
    const { EligibilityRequest, Decision, Problem, BatchRequest } = doc.components.schemas;
    expect(EligibilityRequest!.required).toEqual(['brand', 'claim']);
    expect(Decision!.properties).toHaveProperty('policy_selection');
    expect(Problem!.properties).toHaveProperty('errors');
    expect(JSON.stringify(BatchRequest)).toContain('"maxItems":100');
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });
});

describe('GET /docs', () => {
  it('is a self-contained page: every route and problem type, no scripts, nothing fetched from elsewhere', async () => {
    const res = await call('/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    const html = await res.text();
    for (const route of ['POST /v1/eligibility', 'POST /v1/eligibility/batch', 'GET /v1/brands/{brand}/coverage', 'GET /healthz']) expect(html).toContain(route);
    expect(html).toContain('id="problem-invalid-claim"');
    expect(html).not.toMatch(/<script|<link|src="https?:|@import/i);
  });
});
