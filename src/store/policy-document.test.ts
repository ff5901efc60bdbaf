import { describe, expect, it } from 'vitest';
import { compileOrThrow, tinyBrand } from '../../test/support/tiny-brand.js';
import { parsePolicy, policyFromJson, policyToJson } from './policy-document.js';

describe('stored policy documents', () => {
  const policy = compileOrThrow(tinyBrand());
  const cells = (p: typeof policy) => p.tables.flatMap((t) => t.rules.flatMap((r) => r.tests));

  it('write each `-` cell as null and read back the same policy', () => {
    const text = policyToJson(policy);
    expect(text.length).toBeLessThan(JSON.stringify(policy).length);
    expect(text).not.toContain('"any":true');
    expect(cells(JSON.parse(text))).toContain(null);
    expect(parsePolicy(text)).toEqual(policy);
  });

  it('read a format-1 document (cells as objects) unchanged', () => {
    expect(parsePolicy(JSON.stringify(policy))).toEqual(policy);
  });

  it('share one frozen `-` cell between documents read', () => {
    const [a, b] = [parsePolicy(policyToJson(policy)), parsePolicy(policyToJson(policy))];
    const any = cells(a).find((t) => 'any' in t)!;
    expect(Object.isFrozen(any)).toBe(true);
    expect(cells(b)).toContain(any);
  });

  it('leave shapes it does not expect for the caller to refuse, never throwing', () => {
    for (const odd of [null, 42, 'text', [], {}, { tables: 'x' }, { tables: [null, { rules: 3 }, { rules: [null, { tests: 'x' }] }] }]) {
      expect(policyFromJson(odd)).toBe(odd);
    }
  });
});
