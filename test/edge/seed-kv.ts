// Runs before each test file (whose KV storage starts empty): publishes the compiled sheets — the
// same documents the Worker bundles — through the same plan `npm start` and `npm run deploy` use.

import { env } from 'cloudflare:workers';
import { beforeAll } from 'vitest';
import type { CompiledPolicy } from '../../src/contract.js';
import { type PublishedState, planPublish } from '../../src/store/publish-plan.js';
import { PUBLISHED_POLICIES } from './published-policies.js';

export const SEEDED_EFFECTIVE_FROM = '2020-01-01';

export const NOTHING_PUBLISHED: PublishedState = { pointers: {}, legacy: [] };

/** Publishes as `policy publish` does (versions, then each brand's pointer with its list metadata). */
export async function publish(
  policies: CompiledPolicy[],
  state: PublishedState,
  effectiveFrom: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<PublishedState> {
  const plan = planPublish(policies, state, effectiveFrom, new Date().toISOString(), today);
  if ('problems' in plan) throw new Error(plan.problems.join('; '));
  for (const phase of plan.phases) for (const { key, value, metadata } of phase) await env.POLICIES.put(key, value, metadata === undefined ? {} : { metadata });
  const pointers = { ...state.pointers };
  for (const entry of plan.phases[1]!) {
    const p = JSON.parse(entry.value);
    pointers[p.brand] = p;
  }
  return { pointers, legacy: [] };
}

beforeAll(async () => {
  await publish(
    PUBLISHED_POLICIES.brands.map((brand) => PUBLISHED_POLICIES.policy(brand)!),
    NOTHING_PUBLISHED,
    SEEDED_EFFECTIVE_FROM,
  );
});
