// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
// (z.toJSONSchema; OpenAPI 3.1 speaks JSON Schema 2020-12). Built once per isolate, on first ask.

import * as z from 'zod/mini';
import { apiExamples } from './api-examples.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { BatchRequestSchema, EligibilityRequestSchema, MAX_BATCH_ITEMS } from './request-schemas.js';
import {
  BatchResponseSchema, BrandDetailSchema, BrandListSchema, CoverageSchema, DecisionSchema, HealthSchema, ProblemSchema,
} from './response-schemas.js';

type Meta = { id: string };

function components(entries: [z.ZodMiniType, string][], io: 'input' | 'output'): Record<string, unknown> {
  const registry = z.registry<Meta>();
  for (const [schema, id] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  // Each schema is embedded in the document: the standalone-file keywords do not belong there.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const problemResponse = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } } });

const POLICY_HEADERS = {
  'X-Policy-Source': { description: 'kv (read from KV now), cache (isolate memory) or bundle (copy compiled into the Worker)', schema: { type: 'string' } },
  'X-Policy-Version': { description: 'content hash of the policy version that answered', schema: { type: 'string' } },
  'X-Policy-Selection': { description: 'order_date (in force when bought) or current', schema: { type: 'string' } },
  'X-Policy-Degraded': { description: 'present when a store fault forced an older or bundled copy: kv-unreadable, kv-corrupt, format-too-new, kv-unbound', schema: { type: 'string' } },
};

const brandParam = () => ({ name: 'brand', in: 'path', required: true, schema: { type: 'string' }, example: apiExamples().brand });
const acceptLanguage = { name: 'Accept-Language', in: 'header', schema: { type: 'string' }, description: 'picks the message locale; the policy default otherwise (see Content-Language)' };
const eligibilityQuery = [
  { name: 'explain', in: 'query', schema: { enum: ['1', '0', 'true', 'false'] }, description: 'add the trace: every table and the rows that matched' },
  { name: 'policy', in: 'query', schema: { enum: ['order_date', 'current'], default: 'order_date' }, description: 'order_date: the version in force on purchased_on (else delivered_on); current: today\'s' },
  acceptLanguage,
];
const clientErrors = {
  400: problemResponse('invalid request or claim: errors[] names each bad field by JSON path'),
  404: problemResponse('unknown brand: known_brands lists the published ones'),
  413: problemResponse('body larger than the limit'),
  415: problemResponse('body is not application/json'),
};

function paths() {
  return {
    '/v1/eligibility': { post: {
      summary: 'Decide a claim', operationId: 'decideClaim', parameters: eligibilityQuery,
      requestBody: { required: true, content: { 'application/json': { schema: ref('EligibilityRequest') } } },
      responses: { 200: { ...json('Decision', 'the decision for every remedy of the brand'), headers: POLICY_HEADERS }, ...clientErrors },
    } },
    '/v1/eligibility/batch': { post: {
      summary: `Decide up to ${MAX_BATCH_ITEMS} claims (a cart)`, operationId: 'decideClaims', parameters: eligibilityQuery,
      requestBody: { required: true, content: { 'application/json': { schema: ref('BatchRequest') } } },
      responses: { 200: { ...json('BatchResponse', 'one result per item, in order; a bad item carries its own problem'), headers: POLICY_HEADERS }, 400: clientErrors[400], 413: clientErrors[413], 415: clientErrors[415] },
    } },
    '/v1/brands': { get: { summary: 'List brands with a published policy', operationId: 'listBrands', responses: { 200: json('BrandList', 'brands and their current policy version') } } },
    '/v1/brands/{brand}': { get: {
      summary: 'A brand\'s remedies, windows, claim facts and reason wording', operationId: 'getBrand', parameters: [brandParam(), acceptLanguage],
      responses: { 200: { ...json('BrandDetail', 'the current policy\'s vocabulary'), headers: POLICY_HEADERS }, 404: clientErrors[404] },
    } },
    '/v1/brands/{brand}/coverage': { get: {
      summary: 'Pre-purchase coverage summary (checkout badge)', operationId: 'getCoverage',
      parameters: [brandParam(),
        { name: 'product_line', in: 'query', schema: { type: 'string' } },
        { name: 'part', in: 'query', schema: { type: 'string' } },
        { name: 'If-None-Match', in: 'header', schema: { type: 'string' } }, acceptLanguage],
      responses: {
        200: { ...json('Coverage', 'headline, windows, remedy terms, exclusions and policies[]'), headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } }, ...POLICY_HEADERS } },
        304: { description: 'not modified since the ETag in If-None-Match' }, 400: clientErrors[400], 404: clientErrors[404],
      },
    } },
    '/v1/brands/{brand}/sheets': { get: {
      summary: 'The brand\'s sheets as compiled (tables, remedies, windows), for the sheet viewer', operationId: 'listSheets', parameters: [brandParam()],
      responses: { 200: { description: 'sheet names with their kind and row counts' }, 404: clientErrors[404] },
    } },
    '/v1/brands/{brand}/sheets/{sheet}': { get: {
      summary: 'One compiled sheet, its rows citing their sheet:row', operationId: 'getSheet',
      parameters: [brandParam(), { name: 'sheet', in: 'path', required: true, schema: { type: 'string' }, example: apiExamples().sheet },
        { name: 'format', in: 'query', schema: { enum: ['json', 'csv'], default: 'json' }, description: 'csv: cells that start like a formula (= + - @) are exported as text' }],
      responses: { 200: { description: 'the sheet as JSON, or text/csv' }, 400: clientErrors[400], 404: problemResponse('unknown brand or sheet: the problem lists the sheets') },
    } },
    '/healthz': { get: { summary: 'Liveness and policy source', operationId: 'health', responses: { 200: json('Health', 'the Worker answers; status degraded when policies come from a fallback') } } },
    '/openapi.json': { get: { summary: 'This document', operationId: 'openapi', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    '/docs': { get: { summary: 'Human-readable reference (works offline)', operationId: 'docs', responses: { 200: { description: 'HTML' } } } },
  };
}

let built: object | undefined;

export function openApiDocument(): object {
  built ??= {
    openapi: '3.1.0',
    info: {
      title: 'Warranty and returns eligibility API',
      version: '1',
      description: 'Decides which remedies (refund, replacement, repair …) a claim is eligible for under a brand\'s published policy, and why. Every 4xx is application/problem+json.',
    },
    paths: paths(),
    components: {
      schemas: {
        ...components([[EligibilityRequestSchema, 'EligibilityRequest'], [BatchRequestSchema, 'BatchRequest']], 'input'),
        ...components([
          [DecisionSchema, 'Decision'], [BatchResponseSchema, 'BatchResponse'], [BrandListSchema, 'BrandList'],
          [BrandDetailSchema, 'BrandDetail'], [CoverageSchema, 'Coverage'], [HealthSchema, 'Health'], [ProblemSchema, 'Problem'],
        ], 'output'),
      },
    },
  };
  return built;
}
