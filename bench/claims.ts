// The fixed mixed claim set: every row of a brand's cases.csv (read the way src/cases/run-cases.ts
// reads it), then seeded variations of them — later claim dates, flipped flags, other enum values,
// dropped facts — up to a fixed count, so every run times the same claims.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SHEETS_DIR, listBrands } from '../src/cli/read-sheets.js';
import type { Claim, CompiledFact, CompiledPolicy } from '../src/contract.js';
import { formatIsoDate, parseIsoDate } from '../src/evaluate/dates.js';
import { IssueList } from '../src/issue.js';
import { parseLiteral } from '../src/sheet/cell-syntax.js';
import { parseSheet } from '../src/sheet/parse-sheet.js';
import { parsePolicy } from '../src/store/policy-document.js';

export interface BenchClaim {
  claim: Claim;
  asOf: string;
}

/** Every brand policy-sheets/ holds (the build compiles each to dist/policies/<brand>.json). */
export const BRANDS: readonly string[] = listBrands(DEFAULT_SHEETS_DIR);
export const CLAIMS_PER_BRAND = 1000;

export function loadPolicy(brand: string, dir = 'dist/policies'): CompiledPolicy {
  return parsePolicy(readFileSync(join(dir, `${brand}.json`), 'utf8'));
}

/** A small deterministic PRNG (mulberry32), so the claim set is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A cases.csv cell → the JSON value a client would send (as run-cases.ts does). */
function cellValue(fact: CompiledFact, text: string): unknown {
  if (fact.type === 'boolean') {
    const lit = parseLiteral(text.toLowerCase() === 'yes' ? 'true' : text.toLowerCase() === 'no' ? 'false' : text);
    return lit?.ok && typeof lit.value === 'boolean' ? lit.value : undefined;
  }
  if (fact.type === 'number' || fact.type === 'money') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
  return text;
}

export function caseClaims(policy: CompiledPolicy, sheetsDir = 'policy-sheets'): Claim[] {
  const name = `${policy.brand}/cases.csv`;
  const sheet = parseSheet(name, readFileSync(join(sheetsDir, name), 'utf8'), new IssueList());
  if (!sheet) throw new Error(`${name} could not be read`);
  const facts = new Map(policy.facts.map((f) => [f.name, f]));
  const columns = sheet.header.map((h, i) => ({ fact: facts.get(h.trim()), i })).filter((c) => c.fact);
  return sheet.rows.map(({ cells }) => {
    const claim: Claim = {};
    for (const { fact, i } of columns) {
      const text = cells[i] ?? '';
      const value = text ? cellValue(fact!, text) : undefined;
      if (value !== undefined) claim[fact!.name] = value;
    }
    return claim;
  });
}

const asOfOf = (policy: CompiledPolicy, claim: Claim) => (typeof claim[policy.claimDate] === 'string' ? (claim[policy.claimDate] as string) : '2025-01-01');

/** One to two random changes to a case claim, over the facts the policy actually reads. */
function vary(policy: CompiledPolicy, base: Claim, read: CompiledFact[], random: () => number): Claim {
  const claim = { ...base };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const changes = 1 + Math.floor(random() * 2);
  for (let c = 0; c < changes; c++) {
    const kind = random();
    const claimDay = parseIsoDate(asOfOf(policy, claim));
    if (kind < 0.35 && claimDay !== null) {
      claim[policy.claimDate] = formatIsoDate(claimDay + pick([1, 7, 13, 20, 29, 45, 200, 400, 760, 1100]));
    } else if (kind < 0.85) {
      const fact = pick(read);
      if (fact.type === 'boolean') claim[fact.name] = claim[fact.name] !== true;
      else if (fact.type === 'enum' && fact.values?.length) claim[fact.name] = pick(fact.values);
      else if (fact.type === 'money' || fact.type === 'number') claim[fact.name] = Math.round(random() * 60000) / 100;
    } else {
      const present = Object.keys(claim).filter((k) => k !== policy.claimDate);
      if (present.length) delete claim[pick(present)];
    }
  }
  return claim;
}

/** The brand's fixed claim set: its cases first, then variations, `count` claims in all. */
export function mixedClaims(policy: CompiledPolicy, count = CLAIMS_PER_BRAND): BenchClaim[] {
  const cases = caseClaims(policy);
  const inputs = new Set(policy.tables.flatMap((t) => t.inputs.map((i) => i.name)));
  const read = policy.facts.filter((f) => inputs.has(f.name) && f.type !== 'date' && f.type !== 'text');
  const random = seeded(0xbe4c4 + policy.brand.length);
  const claims = cases.slice(0, count);
  while (claims.length < count) claims.push(vary(policy, cases[claims.length % cases.length]!, read, random));
  // Each claim as it reaches the engine from the API: parsed from JSON, its own keys in the order
  // sent. (A variation that deleted a key would otherwise leave a dictionary-mode object, which no
  // request produces and which is several times slower to read.)
  return claims.map((claim) => ({ claim: JSON.parse(JSON.stringify(claim)) as Claim, asOf: asOfOf(policy, claim) }));
}
