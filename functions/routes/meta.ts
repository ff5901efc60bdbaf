// GET /healthz, /openapi.json and /docs: liveness with the policy source, and the API's reference.

import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { BUNDLE_BUILT_AT } from '../bundled-policies.js';
import { renderDocs } from '../docs-page.js';
import { setPolicyHeaders } from '../policy-headers.js';

let docsHtml: string | undefined;

// Imported on first ask: the response schemas behind the document (zod/mini objects built by the
// module's top level) would otherwise be built by every isolate at startup, for a route few call.
const openApiDocument = async () => (await import('../openapi.js')).openApiDocument();

export const metaRoutes = new Hono<AppEnv>()
  .get('/healthz', async (c) => {
    const list = await c.get('store').brands();
    setPolicyHeaders(c, [{ source: list.source, ...(list.fault ? { fault: list.fault } : {}) }]);
    c.header('Cache-Control', 'no-store');
    return c.json({
      status: list.fault ? 'degraded' as const : 'ok' as const, brands: list.brands.length, source: list.source,
      ...(list.fault ? { fault: list.fault } : {}), bundle_built_at: BUNDLE_BUILT_AT,
    }, 200);
  })
  .get('/openapi.json', async (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(await openApiDocument() as Record<string, unknown>, 200);
  })
  .get('/docs', async (c) => {
    docsHtml ??= renderDocs(await openApiDocument() as Parameters<typeof renderDocs>[0]);
    // The page has inline styles and nothing else: no scripts, no external assets.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    c.header('Cache-Control', 'public, max-age=3600');
    return c.html(docsHtml);
  });
