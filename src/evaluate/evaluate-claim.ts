// CompiledPolicy × Claim → Decision. Pure, synchronous and total: a compiled policy never makes it
// throw; facts of the wrong type count as not sent (the API rejects them before this point).
// Every remedy gets a status, its reasons, fees, deadline and the sheet row that decided it.

import type { Claim, CompiledPolicy, Decision } from '../contract.js';
import { dateClaim, newClaimState, notEstablished, readFacts } from './claim-state.js';
import { decideRemedy } from './decide-remedy.js';
import { preparePolicy } from './prepare-policy.js';
import { runTable, runWindow } from './run-plan.js';
import { summarizeDecision } from './summarize-decision.js';
import { wordingFor } from './wording.js';

export interface EvaluateOptions {
  locale?: string;
  trace?: boolean;
}

export function evaluateClaim(policy: CompiledPolicy, claim: Claim, asOf: string, options: EvaluateOptions = {}): Decision {
  const prepared = preparePolicy(policy);
  // prepared.locales are the policy's locales and its default: any other asks for the default.
  const requested = options.locale === undefined ? -1 : prepared.locales.indexOf(options.locale);
  const locale = requested < 0 ? prepared.defaultLocale : requested;
  const wording = wordingFor(prepared, locale);
  const state = newClaimState(prepared, wording, options.trace === true);

  // 1. Read the claim's facts, date the claim (asOf unless it says otherwise) and count days since.
  readFacts(state, claim);
  dateClaim(state, asOf);

  // 2. Run the plan: tables and windows in order, each reading the facts earlier steps derived.
  for (const step of prepared.plan) {
    if (step.kind === 'window') runWindow(state, step.index);
    else runTable(state, step.index);
  }

  // 3. Decide each remedy: verdict, reasons, deadline, evidence and fees, worded and summarized.
  const remedies = prepared.remedies.map((_, index) => decideRemedy(state, index));

  // 4. The decision: its summary, the windows, the derived facts and the flags the claim left open.
  const decided: Decision = {
    brand: policy.brand,
    policy_version: policy.version,
    as_of: String(state.values[prepared.claimDateSlot]),
    locale: prepared.locales[locale]!,
    summary: summarizeDecision(wording.words, remedies),
    remedies,
    warranty: prepared.warrantyWindow >= 0 ? state.windows[prepared.warrantyWindow]! : null,
    windows: state.windows,
    derived: state.derived,
    facts_not_established: notEstablished(state),
    ...(state.tableErrors.length ? { table_errors: state.tableErrors } : {}),
  };
  return state.trace ? { ...decided, trace: state.trace } : decided;
}
