import { describe, expect, it } from 'vitest';
import { ACME_RETURN } from './claims.js';
import { call, postJson } from './worker.js';

describe('CORS for the configured storefront origins', () => {
  it('allows a configured origin and exposes the policy headers', async () => {
    const res = await postJson('/v1/eligibility', ACME_RETURN, { origin: 'https://shop.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('vary')).toContain('Origin');
    const exposed = res.headers.get('access-control-expose-headers')!.split(',');
    expect(exposed).toEqual(expect.arrayContaining(['X-Policy-Source', 'X-Policy-Version', 'X-Policy-Degraded', 'X-Request-Id', 'ETag', 'Content-Language']));
  });

  it('gives an unlisted origin no CORS grant', async () => {
    const res = await call('/v1/brands', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight', async () => {
    const res = await call('/v1/eligibility', {
      method: 'OPTIONS',
      headers: { origin: 'https://support.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,accept-language' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://support.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('content-type');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('lets a storefront read error responses too', async () => {
    const res = await postJson('/v1/eligibility', { brand: 'no-such-brand', claim: {} }, { origin: 'https://shop.example' });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });
});

describe('secure headers and request ids', () => {
  it('sets secure headers on every response', async () => {
    for (const res of [await call('/healthz'), await call('/nope')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('gives each request an id, keeping a well-formed one the client sent', async () => {
    const generated = (await call('/healthz')).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call('/healthz', { headers: { 'x-request-id': 'order-42-claim-7' } })).headers.get('x-request-id')).toBe('order-42-claim-7');
    expect((await call('/healthz', { headers: { 'x-request-id': 'bad id <script>' } })).headers.get('x-request-id')).not.toContain('<');
  });
});
