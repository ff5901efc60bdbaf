import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, type CompiledPolicy } from '../contract.js';
import { BRANDS_KEY, pointerKey, versionInForce, versionKey, type PolicyPointer } from './policy-pointer.js';
import { keysToRead, planPublish, readBrandList, readPublishedState } from './publish-plan.js';

const policy = (brand: string, version: string) => ({ brand, version, formatVersion: FORMAT_VERSION, tables: [] }) as unknown as CompiledPolicy;
const NOW = '2026-01-01T00:00:00.000Z';

describe('planPublish', () => {
  describe('on an empty store', () => {
    const plan = planPublish([policy('kospet', 'v1'), policy('elegoo', 'e1')], { brands: null, pointers: {} }, '2025-06-01', NOW);

    it('writes the immutable versions first, then the pointers and the brand list', () => {
      expect(plan.phases.map((phase) => phase.map((e) => e.key))).toEqual([
        [versionKey('kospet', 'v1'), versionKey('elegoo', 'e1')],
        [pointerKey('kospet'), pointerKey('elegoo'), BRANDS_KEY],
      ]);
    });

    it('starts each brand\'s timeline at the effective date', () => {
      const pointer = JSON.parse(plan.phases[1]![0]!.value) as PolicyPointer;
      expect(pointer).toEqual({ brand: 'kospet', current: 'v1', timeline: [{ version: 'v1', effective_from: '2025-06-01', published_at: NOW }] });
      expect(JSON.parse(plan.phases[1]![2]!.value)).toEqual(['elegoo', 'kospet']);
      expect(plan.changes).toContainEqual({ brand: 'kospet', from: null, to: 'v1', unchanged: false });
    });
  });

  describe('over a published brand', () => {
    const before: PolicyPointer = { brand: 'kospet', current: 'v1', timeline: [{ version: 'v1', effective_from: '2025-01-01', published_at: NOW }] };
    const state = { brands: ['kokoni', 'kospet'], pointers: { kospet: before } };

    it('adds the new version to the timeline, so earlier orders keep the old one', () => {
      const plan = planPublish([policy('kospet', 'v2')], state, '2025-06-01', NOW);
      const after = JSON.parse(plan.phases[1]![0]!.value) as PolicyPointer;
      expect(after.current).toBe('v2');
      expect(versionInForce(after, '2025-05-31')).toBe('v1');
      expect(versionInForce(after, '2025-06-01')).toBe('v2');
    });

    it('keeps brands it does not publish listed', () => {
      const plan = planPublish([policy('kospet', 'v2')], state, '2025-06-01', NOW);
      expect(JSON.parse(plan.phases[1]!.at(-1)!.value)).toEqual(['kokoni', 'kospet']);
    });

    it('reports republishing the current version as unchanged', () => {
      expect(planPublish([policy('kospet', 'v1')], state, '2025-06-01', NOW).changes).toEqual([{ brand: 'kospet', from: 'v1', to: 'v1', unchanged: true }]);
    });
  });
});

describe('readPublishedState', () => {
  it('reads what the publisher needs from raw values', () => {
    const pointer: PolicyPointer = { brand: 'kospet', current: 'v1', timeline: [{ version: 'v1', effective_from: '2025-01-01', published_at: NOW }] };
    expect(keysToRead(['kospet'])).toEqual([BRANDS_KEY, pointerKey('kospet')]);
    expect(readPublishedState(['kospet', 'elegoo'], { [BRANDS_KEY]: '["kospet"]', [pointerKey('kospet')]: JSON.stringify(pointer), [pointerKey('elegoo')]: null }))
      .toEqual({ brands: ['kospet'], pointers: { kospet: pointer, elegoo: null } });
  });

  it('refuses to plan over a corrupt pointer or list, naming each key', () => {
    const state = readPublishedState(['kospet'], { [BRANDS_KEY]: '{"x":1}', [pointerKey('kospet')]: '{not json' });
    expect(state).toBe(`${BRANDS_KEY}: brand list is not an array; ${pointerKey('kospet')}: not JSON`);
  });

  it('accepts only brand ids in the list', () => {
    expect(readBrandList(['kospet', 'Bad Brand'])).toBe('brand list holds an entry that is not a brand id');
  });
});
