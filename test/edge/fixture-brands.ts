// The brands the Worker's tests own (test/fixtures/brands/*), published into the tests' KV beside the
// brands of policy-sheets/ (vitest.config.ts compiles them, seed-kv.ts publishes them). A test that
// pins an answer pins one of these, written from the fixture's own cases.csv, so a policy editor
// changing a real brand never has to touch a test. The fixtures' ids are named here and nowhere else.

import { inject } from 'vitest';
import type { CompiledPolicy } from '../../src/contract.js';
import { publishedPolicy } from './published-policies.js';

/** Every fixture brand the edge config compiled and published. */
export const FIXTURE_BRANDS: readonly string[] = inject('fixtureBrands');

/**
 * ACME Audio (headphones): 60-day returns with a 10% restocking fee on opened boxes (half-up to the
 * cent), a 14-day dead-on-arrival exchange, a 1-year warranty (2 for the studio-pro-* line), en + de.
 */
export const ACME = fixtureBrand('acme');

/**
 * Nimbus Print (3D printers): parts of its own (a 6-month warranty for build plates and resin vats,
 * 12 for the rest), a warranty counted from the receipt else the manufacture date, en + de.
 */
export const NIMBUS_PRINT = fixtureBrand('nimbus-print');

/** A fixture brand's compiled policy, as published in the tests' KV. */
export function fixturePolicy(brand: string): CompiledPolicy {
  if (!FIXTURE_BRANDS.includes(brand)) throw new Error(`"${brand}" is no fixture brand: expected one of ${FIXTURE_BRANDS.join(', ')}`);
  return publishedPolicy(brand);
}

/** An id that must be a fixture folder: a renamed fixture fails here, loudly, not in some assertion. */
function fixtureBrand(id: string): string {
  if (!FIXTURE_BRANDS.includes(id)) throw new Error(`test/fixtures/brands/${id} is missing: the edge tests pin its answers`);
  return id;
}
