// Every enum value in the asked language (values.csv, issue 16): GET /v1/brands/:brand names each value
// of each enumeration as the brand's German sheets do, and the claim schema titles the same values.
// The brand is the first published one that speaks German: no brand is named here.

import { describe, expect, it } from 'vitest';
import { PUBLISHED_POLICIES, publishedPolicy } from './published-policies.js';
import { call, readJson } from './worker.js';

interface DescribedFact {
  name: string;
  type: string;
  values: string[] | null;
  value_labels: Record<string, string> | null;
}

const brand = PUBLISHED_POLICIES.brands.find((b) => publishedPolicy(b).locales.includes('de'));

const describeIn = async (lang: string) => {
  const res = await call(`/v1/brands/${brand}`, { headers: { 'accept-language': lang } });
  expect(res.status).toBe(200);
  return (await readJson<{ locale: string; facts: DescribedFact[] }>(res)).facts;
};

describe('value labels in the negotiated language', () => {
  it('has a bundled brand that speaks German', () => {
    expect(brand).toBeDefined();
  });

  it('gives every value of every enumeration its German label, and keeps the codes in values', async () => {
    const policy = publishedPolicy(brand!);
    const facts = await describeIn('de');
    const enums = facts.filter((f) => f.type === 'enum');
    expect(enums.length).toBeGreaterThan(0);
    for (const fact of enums) {
      const compiled = policy.facts.find((f) => f.name === fact.name)!;
      expect(fact.values, fact.name).toEqual(compiled.values);
      const german = Object.fromEntries(compiled.values!.map((v) => [v, compiled.valueLabels?.[v]?.de]));
      expect(Object.values(german).every(Boolean), `${fact.name} has a German label for every value`).toBe(true);
      expect(fact.value_labels, fact.name).toEqual(german);
    }
    for (const fact of facts.filter((f) => f.type !== 'enum')) expect(fact.value_labels, fact.name).toBeNull();
  });

  it('says them in English when asked in English', async () => {
    const [german, english] = [await describeIn('de'), await describeIn('en')];
    const changed = german.filter(
      (f) => f.type === 'enum' && JSON.stringify(f.value_labels) !== JSON.stringify(english.find((e) => e.name === f.name)!.value_labels),
    );
    expect(changed.length).toBeGreaterThan(0);
  });

  it('titles each enumeration value of the claim schema with the same German label', async () => {
    const res = await call(`/v1/brands/${brand}/claim-schema`, { headers: { 'accept-language': 'de' } });
    const schema = await readJson<{ properties: Record<string, { oneOf?: { const?: unknown; title?: string }[] }> }>(res);
    for (const fact of (await describeIn('de')).filter((f) => f.type === 'enum')) {
      const titled = schema.properties[fact.name]!.oneOf!.filter((o) => 'const' in o);
      expect(Object.fromEntries(titled.map((o) => [o.const, o.title])), fact.name).toEqual(fact.value_labels);
    }
  });
});
