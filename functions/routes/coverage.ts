// GET /v1/brands/:brand/coverage: the pre-purchase summary a checkout badge shows ("30-day returns ·
// 2-year warranty"), for a product line and part. Cacheable: it changes only with the policy version,
// the query and the locale, which is exactly what its ETag hashes — and what the isolate keeps its
// answers by, since storefronts ask the same few questions on every page view.

import { Hono, type TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { CompiledPolicy } from '../../src/contract.js';
import type { AppEnv } from '../app-env.js';
import { type CoverageAnswer, coverageAnswer, coverageProbe } from '../coverage-terms.js';
import { loadBrand } from '../decide-claim.js';
import { versionedAnswer } from '../etag.js';
import { remember } from '../lru.js';
import { negotiateLocale } from '../negotiate-locale.js';
import { CoverageQuerySchema } from '../request-schemas.js';
import { queryParams } from '../validate.js';

/** FNV-1a: a short, stable fingerprint of the query; the version already identifies the policy. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Serialized answers per policy version (dropped with it), by day, query and locale. */
const answers = new WeakMap<CompiledPolicy, Map<string, string>>();
const MAX_ANSWERS_PER_VERSION = 256;

function answer(policy: CompiledPolicy, today: string, query: { product_line?: string; part?: string }, locale: string): string {
  let held = answers.get(policy);
  if (!held) {
    held = new Map();
    answers.set(policy, held);
  }
  const key = [today, query.product_line ?? '', query.part ?? '', locale].join('\u0000');
  let body = held.get(key);
  if (body === undefined) body = JSON.stringify(coverageAnswer(policy, query, locale, today));
  remember(held, key, body, MAX_ANSWERS_PER_VERSION);
  return body;
}

export const coverageRoutes = new Hono<AppEnv>().get('/brands/:brand/coverage', queryParams(CoverageQuerySchema), async (c) => {
  const { product_line, part } = c.req.valid('query');
  const loaded = await loadBrand(c.get('store'), c.req.param('brand'), { mode: 'current' }, 'path.brand');
  const { policy } = loaded;
  const probe = coverageProbe(policy, { product_line, part }, 'query');

  const locale = negotiateLocale(c.req.header('accept-language'), policy.locales, policy.defaultLocale);
  const etag = `W/"${policy.version}-${fingerprint(`${probe.product_line ?? ''}\u0000${probe.part ?? ''}\u0000${locale}`)}"`;
  if (versionedAnswer(c, loaded, etag, locale)) return c.body(null, 304);

  // The body is CoverageAnswer's JSON, serialized by answer(): typed as c.json would type it, for hono/client.
  const body = answer(policy, c.get('today'), probe, locale);
  return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as Response & TypedResponse<JSONParsed<CoverageAnswer>, 200, 'json'>;
});
