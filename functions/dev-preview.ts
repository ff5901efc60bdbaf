// The local preview's extras (`npm run dev`, scripts/dev.ts), on only when the DEV_PREVIEW var is "1":
// - GET /v1/dev/problems: what the dev script's latest re-check of each brand found (the records it
//   writes to the local KV, src/store/dev-problems.ts), for the playground's banner;
// - `Cache-Control: no-store` on every answer, so a browser never shows a cached answer of the
//   version before the editor's last save.
// Production is unaffected: wrangler.toml does not set DEV_PREVIEW, and without it this middleware
// only calls next() — no route, header or 404 changes, and nothing reads the dev keys.

import type { MiddlewareHandler } from 'hono';
import { DEV_PROBLEMS_PREFIX, type DevProblemsRecord, readDevProblems } from '../src/store/dev-problems.js';
import type { AppEnv } from './app-env.js';
import type { KvReader } from './env.js';
import { ProblemError, problem } from './problem.js';

export const DEV_PROBLEMS_PATH = '/v1/dev/problems';

async function readRecords(kv: KvReader | undefined): Promise<DevProblemsRecord[]> {
  if (!kv) return [];
  const page = await kv.list({ prefix: DEV_PROBLEMS_PREFIX, limit: 1000 });
  const texts = await Promise.all(page.keys.map((k) => kv.get(k.name, 'text')));
  return texts.flatMap((text) => {
    try {
      const record = text === null ? null : readDevProblems(JSON.parse(text));
      return record ? [record] : [];
    } catch {
      return [];
    }
  });
}

export function devPreview(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.env?.DEV_PREVIEW !== '1') return next();
    if (c.req.method === 'GET' && new URL(c.req.url).pathname === DEV_PROBLEMS_PATH) {
      c.header('Cache-Control', 'no-store');
      // The dev script writes the same local files from another process: a read can meet its write
      // (SQLITE_BUSY). The playground asks again in half a second, so say "not now" rather than fail.
      const records = await readRecords(c.env.POLICIES).catch(() => null);
      if (!records) throw new ProblemError(problem('policy-unavailable', { detail: 'the local store is busy: ask again' }));
      return c.json({ brands: records }, 200);
    }
    await next();
    c.header('Cache-Control', 'no-store');
  };
}
