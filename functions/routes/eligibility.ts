// POST /v1/eligibility and /v1/eligibility/batch: a claim (or a cart of claims) → the decision for
// every remedy, with the sheet rows that decided it and the policy version that judged it.

import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { decideClaim, type EligibilityDecision } from '../decide-claim.js';
import { type PolicyOrigin, setPolicyHeaders } from '../policy-headers.js';
import { PolicyUnavailable, type Problem, ProblemError, problem } from '../problem.js';
import { BatchRequestSchema, EligibilityQuerySchema, EligibilityRequestSchema, isOn, quickBatchRequest, quickEligibilityRequest } from '../request-schemas.js';
import { validRequest } from '../validate.js';

export type BatchItemResult = { index: number; status: 200; decision: EligibilityDecision } | { index: number; status: number; problem: Problem };

const originOf = (decision: EligibilityDecision, fault: PolicyOrigin['fault']): PolicyOrigin => ({
  source: decision.policy_selection.source,
  version: decision.policy_version,
  selection: decision.policy_selection.mode,
  ...(fault ? { fault } : {}),
});

export const eligibilityRoutes = new Hono<AppEnv>()
  .post('/eligibility', validRequest(EligibilityQuerySchema, EligibilityRequestSchema, quickEligibilityRequest), async (c) => {
    const query = c.req.valid('query');
    const { brand, claim } = c.req.valid('json');
    const { decision, loaded } = await decideClaim(c.get('store'), brand, claim, {
      mode: query.policy ?? 'order_date',
      explain: isOn(query.explain),
      acceptLanguage: c.req.header('accept-language'),
      today: c.get('today'),
      path: '',
    });
    setPolicyHeaders(c, [originOf(decision, loaded.fault)]);
    c.header('Content-Language', decision.locale);
    c.header('Cache-Control', 'no-store');
    return c.json(decision, 200);
  })
  .post('/eligibility/batch', validRequest(EligibilityQuerySchema, BatchRequestSchema, quickBatchRequest), async (c) => {
    const query = c.req.valid('query');
    const { items } = c.req.valid('json');
    const origins: PolicyOrigin[] = [];
    // One bad item must not fail the cart: client errors and one brand's store faults become that item's problem.
    const results = await Promise.all(
      items.map(async ({ brand, claim }, index): Promise<BatchItemResult> => {
        try {
          const { decision, loaded } = await decideClaim(c.get('store'), brand, claim, {
            mode: query.policy ?? 'order_date',
            explain: isOn(query.explain),
            acceptLanguage: c.req.header('accept-language'),
            today: c.get('today'),
            path: `items[${index}]`,
          });
          origins.push(originOf(decision, loaded.fault));
          return { index, status: 200, decision };
        } catch (error) {
          if (error instanceof ProblemError) return { index, status: error.problem.status, problem: error.problem };
          // One brand's store fault (its keys broken, no bundled copy) fails only its own items.
          if (error instanceof PolicyUnavailable) {
            return {
              index,
              status: 503,
              problem: problem('policy-unavailable', {
                detail: `${brand}: retry shortly`,
                errors: [{ path: `items[${index}].brand`, message: "this brand's policy cannot be loaded right now" }],
              }),
            };
          }
          throw error;
        }
      }),
    );
    setPolicyHeaders(c, origins);
    c.header('Cache-Control', 'no-store');
    const failed = results.filter((r) => r.status !== 200).length;
    return c.json({ count: results.length, failed, results }, 200);
  });
