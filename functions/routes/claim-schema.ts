// GET /v1/brands/:brand/claim-schema: the brand's claim as JSON Schema 2020-12 (src/schema/), titled in
// the negotiated language, for typed clients, forms and AI agents. It changes only with the policy
// version and the locale, which is what its ETag says.

import { Hono } from 'hono';
import { claimSchema } from '../../src/schema/claim-schema.js';
import type { AppEnv } from '../app-env.js';
import { loadBrand } from '../decide-claim.js';
import { ifNoneMatchHits } from '../etag.js';
import { negotiateLocale } from '../negotiate-locale.js';
import { setPolicyHeaders } from '../policy-headers.js';

// As the coverage summary: a published change reaches clients within minutes, revalidation is a 304.
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

export const claimSchemaRoutes = new Hono<AppEnv>().get('/brands/:brand/claim-schema', async (c) => {
  const loaded = await loadBrand(c.get('store'), c.req.param('brand'), { mode: 'current' }, 'path.brand', c.get('today'));
  const { policy } = loaded;
  const locale = negotiateLocale(c.req.header('accept-language'), policy.locales, policy.defaultLocale);
  const etag = `W/"${policy.version}-${locale}"`;
  setPolicyHeaders(c, [{ source: loaded.source, version: policy.version, selection: 'current', ...(loaded.fault ? { fault: loaded.fault } : {}) }]);
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE_CONTROL);
  c.header('Vary', 'Accept-Language', { append: true });
  c.header('Content-Language', locale);
  if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.json(claimSchema(policy, locale), 200);
});
