import { describe, expect, it } from 'vitest';
import { selectEntry, type TimelineEntry } from './policy-pointer.js';

const entry = (version: string, effective_from: string, published_at: string): TimelineEntry => ({ version, effective_from, published_at });

describe('selectEntry', () => {
  // Two versions published for the same first day (a fix republished, or `npm run dev` saving again):
  // the later one replaced the first for that day, so it also judges the orders placed before it.
  const timeline = [
    entry('first', '2025-01-01', '2025-01-01T09:00:00Z'),
    entry('fixed', '2025-01-01', '2025-01-01T11:00:00Z'),
    entry('next', '2025-06-01', '2025-05-20T00:00:00Z'),
  ];

  it('judges an order placed before every version by the last one published for the earliest day', () => {
    expect(selectEntry(timeline, '2024-12-31', '2026-01-01')?.version).toBe('fixed');
  });

  it('judges orders from that day on the same way', () => {
    expect(selectEntry(timeline, '2025-01-01', '2026-01-01')?.version).toBe('fixed');
    expect(selectEntry(timeline, '2025-06-01', '2026-01-01')?.version).toBe('next');
  });
});
