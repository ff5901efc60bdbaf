// Whole requests: claims to POST /v1/eligibility and carts to /v1/eligibility/batch, with broken
// bodies, media types, methods and query strings, and GETs of the read routes with random paths and
// query parameters. Each knows the status and the fields its answer must name.

import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../../functions/app.js';
import { MAX_BATCH_ITEMS } from '../../../functions/request-schemas.js';
import { BRAND_ID_PATTERN } from '../../../src/store/brand-id.js';
import { ACME } from '../fixture-brands.js';
import { anyClaim, brokenClaim, type GeneratedClaim, validClaim } from './claim-arbitraries.js';
import { type ExpectedItem, type FuzzRequest, jsonRequest, RawJson, toJsonText } from './fuzz-request.js';
import type { BrandVocabulary } from './vocabulary.js';

// A "__proto__" key is refused with the body's shape (zod would drop it), before any fact is checked.
const brokenFields = (broken: string[], root: string) => (broken.includes('__proto__') ? [`${root}.__proto__`] : broken.map((f) => `${root}.${f}`));

const brandOf = (vocabs: BrandVocabulary[]) => fc.constantFrom(...vocabs);

/** Brand ids that are well-formed but not published. */
const unpublished = (vocabs: BrandVocabulary[]) => fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((b) => !vocabs.some((v) => v.brand === b));

/** Query strings the eligibility routes read, valid or not, plus parameters nobody reads. */
const eligibilityQuery = fc
  .record({
    explain: fc.option(
      fc.oneof(fc.constantFrom('1', '0', 'true', 'false'), fc.constantFrom('', 'yes', 'TRUE', '2'), fc.string({ unit: 'binary', maxLength: 8 })),
      { nil: undefined },
    ),
    policy: fc.option(
      fc.oneof(fc.constantFrom('order_date', 'current'), fc.constantFrom('', 'latest', 'CURRENT'), fc.string({ unit: 'binary', maxLength: 8 })),
      { nil: undefined },
    ),
    other: fc.dictionary(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).filter((k) => k !== 'explain' && k !== 'policy'),
      fc.string({ unit: 'binary', maxLength: 20 }),
      { maxKeys: 2 },
    ),
  })
  .map(({ explain, policy, other }) => {
    const params = new URLSearchParams(other);
    if (explain !== undefined) params.set('explain', explain);
    if (policy !== undefined) params.set('policy', policy);
    const fields: string[] = [];
    if (explain !== undefined && !['1', '0', 'true', 'false'].includes(explain)) fields.push('query.explain');
    if (policy !== undefined && !['order_date', 'current'].includes(policy)) fields.push('query.policy');
    const text = params.toString();
    return { search: text ? `?${text}` : '', fields };
  });

const ACCEPT_LANGUAGE = fc.option(
  fc.oneof(fc.constantFrom('en', 'de-AT,de;q=0.9', 'fr-CH', 'zz', '*', '', 'en;q=abc', ',,,'), fc.string({ unit: 'grapheme-ascii', maxLength: 30 })),
  { nil: undefined },
);

const withLanguage = (lang: string | undefined): Record<string, string> => (lang === undefined ? {} : { 'accept-language': lang });

/** POST /v1/eligibility with a valid claim: 200, unless the query string is wrong. */
export function validEligibility(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  return brandOf(vocabs).chain((v) =>
    fc
      .tuple(validClaim(v), eligibilityQuery, ACCEPT_LANGUAGE)
      .map(([claim, query, lang]) =>
        jsonRequest(
          'valid claim',
          `/v1/eligibility${query.search}`,
          { brand: v.brand, claim },
          query.fields.length ? { status: 400, fields: query.fields } : { status: 200 },
          withLanguage(lang),
        ),
      ),
  );
}

/** POST /v1/eligibility with a claim broken in one to three facts: 400 naming each. */
export function brokenEligibility(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  return brandOf(vocabs).chain((v) =>
    brokenClaim(v).map(({ claim, broken }) =>
      jsonRequest('broken claim', '/v1/eligibility', { brand: v.brand, claim }, { status: 400, fields: brokenFields(broken, 'claim') }),
    ),
  );
}

const BRAND_ID = BRAND_ID_PATTERN;
const notAnObject = fc.oneof(
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
/** Near misses of a published id (a fixture brand's): case, spaces, separators, paths, accents. */
const nearMisses = (id: string) => {
  const capital = `${id[0]!.toUpperCase()}${id.slice(1)}`;
  const middle = Math.ceil(id.length / 2);
  return [
    capital,
    id.toUpperCase(),
    `${capital} X`,
    ` ${id}`,
    `${id} `,
    `-${id}`,
    `${id.slice(0, middle)} ${id.slice(middle)}`,
    `${id.slice(0, middle)}_${id.slice(middle)}`,
    `9${id}`,
    `${id}/..`,
    `../${id}`,
    `${id.slice(0, -1)}é`,
  ];
};
const badBrandId = fc.oneof(
  fc.constantFrom('', ...nearMisses(ACME), 'k'.repeat(64), '\u0000'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter((s) => !BRAND_ID.test(s)),
  notAnObject.filter((x) => !(typeof x === 'string' && BRAND_ID.test(x))),
);

/**
 * A body of the wrong shape: the brand or claim missing or mistyped, unknown fields, not an object;
 * sometimes with a wrong query string too, whose problems come back in the same answer.
 */
export function malformedEligibility(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  const shape = brandOf(vocabs)
    .chain((v) =>
      fc.record({
        brand: fc.oneof(
          fc.constant({ value: v.brand as unknown, bad: false }),
          fc.constant({ value: undefined, bad: true }),
          badBrandId.map((value) => ({ value, bad: true })),
        ),
        claim: fc.oneof(
          validClaim(v).map((value) => ({ value: value as unknown, bad: false })),
          fc.constant({ value: undefined, bad: true }),
          notAnObject.map((value) => ({ value, bad: true })),
        ),
        extra: fc.dictionary(
          fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((k) => k !== 'brand' && k !== 'claim' && k !== '__proto__'),
          fc.jsonValue({ maxDepth: 1 }),
          { maxKeys: 2 },
        ),
        query: eligibilityQuery,
      }),
    )
    .filter(({ brand, claim, extra }) => brand.bad || claim.bad || Object.keys(extra).length > 0)
    .map(({ brand, claim, extra, query }) => {
      const body: Record<string, unknown> = { ...extra };
      if (brand.value !== undefined) body.brand = brand.value;
      if (claim.value !== undefined) body.claim = claim.value;
      const fields = [...query.fields, ...(brand.bad ? ['brand'] : []), ...(claim.bad ? ['claim'] : []), ...Object.keys(extra)];
      return jsonRequest('malformed body', `/v1/eligibility${query.search}`, body, { status: 400, fields });
    });
  const whole = fc
    .tuple(notAnObject, eligibilityQuery)
    .map(([body, query]) => jsonRequest('body not an object', `/v1/eligibility${query.search}`, body, { status: 400, fields: [...query.fields, '$'] }));
  const unknown = fc
    .tuple(unpublished(vocabs), brandOf(vocabs).chain(validClaim))
    .map(([brand, claim]) => jsonRequest('unknown brand', '/v1/eligibility', { brand, claim }, { status: 404, fields: ['brand'] }));
  return fc.oneof({ arbitrary: shape, weight: 4 }, { arbitrary: whole, weight: 1 }, { arbitrary: unknown, weight: 1 });
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/problem+json', 'application/vnd.api+json'];
const OTHER_TYPES = [
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonx',
  'json',
  '',
  'application/json+',
  '*/*',
];

/** Bodies that are not JSON, JSON under another media type, the wrong method, an oversized body. */
export function rawEligibility(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  const route = fc.constantFrom('/v1/eligibility', '/v1/eligibility/batch');
  const good = brandOf(vocabs).chain((v) => validClaim(v).map((claim) => toJsonText({ brand: v.brand, claim })));
  const truncated = fc.tuple(good, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), route).map(([text, cut, path]) => ({
    kind: 'truncated JSON',
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body: text.slice(0, Math.floor(text.length * cut)),
    expect: { status: 400 },
  }));
  const garbage = fc
    .tuple(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('{', '[', '{"brand":', 'null', '1', '""', '{}}', '{"a":1,}', `{'brand':'${ACME}'}`, 'NaN', '\uFEFF{}'),
      ),
      route,
    )
    .map(([body, path]): FuzzRequest => {
      // JSON.parse is the oracle: a document that parses but is no object is wrong as a whole ($).
      let parsed: unknown,
        parses = true;
      try {
        parsed = JSON.parse(body);
      } catch {
        parses = false;
      }
      const whole = parses && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed));
      return {
        kind: 'garbage body',
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body,
        expect: { status: 400, ...(whole ? { fields: ['$'] } : {}) },
      };
    });
  const mediaType = fc
    .tuple(
      good,
      fc.oneof(
        fc.constantFrom(...OTHER_TYPES),
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).filter((t) => !/json/i.test(t)),
      ),
      fc.boolean(),
    )
    .map(
      ([body, type, send]): FuzzRequest => ({
        kind: 'wrong content-type',
        method: 'POST',
        path: '/v1/eligibility',
        headers: send ? { 'content-type': type } : {},
        body,
        expect: { status: 415 },
      }),
    );
  const jsonType = fc.tuple(good, fc.constantFrom(...JSON_TYPES)).map(
    ([body, type]): FuzzRequest => ({
      kind: 'JSON media type',
      method: 'POST',
      path: '/v1/eligibility',
      headers: { 'content-type': type },
      body,
      expect: { status: 200 },
    }),
  );
  const method = fc.tuple(good, fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD'), route).map(
    ([body, m, path]): FuzzRequest => ({
      kind: 'wrong method',
      method: m,
      path,
      headers: { 'content-type': 'application/json' },
      body,
      expect: { status: 405 },
    }),
  );
  const oversized = fc.tuple(fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 2 }), route).map(([size, path]): FuzzRequest => {
    const text = toJsonText({ brand: ACME, claim: { product_line: '' } });
    return {
      kind: 'oversized body',
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      body: text.replace('""', `"${'x'.repeat(size - text.length + 2)}"`),
      expect: { status: 413 },
    };
  });
  return fc.oneof(truncated, garbage, mediaType, jsonType, method, { arbitrary: oversized, weight: 1 });
}

/** A cart of valid and broken claims, some for unpublished brands: 200 with one answer per item. */
export function batchEligibility(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  type Item = GeneratedClaim & { brand: string; unknown: boolean };
  const item = fc.oneof(
    { weight: 12, arbitrary: brandOf(vocabs).chain((v) => anyClaim(v).map((g): Item => ({ brand: v.brand, ...g, unknown: false }))) },
    {
      weight: 1,
      arbitrary: fc.tuple(unpublished(vocabs), brandOf(vocabs).chain(validClaim)).map(([brand, claim]): Item => ({ brand, claim, broken: [], unknown: true })),
    },
  );
  return fc.tuple(fc.array(item, { minLength: 1, maxLength: MAX_BATCH_ITEMS }), eligibilityQuery, fc.nat()).map(([items, query, dup]) => {
    // A repeated item must get the same answer as the original (determinism within one request).
    const cart = items.length < MAX_BATCH_ITEMS ? [...items, items[dup % items.length]!] : items;
    const expected: ExpectedItem[] = cart.map((it, i) =>
      it.unknown
        ? { status: 404, fields: [`items[${i}].brand`] }
        : it.broken.length
          ? { status: 400, fields: brokenFields(it.broken, `items[${i}].claim`) }
          : { status: 200 },
    );
    const body = { items: cart.map(({ brand, claim }) => ({ brand, claim })) };
    // A shape problem fails the whole cart, a claim problem only its item. The query is checked first,
    // then the body's shape (where a "__proto__" fact is refused).
    const protos = cart.flatMap((it, i) => (it.broken.includes('__proto__') ? [`items[${i}].claim.__proto__`] : []));
    const shape = query.fields.length ? query.fields : protos;
    const twins: [number, number] | undefined = cart.length > items.length ? [dup % items.length, cart.length - 1] : undefined;
    return jsonRequest(
      'cart',
      `/v1/eligibility/batch${query.search}`,
      body,
      shape.length ? { status: 400, fields: shape } : { status: 200, items: expected, ...(twins ? { twins } : {}) },
    );
  });
}

/** Carts of the wrong shape: empty, too many items, items without a brand or claim, not a list. */
export function malformedBatch(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  const good = brandOf(vocabs).chain((v) => validClaim(v).map((claim) => ({ brand: v.brand, claim })));
  const tooMany = fc
    .tuple(good, fc.integer({ min: MAX_BATCH_ITEMS + 1, max: MAX_BATCH_ITEMS * 3 }))
    .map(([g, n]) => jsonRequest('cart too large', '/v1/eligibility/batch', { items: Array.from({ length: n }, () => g) }, { status: 400, fields: ['items'] }));
  const empty = fc.constant(jsonRequest('empty cart', '/v1/eligibility/batch', { items: [] }, { status: 400, fields: ['items'] }));
  const notList = notAnObject
    .filter((x) => !Array.isArray(x))
    .map((items) => jsonRequest('items not a list', '/v1/eligibility/batch', { items }, { status: 400, fields: ['items'] }));
  const badItem = fc
    .tuple(fc.array(good, { minLength: 0, maxLength: 5 }), fc.constantFrom('brand', 'claim'), fc.oneof(notAnObject, fc.constant(undefined)), fc.nat())
    .map(([items, field, value, pos]) => {
      const i = pos % (items.length + 1);
      const broken: Record<string, unknown> = { brand: ACME, claim: {} };
      if (value === undefined) delete broken[field];
      else broken[field] = field === 'brand' && typeof value === 'string' && BRAND_ID.test(value) ? 1 : value;
      const cart = [...items.slice(0, i), broken, ...items.slice(i)];
      return jsonRequest('malformed cart item', '/v1/eligibility/batch', { items: cart }, { status: 400, fields: [`items[${i}].${field}`] });
    });
  const nested = fc
    .integer({ min: 1, max: 20_000 })
    .map((depth) =>
      jsonRequest(
        'nested cart',
        '/v1/eligibility/batch',
        { items: new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`) },
        { status: 400, fields: [depth === 1 ? 'items' : 'items[0]'] },
      ),
    );
  return fc.oneof(tooMany, empty, notList, badItem, nested);
}

const encode = (segment: string) => encodeURIComponent(segment);

/** GET coverage with random brands and query parameters. */
export function coverageRequests(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  // parts: null when the brand's vocabulary has no part (its terms do not depend on one: ignored).
  type Target = { brand: string; parts: string[] | null; published: boolean };
  const target = fc.oneof(
    {
      weight: 5,
      arbitrary: brandOf(vocabs).map((v): Target => ({ brand: v.brand, parts: v.facts.find((f) => f.name === 'part')?.values ?? null, published: true })),
    },
    // Any text as the brand segment, except the dot segments a URL resolves away.
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'binary', minLength: 1, maxLength: 20 })
        .filter((b) => b !== '.' && b !== '..' && !vocabs.some((v) => v.brand === b))
        .map((brand): Target => ({ brand, parts: [], published: false })),
    },
  );
  const text = fc.oneof(fc.string({ unit: 'binary', minLength: 0, maxLength: 120 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 100 }));
  return fc
    .tuple(
      target,
      fc.option(text, { nil: undefined }),
      fc.option(text, { nil: undefined }),
      fc.nat(),
      fc.dictionary(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).filter((k) => k !== 'part' && k !== 'product_line'),
        fc.string({ unit: 'binary', maxLength: 30 }),
        { maxKeys: 3 },
      ),
      ACCEPT_LANGUAGE,
      fc.option(fc.oneof(fc.constant('*'), fc.string({ unit: 'grapheme-ascii', maxLength: 40 })), { nil: undefined }),
    )
    .map(([t, productLine, randomPart, pick, extra, lang, ifNoneMatch]): FuzzRequest => {
      // Half the time a part the brand knows; otherwise whatever text was drawn.
      const part = randomPart !== undefined && pick % 2 === 0 && t.parts?.length ? t.parts[pick % t.parts.length]! : randomPart;
      const params = new URLSearchParams(extra);
      if (productLine !== undefined) params.set('product_line', productLine);
      if (part !== undefined) params.set('part', part);
      // The query's shape is checked first (1 to 100 characters), then the brand, then the part's value.
      const shapeOk = (v: string | undefined) => v === undefined || (v.length >= 1 && v.length <= 100);
      const fields = [...(shapeOk(productLine) ? [] : ['query.product_line']), ...(shapeOk(part) ? [] : ['query.part'])];
      let expect: FuzzRequest['expect'];
      if (fields.length) expect = { status: 400, fields };
      else if (!t.published) expect = BRAND_ID.test(t.brand) ? { status: 404, fields: ['path.brand'] } : { clientError: true };
      else if (part !== undefined && t.parts && !t.parts.includes(part)) expect = { status: 400, fields: ['query.part'] };
      else expect = { clientError: false };
      const headers = { ...withLanguage(lang), ...(ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch }) };
      const search = params.toString();
      return { kind: 'coverage', method: 'GET', path: `/v1/brands/${encode(t.brand)}/coverage${search ? `?${search}` : ''}`, headers, expect };
    });
}

/** GETs of the other read routes and of paths that are no route. */
export function readRequests(vocabs: BrandVocabulary[]): fc.Arbitrary<FuzzRequest> {
  const get = (kind: string, path: string, expect: FuzzRequest['expect']): FuzzRequest => ({ kind, method: 'GET', path, headers: {}, expect });
  return fc.oneof(
    brandOf(vocabs).chain((v) =>
      fc
        .tuple(
          fc.oneof(
            fc.constantFrom(...v.sheets).map((s) => ({ s, ok: true })),
            fc
              .string({ unit: 'binary', minLength: 1, maxLength: 30 })
              .filter((s) => !v.sheets.includes(s))
              .map((s) => ({ s, ok: false })),
          ),
          fc.option(fc.oneof(fc.constantFrom('csv', 'json'), fc.constantFrom('', 'CSV', 'xlsx'), fc.string({ maxLength: 6 })), { nil: undefined }),
        )
        .map(([{ s, ok }, format]) => {
          // The query is checked first, then the sheet's name.
          const badFormat = format !== undefined && format !== 'csv' && format !== 'json';
          const expect = badFormat ? { status: 400, fields: ['query.format'] } : ok ? { status: 200 } : { status: 404, fields: ['path.sheet'] };
          return get('sheet', `/v1/brands/${v.brand}/sheets/${encode(s)}${format === undefined ? '' : `?format=${encode(format)}`}`, expect);
        }),
    ),
    unpublished(vocabs).map((b) => get('unknown brand', `/v1/brands/${b}`, { status: 404, fields: ['path.brand'] })),
    brandOf(vocabs).map((v) => get('brand', `/v1/brands/${v.brand}`, { status: 200 })),
    fc
      .oneof(
        fc.constantFrom(
          '/v1',
          '/v1/',
          '/v1/brands/',
          '/v1//brands',
          `/v1/brands/${ACME}/`,
          '/v1/eligibility/',
          '/v1/brands/%E0%A4%A',
          '/v1/brands/..%2f..%2fetc%2fpasswd',
          `/v1/brands/${ACME}/sheets/..%2f..%2fpackage.json`,
          '/.env',
          '/wrangler.toml',
          '/node_modules/hono/package.json',
          '/functions/app.ts',
          `/v1/brands/${ACME}%00`,
        ),
        fc
          .array(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map(encode), { minLength: 1, maxLength: 4 })
          .map((segments) => `/x/${segments.join('/')}`),
      )
      .map((path) => get('odd path', path, { clientError: true })),
  );
}
