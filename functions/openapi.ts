// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
// (z.toJSONSchema; OpenAPI 3.1 speaks JSON Schema 2020-12), with examples computed from the first
// bundled brand. Built once per isolate, on first ask; only `servers` is per request: the origin
// that serves the document, so "try it" on /docs and copied curl lines reach the host they came from.

import * as z from 'zod/mini';
import { apiExamples } from './api-examples.js';
import { apiPaths } from './openapi-paths.js';
import { commonProblems, jsonAnswer, REQUEST_ID_HEADER, ref } from './openapi-responses.js';
import type { BundledPolicies } from './policy-bundle.js';
import { PROBLEM_TYPES } from './problem.js';
import { BatchRequestSchema, EligibilityRequestSchema } from './request-schemas.js';
import {
  BatchResponseSchema,
  BrandDetailSchema,
  BrandListSchema,
  CoverageSchema,
  DecisionSchema,
  HealthSchema,
  ProblemSchema,
  SheetDocumentSchema,
  SheetListSchema,
} from './response-schemas.js';

type Meta = { id: string };

function components(entries: [z.ZodMiniType, string][], io: 'input' | 'output'): Record<string, unknown> {
  const registry = z.registry<Meta>();
  for (const [schema, id] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  // Each schema is embedded in the document: the standalone-file keywords do not belong there. An
  // open object's `additionalProperties: {}` is said as `true`: the same, and what tools expect.
  const embedded = Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
  return JSON.parse(JSON.stringify(embedded).replaceAll('"additionalProperties":{}', '"additionalProperties":true'));
}

/**
 * A claim's facts depend on the brand: as one object of every brand's facts it would give generated
 * clients a type that fits no brand. So: any fact name with a plain value, and the brand's own schema
 * one call away.
 */
const CLAIM_SCHEMA = {
  type: 'object',
  description:
    'Claim facts by name. Which facts, their types and values depend on the brand: GET /v1/brands/{brand}/claim-schema gives them as JSON Schema 2020-12. Dates YYYY-MM-DD, money in currency units; null counts as not given. claim_on defaults to today (UTC).',
  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
};

const JSON_SCHEMA_DOCUMENT = {
  type: 'object',
  description:
    'A JSON Schema 2020-12 document ($schema https://json-schema.org/draft/2020-12/schema) describing the claim object of POST /v1/eligibility for one brand.',
  additionalProperties: true,
};

function schemas(): Record<string, unknown> {
  const requests = components(
    [
      [EligibilityRequestSchema, 'EligibilityRequest'],
      [BatchRequestSchema, 'BatchRequest'],
    ],
    'input',
  );
  const eligibility = requests.EligibilityRequest as { properties: Record<string, unknown> };
  return {
    ...requests,
    EligibilityRequest: { ...eligibility, properties: { ...eligibility.properties, claim: ref('Claim') } },
    Claim: CLAIM_SCHEMA,
    ClaimSchema: JSON_SCHEMA_DOCUMENT,
    ...components(
      [
        [DecisionSchema, 'Decision'],
        [BatchResponseSchema, 'BatchResponse'],
        [BrandListSchema, 'BrandList'],
        [BrandDetailSchema, 'BrandDetail'],
        [CoverageSchema, 'Coverage'],
        [HealthSchema, 'Health'],
        [ProblemSchema, 'Problem'],
        [SheetListSchema, 'SheetList'],
        [SheetDocumentSchema, 'SheetDocument'],
      ],
      'output',
    ),
  };
}

const MCP_LIST_TOOLS = { jsonrpc: '2.0', id: 1, method: 'tools/list' };

function servicePaths() {
  const get = (path: string) => commonProblems(path, 'GET, HEAD');
  return {
    '/healthz': {
      get: {
        summary: 'Liveness and policy source',
        operationId: 'health',
        tags: ['Service'],
        description: "Always 200 while the Worker answers; status degraded names the store's fault and each brand answered from a fallback.",
        responses: {
          200: jsonAnswer('Health', 'the Worker answers', {
            status: 'ok',
            brands: 1,
            brands_complete: true,
            source: 'kv',
            degraded_brands: [],
            bundle_built_at: '2025-03-20T08:00:00.000Z',
          }),
          ...get('/healthz'),
        },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This document',
        operationId: 'openapi',
        tags: ['Service'],
        description: 'OpenAPI 3.1; `servers` is the origin that served it.',
        responses: {
          200: {
            description: 'OpenAPI 3.1 document',
            headers: REQUEST_ID_HEADER,
            content: { 'application/json': { schema: { type: 'object' }, example: { openapi: '3.1.0' } } },
          },
          ...get('/openapi.json'),
        },
      },
    },
    '/docs': {
      get: {
        summary: 'Interactive reference',
        operationId: 'docs',
        tags: ['Service'],
        description: 'This reference as a page: every route, its schemas and examples, and a client to try requests against this server. Works offline.',
        responses: {
          200: { description: 'HTML page', headers: REQUEST_ID_HEADER, content: { 'text/html': { schema: { type: 'string' }, example: '<!doctype html>…' } } },
          ...get('/docs'),
        },
      },
    },
    '/mcp': {
      post: {
        summary: 'Tools for AI agents (MCP)',
        operationId: 'mcp',
        tags: ['Agents'],
        description:
          'A Model Context Protocol server over Streamable HTTP: POST one JSON-RPC 2.0 message with `Accept: application/json, text/event-stream`. Read-only tools: list_brands, get_terms, check_eligibility.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: 'a JSON-RPC 2.0 request or notification',
                required: ['jsonrpc', 'method'],
                properties: { jsonrpc: { const: '2.0' }, id: { type: ['string', 'integer'] }, method: { type: 'string' }, params: { type: 'object' } },
              },
              example: MCP_LIST_TOOLS,
            },
          },
        },
        responses: {
          200: {
            description: 'the JSON-RPC response, as JSON or as one server-sent event',
            headers: REQUEST_ID_HEADER,
            content: {
              'application/json': {
                schema: { type: 'object', description: 'a JSON-RPC 2.0 response' },
                example: { jsonrpc: '2.0', id: 1, result: { tools: [{ name: 'list_brands' }, { name: 'get_terms' }, { name: 'check_eligibility' }] } },
              },
              'text/event-stream': { schema: { type: 'string' }, example: 'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"tools":[]}}\n\n' },
            },
          },
          202: { description: 'a notification or response was accepted (no body)', headers: REQUEST_ID_HEADER },
          400: jsonAnswer('JsonRpcError', 'the body is not a JSON-RPC message', { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }),
          406: jsonAnswer('JsonRpcError', 'Accept must list both application/json and text/event-stream', {
            jsonrpc: '2.0',
            id: null,
            error: { code: -32000, message: 'Not Acceptable: Client must accept both application/json and text/event-stream' },
          }),
          415: jsonAnswer('JsonRpcError', 'the body is not application/json', {
            jsonrpc: '2.0',
            id: null,
            error: { code: -32000, message: 'Unsupported Media Type: Content-Type must be application/json' },
          }),
          ...commonProblems('/mcp', 'POST'),
        },
      },
    },
  };
}

const JSON_RPC_ERROR = {
  type: 'object',
  description: 'a JSON-RPC 2.0 error response',
  required: ['jsonrpc', 'error'],
  properties: {
    jsonrpc: { const: '2.0' },
    id: { type: ['string', 'integer', 'null'] },
    error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'integer' }, message: { type: 'string' } } },
  },
};

const DESCRIPTION = `Decides which remedies (refund, replacement, repair …) a claim is eligible for under a brand's published policy, and why: every answer cites the policy sheet rows that decided it.

Responses say which policy answered in \`X-Policy-Source\`, \`X-Policy-Version\`, \`X-Policy-Selection\` and, after a store fault, \`X-Policy-Degraded\`; every response carries \`X-Request-Id\`.

Every error is \`application/problem+json\` (RFC 9457): \`type\` is one of ${Object.keys(PROBLEM_TYPES)
  .map((slug) => `\`/docs#problem-${slug}\``)
  .join(
    ', ',
  )} (listed at the end of /docs), and \`errors[]\` names each bad field by its JSON path (\`claim.delivered_on\`, \`items[2].brand\`, \`query.part\`).`;

const TAGS = [
  { name: 'Eligibility', description: "Decide claims against a brand's policy." },
  { name: 'Brands', description: 'Published brands, their claim vocabulary and pre-purchase coverage.' },
  { name: 'Sheets', description: 'The compiled policy sheets that decisions cite.' },
  { name: 'Agents', description: 'The same answers as tools for AI agents (Model Context Protocol).' },
  { name: 'Service', description: 'Liveness and this reference.' },
];

const held = new WeakMap<BundledPolicies, object>();

function baseDocument(bundle: BundledPolicies): object {
  const examples = apiExamples(bundle);
  return {
    openapi: '3.1.0',
    info: { title: 'Warranty and returns eligibility API', version: '1', description: DESCRIPTION },
    // No credentials: every route is public and read-only.
    security: [],
    tags: TAGS,
    paths: { ...apiPaths(examples), ...servicePaths() },
    components: { schemas: { ...schemas(), JsonRpcError: JSON_RPC_ERROR } },
  };
}

/** The document as served from `origin` (scheme://host[:port]). */
export function openApiDocument(origin: string, bundle: BundledPolicies): Record<string, unknown> {
  let base = held.get(bundle);
  if (!base) {
    base = baseDocument(bundle);
    held.set(bundle, base);
  }
  const { openapi, info, ...rest } = base as Record<string, unknown>;
  return { openapi, info, servers: [{ url: origin, description: 'the server that served this document' }], ...rest };
}
