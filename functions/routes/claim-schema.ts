// GET /v1/brands/:brand/claim-schema: the brand's claim as JSON Schema 2020-12 (src/schema/), titled in
// the negotiated language, for typed clients, forms and AI agents. It changes only with the policy
// version and the locale, which is what its ETag says.

import { Hono } from 'hono';
import { claimSchema } from '../../src/schema/claim-schema.js';
import type { AppEnv } from '../app-env.js';
import { loadBrand } from '../decide-claim.js';
import { versionedAnswer } from '../etag.js';
import { negotiateLocale } from '../negotiate-locale.js';

export const claimSchemaRoutes = new Hono<AppEnv>().get('/brands/:brand/claim-schema', async (c) => {
  const loaded = await loadBrand(c.get('store'), c.req.param('brand'), { mode: 'current' }, 'path.brand', c.get('today'));
  const { policy } = loaded;
  const locale = negotiateLocale(c.req.header('accept-language'), policy.locales, policy.defaultLocale);
  const etag = `W/"${policy.version}-${locale}"`;
  if (versionedAnswer(c, loaded, etag, locale)) return c.body(null, 304);
  return c.json(claimSchema(policy, locale), 200);
});
