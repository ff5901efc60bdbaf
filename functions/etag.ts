// Conditional GETs for answers that change only with the policy version (and the query and locale
// in the tag): a client revalidating an unchanged answer gets a 304 without a body.

import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import { setPolicyHeaders } from './policy-headers.js';
import type { LoadedPolicy } from './policy-store.js';

/** A published change reaches clients within minutes; revalidating an unchanged answer is a 304. */
const VERSIONED_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

/** Whether If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * The headers of an answer that depends only on today's policy version and `etag`'s other parts
 * (query, locale): policy, cache and language headers. True when the client already holds it (304).
 */
export function versionedAnswer(c: Context<AppEnv>, loaded: LoadedPolicy, etag: string, locale: string): boolean {
  setPolicyHeaders(c, [{ source: loaded.source, version: loaded.policy.version, selection: 'current', ...(loaded.fault ? { fault: loaded.fault } : {}) }]);
  c.header('ETag', etag);
  c.header('Cache-Control', VERSIONED_CACHE_CONTROL);
  c.header('Vary', 'Accept-Language', { append: true });
  c.header('Content-Language', locale);
  return ifNoneMatchHits(c.req.header('if-none-match'), etag);
}
