// The headers every answer carries — its request id, CORS for the configured storefront origins and
// an API's secure headers — and the CORS preflight. One middleware that writes them before the route
// runs, so the route's Response is built once with them: hono's requestId + cors + secureHeaders
// made the Response before the route did and then rebuilt it up to three times per request.

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { POLICY_HEADERS } from './policy-headers.js';

type HeaderList = [string, string][];

/** An API: nothing here is meant to be framed or to run scripts (/docs sets its own CSP, which wins). */
export const SECURE_HEADERS: HeaderList = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

const REQUEST_ID = 'X-Request-Id';
const EXPOSE_HEADERS = [...POLICY_HEADERS, REQUEST_ID, 'ETag', 'Content-Language'].join(',');
const PREFLIGHT: HeaderList = [
  ['Access-Control-Max-Age', '600'],
  ['Access-Control-Allow-Methods', 'GET,POST,OPTIONS'],
  // Mcp-Protocol-Version: a browser-based MCP client (the MCP Inspector's direct mode) sends it to /mcp.
  ['Access-Control-Allow-Headers', `Content-Type,Accept-Language,If-None-Match,${REQUEST_ID},Mcp-Protocol-Version`],
];

/** A client's own id is kept when it is short and plain (it ends up in logs and headers). */
const requestIdOf = (sent: string | undefined) => (sent && sent.length <= 255 && !/[^\w\-=]/.test(sent) ? sent : crypto.randomUUID());

// ALLOWED_ORIGINS is the same string for the isolate's life: split it once, not per request.
let configuredOrigins: string | undefined;
let allowedOrigins: ReadonlySet<string> = new Set();

/** The Access-Control-Allow-Origin to send: the origin itself when configured (exact match), `*`, or none. */
export function allowedOrigin(origin: string, configured = ''): string | null {
  if (configured !== configuredOrigins) {
    allowedOrigins = new Set(
      configured
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    );
    configuredOrigins = configured;
  }
  if (allowedOrigins.has('*')) return '*';
  return allowedOrigins.has(origin) ? origin : null;
}

function preflight(requestId: string, allowOrigin: string | null): Response {
  const headers = new Headers([
    [REQUEST_ID, requestId],
    ['Access-Control-Expose-Headers', EXPOSE_HEADERS],
    ['Vary', 'Origin, Access-Control-Request-Headers'],
    ...PREFLIGHT,
    ...SECURE_HEADERS,
  ]);
  if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin);
  return new Response(null, { status: 204, statusText: 'No Content', headers });
}

export function edgeHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = requestIdOf(c.req.header(REQUEST_ID));
    c.set('requestId', requestId);
    const allowOrigin = allowedOrigin(c.req.header('origin') ?? '', c.env?.ALLOWED_ORIGINS);
    if (c.req.method === 'OPTIONS') return preflight(requestId, allowOrigin);
    // Written before the route: a route's own value (a page's CSP, Vary: Accept-Language appended) wins.
    c.header(REQUEST_ID, requestId);
    if (allowOrigin) c.header('Access-Control-Allow-Origin', allowOrigin);
    c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    c.header('Vary', 'Origin');
    for (const [name, value] of SECURE_HEADERS) c.header(name, value);
    await next();
    // A Response a route built itself does not carry them yet: add what it did not set.
    const { headers } = c.res;
    if (headers.has(REQUEST_ID)) return;
    headers.set(REQUEST_ID, requestId);
    if (allowOrigin && !headers.has('Access-Control-Allow-Origin')) headers.set('Access-Control-Allow-Origin', allowOrigin);
    headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    headers.append('Vary', 'Origin');
    for (const [name, value] of SECURE_HEADERS) if (!headers.has(name)) headers.set(name, value);
  };
}
