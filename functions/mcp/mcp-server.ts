// The MCP tools AI agents call: the brand list, a brand's claim schema, its coverage terms and a
// claim's decision. Each tool answers with the REST routes' own functions (loadBrand, decideClaim,
// coverageAnswer, claimSchema) — text for the agent to read, structuredContent for a program — and
// turns a client problem into a tool error naming the field. Read-only: nothing here writes.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import * as z from 'zod/mini';
import { claimSchema } from '../../src/schema/claim-schema.js';
import { brandRow } from '../brand-rows.js';
import { coverageAnswer, coverageProbe } from '../coverage-terms.js';
import { decideClaim, loadBrand } from '../decide-claim.js';
import { negotiateLocale } from '../negotiate-locale.js';
import { MAX_PAGE_SIZE, type PolicyStore } from '../policy-store.js';
import { PolicyUnavailable, ProblemError } from '../problem.js';
import { BrandListSchema, CoverageSchema, DecisionSchema } from '../response-schemas.js';
import { brandListText, decisionText, problemText, termsText } from './tool-text.js';

export interface ToolContext {
  store: PolicyStore;
  today: string; // YYYY-MM-DD (UTC), as the REST routes use it
  acceptLanguage: string | undefined; // the HTTP request's, when a tool call names no language
  requestId: string;
  log: (line: string) => void;
}

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

const Brand = z.string().check(z.maxLength(100), z.describe('brand id, as list_brands gives it'));
const Language = z.optional(
  z
    .string()
    .check(
      z.maxLength(100),
      z.describe('language for labels and reasons, e.g. "de" (default: the request\'s Accept-Language, else the brand\'s default language)'),
    ),
);
const QueryText = z.optional(z.string().check(z.minLength(1), z.maxLength(100)));

const INSTRUCTIONS =
  "Warranty and returns eligibility for the brands list_brands names. get_terms tells a shopper a product's terms before buying; " +
  "for a claim, call get_claim_schema for the brand's facts, then check_eligibility. Every answer cites its policy version; nothing here changes any data.";

/** A tool's answer: the text, the data, or a client problem as a tool error; faults logged, never shown. */
async function answer(context: ToolContext, tool: string, run: () => Promise<{ text: string; data: object }>): Promise<CallToolResult> {
  try {
    const { text, data } = await run();
    // Interfaces (a Decision) carry no index signature: the data is a JSON object all the same.
    return { content: [{ type: 'text', text }], structuredContent: data as Record<string, unknown> };
  } catch (error) {
    if (error instanceof ProblemError) return { isError: true, content: [{ type: 'text', text: problemText(error.problem) }] };
    const unavailable = error instanceof PolicyUnavailable;
    context.log(
      JSON.stringify({ level: 'error', event: unavailable ? 'policy_unavailable' : 'unhandled', tool, request_id: context.requestId, message: String(error) }),
    );
    const text = unavailable
      ? 'The policy cannot be loaded right now: retry shortly.'
      : `Something went wrong on our side: quote request id ${context.requestId} when reporting this.`;
    return { isError: true, content: [{ type: 'text', text }] };
  }
}

function registerBrandTools(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'list_brands',
    {
      title: 'List brands',
      description:
        'The brands with a published warranty and returns policy: id, name, status (ok, scheduled, degraded, unavailable), policy version and languages.',
      inputSchema: {
        cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024), z.describe('the cursor a previous answer gave, for the next page'))),
      },
      outputSchema: BrandListSchema,
      annotations: READ_ONLY,
    },
    ({ cursor }) =>
      answer(context, 'list_brands', async () => {
        const page = await context.store.brandPage(cursor ?? null, MAX_PAGE_SIZE);
        const brands = page.brands.map((b) => brandRow(b, context.today));
        return { text: brandListText(brands, page.nextCursor), data: { brands, next_cursor: page.nextCursor } };
      }),
  );

  server.registerTool(
    'get_claim_schema',
    {
      title: "Get a brand's claim schema",
      description:
        'The facts a claim for this brand may carry, as JSON Schema 2020-12 (the same as GET /v1/brands/{brand}/claim-schema): types, allowed values, date formats and what each fact means.',
      inputSchema: { brand: Brand, language: Language },
      annotations: READ_ONLY,
    },
    ({ brand, language }) =>
      answer(context, 'get_claim_schema', async () => {
        const { policy } = await loadBrand(context.store, brand, { mode: 'current' }, 'brand', context.today);
        const schema = claimSchema(policy, negotiateLocale(language ?? context.acceptLanguage, policy.locales, policy.defaultLocale));
        return { text: JSON.stringify(schema), data: schema };
      }),
  );
}

function registerDecisionTools(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'get_terms',
    {
      title: 'Get warranty and return terms',
      description:
        "A brand's terms for a product line and part, as its storefront badge shows them: headline, time limits and the date each counts from, what a customer can ask for and who pays, and what is not covered.",
      inputSchema: { brand: Brand, product_line: QueryText, part: QueryText, language: Language },
      outputSchema: CoverageSchema,
      annotations: READ_ONLY,
    },
    ({ brand, product_line, part, language }) =>
      answer(context, 'get_terms', async () => {
        const { policy } = await loadBrand(context.store, brand, { mode: 'current' }, 'brand', context.today);
        const probe = coverageProbe(policy, { product_line, part }, 'arguments');
        const terms = coverageAnswer(policy, probe, negotiateLocale(language ?? context.acceptLanguage, policy.locales, policy.defaultLocale), context.today);
        return { text: termsText(terms), data: terms };
      }),
  );

  server.registerTool(
    'check_eligibility',
    {
      title: 'Check a claim',
      description:
        'Decides a warranty or returns claim for a brand: for each remedy (refund, replacement, repair…) whether it is available, until when, at what fees, what to send and why, citing the policy sheet row. ' +
        "The claim is an object of the brand's facts: get_claim_schema (or GET /v1/brands/{brand}/claim-schema) gives the exact schema. Dates are YYYY-MM-DD; leave out what is not known; the claim date defaults to today.",
      inputSchema: {
        brand: Brand,
        claim: z.record(z.string(), z.unknown()).check(z.describe("the claim's facts by name, per the brand's claim schema (get_claim_schema)")),
        language: Language,
      },
      outputSchema: DecisionSchema,
      annotations: READ_ONLY,
    },
    ({ brand, claim, language }) =>
      answer(context, 'check_eligibility', async () => {
        const { decision } = await decideClaim(context.store, brand, claim, {
          mode: 'order_date',
          explain: false,
          acceptLanguage: language ?? context.acceptLanguage,
          today: context.today,
          path: '',
        });
        return { text: decisionText(decision), data: decision };
      }),
  );
}

/** A server for one request (stateless: nothing is kept between requests). */
export function createMcpServer(context: ToolContext, version: string): McpServer {
  // The SDK's default validator (Ajv) compiles schemas with `new Function`, which workerd forbids.
  const server = new McpServer(
    { name: 'warranty-eligibility', version },
    { instructions: INSTRUCTIONS, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
  );
  registerBrandTools(server, context);
  registerDecisionTools(server, context);
  return server;
}
