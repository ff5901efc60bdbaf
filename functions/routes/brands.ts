// GET /v1/brands and /v1/brands/:brand: which brands have a policy (a page at a time: one KV list
// call per page, whatever the number of brands), and one brand's vocabulary — remedies, windows,
// claim facts and reason wording — so a client can build a valid claim.

import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../app-env.js';
import { brandRow } from '../brand-rows.js';
import { loadBrand } from '../decide-claim.js';
import { describeBrand } from '../describe-brand.js';
import { negotiateLocale } from '../negotiate-locale.js';
import { setPolicyHeaders } from '../policy-headers.js';
import { MAX_PAGE_SIZE } from '../policy-store.js';
import { queryParams } from '../validate.js';

const CACHE_CONTROL = 'public, max-age=60';

export const BrandListQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024), z.describe('next_cursor of the previous page'))),
  limit: z.optional(
    z
      .string()
      .check(
        z.regex(/^(?:[1-9]\d{0,2}|1000)$/, `expected a whole number from 1 to ${MAX_PAGE_SIZE}`),
        z.describe(`brands per page (default and most: ${MAX_PAGE_SIZE})`),
      ),
  ),
});

export const brandRoutes = new Hono<AppEnv>()
  .get('/brands', queryParams(BrandListQuerySchema), async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const page = await c.get('store').brandPage(cursor ?? null, limit ? Number(limit) : MAX_PAGE_SIZE);
    const brands = page.brands.map((b) => brandRow(b, c.get('today')));
    setPolicyHeaders(c, [{ source: page.source, ...(page.fault ? { fault: page.fault } : {}) }]);
    c.header('Cache-Control', CACHE_CONTROL);
    return c.json({ brands, next_cursor: page.nextCursor }, 200);
  })
  .get('/brands/:brand', async (c) => {
    const loaded = await loadBrand(c.get('store'), c.req.param('brand'), { mode: 'current' }, 'path.brand', c.get('today'));
    const locale = negotiateLocale(c.req.header('accept-language'), loaded.policy.locales, loaded.policy.defaultLocale);
    setPolicyHeaders(c, [{ source: loaded.source, version: loaded.policy.version, selection: 'current', ...(loaded.fault ? { fault: loaded.fault } : {}) }]);
    c.header('Content-Language', locale);
    c.header('Cache-Control', CACHE_CONTROL);
    c.header('Vary', 'Accept-Language', { append: true });
    return c.json(describeBrand(loaded, locale, c.get('today')), 200);
  });
