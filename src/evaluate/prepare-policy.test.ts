// Rows' effects are built the first time a row matches, and a locale's reasons the first time a
// decision shows them (prepare-policy.ts). Whatever order claims, locales and summaries arrive in,
// a policy prepared that way must decide exactly as one whose every effect was built up front.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileBrand } from '../cli/compile-brands.js';
import { listBrands } from '../cli/read-sheets.js';
import type { CompiledPolicy } from '../contract.js';
import { explainDecision } from '../explain/explain-decision.js';
import { evaluateClaim } from './evaluate-claim.js';
import { preparePolicy } from './prepare-policy.js';
import { everyEffect } from './rule-effects.js';
import { summarizeCoverage } from './summarize-coverage.js';

const SHEETS = fileURLToPath(new URL('../../policy-sheets', import.meta.url));
const LOCALES = [undefined, 'de', 'fr', 'en', 'xx'];

/** A second parsed copy: preparePolicy caches by object, so each copy is prepared on its own. */
const copyOf = (policy: CompiledPolicy) => JSON.parse(JSON.stringify(policy)) as CompiledPolicy;

describe('preparePolicy', { timeout: 60_000 }, () => {
  for (const brand of listBrands(SHEETS)) {
    const outcome = compileBrand(SHEETS, brand, true);
    const claims = outcome.cases.map((c) => c.claim);

    it(`builds ${brand}'s rows' effects as rows match, deciding as when all are built first`, () => {
      const eager = copyOf(outcome.policy!);
      const lazy = copyOf(outcome.policy!);
      const built = everyEffect(preparePolicy(eager));
      expect(built.length).toBeGreaterThan(0);
      const builtRows = () => preparePolicy(lazy).effects.flat().filter(Boolean).length;
      expect(builtRows()).toBe(0);
      evaluateClaim(lazy, claims[0]!, '2025-06-01');
      // The first claim built the rows it matched, not the table's others.
      expect(builtRows()).toBeGreaterThan(0);
      expect(builtRows()).toBeLessThan(preparePolicy(lazy).effects.flat().length);
      claims.forEach((claim, i) => {
        const options = { trace: true, locale: LOCALES[i % LOCALES.length] };
        const [a, b] = [evaluateClaim(eager, claim, '2025-06-01', options), evaluateClaim(lazy, claim, '2025-06-01', options)];
        expect(b).toEqual(a);
        expect(explainDecision(lazy, b)).toEqual(explainDecision(eager, a));
      });
      // The checkout badge's summary reads every row's effects, built or not.
      for (const locale of LOCALES) expect(summarizeCoverage(lazy, { locale }, '2025-06-01')).toEqual(summarizeCoverage(eager, { locale }, '2025-06-01'));
    });
  }
});
