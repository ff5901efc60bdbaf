// Claims for one brand, generated from its vocabulary: valid ones (every value of the fact's type,
// dates in the order `not_before` asks for) and broken ones, each break naming the fact it breaks.

import fc from 'fast-check';
import { RawJson } from './fuzz-request.js';
import type { BrandVocabulary, FactInfo } from './vocabulary.js';

export type Claim = Record<string, unknown>;

/** A claim with the JSON paths (relative to the claim) its problem must name; [] when it is valid. */
export interface GeneratedClaim {
  claim: Claim;
  broken: string[];
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY_MS;
// Valid claims always carry their claim date, so the last day may lie after today.
const LAST_DAY = Date.UTC(2029, 11, 31) / DAY_MS;
const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** An unusual but valid value sometimes: null means "not established" for every fact. */
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 19 }, { arbitrary: fc.constant(null), weight: 1 });

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => c / 100);

function validValue(fact: FactInfo): fc.Arbitrary<unknown> {
  switch (fact.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...fact.values!);
    // At most 200 UTF-16 units: 100 code points of up to two units each.
    case 'text':
      return fc.string({ unit: 'binary', maxLength: 100 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'money':
      return fc.oneof(
        cents(100_000_00),
        cents(1e14),
        fc.integer({ min: 0, max: 1e9 }).map((c) => (c / 100).toFixed(2)),
      );
    case 'date':
      return fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(isoDate);
  }
}

/** Date facts, each after the facts it may not precede. */
function orderDates(facts: FactInfo[]): FactInfo[] {
  const dates = facts.filter((f) => f.type === 'date');
  const byName = new Map(dates.map((f) => [f.name, f]));
  const ordered: FactInfo[] = [];
  const visit = (f: FactInfo, seen: Set<string>) => {
    if (ordered.includes(f) || seen.has(f.name)) return;
    seen.add(f.name);
    for (const earlier of f.not_before) {
      const e = byName.get(earlier);
      if (e) visit(e, seen);
    }
    ordered.push(f);
  };
  for (const f of dates) visit(f, new Set());
  return ordered;
}

/** Dates that respect not_before: each one on or after every earlier date the claim carries. */
function validDates(vocab: BrandVocabulary): fc.Arbitrary<Claim> {
  const ordered = orderDates(vocab.facts);
  const step = fc.record({ include: fc.boolean(), gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1200 })) });
  return fc
    .record({ base: fc.integer({ min: FIRST_DAY, max: LAST_DAY - 3000 }), steps: fc.array(step, { minLength: ordered.length, maxLength: ordered.length }) })
    .map(({ base, steps }) => {
      const days = new Map<string, number>();
      const claim: Claim = {};
      ordered.forEach((fact, i) => {
        const { include, gap } = steps[i]!;
        // The claim date is always sent: left out, it would default to today, after dates to come.
        if (!include && fact.name !== vocab.claimDate) return;
        const after = Math.max(base, ...fact.not_before.map((e) => days.get(e) ?? base));
        days.set(fact.name, after + gap);
        claim[fact.name] = isoDate(after + gap);
      });
      return claim;
    });
}

export function validClaim(vocab: BrandVocabulary): fc.Arbitrary<Claim> {
  const others = vocab.facts.filter((f) => f.type !== 'date');
  const values = fc.record(Object.fromEntries(others.map((f) => [f.name, orNull(validValue(f))])), { requiredKeys: [] });
  return fc.tuple(values, validDates(vocab)).map(([v, d]) => ({ ...v, ...d }));
}

// --- broken values ---

/** Nested arrays or objects, as JSON text: deeper than any recursive reader should go. */
const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) => new RawJson(arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** A long string of one repeated character (ASCII or not); stays well under the body limit. */
const hugeString = (min: number) =>
  fc.tuple(fc.integer({ min, max: 15_000 }), fc.constantFrom('x', 'é', '€', '𝄞', '\u0000', '"', '\\')).map(([n, ch]) => ch.repeat(n));

const IMPOSSIBLE_DATES = [
  '2025-02-30',
  '2025-02-29',
  '2023-02-29',
  '1900-02-29',
  '2025-04-31',
  '2025-13-01',
  '2025-00-10',
  '2025-01-00',
  '2025-01-32',
  '0000-00-00',
  '2025-1-1',
  '20250101',
  '2025/01/01',
  '01-01-2025',
  ' 2025-01-01',
  '2025-01-01 ',
  '2025-01-01T00:00:00Z',
  '２０２５-０１-０１',
  '+02025-01-01',
  '-2025-01-01',
  '2025-01-0a',
  'yesterday',
  '',
  'NaN-NaN-NaN',
];

const anyWrongShape = fc.oneof(
  deepNesting,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

function wrongValue(fact: FactInfo): fc.Arbitrary<unknown> {
  const typed = (() => {
    switch (fact.type) {
      case 'boolean':
        return fc.oneof(fc.constantFrom('true', 'false', 'yes', '1', 0, 1, ''), fc.string({ unit: 'grapheme' }), fc.integer());
      case 'enum':
        return fc.oneof(
          fc.constantFrom(...fact.values!.map((v) => v.toUpperCase()), ...fact.values!.map((v) => ` ${v}`), `${fact.values![0]}\u0000`),
          fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !fact.values!.includes(s)),
          fc.integer(),
          fc.boolean(),
          hugeString(1),
        );
      case 'text':
        return fc.oneof(hugeString(201), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
      case 'date':
        return fc.oneof(
          fc.constantFrom(...IMPOSSIBLE_DATES),
          // YYYY-MM-DD shaped, a day past the month's end.
          fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => {
            const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
            const last = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
            return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${last + 1}`;
          }),
          fc.integer(),
          fc.boolean(),
          fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
        );
      case 'number':
        return fc.oneof(fc.string(), fc.boolean(), fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400')));
      case 'money':
        return fc.oneof(
          fc.integer({ min: 1, max: 1e15 }).map((c) => -c / 100), // negative
          fc.double({ min: 1e12 + 1, max: 1e300, noNaN: true }), // enormous
          fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400'), new RawJson('1e21'), 1e12 + 0.01, 0.001, 1.005, -0.01),
          fc
            .integer({ min: 1, max: 1e9 })
            .filter((c) => c % 10 !== 0)
            .map((c) => c / 1000), // sub-cent
          fc.constantFrom('abc', '1,000.00', '$5', '', ' ', 'NaN', 'Infinity', '1e3', '0x10', '5.', '.5', '12345678901234567890.5', '- 1'),
          fc.boolean(),
        );
    }
  })();
  return fc.oneof({ arbitrary: typed, weight: 4 }, { arbitrary: anyWrongShape, weight: 1 });
}

const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'claim_on ',
  'Claim_On',
  'brand',
  'delivered_on\u0000',
  'claim.delivered_on',
  'items[0]',
  '$',
  '🙂',
  'ﬁ',
  'a'.repeat(5000),
];

function unknownKey(vocab: BrandVocabulary): fc.Arbitrary<string> {
  const names = new Set(vocab.facts.map((f) => f.name));
  return fc
    .oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }))
    .filter((k) => !names.has(k));
}

/** One break: a fact given a value it cannot take, an unknown fact, or two dates in the wrong order. */
function breakArb(vocab: BrandVocabulary): fc.Arbitrary<{ set: Claim; field: string }> {
  const ordered = vocab.facts.filter((f) => f.type === 'date' && f.not_before.length > 0);
  const reversed = fc
    .constantFrom(...ordered)
    .chain((later) =>
      fc
        .tuple(fc.constantFrom(...later.not_before), fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.integer({ min: 1, max: 3000 }))
        .map(([earlier, day, gap]) => ({ set: { [earlier]: isoDate(day), [later.name]: isoDate(day - gap) }, field: later.name })),
    );
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...vocab.facts).chain((f) => wrongValue(f).map((v) => ({ set: { [f.name]: v }, field: f.name }))) },
    { weight: 2, arbitrary: unknownKey(vocab).chain((k) => fc.jsonValue({ maxDepth: 2 }).map((v) => ({ set: { [k]: v }, field: k }))) },
    { weight: 1, arbitrary: reversed },
  );
}

/** A valid claim with one to three breaks, each on a different fact. */
export function brokenClaim(vocab: BrandVocabulary): fc.Arbitrary<GeneratedClaim> {
  return fc
    .tuple(validClaim(vocab), fc.uniqueArray(breakArb(vocab), { minLength: 1, maxLength: 3, selector: (b) => Object.keys(b.set).join(',') }))
    .map(([claim, breaks]) => {
      const out: Claim = { ...claim };
      // Later breaks may overwrite a fact an earlier one set: only the surviving values count.
      for (const b of breaks)
        for (const [k, v] of Object.entries(b.set)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      const broken = breaks.filter((b) => Object.entries(b.set).every(([k, v]) => out[k] === v)).map((b) => b.field);
      return { claim: out, broken: [...new Set(broken)] };
    })
    .filter((g) => g.broken.length > 0);
}

/** A claim that is either valid or broken, for carts. */
export function anyClaim(vocab: BrandVocabulary): fc.Arbitrary<GeneratedClaim> {
  return fc.oneof(
    validClaim(vocab).map((claim) => ({ claim, broken: [] })),
    brokenClaim(vocab),
  );
}
