// The Hono app: cross-cutting middleware (request id, secure headers and CORS, body limit), the route
// groups, and the one place where errors become problem+json responses. createApp takes its
// collaborators so tests can give it a fresh cache, a clock or a different bundle.

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { allowedMethods } from './allowed-methods.js';
import type { AppEnv } from './app-env.js';
import { BUNDLED_POLICIES } from './bundled-policies.js';
import { devPreview } from './dev-preview.js';
import { edgeHeaders } from './edge-headers.js';
import type { BundledPolicies } from './policy-bundle.js';
import { PolicyCache, PolicyStore } from './policy-store.js';
import { PolicyUnavailable, PROBLEM_CONTENT_TYPE, type Problem, ProblemError, problem } from './problem.js';
import { brandRoutes } from './routes/brands.js';
import { claimSchemaRoutes } from './routes/claim-schema.js';
import { coverageRoutes } from './routes/coverage.js';
import { eligibilityRoutes } from './routes/eligibility.js';
import { mcpRoutes } from './routes/mcp.js';
import { metaRoutes } from './routes/meta.js';
import { sheetRoutes } from './routes/sheets.js';

/** A cart of 100 claims of ~40 facts stays well under this; anything bigger is not a claim. */
export const MAX_BODY_BYTES = 256 * 1024;
const DEFAULT_RECHECK_SECONDS = 30;

export interface AppOptions {
  cache?: PolicyCache;
  bundle?: BundledPolicies;
  now?: () => number;
  log?: (line: string) => void;
  /** Deadline of one KV read, in ms (the store's default otherwise). */
  kvTimeoutMs?: number;
}

function sendProblem(c: Context<AppEnv>, body: Problem): Response {
  const payload = { ...body, request_id: c.get('requestId') };
  return c.body(JSON.stringify(payload), body.status as ContentfulStatusCode, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

export function createApp(options: AppOptions = {}) {
  const cache = options.cache ?? new PolicyCache();
  const bundle = options.bundle ?? BUNDLED_POLICIES;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.error(line));

  // Per isolate: the store for the bindings last seen (the same on every request in production), and
  // today's date string, recomputed when the day changes.
  let held: { kv: AppEnv['Bindings']['POLICIES']; recheck: string | undefined; store: PolicyStore } | undefined;
  const storeFor = (env: Partial<AppEnv['Bindings']> | undefined): PolicyStore => {
    const kv = env?.POLICIES;
    const recheck = env?.POLICY_RECHECK_SECONDS;
    if (held && held.kv === kv && held.recheck === recheck) return held.store;
    const recheckMs = Number(recheck ?? DEFAULT_RECHECK_SECONDS) * 1000;
    const store = new PolicyStore(kv, bundle, cache, { recheckMs, now, log, ...(options.kvTimeoutMs ? { kvTimeoutMs: options.kvTimeoutMs } : {}) });
    held = { kv, recheck, store };
    return store;
  };
  let today = { day: Number.NaN, date: '' };
  const todayAt = (ms: number): string => {
    const day = Math.floor(ms / 86_400_000);
    if (day !== today.day) today = { day, date: new Date(ms).toISOString().slice(0, 10) };
    return today.date;
  };

  const app = new Hono<AppEnv>()
    .use(edgeHeaders())
    .use(devPreview())
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new ProblemError(problem('body-too-large', { detail: `expected at most ${MAX_BODY_BYTES} bytes` }));
        },
      }),
    )
    .use(async (c, next) => {
      c.set('store', storeFor(c.env));
      c.set('today', todayAt(now()));
      await next();
    })
    .route('/v1', eligibilityRoutes)
    .route('/v1', brandRoutes)
    .route('/v1', coverageRoutes)
    .route('/v1', claimSchemaRoutes)
    .route('/v1', sheetRoutes)
    .route('/', metaRoutes)
    .route('/', mcpRoutes);

  let allowed: ((path: string) => string | null) | undefined;
  app.notFound((c) => {
    allowed ??= allowedMethods(app.routes);
    const allow = allowed(c.req.path);
    const { pathname } = new URL(c.req.url);
    if (!allow) return sendProblem(c, problem('not-found', { detail: `${c.req.method} ${pathname} is not a route: see /docs` }));
    c.header('Allow', allow);
    return sendProblem(c, problem('method-not-allowed', { detail: `${pathname} answers ${allow}, not ${c.req.method}` }));
  });

  app.onError((error, c) => {
    if (error instanceof ProblemError) return sendProblem(c, error.problem);
    if (error instanceof HTTPException && error.status < 500)
      return sendProblem(c, { ...problem('invalid-request'), status: error.status, detail: error.message });
    if (error instanceof PolicyUnavailable) {
      log(JSON.stringify({ level: 'error', event: 'policy_unavailable', request_id: c.get('requestId'), message: error.message }));
      c.header('Retry-After', '30');
      return sendProblem(c, problem('policy-unavailable', { detail: 'retry shortly' }));
    }
    // Internals stay in the log; the client gets the request id to quote.
    log(
      JSON.stringify({
        level: 'error',
        event: 'unhandled',
        request_id: c.get('requestId'),
        message: String(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    );
    return sendProblem(c, problem('internal-error', { detail: 'quote the request_id when reporting this' }));
  });

  return app;
}

export type AppType = ReturnType<typeof createApp>;
