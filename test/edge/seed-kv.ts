// Runs before each test file (whose KV storage starts empty): publishes the compiled sheets — the
// same documents the Worker bundles — through the same plan `npm start` and `npm run deploy` use.

import { env } from 'cloudflare:workers';
import { BUNDLED_POLICIES } from '../../functions/bundled-policies.js';
import { beforeAll } from 'vitest';
import type { CompiledPolicy } from '../../src/contract.js';
import { planPublish, type PublishedState } from '../../src/store/publish-plan.js';

export const SEEDED_EFFECTIVE_FROM = '2020-01-01';

export async function publish(policies: CompiledPolicy[], state: PublishedState, effectiveFrom: string): Promise<PublishedState> {
  const plan = planPublish(policies, state, effectiveFrom, new Date().toISOString());
  for (const phase of plan.phases) for (const { key, value } of phase) await env.POLICIES.put(key, value);
  const pointers = { ...state.pointers };
  for (const entry of plan.phases[1]!) if (entry.key.endsWith(':pointer')) { const p = JSON.parse(entry.value); pointers[p.brand] = p; }
  return { brands: JSON.parse(plan.phases[1]!.at(-1)!.value), pointers };
}

beforeAll(async () => {
  await publish(BUNDLED_POLICIES.brands.map((brand) => BUNDLED_POLICIES.policy(brand)!), { brands: null, pointers: {} }, SEEDED_EFFECTIVE_FROM);
});
