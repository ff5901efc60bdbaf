// The editors' cases of every published brand, for tests in workerd (which has no file system): Vite
// inlines policy-sheets/*/cases*.csv and the fixture brands' (test/fixtures/brands/*) into the test
// bundle, and the core reads them as `policy test` does.

/// <reference types="vite/client" />

import { type CaseResult, runCases } from '../../src/cases/run-cases.js';
import { isCasesSheet } from '../../src/compile/compile-policy.js';
import type { CompiledPolicy } from '../../src/contract.js';

// Vite reads the options at build time: each call must spell them out.
const SHEETS = import.meta.glob<string>('../../policy-sheets/*/*.csv', { query: '?raw', import: 'default', eager: true });
const FIXTURES = import.meta.glob<string>('../fixtures/brands/*/*.csv', { query: '?raw', import: 'default', eager: true });

/** brand/file.csv → text, for one folder of brands. */
const byPath = (files: Record<string, string>, folder: RegExp) => Object.entries(files).map(([path, text]) => ({ path: path.replace(folder, ''), text }));

/** `policy` run over its brand's cases sheets: each case's claim and the decision it got. */
export function caseResults(policy: CompiledPolicy): CaseResult[] {
  const mine = (files: { path: string; text: string }[]) =>
    files.filter(({ path }) => path.startsWith(`${policy.brand}/`) && isCasesSheet(path.slice(policy.brand.length + 1)));
  const fromSheets = mine(byPath(SHEETS, /^.*policy-sheets\//));
  // A fixture `npm run test:fixture-brands` copied into policy-sheets/ is read from there, once.
  const cases = fromSheets.length ? fromSheets : mine(byPath(FIXTURES, /^.*fixtures\/brands\//));
  return cases.flatMap(({ path, text }) => runCases(policy, path, text).results);
}
