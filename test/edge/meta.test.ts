import { describe, expect, it } from 'vitest';
import { DOCS_CSP, REFERENCE_ASSETS } from '../../functions/docs-page.js';
import { PROBLEM_TYPES } from '../../functions/problem.js';
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
    const doc = await readJson<{
      openapi: string;
      paths: Record<string, object>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    }>(await call('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/eligibility',
        '/v1/eligibility/batch',
        '/v1/brands',
        '/v1/brands/{brand}',
        '/v1/brands/{brand}/coverage',
        '/v1/brands/{brand}/sheets',
        '/v1/brands/{brand}/sheets/{sheet}',
        '/healthz',
        '/openapi.json',
        '/docs',
        '/v1/brands/{brand}/claim-schema',
        '/mcp',
      ]),
    );
    const { EligibilityRequest, Decision, Problem, BatchRequest } = doc.components.schemas;
    expect(EligibilityRequest!.required).toEqual(['brand', 'claim']);
    expect(Decision!.properties).toHaveProperty('policy_selection');
    expect(Problem!.properties).toHaveProperty('errors');
    expect(JSON.stringify(BatchRequest)).toContain('"maxItems":100');
    expect(JSON.stringify(doc.components)).not.toContain('"$schema"');
  });
});

describe('GET /docs', () => {
  it('is the interactive reference: scripts of this origin only, a CSP that allows nothing else, and every problem type', async () => {
    const res = await call('/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toBe(DOCS_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // Nothing may run that is not a file of this origin, and nothing may be fetched from elsewhere.
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
    const html = await res.text();
    expect(html).toContain('data-openapi-url="/openapi.json"');
    expect(html).toContain(`<script src="${REFERENCE_ASSETS.scalar}"></script>`);
    expect(html.match(/<script[^>]*>/g)!.every((tag) => /src="\/reference\//.test(tag))).toBe(true);
    for (const slug of Object.keys(PROBLEM_TYPES)) expect(html).toContain(`id="problem-${slug}"`);
    expect(html).not.toMatch(/(src|href)="https?:/i);
  });

  it("keeps the API's own strict policy everywhere else", async () => {
    expect((await call('/healthz')).headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
