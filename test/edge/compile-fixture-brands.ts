// Node side of the edge config: compiles the brands the tests own (test/fixtures/brands/*) beside the
// real shared vocabulary of policy-sheets/_shared, as `policy check` would if an editor dropped the
// folder into policy-sheets/. workerd cannot read files, so vitest.config.ts hands the result over.

import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseIssues, compileBrand } from '../../src/cli/compile-brands.js';
import { SHARED_FOLDER } from '../../src/cli/read-sheets.js';
import type { CompiledPolicy } from '../../src/contract.js';
import { formatIssue } from '../../src/issue.js';

/** The fixture brands' folder names, sorted. */
export function listFixtureBrands(fixturesDir: string): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * Every fixture brand compiled with `sheetsDir`'s _shared/. A fixture that does not compile, or whose
 * own cases fail, throws with every problem as sheet:row:column: the tests' claims are written from
 * those cases, so a broken fixture must stop the run before any test reads it.
 */
export function compileFixtureBrands(sheetsDir: string, fixturesDir: string): CompiledPolicy[] {
  const brands = listFixtureBrands(fixturesDir);
  const root = mkdtempSync(join(tmpdir(), 'edge-fixture-brands-'));
  try {
    cpSync(join(sheetsDir, SHARED_FOLDER), join(root, SHARED_FOLDER), { recursive: true });
    for (const brand of brands) cpSync(join(fixturesDir, brand), join(root, brand), { recursive: true });
    return brands.map((brand) => {
      const outcome = compileBrand(root, brand, true);
      const problems = [...outcome.issues, ...caseIssues(outcome)];
      if (!outcome.policy || problems.length)
        throw new Error(`fixture brand ${brand} (test/fixtures/brands/${brand}) does not compile:\n${problems.map(formatIssue).join('\n')}`);
      return outcome.policy;
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The seed brands and the fixture brands as one list. A fixture `npm run test:fixture-brands` copied
 * into policy-sheets/ is among the seeds too: it is published once, and must be the same document.
 */
export function mergeBrands(seeds: readonly CompiledPolicy[], fixtures: readonly CompiledPolicy[]): CompiledPolicy[] {
  const byBrand = new Map(seeds.map((p) => [p.brand, p]));
  for (const fixture of fixtures) {
    const seed = byBrand.get(fixture.brand);
    if (seed && seed.version !== fixture.version)
      throw new Error(
        `brand ${fixture.brand} is both in dist/policies (version ${seed.version}) and a fixture (version ${fixture.version}): rebuild with \`npm run build:policies\``,
      );
    if (!seed) byBrand.set(fixture.brand, fixture);
  }
  return [...byBrand.values()].sort((a, b) => a.brand.localeCompare(b.brand));
}
