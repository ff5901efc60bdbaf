// The API fuzzed through the Worker's real fetch entry with fast-check: valid claims built from each
// brand's vocabulary (GET /v1/brands/:brand) and broken ones, carts, raw bodies, wrong media types
// and methods, random query strings on the read routes. Every answer is checked by checkAnswer;
// valid and broken claims are also sent twice and must get the same answer. A counterexample found
// here goes into regressions.json, which regressions.test.ts replays on every run. The seed is fixed
// unless FUZZ_SEED says otherwise (../vitest.config.ts), so every run of the gate sends the same requests.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Answer, checkAnswer, readAnswer } from './check-response.js';
import { type FuzzRequest, send } from './fuzz-request.js';
import {
  batchEligibility,
  brokenEligibility,
  coverageRequests,
  malformedBatch,
  malformedEligibility,
  rawEligibility,
  readRequests,
  validEligibility,
} from './request-arbitraries.js';
import { type BrandVocabulary, readVocabularies } from './vocabulary.js';

const MIN_REQUESTS = 10_000;
const seed = inject('fuzzSeed');

/** Runs per generator; the valid and broken claims are each sent twice. */
const RUNS = { valid: 1_500, broken: 1_500, malformed: 1_000, raw: 1_000, cart: 250, badCart: 300, coverage: 1_800, read: 700 };

let vocabs: BrandVocabulary[];
const sent = new Map<string, number>();
let cartItems = 0;

async function exchange(request: FuzzRequest): Promise<Answer> {
  sent.set(request.kind, (sent.get(request.kind) ?? 0) + 1);
  const answer = await readAnswer(await send(request));
  checkAnswer(request, answer, vocabs);
  return answer;
}

/** The answer without what differs per request by design (the request id). */
function comparable(answer: Answer): unknown {
  if (answer.json && typeof answer.json === 'object' && 'request_id' in answer.json) {
    const { request_id: _, ...rest } = answer.json as Record<string, unknown>;
    return { status: answer.status, body: rest };
  }
  return { status: answer.status, body: answer.json ?? answer.text };
}

async function exchangeTwice(request: FuzzRequest): Promise<void> {
  const first = await exchange(request);
  const second = await exchange(request);
  expect(comparable(second), `${request.kind}: the same request answered differently`).toEqual(comparable(first));
}

const total = () => [...sent.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  vocabs = await readVocabularies();
});

afterAll(() => {
  const byKind = [...sent]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`fuzz (seed ${seed}): ${total()} requests fuzzed (${cartItems} claims in carts), 0 answers 5xx — ${byKind}`);
});

describe('the API under generated requests', () => {
  it('answers every valid claim with a status for every remedy, the same each time', async () => {
    await fc.assert(fc.asyncProperty(validEligibility(vocabs), exchangeTwice), { seed, numRuns: RUNS.valid });
  });

  it('names every broken fact of a claim, the same each time', async () => {
    await fc.assert(fc.asyncProperty(brokenEligibility(vocabs), exchangeTwice), { seed, numRuns: RUNS.broken });
  });

  it('names the field of a body of the wrong shape', async () => {
    await fc.assert(
      fc.asyncProperty(malformedEligibility(vocabs), async (r) => {
        await exchange(r);
      }),
      { seed, numRuns: RUNS.malformed },
    );
  });

  it('refuses bodies that are not JSON, other media types, wrong methods and oversized bodies with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(rawEligibility(vocabs), async (r) => {
        await exchange(r);
      }),
      { seed, numRuns: RUNS.raw },
    );
  });

  it('answers every item of a cart on its own', async () => {
    await fc.assert(
      fc.asyncProperty(batchEligibility(vocabs), async (r) => {
        cartItems += (JSON.parse(r.body!) as { items: unknown[] }).items.length;
        await exchange(r);
      }),
      { seed, numRuns: RUNS.cart },
    );
  });

  it('names the item of a cart of the wrong shape', async () => {
    await fc.assert(
      fc.asyncProperty(malformedBatch(vocabs), async (r) => {
        await exchange(r);
      }),
      { seed, numRuns: RUNS.badCart },
    );
  });

  it('answers coverage for any query string', async () => {
    await fc.assert(
      fc.asyncProperty(coverageRequests(vocabs), async (r) => {
        await exchange(r);
      }),
      { seed, numRuns: RUNS.coverage },
    );
  });

  it('answers the read routes and odd paths without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(readRequests(vocabs), async (r) => {
        await exchange(r);
      }),
      { seed, numRuns: RUNS.read },
    );
  });

  it(`sent at least ${MIN_REQUESTS} requests`, () => {
    expect(total()).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });
});
