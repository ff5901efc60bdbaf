// A compiled policy as it is stored — dist/policies, KV's version keys, the Worker's bundle — and read
// back. Most cells of a decision table are `-` (ELEGOO: 672 of 982); written as `{"any":true}`, each
// was an object for JSON.parse to build, a quarter of the parse of a cold isolate's policy
// (BENCHMARKS.md, cold path). Stored documents write them as null, and reading restores `{ any: true }`.

import type { CompiledPolicy, UnaryTest } from '../contract.js';

/** The `-` cell every document read shares (frozen: nothing may change one cell through another). */
const ANY: UnaryTest = Object.freeze({ any: true });

/** The stored text of a policy: its JSON, with every `-` cell as null. */
export function policyToJson(policy: CompiledPolicy): string {
  return JSON.stringify({
    ...policy,
    tables: policy.tables.map((table) => ({
      ...table,
      rules: table.rules.map((rule) => ({ ...rule, tests: rule.tests.map((test) => ('any' in test ? null : test)) })),
    })),
  });
}

/**
 * A parsed stored document as a CompiledPolicy: null cells become `{ any: true }`, in place. Documents
 * of format 1 (cells as objects) pass through unchanged. Shapes it does not expect are left for the
 * caller's checks: reading never throws.
 */
export function policyFromJson<T>(document: T): T {
  const tables = (document as { tables?: unknown } | null)?.tables;
  if (!Array.isArray(tables)) return document;
  for (const table of tables) {
    const rules = (table as { rules?: unknown } | null)?.rules;
    if (!Array.isArray(rules)) continue;
    for (const rule of rules) {
      const tests = (rule as { tests?: unknown } | null)?.tests;
      if (!Array.isArray(tests)) continue;
      for (let i = 0; i < tests.length; i++) if (tests[i] === null) tests[i] = ANY;
    }
  }
  return document;
}

/** Reads a stored document's text (dist/policies, a KV value). */
export const parsePolicy = (text: string): CompiledPolicy => policyFromJson(JSON.parse(text) as CompiledPolicy);
