// Counterexamples the fuzzer found, and hand-picked nasty inputs, replayed on every run through
// workerd's own dispatch (exports.default.fetch) and checked with the fuzzer's properties. Add a case
// by pasting the fuzzer's "Counterexample" into regressions.json with a line on why it matters.

import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_BRANDS } from '../fixture-brands.js';
import { checkAnswer, readAnswer } from './check-response.js';
import { type FuzzRequest, send, sendThroughRuntime } from './fuzz-request.js';
import regressions from './regressions.json';
import { type BrandVocabulary, readVocabularies } from './vocabulary.js';

type Regression = FuzzRequest & { why: string; expand?: Record<string, [string, number]> };

/** Long bodies are stored short: each placeholder stands for a string repeated n times. */
function expanded(r: Regression): FuzzRequest {
  let body = r.body;
  for (const [placeholder, [text, n]] of Object.entries(r.expand ?? {})) body = body?.replaceAll(placeholder, text.repeat(n));
  return { ...r, ...(body === undefined ? {} : { body }) };
}

let vocabs: BrandVocabulary[];
beforeAll(async () => {
  vocabs = await readVocabularies();
});

/** The brand ids a regression sends: in its body's "brand" fields and its /v1/brands/<id>/ path. */
function brandsNamed(r: Regression): string[] {
  const inBody = [...(r.body ?? '').matchAll(/"brand":"([a-z][a-z0-9-]*)"/g)].map((m) => m[1]!);
  const inPath = /^\/v1\/brands\/([a-z][a-z0-9-]*)\//.exec(r.path)?.[1];
  return [...inBody, ...(inPath ? [inPath] : [])];
}

describe('fuzzer regressions', () => {
  // A regression stored with a seed brand would break when its editors rename or remove it.
  it('send only fixture brands, which the tests own', () => {
    const named = new Set((regressions as Regression[]).flatMap(brandsNamed));
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((b) => !FIXTURE_BRANDS.includes(b))).toEqual([]);
  });

  it.each((regressions as Regression[]).map((r) => [r.why, r] as const))('%s', async (_why, regression) => {
    const request = expanded(regression);
    const answer = await readAnswer(await sendThroughRuntime(request));
    checkAnswer(request, answer, vocabs);
    // The fuzzer calls the Worker's fetch handler directly: it must answer exactly as workerd's dispatch does.
    const direct = await readAnswer(await send(request));
    expect(direct.status).toBe(answer.status);
    expect(direct.headers.get('content-type')).toBe(answer.headers.get('content-type'));
  });
});
