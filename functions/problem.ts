// Every error a client sees is an RFC 9457 problem document: one shape, a stable `type` a client can
// switch on, each bad field named by its JSON path. Routes throw ProblemError; app.onError renders it.

export interface FieldProblem {
  path: string; // JSON path into the request: `claim.delivered_on`, `items[3].brand`
  message: string; // what was expected
}

export interface Problem {
  type: string; // `/docs#problem-<slug>`: documented on the reference page
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem types this API uses, with their status and a title that does not vary. */
export const PROBLEM_TYPES = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'invalid-claim': { status: 400, title: "The claim does not fit the brand's facts" },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unknown-brand': { status: 404, title: 'No policy is published for this brand' },
  'not-found': { status: 404, title: 'No such route' },
  'method-not-allowed': { status: 405, title: 'The route does not answer this method' },
  'body-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'The request body must be JSON' },
  'policy-unavailable': { status: 503, title: 'The policy cannot be loaded right now' },
  'internal-error': { status: 500, title: 'Something went wrong on our side' },
} as const;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

export function problem(slug: ProblemSlug, fields: { detail?: string; errors?: FieldProblem[]; [extension: string]: unknown } = {}): Problem {
  const { status, title } = PROBLEM_TYPES[slug];
  return { type: `/docs#problem-${slug}`, title, status, ...fields };
}

/** A client error raised deep in a route; carries the finished problem document. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/** A fault on our side that the client can retry (store unreachable and no bundled copy). */
export class PolicyUnavailable extends Error {
  override name = 'PolicyUnavailable';
}

/** `['items', 3, 'claim']` → `items[3].claim`, the notation checkClaim uses too. */
export function jsonPath(segments: readonly PropertyKey[], root = ''): string {
  let path = root;
  for (const s of segments) {
    if (typeof s === 'number') path += `[${s}]`;
    else path += path ? `.${String(s)}` : String(s);
  }
  return path || '$';
}
