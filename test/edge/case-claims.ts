// The editors' cases of every brand, for tests in workerd (which has no file system): Vite inlines
// policy-sheets/*/cases*.csv into the test bundle, and the core reads them as `policy test` does.

/// <reference types="vite/client" />

import { type CaseResult, runCases } from '../../src/cases/run-cases.js';
import { isCasesSheet } from '../../src/compile/compile-policy.js';
import type { CompiledPolicy } from '../../src/contract.js';

const SHEETS = import.meta.glob<string>('../../policy-sheets/*/*.csv', { query: '?raw', import: 'default', eager: true });

/** `policy` run over its brand's cases sheets: each case's claim and the decision it got. */
export function caseResults(policy: CompiledPolicy): CaseResult[] {
  return Object.entries(SHEETS)
    .map(([path, text]) => ({ path: path.replace(/^.*policy-sheets\//, ''), text }))
    .filter(({ path }) => path.startsWith(`${policy.brand}/`) && isCasesSheet(path.slice(policy.brand.length + 1)))
    .flatMap(({ path, text }) => runCases(policy, path, text).results);
}
