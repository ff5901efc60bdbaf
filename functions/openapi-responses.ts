// The reference's building blocks shared by every route: a JSON answer with its example, problem
// answers with theirs (one per problem type the route can give), the policy headers, and the
// statuses every route can answer (405 another method, 500 our fault, 503 a policy out of reach).

import { PROBLEM_CONTENT_TYPE, type ProblemSlug, problem } from './problem.js';

export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const text = (description: string) => ({ description, schema: { type: 'string' } });

export const POLICY_HEADERS = {
  'X-Request-Id': text("this request's id (yours when you sent a short plain one): quote it when reporting"),
  'X-Policy-Source': text('kv (read from KV now), cache (isolate memory) or bundle (copy compiled into the Worker)'),
  'X-Policy-Version': text('content hash of the policy version that answered'),
  'X-Policy-Selection': text('order_date (in force when bought) or current'),
  'X-Policy-Degraded': text('present when a store fault forced an older or bundled copy: kv-unreadable, kv-corrupt, format-too-new, kv-unbound'),
};

export const REQUEST_ID_HEADER = { 'X-Request-Id': POLICY_HEADERS['X-Request-Id'] };

/** A 200 (or other) JSON answer of a component schema, with a real example when there is one. */
export function jsonAnswer(schemaId: string, description: string, example?: unknown, headers: object = REQUEST_ID_HEADER) {
  const media = example === undefined ? { schema: ref(schemaId) } : { schema: ref(schemaId), example };
  return { description, headers, content: { 'application/json': media } };
}

const EXAMPLE_REQUEST_ID = '6f1c2a9e-1b2d-4c3e-9f00-0a1b2c3d4e5f';

type ProblemCase = [ProblemSlug, { detail?: string; errors?: { path: string; message: string }[] }];

/** One example problem document per case, as the route sends it. */
export function problemAnswer(description: string, cases: Record<string, ProblemCase>, headers: object = REQUEST_ID_HEADER) {
  const examples = Object.fromEntries(
    Object.entries(cases).map(([name, [slug, fields]]) => [name, { summary: name, value: { ...problem(slug, fields), request_id: EXAMPLE_REQUEST_ID } }]),
  );
  return { description, headers, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem'), examples } } };
}

/** 405, 500 and 503, which any route can answer; `path` words the 405 example. */
export function commonProblems(path: string, allow: string, options: { unavailable?: boolean } = {}) {
  return {
    405: problemAnswer(
      'another method on this path: Allow lists the ones it answers',
      {
        'wrong method': ['method-not-allowed', { detail: `${path} answers ${allow}, not DELETE` }],
      },
      { ...REQUEST_ID_HEADER, Allow: text(`the methods this path answers: ${allow}`) },
    ),
    500: problemAnswer('a fault on our side: the request id is in the log', {
      'internal error': ['internal-error', { detail: 'quote the request_id when reporting this' }],
    }),
    ...(options.unavailable
      ? {
          503: problemAnswer(
            "the brand's policy cannot be read from the store and none is bundled: retry after Retry-After seconds",
            {
              'policy unavailable': ['policy-unavailable', { detail: 'retry shortly' }],
            },
            { ...REQUEST_ID_HEADER, 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer' } } },
          ),
        }
      : {}),
  };
}

const UNKNOWN_BRAND_DETAIL = 'no policy is published for brand "nope": GET /v1/brands lists the published brands';
export const UNKNOWN_BRAND: ProblemCase = ['unknown-brand', { detail: UNKNOWN_BRAND_DETAIL, errors: [{ path: 'path.brand', message: UNKNOWN_BRAND_DETAIL }] }];

/** The brand id in a path: 400 when it breaks the id rule, 404 when nothing is published for it. */
export function brandProblems(brandRule: string) {
  return {
    400: problemAnswer('the brand id breaks the id rule, or a query parameter is wrong: errors[] names it', {
      'bad brand id': [
        'invalid-request',
        { detail: 'brand id "Not A Brand" is not valid', errors: [{ path: 'path.brand', message: `expected ${brandRule}` }] },
      ],
    }),
    404: problemAnswer('no policy is published (or in force yet) for this brand', {
      'unknown brand': UNKNOWN_BRAND,
    }),
  };
}
