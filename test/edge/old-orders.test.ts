// Old orders, new values: a claim that is valid under the brand's vocabulary of today is never refused
// because the version in force on its order date predates one of its values. That version judges it,
// counting the value it does not list as not given, and the answer says so.

import { beforeAll, describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../functions/decide-claim.js';
import type { Problem } from '../../functions/problem.js';
import { compileOrThrow, tinyBrand } from '../support/tiny-brand.js';
import { NOTHING_PUBLISHED, publish } from './seed-kv.js';
import { postJson, readJson } from './worker.js';

/** A brand the test owns, before and after it started listing ear pads as a part. */
const version = (parts: string, earPads: string) =>
  compileOrThrow(
    tinyBrand({
      brand: 'old-orders',
      files: {
        'policy.csv': 'key,value\nbrand,old-orders\nlocales,en\nclaim_date,claim_on\nwarranty_window,warranty\n',
        'facts.csv': `fact,type,values,label_en\npart,enum,"${parts}",part\n`,
        'values.csv': `fact,value,label_en\n${parts
          .split(', ')
          .map((p) => `part,${p},${p.replace('_', ' ')}\n`)
          .join('')}`,
        'parts.csv': `U,part,> repair,> reason\nHeadphones,headphones,√,\n${earPads}Anything else,"not(headphones${earPads ? ', ear_pads' : ''})",review,"""brand_discretion"""\n`,
      },
    }),
  );
const before = version('headphones, speaker', '');
const after = version('headphones, speaker, ear_pads', 'Ear pads,ear_pads,×,"""not_quality_issue"""\n');
const PUBLISHED_EAR_PADS = '2025-06-01';

beforeAll(async () => {
  await publish([after], await publish([before], NOTHING_PUBLISHED, '2020-01-01'), PUBLISHED_EAR_PADS);
});

const claim = (facts: Record<string, unknown>) => ({
  brand: 'old-orders',
  claim: { issue: 'quality_defect', delivered_on: '2025-03-01', claim_on: '2025-03-10', ...facts },
});
const repair = (d: EligibilityDecision) => d.remedies.find((r) => r.remedy === 'repair')!;

describe('a claim about an order placed before a value was published', () => {
  it('is judged by the version of its order date, which counts the value as not given, and says so', async () => {
    const res = await postJson('/v1/eligibility', claim({ part: 'ear_pads' }));
    expect(res.status).toBe(200);
    const decision = await readJson<EligibilityDecision>(res);
    expect(decision.policy_version).toBe(before.version);
    expect(decision.policy_selection.note).toMatch(/does not list part: it judged the claim as if it was not given/);
    expect(repair(decision)).toMatchObject({ status: 'review', source: 'old-orders/parts.csv:3' });
  });

  it('is judged by today’s rows with ?policy=current', async () => {
    const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility?policy=current', claim({ part: 'ear_pads' })));
    expect(decision.policy_version).toBe(after.version);
    expect(decision.policy_selection.note).toBeUndefined();
    expect(repair(decision)).toMatchObject({ status: 'ineligible', source: 'old-orders/parts.csv:3' });
  });

  it('still refuses a value no version lists, naming the field', async () => {
    const res = await postJson('/v1/eligibility', claim({ part: 'banana' }));
    expect(res.status).toBe(400);
    const body = await readJson<Problem & { errors: { path: string }[] }>(res);
    expect(body.errors.map((e) => e.path)).toEqual(['claim.part']);
  });

  it('leaves a claim both versions accept untouched', async () => {
    const decision = await readJson<EligibilityDecision>(await postJson('/v1/eligibility', claim({ part: 'headphones' })));
    expect(decision.policy_version).toBe(before.version);
    expect(decision.policy_selection.note).toBeUndefined();
    expect(repair(decision).status).toBe('eligible');
  });
});
