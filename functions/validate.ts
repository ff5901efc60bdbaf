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

/**
 * Paths of "__proto__" keys in a parsed body. JSON.parse keeps such a key as an own field, but zod's
 * records drop it without a word: a claim fact named __proto__ would be silently ignored, not refused.
 */
export function prototypeKeys(body: unknown): PropertyKey[][] {
  interface Node { value: unknown; key: PropertyKey; parent: Node | null }
  const pathOf = (node: Node | null): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let n = node; n?.parent; n = n.parent) path.unshift(n.key);
    return path;
  };
  const found: PropertyKey[][] = [];
  // Iterative: a body may nest a hundred thousand levels deep.
  const stack: Node[] = [{ value: body, key: '', parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) found.push([...pathOf(node), '__proto__']);
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, key: Array.isArray(value) ? Number(key) : key, parent: node });
    }
  }
  return found;
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
    const errors = parsed.success ? [] : fieldProblems(parsed.error.issues);
    for (const path of prototypeKeys(body)) {
      const at = jsonPath(path);
      if (!errors.some((e) => e.path === at)) errors.push({ path: at, message: 'unknown field: expected it to be left out' });
    }
    if (!parsed.success || errors.length) throw new ProblemError(problem('invalid-request', { errors }));
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
