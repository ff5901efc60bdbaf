// Request validation as Hono middleware: JSON bodies and query strings checked against zod/mini
// schemas, every problem reported at once by JSON path. Typed like hono's validator, so `c.req.valid`
// and the hono/client types see the parsed shapes. A route may add a quick hand check that accepts
// its usual valid body without the schema; anything it does not accept goes to the schema.

import type { Context, Env, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { type FieldProblem, jsonPath, ProblemError, problem } from './problem.js';

type Issue = z.core.$ZodIssue;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** zod's issue → what the client should have sent, in words. */
function expected(issue: Issue): string {
  // Messages set on the schema (`z.regex(re, 'expected …')`) already say it; zod/mini's default is bare.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'record' ? 'an object' : issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_format':
      return `expected ${issue.format}`;
    default:
      return 'expected a different value';
  }
}

export function fieldProblems(issues: readonly Issue[], root = ''): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: jsonPath([...issue.path, key], root), message: 'unknown field: expected it to be left out' }))
      : [{ path: jsonPath(issue.path, root), message: expected(issue) }],
  );
}

/**
 * Paths of "__proto__" keys in a parsed body. JSON.parse keeps such a key as an own field, but zod's
 * records drop it without a word: a claim fact named __proto__ would be silently ignored, not refused.
 */
export function prototypeKeys(body: unknown): PropertyKey[][] {
  interface Node {
    value: unknown;
    key: PropertyKey;
    parent: Node | null;
  }
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
    // A claim fact's value is never an object: the claim check refuses it naming the fact, so what
    // it holds is not looked into (its __proto__ would be named instead of the fact).
    if (node.parent?.key === 'claim') continue;
    if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) found.push([...pathOf(node), '__proto__']);
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, key: Array.isArray(value) ? Number(key) : key, parent: node });
    }
  }
  return found;
}

/** A cheap exact check for the usual, valid body: the value the schema would give, or undefined to let the schema judge. */
export type QuickCheck<T> = (body: unknown) => T | undefined;

/** The body as JSON: 415 for another media type, 400 malformed-json when it does not parse. */
async function readJson(c: Context): Promise<unknown> {
  const sent = c.req.header('content-type');
  const mediaType = sent === 'application/json' ? sent : (sent ?? '').split(';')[0]!.trim();
  if (!JSON_MEDIA_TYPE.test(mediaType))
    throw new ProblemError(problem('unsupported-media-type', { detail: `Content-Type is "${mediaType || 'missing'}": expected application/json` }));
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new ProblemError(problem('malformed-json', { detail: 'expected a JSON document such as {"brand": "<brand id>", "claim": {…}}' }));
  }
}

function checkBody<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  quick: QuickCheck<z.output<S>> | undefined,
): { data?: z.output<S>; errors: FieldProblem[] } {
  const fast = quick?.(body);
  if (fast !== undefined) return { data: fast, errors: [] };
  const parsed = schema.safeParse(body);
  const errors = parsed.success ? [] : fieldProblems(parsed.error.issues);
  for (const path of prototypeKeys(body)) {
    const at = jsonPath(path);
    if (!errors.some((e) => e.path === at)) errors.push({ path: at, message: 'unknown field: expected it to be left out' });
  }
  return errors.length ? { errors } : { data: parsed.data as z.output<S>, errors };
}

/** The query's problems at `query.<name>`; a request without a query string is judged once, not per request. */
function queryChecker<S extends z.ZodMiniType>(schema: S): (c: Context) => { data?: z.output<S>; errors: FieldProblem[] } {
  let empty: { data?: z.output<S>; errors: FieldProblem[] } | undefined;
  const check = (query: Record<string, string>) => {
    const parsed = schema.safeParse(query);
    return parsed.success ? { data: parsed.data as z.output<S>, errors: [] } : { errors: fieldProblems(parsed.error.issues, 'query') };
  };
  return (c) => {
    if (c.req.url.includes('?')) return check(c.req.query());
    empty ??= check({});
    return empty;
  };
}

export function queryParams<S extends z.ZodMiniType>(schema: S): MiddlewareHandler<Env, string, { in: { query: z.input<S> }; out: { query: z.output<S> } }> {
  const checkQuery = queryChecker(schema);
  return async (c, next) => {
    const { data, errors } = checkQuery(c);
    if (errors.length) throw new ProblemError(problem('invalid-request', { errors }));
    c.req.addValidatedData('query', data as object);
    await next();
  };
}

/**
 * Query and JSON body together, so a request wrong in both places hears about both at once. A body
 * that is not JSON at all (415, malformed-json) is reported on its own, after the query's problems.
 */
export function validRequest<Q extends z.ZodMiniType, S extends z.ZodMiniType>(
  querySchema: Q,
  bodySchema: S,
  quick?: QuickCheck<z.output<S>>,
): MiddlewareHandler<Env, string, { in: { query: z.input<Q>; json: z.input<S> }; out: { query: z.output<Q>; json: z.output<S> } }> {
  const checkQuery = queryChecker(querySchema);
  return async (c, next) => {
    const query = checkQuery(c);
    let body: unknown;
    try {
      body = await readJson(c);
    } catch (error) {
      if (query.errors.length) throw new ProblemError(problem('invalid-request', { errors: query.errors }));
      throw error;
    }
    const json = checkBody(bodySchema, body, quick);
    const errors = [...query.errors, ...json.errors];
    if (errors.length) throw new ProblemError(problem('invalid-request', { errors }));
    c.req.addValidatedData('query', query.data as object);
    c.req.addValidatedData('json', json.data as object);
    await next();
  };
}
