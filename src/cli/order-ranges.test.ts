import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../evaluate/dates.js';
import { selectEntry, type TimelineEntry } from '../store/policy-pointer.js';
import { describeOrderRanges, orderRanges } from './order-ranges.js';

const entry = (version: string, effective_from: string, published_at = `${effective_from}T00:00:00.000Z`): TimelineEntry => ({
  version,
  effective_from,
  published_at,
});
const TODAY = '2026-12-05';

describe('describeOrderRanges', () => {
  it('says a single version judges every order', () => {
    expect(describeOrderRanges('acme', [entry('v1', '2000-01-01')], TODAY)).toEqual(['acme: every order is judged by v1 (effective 2000-01-01)']);
  });

  it('says older orders keep the older version after a new one is published', () => {
    expect(describeOrderRanges('acme', [entry('v1', '2000-01-01'), entry('v2', '2025-01-01')], TODAY)).toEqual([
      'acme: orders from 2025-01-01 on are judged by v2 (effective 2025-01-01)',
      '      earlier orders (before 2025-01-01) by v1 (effective 2000-01-01)',
      '      ?policy=current (and orders dated after today) by v2',
    ]);
  });

  it('gives a middle version its closed range, and a scheduled one its date', () => {
    const timeline = [entry('v1', '2000-01-01'), entry('v2', '2024-03-01'), entry('v3', '2025-01-01'), entry('v4', '2027-06-01')];
    expect(describeOrderRanges('acme', timeline, TODAY)).toEqual([
      'acme: orders from 2027-06-01 on will be judged by v4 (effective 2027-06-01, scheduled) once that day comes',
      '      orders from 2025-01-01 on are judged by v3 (effective 2025-01-01)',
      '      orders from 2024-03-01 to 2024-12-31 by v2 (effective 2024-03-01)',
      '      earlier orders (before 2024-03-01) by v1 (effective 2000-01-01)',
      '      ?policy=current (and orders dated after today) by v3',
    ]);
  });

  it('names only the last of several versions published for the same day (the one a date selects)', () => {
    const timeline = [entry('v1', '2000-01-01', '2026-12-01T10:00:00Z'), entry('v2', '2000-01-01', '2026-12-01T10:05:00Z')];
    expect(describeOrderRanges('acme', timeline, TODAY)).toEqual(['acme: every order is judged by v2 (effective 2000-01-01)']);
  });

  it('says when no order is judged yet', () => {
    expect(describeOrderRanges('acme', [entry('v1', '2027-01-01')], TODAY)).toEqual([
      'acme: no order is judged yet: its first version takes effect on 2027-01-01',
    ]);
  });
});

describe('orderRanges', () => {
  // The words must never disagree with the store: every order date in range → the version selectEntry picks.
  const timelines: TimelineEntry[][] = [
    [entry('v1', '2000-01-01')],
    [entry('v1', '2020-01-01'), entry('v2', '2024-02-29')],
    [
      entry('v1', '2020-01-01'),
      entry('v1b', '2020-01-01', '2020-01-02T00:00:00Z'),
      entry('v2', '2024-03-01'),
      entry('v3', '2026-12-05'),
      entry('v4', '2027-01-01'),
    ],
  ];
  it.each(timelines.map((t, i) => [i, t] as const))('names the version selectEntry selects for each order date (timeline %i)', (_, timeline) => {
    const ranges = orderRanges(timeline, TODAY).filter((r) => !r.scheduled);
    for (let day = parseIsoDate('2019-06-01')!; day <= parseIsoDate(TODAY)!; day += 7) {
      const date = formatIsoDate(day);
      const range = ranges.find((r) => (r.from === null || r.from <= date) && (r.to === null || date <= r.to));
      expect(range?.version, date).toBe(selectEntry(timeline, date, TODAY)?.version);
    }
  });
});
