// Request validation as Hono middleware: JSON bodies and query strings checked against zod/mini
// schemas, every problem reported at once by JSON path. Typed like hono's validator, so `c.req.valid`
// and the hono/client types see the parsed shapes.

import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { jsonPath, problem, ProblemError, type FieldProblem } from './problem.js';

type Issue = z.core.$ZodIssue;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** zod's issue → what the client should have sent, in words. */
function expected(issue: Issue): string {
  // Messages set on the schema (`z.regex(re, 'expected …')`) already say it; zod/mini's default is bare.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type': return `expected ${issue.expected === 'record' ? 'an object' : issue.expected}`;
    case 'invalid_value': return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big': return `expected at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_small': return `expected at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_format': return `expected ${issue.format}`;
    default: return 'expected a different value';
  }
}

export function fieldProblems(issues: readonly Issue[], root = ''): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: jsonPath([...issue.path, key], root), message: 'unknown field: expected it to be left out' }))
    : [{ path: jsonPath(issue.path, root), message: expected(issue) }]);
}

export function jsonBody<S extends z.ZodMiniType>(schema: S): MiddlewareHandler<any, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (!JSON_MEDIA_TYPE.test(mediaType))
      throw new ProblemError(problem('unsupported-media-type', { detail: `Content-Type is "${mediaType || 'missing'}": expected application/json` }));
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ProblemError(problem('malformed-json', { detail: 'expected a JSON document such as {"brand": "kospet", "claim": {…}}' }));
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ProblemError(problem('invalid-request', { errors: fieldProblems(parsed.error.issues) }));
    c.req.addValidatedData('json', parsed.data as object);
    await next();
  };
}

export function queryParams<S extends z.ZodMiniType>(schema: S): MiddlewareHandler<any, string, { in: { query: z.input<S> }; out: { query: z.output<S> } }> {
  return async (c, next) => {
    const parsed = schema.safeParse(c.req.query());
    if (!parsed.success) throw new ProblemError(problem('invalid-request', { errors: fieldProblems(parsed.error.issues, 'query') }));
    c.req.addValidatedData('query', parsed.data as object);
    await next();
  };
}
