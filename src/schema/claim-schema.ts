// A brand's claim as JSON Schema (2020-12), built from its compiled vocabulary: one property per
// fact, accepting what checkClaim accepts, so generated clients, forms and AI agents get a typed
// claim instead of an open object. Runtime-free: the Worker serves it, tests validate against it.

import type { CompiledFact, CompiledPolicy, FactType } from '../contract.js';
import { MAX_AMOUNT, MAX_TEXT } from '../evaluate/check-claim.js';
import { valueLabelsIn } from './value-labels.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** One JSON Schema node, as plain data (enough of the vocabulary for a claim). */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface ClaimSchema extends JsonSchema {
  readonly $schema: typeof JSON_SCHEMA_DIALECT;
  readonly type: 'object';
  readonly additionalProperties: false;
  readonly properties: Readonly<Record<string, JsonSchema>>;
}

// Every fact may be null: checkClaim reads null as "not given", the same as leaving the fact out.
const NULL: JsonSchema = { type: 'null' };

/** Amounts as a number or a decimal string, in currency units with at most two decimals (money.ts). */
const MONEY: JsonSchema = {
  anyOf: [{ type: 'number', minimum: 0, maximum: MAX_AMOUNT, multipleOf: 0.01 }, { type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,2})?$' }, NULL],
};

/** What each fact type accepts; enum values come from the fact itself. */
const VALUE_SCHEMAS = {
  boolean: () => ({ type: ['boolean', 'null'] }),
  enum: (fact) => ({ type: ['string', 'null'], enum: [...(fact.values ?? []), null] }),
  text: () => ({ type: ['string', 'null'], maxLength: MAX_TEXT }),
  date: () => ({ type: ['string', 'null'], format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  number: () => ({ type: ['number', 'null'] }),
  money: () => MONEY,
} satisfies Record<FactType, (fact: CompiledFact) => JsonSchema>;

/** The fact's label in `locale` (else the brand's default), or none: a title is only worth a real label. */
function labelOf(fact: CompiledFact, locale: string, fallback: string): string | undefined {
  return fact.labels?.[locale] ?? fact.labels?.[fallback];
}

function describeFact(fact: CompiledFact): string | undefined {
  // JSON Schema cannot compare two properties: the order of dates is said in words and in x-not-before.
  const order = fact.notBefore?.length ? `Not before ${fact.notBefore.join(' or ')}.` : '';
  const text = [fact.description ? `${fact.description[0]!.toUpperCase()}${fact.description.slice(1)}.` : '', order].filter(Boolean).join(' ');
  return text || undefined;
}

/**
 * Each enum value with its title in the locale: `oneOf` of `{ const, title }` is how JSON Schema names
 * the values of an enumeration (form generators such as RJSF and JSON Forms show the titles, agents read
 * them); `enum` stays beside it for tools that only read that. The same values: it accepts nothing more.
 */
function titledValues(fact: CompiledFact, locale: string, fallback: string): JsonSchema {
  if (fact.type !== 'enum') return {};
  const titles = valueLabelsIn(fact, locale, fallback);
  return { oneOf: [...(fact.values ?? []).map((value) => ({ const: value, title: titles[value] })), NULL] };
}

function factSchema(fact: CompiledFact, locale: string, fallback: string): JsonSchema {
  const title = labelOf(fact, locale, fallback);
  const description = describeFact(fact);
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...VALUE_SCHEMAS[fact.type](fact),
    ...titledValues(fact, locale, fallback),
    ...(fact.notBefore?.length ? { 'x-not-before': fact.notBefore } : {}),
  };
}

/**
 * The claim `policy` reads, titled in `locale`. No fact is required: the claim date defaults to the
 * day of the request, and a fact left out is one the decision says it could not establish.
 */
export function claimSchema(policy: CompiledPolicy, locale: string): ClaimSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `${policy.name} claim`,
    description: `The facts of a claim for ${policy.name}, policy version ${policy.version}. Every fact is optional: leave out (or send null for) what is not known. ${policy.claimDate} defaults to today. Dates are YYYY-MM-DD; amounts are in ${policy.currency}.`,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(policy.facts.map((fact) => [fact.name, factSchema(fact, locale, policy.defaultLocale)])),
    'x-brand': policy.brand,
    'x-policy-version': policy.version,
    'x-locale': locale,
  };
}
