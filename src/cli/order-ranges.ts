// Which orders each published version answers for, in words, after a publish: claims are judged by
// the version in force on their order date (purchased_on, else delivered_on), so an editor who
// publishes a new version must see that older orders keep the older one (issue 15 §5). The ranges
// follow selectEntry (src/store/policy-pointer.ts) exactly; order-ranges.test.ts checks it date by date.

import { formatIsoDate, parseIsoDate } from '../evaluate/dates.js';
import type { PolicyPointer, TimelineEntry } from '../store/policy-pointer.js';

export interface OrderRange {
  /** First order date of the range; null for "every earlier order". */
  from: string | null;
  /** Last order date of the range (inclusive); null for "and every later order". */
  to: string | null;
  version: string;
  effective_from: string;
  scheduled: boolean;
}

const shiftDay = (date: string, days: number) => formatIsoDate(parseIsoDate(date)! + days);
const dayBefore = (date: string) => shiftDay(date, -1);

/** The entries a date can select: of several with the same effective date, only the last published counts. */
function selectable(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  return timeline.filter((e, i) => timeline[i + 1]?.effective_from !== e.effective_from);
}

/**
 * The order-date ranges of a timeline on `today`, newest first. The earliest version in force also
 * judges orders placed before it took effect; a scheduled version judges orders from its date once
 * that date comes (until then an order dated later is judged by today's version).
 */
export function orderRanges(timeline: readonly TimelineEntry[], today: string): OrderRange[] {
  const entries = selectable(timeline);
  const inForce = entries.filter((e) => e.effective_from <= today);
  const scheduled = entries.filter((e) => e.effective_from > today);
  const ranges = inForce.map(
    (e, i): OrderRange => ({
      from: i === 0 ? null : e.effective_from,
      to: i + 1 < inForce.length ? dayBefore(inForce[i + 1]!.effective_from) : null,
      version: e.version,
      effective_from: e.effective_from,
      scheduled: false,
    }),
  );
  const later = scheduled.map((e): OrderRange => ({ from: e.effective_from, to: null, version: e.version, effective_from: e.effective_from, scheduled: true }));
  return [...ranges, ...later].reverse();
}

function describeRange(range: OrderRange, only: boolean): string {
  const by = `${range.version} (effective ${range.effective_from}${range.scheduled ? ', scheduled' : ''})`;
  if (range.scheduled) return `orders from ${range.from} on will be judged by ${by} once that day comes`;
  if (only) return `every order is judged by ${by}`;
  if (range.from === null) return `earlier orders (before ${shiftDay(range.to!, 1)}) by ${by}`;
  if (range.to === null) return `orders from ${range.from} on are judged by ${by}`;
  return `orders from ${range.from} to ${range.to} by ${by}`;
}

/** One brand's ranges as lines: "elegoo: orders from 2025-01-01 on are judged by v2 (effective 2025-01-01)", then the older ones. */
export function describeOrderRanges(brand: string, timeline: readonly TimelineEntry[], today: string): string[] {
  const ranges = orderRanges(timeline, today);
  const inForce = ranges.filter((r) => !r.scheduled);
  if (inForce.length === 0) return [`${brand}: no order is judged yet: its first version takes effect on ${ranges.at(-1)?.from ?? '(never)'}`];
  const indent = ' '.repeat(brand.length + 2);
  const current = inForce[0]!;
  const lines = ranges.map((r, i) => `${i === 0 ? `${brand}: ` : indent}${describeRange(r, inForce.length === 1 && !r.scheduled)}`);
  if (ranges.length > 1) lines.push(`${indent}?policy=current (and orders dated after today) by ${current.version}`);
  return lines;
}

/** The section publish prints after writing: every published brand's order ranges. */
export function printOrderRanges(
  pointers: Readonly<Record<string, PolicyPointer>>,
  brands: readonly string[],
  today: string,
  out: (line: string) => void,
): void {
  const shown = brands.filter((b) => pointers[b]);
  if (shown.length === 0) return;
  out('Which orders each version now answers for (by order date: purchased_on, else delivered_on):');
  for (const brand of shown) {
    for (const line of describeOrderRanges(brand, pointers[brand]!.timeline, today)) out(`  ${line}`);
  }
}
