// A generated request as data: what is sent (method, path, headers, raw body text) and what the
// generator knows the answer must be. The same shape is stored in regressions.json and replayed.

import { env } from 'cloudflare:workers';
import { MAX_BODY_BYTES } from '../../../functions/app.js';
import worker from '../../../functions/index.js';
import { BASE, call } from '../worker.js';

export interface ExpectedItem {
  status: number;
  /** JSON paths the item's problem must name, e.g. `items[3].claim.delivered_on`. */
  fields?: string[];
}

export interface Expectation {
  /** The exact status, when the generator knows it; otherwise only the universal properties hold. */
  status?: number;
  /** JSON paths the problem's `errors` must name (each at least once). */
  fields?: string[];
  /** Only the class is known: a 4xx (true), or an answer (false: 200 or 304). */
  clientError?: boolean;
  /** For a batch answered 200: what each item must come back as. */
  items?: ExpectedItem[];
  /** Two items of a cart that are the same claim, so must get the same answer. */
  twins?: [number, number];
}

export interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  expect: Expectation;
}

/** A fragment of JSON text put into a body as is: 1e400, deep nesting, duplicate keys. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify, except that RawJson values are written verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)]!);
}

/** A JSON POST; whatever else the generator expected, a body over the limit is a 413. */
export function jsonRequest(kind: string, path: string, body: unknown, expect: Expectation, headers: Record<string, string> = {}): FuzzRequest {
  const text = toJsonText(body);
  const tooLarge = new TextEncoder().encode(text).length > MAX_BODY_BYTES;
  return { kind, method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: text, expect: tooLarge ? { status: 413 } : expect };
}

function init(request: FuzzRequest): RequestInit {
  const out: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD') out.body = request.body;
  return out;
}

/**
 * Hands the request to the Worker's fetch handler (the module wrangler.toml names as `main`) with the
 * test's bindings: what workerd calls for each request. Tens of thousands of requests go this way:
 * through the `exports.default.fetch` loopback each call gets slower the more were made before it
 * (~5 ms → ~400 ms after 800 calls; cloudflare/workers-sdk#15446).
 */
export async function send(request: FuzzRequest): Promise<Response> {
  return worker.fetch(new Request(`${BASE}${request.path}`, init(request)), env);
}

/** The same request through workerd's own dispatch to the Worker (exports.default.fetch). */
export function sendThroughRuntime(request: FuzzRequest): Promise<Response> {
  return call(request.path, init(request));
}
