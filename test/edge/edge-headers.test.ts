// edgeHeaders replaced hono's requestId + secureHeaders + cors (with the options the app used to pass
// them) to build each Response once. Same answers, header for header: both stacks in front of the same
// small routes — JSON, a route's own CSP and Vary, a 304, a thrown error, a hand-built Response —
// for every method and origin the API sees.

import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/app-env.js';
import { allowedOrigin, edgeHeaders } from '../../functions/edge-headers.js';
import { POLICY_HEADERS } from '../../functions/policy-headers.js';

const ALLOWED = 'https://shop.example, https://support.example';

const honoStack: MiddlewareHandler<AppEnv>[] = [
  requestId(),
  secureHeaders({
    overwrite: false,
    crossOriginResourcePolicy: 'cross-origin',
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  }),
  cors({
    origin: (origin, c) => allowedOrigin(origin, (c.env as AppEnv['Bindings'] | undefined)?.ALLOWED_ORIGINS),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept-Language', 'If-None-Match', 'X-Request-Id', 'Mcp-Protocol-Version'],
    exposeHeaders: [...POLICY_HEADERS, 'X-Request-Id', 'ETag', 'Content-Language'],
    maxAge: 600,
  }),
];

function appWith(middleware: MiddlewareHandler<AppEnv>[]) {
  const app = new Hono<AppEnv>();
  for (const m of middleware) app.use(m);
  app.get('/json', (c) => {
    c.header('X-Policy-Version', 'v1');
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true, id: c.get('requestId') });
  });
  app.post('/json', async (c) => c.json(await c.req.json(), 200));
  app.get('/page', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html('<p>docs</p>');
  });
  app.get('/varies', (c) => {
    c.header('Vary', 'Accept-Language', { append: true });
    return c.body(null, 304);
  });
  app.get('/throws', () => {
    throw new Error('boom');
  });
  app.get('/raw', () => new Response('raw', { headers: { 'Content-Type': 'text/plain', 'X-Frame-Options': 'DENY' } }));
  app.onError((_error, c) => {
    c.header('Retry-After', '30');
    return c.body(JSON.stringify({ id: c.get('requestId') }), 503, { 'Content-Type': 'application/problem+json' });
  });
  app.notFound((c) => c.body('no', 404));
  return app;
}

/** Headers as comparable data: Vary's members in any order, a generated request id as a shape. */
function comparable(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of res.headers) out[name] = value;
  if (out.vary)
    out.vary = out.vary
      .split(',')
      .map((v) => v.trim())
      .sort()
      .join(', ');
  if (out['x-request-id'] && /^[0-9a-f-]{36}$/.test(out['x-request-id'])) out['x-request-id'] = '(generated)';
  return out;
}

const withoutIds = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '(generated)');

const before = appWith(honoStack);
const after = appWith([edgeHeaders()]);

const requests: [string, string, Record<string, string>][] = [];
for (const [method, path] of [
  ['GET', '/json'],
  ['POST', '/json'],
  ['HEAD', '/json'],
  ['GET', '/page'],
  ['GET', '/varies'],
  ['GET', '/throws'],
  ['GET', '/raw'],
  ['GET', '/nope'],
  ['PUT', '/json'],
  ['OPTIONS', '/json'],
  ['OPTIONS', '/nope'],
] as const) {
  for (const origin of [undefined, 'https://shop.example', 'https://evil.example']) {
    for (const id of [undefined, 'order-42', 'bad id <x>']) {
      const headers: Record<string, string> = {};
      if (origin) headers.origin = origin;
      if (id) headers['x-request-id'] = id;
      if (method === 'OPTIONS') Object.assign(headers, { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
      if (method === 'POST') headers['content-type'] = 'application/json';
      requests.push([method, path, headers]);
    }
  }
}

describe('edgeHeaders', () => {
  it.each([ALLOWED, '*', undefined])("answers with the headers hono's requestId, secureHeaders and cors gave (ALLOWED_ORIGINS=%s)", async (configured) => {
    const env = { ALLOWED_ORIGINS: configured };
    for (const [method, path, headers] of requests) {
      const init = (): RequestInit => ({ method, headers, ...(method === 'POST' ? { body: '{"a":1}' } : {}) });
      const [old, now] = [await before.request(path, init(), env), await after.request(path, init(), env)];
      const label = `${method} ${path} ${JSON.stringify(headers)}`;
      expect(now.status, label).toBe(old.status);
      expect(comparable(now), label).toEqual(comparable(old));
      expect(withoutIds(await now.text()), label).toBe(withoutIds(await old.text()));
    }
  });

  it('keeps one request id for the context and the header', async () => {
    const res = await after.request('/json');
    expect(((await res.json()) as { id: string }).id).toBe(res.headers.get('x-request-id'));
  });
});
