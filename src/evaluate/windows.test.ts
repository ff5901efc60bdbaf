// One window of windows.csv for one claim (README "Windows", INTERPRETATION §1): its start, its
// inclusive last day, and whether the claim falls inside.

import { describe, expect, it } from 'vitest';
import type { CompiledWindow } from '../contract.js';
import { computeWindow } from './windows.js';

const RETURNS: CompiledWindow = {
  name: 'return_window',
  length: 14,
  unit: 'days',
  countsFrom: ['delivered_on', 'purchased_on'],
  checkedAgainst: 'claim_on',
  label: '{length}-day returns',
  badge: true,
  source: 'acme/windows.csv:2',
};
type Facts = Parameters<typeof computeWindow>[1];
const facts = (f: Facts): Facts => ({ delivered_on: null, purchased_on: null, claim_on: null, ...f });

describe('computeWindow', () => {
  describe('a 14-day window from 2025-03-01 (day 0)', () => {
    it.each([
      ['on the start day', '2025-03-01', 'open'],
      ['on day 13', '2025-03-14', 'open'],
      ['on day 14, the last day', '2025-03-15', 'open'],
      ['on day 15', '2025-03-16', 'closed'],
      ['a year later', '2026-03-01', 'closed'],
    ])('is %s %s → %s', (_when, claim_on, status) => {
      expect(computeWindow(RETURNS, facts({ delivered_on: '2025-03-01', claim_on }))).toEqual({
        window: 'return_window',
        label: '14-day returns',
        length: 14,
        unit: 'days',
        starts_on: '2025-03-01',
        deadline: '2025-03-15',
        status,
      });
    });
  });

  it('counts from the second event when the first is missing', () => {
    expect(computeWindow(RETURNS, facts({ purchased_on: '2025-02-20', claim_on: '2025-03-01' }))).toMatchObject({
      starts_on: '2025-02-20',
      deadline: '2025-03-06',
      status: 'open',
    });
  });

  it('prefers the first event when both are given', () => {
    expect(computeWindow(RETURNS, facts({ delivered_on: '2025-03-01', purchased_on: '2025-02-20', claim_on: '2025-03-10' }))).toMatchObject({
      starts_on: '2025-03-01',
    });
  });

  it('is unknown when no start date is known', () => {
    expect(computeWindow(RETURNS, facts({ claim_on: '2025-03-01' }))).toMatchObject({ starts_on: null, deadline: null, status: 'unknown' });
  });

  it('has a deadline but an unknown status when the claim date is missing', () => {
    expect(computeWindow(RETURNS, facts({ delivered_on: '2025-03-01' }))).toMatchObject({ deadline: '2025-03-15', status: 'unknown' });
  });

  describe('with its length taken from a fact (part_warranty_months)', () => {
    const parts: CompiledWindow = {
      ...RETURNS,
      name: 'part_warranty',
      length: { ref: 'part_warranty_months' },
      unit: 'months',
      label: '{length}-month part warranty',
    };

    it('counts that many months, clamped to the month end', () => {
      expect(computeWindow(parts, facts({ delivered_on: '2024-11-30', claim_on: '2025-02-28', part_warranty_months: 3 }))).toMatchObject({
        label: '3-month part warranty',
        length: 3,
        deadline: '2025-02-28',
        status: 'open',
      });
    });

    it('is unknown when the length is not known', () => {
      expect(computeWindow(parts, facts({ delivered_on: '2025-03-01', claim_on: '2025-03-02', part_warranty_months: null }))).toMatchObject({
        label: '?-month part warranty',
        length: null,
        deadline: null,
        status: 'unknown',
      });
    });

    it('is unknown for a negative length', () => {
      expect(computeWindow(parts, facts({ delivered_on: '2025-03-01', claim_on: '2025-03-02', part_warranty_months: -1 }))).toMatchObject({
        deadline: null,
        status: 'unknown',
      });
    });
  });
});
