// What the MCP tools say in words, next to the structured data they return: an agent reads the text,
// a program the structuredContent. The coverage terms are the badge's own text (describeCoverage);
// a decision is its summary and one line per remedy, worded by the brand's sheets in the asked language.

import type { RemedyDecision } from '../../src/contract.js';
import { describeCoverage } from '../../src/widget/describe-coverage.js';
import type { BrandRow } from '../brand-rows.js';
import type { CoverageAnswer } from '../coverage-terms.js';
import type { EligibilityDecision } from '../decide-claim.js';
import type { Problem } from '../problem.js';

export function brandListText(brands: readonly BrandRow[], nextCursor: string | null): string {
  const lines = brands.map(
    (b) =>
      `- ${b.brand}: ${b.name} (${b.status}${b.policy_version ? `, policy version ${b.policy_version}` : ''}${b.locales.length ? `, languages ${b.locales.join(', ')}` : ''})`,
  );
  const more = nextCursor ? [`More brands: call list_brands with cursor "${nextCursor}".`] : [];
  return [`${brands.length} brand(s):`, ...lines, ...more].join('\n');
}

/** The badge's headline and sections (time limits "counted from …", remedies and who pays, exclusions). */
export function termsText(answer: CoverageAnswer): string {
  const text = describeCoverage(answer);
  const about = [answer.product_line && `product line ${answer.product_line}`, answer.part && `part ${answer.part}`].filter(Boolean).join(', ');
  const sections = text.sections.map((s) => [`${s.title}:`, ...s.items.map((i) => `- ${[i.text, ...i.notes].join('; ')}`)].join('\n'));
  return [
    `${text.label}${about ? ` (${about})` : ''}: ${text.headline || '—'}`,
    ...sections,
    `Policy version ${answer.policy_version}, language ${answer.locale}.`,
  ].join('\n\n');
}

/**
 * A remedy in the decision's language, as the sheets word it (its summary: what the customer can do,
 * until when, at what cost, what to send), after its id so an agent can act on it.
 */
const remedyLine = (r: RemedyDecision): string => `- ${r.label} (${r.remedy}): ${r.summary}`;

export function decisionText(decision: EligibilityDecision): string {
  const unknown = decision.facts_not_established.length
    ? [`Not established (send these facts for a firmer answer): ${decision.facts_not_established.join(', ')}.`]
    : [];
  const note = decision.policy_selection.note ? [`Note: ${decision.policy_selection.note}.`] : [];
  return [
    `${decision.brand}, policy version ${decision.policy_version}, as of ${decision.as_of} (${decision.locale}): ${decision.summary}`,
    ...decision.remedies.map(remedyLine),
    ...unknown,
    ...note,
  ].join('\n');
}

/** A problem as a tool error: what is wrong, then each field by its path (`claim.delivered_on: …`). */
export function problemText(problem: Problem): string {
  const head = problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
  return [head, ...(problem.errors ?? []).map((e) => `- ${e.path}: ${e.message}`)].join('\n');
}
