// The MCP endpoint as an agent sees it: the SDK's own client over Streamable HTTP, its fetch calling
// the Worker in-process. For every brand the Worker bundles, get_terms answers the badge's terms and
// check_eligibility decides one of the editors' cases with a summary — the same data the REST routes
// give; a claim the brand's vocabulary refuses is a tool error naming the field.

import { env, exports } from 'cloudflare:workers';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageAnswer } from '../../functions/coverage-terms.js';
import type { EligibilityDecision } from '../../functions/decide-claim.js';
import { caseResults } from './case-claims.js';
import { PUBLISHED_POLICIES, publishedPolicy } from './published-policies.js';
import { BASE, call, freshApp, postJson, readJson, recordingKv } from './worker.js';

type Fetch = (request: Request) => Promise<Response>;

/** The SDK's client over Streamable HTTP, its requests answered by `fetch` in this process. */
async function connect(fetch: Fetch): Promise<Client> {
  // workerd forbids `new Function`, which the client's default validator (Ajv) compiles schemas with.
  const connected = new Client({ name: 'edge-test', version: '1.0.0' }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await connected.connect(new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), { fetch: (url, init) => fetch(new Request(url, init)) }));
  return connected;
}

let client: Client;

beforeAll(async () => {
  client = await connect((request) => exports.default.fetch(request));
});

afterAll(() => client.close());

const callTool = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
const textOf = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

describe('tools/list', () => {
  it('lists list_brands, get_terms and check_eligibility (and get_claim_schema), all read-only', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['check_eligibility', 'get_claim_schema', 'get_terms', 'list_brands']);
    for (const tool of tools) expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    const check = tools.find((t) => t.name === 'check_eligibility')!;
    expect(check.description).toContain('/v1/brands/{brand}/claim-schema');
    expect(check.inputSchema.properties).toHaveProperty('claim');
  });
});

describe('list_brands', () => {
  it('gives the brand list route’s rows', async () => {
    const result = await callTool('list_brands', {});
    const rest = await readJson<{ brands: { brand: string }[] }>(await call('/v1/brands'));
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(rest);
    for (const { brand } of rest.brands) expect(textOf(result)).toContain(brand);
  });
});

describe.each(PUBLISHED_POLICIES.brands)('brand %s over MCP', (brand) => {
  const policy = publishedPolicy(brand);
  const language = policy.locales[policy.locales.length - 1]!;

  it('get_terms answers the coverage route’s summary, and its badge text', async () => {
    const result = await callTool('get_terms', { brand, language });
    const rest = await readJson<CoverageAnswer>(await call(`/v1/brands/${brand}/coverage`, { headers: { 'accept-language': language } }));
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(rest);
    const text = textOf(result);
    if (rest.headline) expect(text).toContain(rest.headline);
    for (const remedy of rest.remedies) expect(text).toContain(remedy.label);
  });

  it('check_eligibility decides an editors’ case as POST /v1/eligibility does, with a summary per remedy', async () => {
    const { claim, name } = caseResults(policy)[0]!;
    const result = await callTool('check_eligibility', { brand, claim });
    expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
    const rest = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', { brand, claim }));
    expect(result.structuredContent).toEqual(rest);
    const text = textOf(result);
    expect(text).toContain(rest.summary);
    for (const r of rest.remedies) expect(text).toContain(`${r.label} (${r.remedy}): ${r.summary}`);
  });

  it('check_eligibility refuses a value outside an enumeration as a tool error naming the field', async () => {
    const fact = policy.facts.find((f) => f.type === 'enum')!;
    const result = await callTool('check_eligibility', { brand, claim: { [fact.name]: 'no_such_value' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`claim.${fact.name}: expected one of ${fact.values!.join(', ')}`);
  });

  it('get_claim_schema gives the claim-schema route’s schema', async () => {
    const result = await callTool('get_claim_schema', { brand });
    expect(result.structuredContent).toEqual(await (await call(`/v1/brands/${brand}/claim-schema`)).json());
  });

  it('get_claim_schema titles every enumeration value in the asked language (values.csv)', async () => {
    const { structuredContent } = await callTool('get_claim_schema', { brand, language });
    const properties = (structuredContent as { properties: Record<string, { oneOf?: { const?: unknown; title?: string }[] }> }).properties;
    for (const fact of policy.facts.filter((f) => f.type === 'enum')) {
      const titles = properties[fact.name]!.oneOf!.filter((o) => 'const' in o);
      expect(Object.fromEntries(titles.map((o) => [o.const, o.title])), fact.name).toEqual(
        Object.fromEntries(fact.values!.map((v) => [v, fact.valueLabels![v]![language]])),
      );
    }
  });
});

describe('tool errors', () => {
  it('names an unknown fact', async () => {
    const brand = PUBLISHED_POLICIES.brands[0]!;
    const result = await callTool('check_eligibility', { brand, claim: { not_a_fact_of_this_brand: true } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('claim.not_a_fact_of_this_brand: unknown fact');
  });

  it('names the brand when nothing is published for it, and a part it does not list', async () => {
    const unknown = await callTool('get_terms', { brand: 'no-such-brand' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('brand: no policy is published for brand "no-such-brand"');
    const brand = PUBLISHED_POLICIES.brands.find((b) => publishedPolicy(b).facts.some((f) => f.name === 'part' && f.type === 'enum'))!;
    const part = await callTool('get_terms', { brand, part: 'no_such_part' });
    expect(part.isError).toBe(true);
    expect(textOf(part)).toContain('arguments.part: expected one of');
  });
});

describe('the /mcp endpoint over HTTP', () => {
  it('answers GET with 405 and Allow: POST (no event stream, no session)', async () => {
    const res = await call('/mcp');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('carries the request id, the secure headers and CORS for a configured origin', async () => {
    const res = await call('/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        origin: 'https://shop.example',
        'x-request-id': 'mcp-test-1',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('mcp-test-1');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers PUT, PATCH and DELETE with a 405 problem and Allow: POST', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await call('/mcp', { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('lets a configured origin’s browser client send the MCP protocol header', async () => {
    const res = await call('/mcp', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,mcp-protocol-version',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('mcp-protocol-version');
  });

  it('only ever reads the KV namespace, whichever tool is called', async () => {
    // Every method of the binding recorded: a put or delete would show here (get and list only read).
    const { calls, spy } = recordingKv();
    const { app } = freshApp();
    const spied = await connect(async (request) => app.request(request, undefined, { ...env, POLICIES: spy }));
    const brand = PUBLISHED_POLICIES.brands[0]!;
    const claim = caseResults(publishedPolicy(brand))[0]!.claim;
    const results = [
      await spied.callTool({ name: 'list_brands', arguments: {} }),
      await spied.callTool({ name: 'get_terms', arguments: { brand } }),
      await spied.callTool({ name: 'get_claim_schema', arguments: { brand } }),
      await spied.callTool({ name: 'check_eligibility', arguments: { brand, claim } }),
    ];
    await spied.close();
    expect(results.filter((r) => r.isError)).toEqual([]);
    expect(calls.length).toBeGreaterThan(0);
    expect([...new Set(calls)].sort()).toEqual(['get', 'list']);
  });
});
