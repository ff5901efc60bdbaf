import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, FORMAT_VERSION } from '../contract.js';
import { BRAND_ID_PATTERN, brandIdProblem } from './brand-id.js';
import { brandMetadata, readBrandMetadata } from './brand-metadata.js';
import {
  brandKey,
  legacyPointerKey,
  type PolicyPointer,
  selectEntry,
  type TimelineEntry,
  timelineStates,
  versionKey,
  withRolledBack,
} from './policy-pointer.js';
import { keysToRead, type PublishPlan, planPublish, readPublishedState } from './publish-plan.js';

const policy = (brand: string, version: string) =>
  ({
    brand,
    version,
    name: brand.toUpperCase(),
    currency: 'USD',
    defaultLocale: 'en',
    locales: ['en'],
    formatVersion: FORMAT_VERSION,
    tables: [],
  }) as unknown as CompiledPolicy;
const NOW = '2026-01-01T00:00:00.000Z';
const TODAY = '2026-01-01';
const NOTHING = { pointers: {}, legacy: [] };
const planned = (plan: PublishPlan | { problems: string[] }): PublishPlan => {
  if ('problems' in plan) throw new Error(plan.problems.join('; '));
  return plan;
};
const entry = (version: string, effective_from: string): TimelineEntry => ({ version, effective_from, published_at: NOW });

describe('planPublish', () => {
  describe('on an empty store', () => {
    const plan = planned(planPublish([policy('brand-a', 'v1'), policy('brand-b', 'e1')], NOTHING, '2025-06-01', NOW, TODAY));

    it("writes the immutable versions first, then each brand's own pointer — no shared key", () => {
      expect(plan.phases.map((phase) => phase.map((e) => e.key))).toEqual([
        [versionKey('brand-a', 'v1'), versionKey('brand-b', 'e1')],
        [brandKey('brand-a'), brandKey('brand-b')],
      ]);
    });

    it("starts each brand's timeline at the effective date, with what the brand list shows as metadata", () => {
      const pointer = JSON.parse(plan.phases[1]![0]!.value) as PolicyPointer;
      expect(pointer.timeline.map((e) => [e.version, e.effective_from])).toEqual([['v1', '2025-06-01']]);
      expect(readBrandMetadata(plan.phases[1]![0]!.metadata)).toEqual([
        { version: 'v1', effective_from: '2025-06-01', summary: { name: 'BRAND-A', currency: 'USD', default_locale: 'en', locales: ['en'] } },
      ]);
      expect(plan.changes).toContainEqual(expect.objectContaining({ brand: 'brand-a', from: null, to: 'v1', unchanged: false, scheduled: false }));
    });
  });

  describe('over a published brand', () => {
    const before: PolicyPointer = {
      brand: 'brand-a',
      timeline: [{ ...entry('v1', '2025-01-01'), summary: { name: 'Brand A', currency: 'USD', default_locale: 'en', locales: ['en'] } }],
    };
    const state = { pointers: { 'brand-a': before }, legacy: [] };

    it('adds the new version to the timeline, so earlier orders keep the old one', () => {
      const after = JSON.parse(planned(planPublish([policy('brand-a', 'v2')], state, '2025-06-01', NOW, TODAY)).phases[1]![0]!.value) as PolicyPointer;
      expect(selectEntry(after.timeline, '2025-05-31', TODAY)!.version).toBe('v1');
      expect(selectEntry(after.timeline, '2025-06-01', TODAY)!.version).toBe('v2');
    });

    it("schedules a version effective after today: today's stays in force, both are in the metadata", () => {
      const plan = planned(planPublish([policy('brand-a', 'v2')], state, '2027-06-01', NOW, TODAY));
      expect(plan.changes).toEqual([expect.objectContaining({ from: 'v1', to: 'v1', scheduled: true, unchanged: false })]);
      expect(readBrandMetadata(plan.phases[1]![0]!.metadata)!.map((v) => [v.version, v.effective_from])).toEqual([
        ['v1', '2025-01-01'],
        ['v2', '2027-06-01'],
      ]);
    });

    it('reports republishing the version in force as unchanged', () => {
      expect(planned(planPublish([policy('brand-a', 'v1')], state, TODAY, NOW, TODAY)).changes).toEqual([
        expect.objectContaining({ brand: 'brand-a', from: 'v1', to: 'v1', unchanged: true }),
      ]);
    });
  });

  it('refuses a brand id that breaks the rule, planning nothing', () => {
    expect(planPublish([policy('Kospet X', 'v1'), policy('brand-b', 'e1')], NOTHING, TODAY, NOW, TODAY)).toEqual({
      problems: [expect.stringContaining('"Kospet X" is not a brand id')],
    });
  });

  it("refuses a brand list entry larger than KV's metadata limit", () => {
    const many = { ...policy('brand-a', 'v1'), locales: Array.from({ length: 200 }, (_, i) => `l${i}`) } as CompiledPolicy;
    expect(planPublish([many], NOTHING, TODAY, NOW, TODAY)).toEqual({ problems: [expect.stringContaining('1024-byte metadata limit')] });
  });
});

describe('readPublishedState', () => {
  const pointer: PolicyPointer = { brand: 'brand-a', timeline: [entry('v1', '2025-01-01')] };

  it("reads each brand's own key, else carries its old-layout pointer over", () => {
    expect(keysToRead(['brand-a'])).toEqual([brandKey('brand-a'), legacyPointerKey('brand-a')]);
    const legacy = JSON.stringify({ ...pointer, current: 'v1' });
    expect(
      readPublishedState(['brand-a', 'brand-b'], {
        [brandKey('brand-a')]: null,
        [legacyPointerKey('brand-a')]: legacy,
        [brandKey('brand-b')]: null,
        [legacyPointerKey('brand-b')]: null,
      }),
    ).toEqual({ pointers: { 'brand-a': pointer, 'brand-b': null }, legacy: ['brand-a'] });
  });

  it('refuses to plan over a corrupt pointer, naming its key', () => {
    expect(readPublishedState(['brand-a'], { [brandKey('brand-a')]: '{not json' })).toBe(`${brandKey('brand-a')}: not JSON`);
  });
});

describe('the version in force', () => {
  const timeline = [entry('v1', '2025-01-01'), entry('v2', '2026-06-01'), entry('v3', '2027-06-01')];

  it.each([
    ['an order before every version', '2024-05-01', '2026-12-05', 'v1'],
    ['an order under v1', '2026-05-31', '2026-12-05', 'v1'],
    ['an order under v2', '2026-06-01', '2026-12-05', 'v2'],
    ['an order after today, before v3 takes effect', '2027-07-01', '2026-12-05', 'v2'],
    ['an order after v3 took effect', '2027-07-01', '2027-07-02', 'v3'],
  ])('%s (%s, today %s) is judged by %s', (_, date, today, version) => {
    expect(selectEntry(timeline, date, today)!.version).toBe(version);
  });

  it('is nothing while the first version is scheduled', () => {
    expect(selectEntry([entry('v1', '2027-01-01')], '2026-01-01', '2026-01-01')).toBeUndefined();
  });

  it('marks each timeline entry past, current or scheduled', () => {
    expect(timelineStates(timeline, '2026-12-05').map((e) => e.state)).toEqual(['past', 'current', 'scheduled']);
  });

  it('rolls back from the version in force, dropping the scheduled ones, and never to a scheduled one', () => {
    const pointer = { brand: 'brand-a', timeline };
    expect(withRolledBack(pointer, '2026-12-05')).toEqual({ brand: 'brand-a', timeline: [timeline[0]] });
    expect(withRolledBack(pointer, '2026-12-05', 'v3')).toContain('scheduled from 2027-06-01');
  });

  it('fits a timeline in force plus scheduled versions in KV metadata', () => {
    const metadata = brandMetadata({ brand: 'brand-a', timeline }, '2026-12-05');
    expect(readBrandMetadata(metadata)!.map((v) => v.version)).toEqual(['v2', 'v3']);
  });
});

describe('the brand-id rule', () => {
  it.each(['brand-a', 'acme-2', 'a', 'a'.repeat(63)])('accepts %j', (id) => expect(BRAND_ID_PATTERN.test(id)).toBe(true));
  it.each(['Kospet X', 'brand-a_x', '9lives', '-x', '', 'a'.repeat(64), 'kospét'])('refuses %j, saying why', (id) =>
    expect(brandIdProblem(id)).toContain('is not a brand id'),
  );
});
