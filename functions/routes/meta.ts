// GET /healthz, /openapi.json and /docs: liveness with the policy source and degraded brands, and the API's reference.

import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { BUNDLE_BUILT_AT, BUNDLED_POLICIES } from '../bundled-policies.js';
import { DOCS_CSP, renderDocs } from '../docs-page.js';
import { setPolicyHeaders } from '../policy-headers.js';

const DOCS_TITLE = 'Warranty and returns eligibility API';
let docsHtml: string | undefined;

// Imported on first ask: the response schemas behind the document (zod/mini objects built by the
// module's top level) would otherwise be built by every isolate at startup, for a route few call.
// `servers` is the origin asked, so the reference's "try it" and curl lines reach this host.
const openApiDocument = async (url: string) => (await import('../openapi.js')).openApiDocument(new URL(url).origin, BUNDLED_POLICIES);

export const metaRoutes = new Hono<AppEnv>()
  // Liveness stays 200 whatever is broken: `degraded` names the store's own fault (the first brand-list
  // page, at most one KV list call per re-check) and each brand whose keys this isolate found faulty.
  .get('/healthz', async (c) => {
    const store = c.get('store');
    const page = await store.brandPage(null).catch(() => undefined);
    const degradedBrands = store.degradedBrands();
    const fault = page ? page.fault : ('kv-unreadable' as const);
    setPolicyHeaders(c, [{ source: page?.source ?? 'bundle', ...(fault ? { fault } : {}) }]);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        status: fault || degradedBrands.length ? ('degraded' as const) : ('ok' as const),
        brands: page?.brands.length ?? 0,
        brands_complete: page ? page.nextCursor === null : false,
        source: page?.source ?? 'bundle',
        ...(fault ? { fault } : {}),
        degraded_brands: degradedBrands,
        bundle_built_at: BUNDLE_BUILT_AT,
      },
      200,
    );
  })
  .get('/openapi.json', async (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(await openApiDocument(c.req.url), 200);
  })
  .get('/docs', (c) => {
    docsHtml ??= renderDocs(DOCS_TITLE);
    c.header('Content-Security-Policy', DOCS_CSP);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.html(docsHtml);
  });
