// Every route of the API as the reference documents it: parameters, request and response examples,
// and each status it answers. test/edge/openapi.test.ts holds this table equal to the app's routes.

import { BRAND_ID_RULE } from '../src/store/brand-id.js';
import type { ApiExamples } from './api-examples.js';
import { brandProblems, commonProblems, jsonAnswer, POLICY_HEADERS, problemAnswer, REQUEST_ID_HEADER, ref, UNKNOWN_BRAND } from './openapi-responses.js';
import { MAX_BATCH_ITEMS } from './request-schemas.js';

const text = (description: string) => ({ description, schema: { type: 'string' } });
const header = (name: string, description: string) => ({ name, in: 'header', ...text(description) });

const acceptLanguage = header('Accept-Language', "picks the locale of messages and labels; the brand's default otherwise (see Content-Language)");
const ifNoneMatch = header('If-None-Match', 'the ETag of a copy you hold: 304 when it is still current');
const withLocale = { ...POLICY_HEADERS, 'Content-Language': text('the locale of the answer') };
const cached = { ...withLocale, ETag: text('changes with the policy version, the query and the locale'), 'Cache-Control': text('how long a copy may be kept') };

function brandParam(examples: ApiExamples) {
  return {
    name: 'brand',
    in: 'path',
    required: true,
    description: 'brand id, as GET /v1/brands lists it',
    schema: { type: 'string' },
    example: examples.brand,
  };
}

const bodyProblems = (path: string) => ({
  413: problemAnswer('the body is larger than 256 KB', { 'too large': ['body-too-large', { detail: 'expected at most 262144 bytes' }] }),
  415: problemAnswer('the body is not application/json', {
    'not JSON': ['unsupported-media-type', { detail: 'Content-Type is "text/plain": expected application/json' }],
  }),
  ...commonProblems(path, 'POST'),
});

function eligibility(examples: ApiExamples) {
  const { brand, claim, answers } = examples;
  const parameters = [
    {
      name: 'explain',
      in: 'query',
      description: 'add `trace`: every decision table and the rows that matched',
      schema: { enum: ['1', '0', 'true', 'false'] },
      example: '1',
    },
    {
      name: 'policy',
      in: 'query',
      description: "order_date: the version in force on purchased_on (else delivered_on); current: today's",
      schema: { enum: ['order_date', 'current'], default: 'order_date' },
    },
    acceptLanguage,
  ];
  const badRequest = problemAnswer('the request or the claim is not valid: errors[] names each bad field by JSON path', {
    "claim does not fit the brand's facts": [
      'invalid-claim',
      {
        detail: `1 problem(s) with the claim for ${brand}; GET /v1/brands/${brand} lists its facts`,
        errors: [{ path: 'claim.delivered_on', message: 'expected a calendar date as YYYY-MM-DD' }],
      },
    ],
    'body not valid JSON': ['malformed-json', { detail: 'expected a JSON document such as {"brand": "<brand id>", "claim": {…}}' }],
    'wrong shape': ['invalid-request', { errors: [{ path: 'brand', message: 'expected string' }] }],
  });
  const single = {
    summary: 'Decide a claim',
    operationId: 'decideClaim',
    tags: ['Eligibility'],
    description:
      "Every remedy of the brand (refund, replacement, repair …) with its status, deadline, fees, evidence and the sheet rows that decided it. The claim is checked against the brand's facts (GET /v1/brands/{brand}/claim-schema).",
    parameters,
    requestBody: { required: true, content: { 'application/json': { schema: ref('EligibilityRequest'), example: { brand, claim } } } },
    responses: {
      200: jsonAnswer('Decision', 'the decision for every remedy of the brand (with ?explain, its trace)', answers?.decision, withLocale),
      400: badRequest,
      404: brandProblems(BRAND_ID_RULE)[404],
      ...bodyProblems('/v1/eligibility'),
      503: commonProblems('', '', { unavailable: true })[503],
    },
  };
  const unknown = {
    index: 1,
    status: 404,
    problem: {
      type: '/docs#problem-unknown-brand',
      title: 'No policy is published for this brand',
      status: 404,
      detail: 'no policy is published for brand "nope": GET /v1/brands lists the published brands',
      errors: [{ path: 'items[1].brand', message: 'no policy is published for brand "nope": GET /v1/brands lists the published brands' }],
    },
  };
  const batch = {
    summary: `Decide up to ${MAX_BATCH_ITEMS} claims (a cart)`,
    operationId: 'decideClaims',
    tags: ['Eligibility'],
    description:
      'One result per item, in order. A bad item (unknown brand, invalid claim, a brand whose policy cannot be read) carries its own problem and status; the others are decided.',
    parameters,
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: ref('BatchRequest'),
          example: {
            items: [
              { brand, claim },
              { brand: 'nope', claim: {} },
            ],
          },
        },
      },
    },
    responses: {
      200: jsonAnswer(
        'BatchResponse',
        'one result per item, in order; a bad item carries its own problem',
        answers && { count: 2, failed: 1, results: [{ index: 0, status: 200, decision: answers.decision }, unknown] },
        POLICY_HEADERS,
      ),
      400: problemAnswer('the body is not a cart: errors[] names each bad field', {
        'too many items': [
          'invalid-request',
          { errors: [{ path: 'items', message: `expected at most ${MAX_BATCH_ITEMS} items: split the cart into several calls` }] },
        ],
        'body not valid JSON': ['malformed-json', { detail: 'expected a JSON document such as {"brand": "<brand id>", "claim": {…}}' }],
      }),
      ...bodyProblems('/v1/eligibility/batch'),
    },
  };
  return { '/v1/eligibility': { post: single }, '/v1/eligibility/batch': { post: batch } };
}

function brands(examples: ApiExamples) {
  const { answers } = examples;
  const brand = brandParam(examples);
  const byBrand = (path: string, unavailable = true) => ({ ...brandProblems(BRAND_ID_RULE), ...commonProblems(path, 'GET, HEAD', { unavailable }) });
  return {
    '/v1/brands': {
      get: {
        summary: 'List brands with a published policy',
        operationId: 'listBrands',
        tags: ['Brands'],
        description:
          'A page of brands by id, each with the version in force today and those scheduled. A brand that cannot be read is listed as unavailable; the others are unaffected.',
        parameters: [
          { name: 'cursor', in: 'query', description: 'next_cursor of the previous page', schema: { type: 'string', minLength: 1, maxLength: 1024 } },
          {
            name: 'limit',
            in: 'query',
            description: 'brands per page, 1 to 1000 (default and most: 1000)',
            schema: { type: 'string', pattern: '^(?:[1-9]\\d{0,2}|1000)$' },
            example: '50',
          },
        ],
        responses: {
          200: jsonAnswer('BrandList', 'one page of brands; next_cursor for the next', answers?.brandList, POLICY_HEADERS),
          400: problemAnswer('a query parameter is wrong', {
            'bad limit': ['invalid-request', { errors: [{ path: 'query.limit', message: 'expected a whole number from 1 to 1000' }] }],
          }),
          ...commonProblems('/v1/brands', 'GET, HEAD', { unavailable: true }),
        },
      },
    },
    '/v1/brands/{brand}': {
      get: {
        summary: "A brand's vocabulary",
        operationId: 'getBrand',
        tags: ['Brands'],
        description:
          "The current policy's remedies, windows, claim facts and reason wording, in the asked locale, and its timeline of versions: what a client needs to build a valid claim.",
        parameters: [brand, acceptLanguage],
        responses: { 200: jsonAnswer('BrandDetail', "the current policy's vocabulary", answers?.brandDetail, withLocale), ...byBrand('/v1/brands/{brand}') },
      },
    },
    '/v1/brands/{brand}/claim-schema': {
      get: {
        summary: "A brand's claim as JSON Schema",
        operationId: 'getClaimSchema',
        tags: ['Brands'],
        description:
          'The claim object of POST /v1/eligibility for this brand as a JSON Schema 2020-12 document: every fact with its type, enum values, formats, label and description in the asked locale. Generate a typed claim from it, or validate a claim before sending it.',
        parameters: [brand, ifNoneMatch, acceptLanguage],
        responses: {
          200: jsonAnswer('ClaimSchema', "a JSON Schema 2020-12 document of the brand's claim", claimSchemaExample(examples), cached),
          304: { description: 'not modified since the ETag in If-None-Match', headers: REQUEST_ID_HEADER },
          ...byBrand('/v1/brands/{brand}/claim-schema'),
        },
      },
    },
    '/v1/brands/{brand}/coverage': {
      get: {
        summary: 'Pre-purchase coverage (checkout badge)',
        operationId: 'getCoverage',
        tags: ['Brands'],
        description:
          'What a shopper gets before buying, for a product line and part: a headline, the windows, what each remedy can involve, the exclusions, and machine-readable terms (policies[]). Cacheable by ETag.',
        parameters: [
          brand,
          {
            name: 'product_line',
            in: 'query',
            description: 'a product line the brand names (ignored when the brand does not read it)',
            schema: { type: 'string', minLength: 1, maxLength: 100 },
          },
          {
            name: 'part',
            in: 'query',
            description: 'a part the brand names (ignored when the brand does not read it)',
            schema: { type: 'string', minLength: 1, maxLength: 100 },
          },
          ifNoneMatch,
          acceptLanguage,
        ],
        responses: {
          200: jsonAnswer('Coverage', 'headline, windows, remedy terms, exclusions and policies[]', answers?.coverage, cached),
          304: { description: 'not modified since the ETag in If-None-Match', headers: REQUEST_ID_HEADER },
          ...byBrand('/v1/brands/{brand}/coverage'),
        },
      },
    },
  };
}

/** The shape GET /v1/brands/{brand}/claim-schema answers, for the example brand's claim dates. */
function claimSchemaExample({ claim }: ApiExamples) {
  const properties = Object.fromEntries(Object.keys(claim).map((name) => [name, { type: ['string', 'null'], format: 'date', title: name }]));
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties, additionalProperties: false };
}

function sheets(examples: ApiExamples) {
  const { answers } = examples;
  const brand = brandParam(examples);
  const byBrand = (path: string) => ({ ...brandProblems(BRAND_ID_RULE), ...commonProblems(path, 'GET, HEAD', { unavailable: true }) });
  return {
    '/v1/brands/{brand}/sheets': {
      get: {
        summary: "A brand's sheets",
        operationId: 'listSheets',
        tags: ['Sheets'],
        description: 'The sheets a decision can cite (`source: "<brand>/<sheet>.csv:<row>"`), for the sheet viewer.',
        parameters: [brand],
        responses: {
          200: jsonAnswer('SheetList', 'sheet names with their kind and row counts', answers?.sheetList, POLICY_HEADERS),
          ...byBrand('/v1/brands/{brand}/sheets'),
        },
      },
    },
    '/v1/brands/{brand}/sheets/{sheet}': {
      get: {
        summary: 'One compiled sheet',
        operationId: 'getSheet',
        tags: ['Sheets'],
        description: 'A decision table, the remedies or the windows as compiled, each row citing its sheet:row; ?format=csv for a spreadsheet.',
        parameters: [
          brand,
          {
            name: 'sheet',
            in: 'path',
            required: true,
            description: 'a sheet name from GET /v1/brands/{brand}/sheets',
            schema: { type: 'string' },
            example: examples.sheet,
          },
          {
            name: 'format',
            in: 'query',
            description: 'csv: cells that start like a formula (= + - @) are exported as text',
            schema: { enum: ['json', 'csv'], default: 'json' },
          },
        ],
        responses: {
          200: {
            description: 'the sheet as JSON, or text/csv (first rows shown)',
            headers: POLICY_HEADERS,
            content: {
              'application/json': { schema: ref('SheetDocument'), ...(answers ? { example: answers.sheetDocument } : {}) },
              'text/csv': { schema: { type: 'string' }, ...(answers ? { example: answers.sheetCsv } : {}) },
            },
          },
          ...byBrand('/v1/brands/{brand}/sheets/{sheet}'),
          404: problemAnswer('unknown brand, or no such sheet: errors[] lists the sheets', {
            'unknown sheet': [
              'not-found',
              {
                detail: `${examples.brand} has no sheet "nope"`,
                errors: [{ path: 'path.sheet', message: 'expected one of the sheets GET /v1/brands/{brand}/sheets lists' }],
              },
            ],
            'unknown brand': UNKNOWN_BRAND,
          }),
        },
      },
    },
  };
}

export function apiPaths(examples: ApiExamples) {
  return { ...eligibility(examples), ...brands(examples), ...sheets(examples) };
}
