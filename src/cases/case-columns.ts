// The columns of an editors' cases sheet and what each cell of them may hold: fact columns hold a
// claim's values (checked by the API's own claim checks in run-cases.ts), `> field` columns hold
// the expected answer. A cell an expectation cannot be read from is an error, never a silent skip.

import type { CompiledPolicy } from '../contract.js';
import { parseIsoDate } from '../evaluate/dates.js';
import type { IssueList } from '../issue.js';
import { parseLiteral } from '../sheet/cell-syntax.js';
import type { Sheet } from '../sheet/parse-sheet.js';

export interface FactColumn {
  name: string;
  index: number;
}
export interface ExpectColumn {
  field: string;
  index: number;
}
export interface CaseColumns {
  name?: number;
  facts: FactColumn[];
  expects: ExpectColumn[];
}

export const STATUS_ALIASES: Record<string, string> = { '√': 'eligible', '✓': 'eligible', '×': 'ineligible', '✗': 'ineligible' };
const STATUSES = new Set(['eligible', 'ineligible', 'review']);
const NONE = new Set(['-', 'none']);
const LIST_FIELDS = new Set(['reason', 'reasons', 'evidence']);

/** Sorts the header into name, fact and expectation columns; a repeated column is used once. */
export function readCaseColumns(sheet: Sheet, policy: CompiledPolicy, issues: IssueList): CaseColumns {
  const facts = new Set(policy.facts.map((f) => f.name));
  const headerRow = sheet.headerRow;
  const seen = new Map<string, number>();
  const columns: CaseColumns = { facts: [], expects: [] };
  sheet.header.forEach((raw, index) => {
    const h = raw.trim();
    if (!h || h.startsWith('#')) return;
    const key = h.startsWith('>') ? `> ${h.slice(1).trim()}` : h;
    if (seen.has(key)) {
      issues.error(
        'duplicate_header',
        `"${h}" is also column ${seen.get(key)}: expected each column once (this one is not read)`,
        sheet.name,
        headerRow,
        index,
      );
      return;
    }
    seen.set(key, index + 1);
    if (h === 'case') columns.name = index;
    else if (h.startsWith('>')) columns.expects.push({ field: h.slice(1).trim(), index });
    else if (facts.has(h)) columns.facts.push({ name: h, index });
    else issues.error('unknown_fact', `"${h}" is not a fact: expected a name from facts.csv, or "> remedy" for an expectation`, sheet.name, headerRow, index);
  });
  return columns;
}

/** Why `text` cannot be what `field` is expected to be, or null when it can. */
export function expectationProblem(policy: CompiledPolicy, field: string, text: string): string | null {
  const [head, ...rest] = field.split('.');
  const sub = rest.join('.');
  const isRemedy = policy.remedies.some((r) => r.name === head);
  if (head !== 'warranty' && !isRemedy) return null; // a derived fact: any value it can hold
  if (isRemedy && !sub) return STATUSES.has(STATUS_ALIASES[text] ?? text) ? null : 'expected eligible, ineligible or review (or √ ×)';
  if (head === 'warranty' && (!sub || sub === 'status')) return ['open', 'closed', 'unknown'].includes(text) ? null : 'expected open, closed or unknown';
  if (NONE.has(text)) return null;
  if (sub === 'deadline' || sub === 'starts_on')
    return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseIsoDate(text) !== null ? null : 'expected a calendar date as YYYY-MM-DD, or -';
  if (sub === 'reason' || sub === 'reasons') {
    const unknown = text
      .split(',')
      .map((s) => s.trim())
      .filter((c) => c && !policy.messages[c]);
    return unknown.length ? `${unknown.join(', ')}: expected reason codes this policy gives (${Object.keys(policy.messages).sort().join(', ')})` : null;
  }
  const fee = policy.fees.find((f) => f.name === sub);
  if (fee?.type === 'payer') return text === 'brand' || text === 'customer' ? null : 'expected brand or customer';
  if (fee?.type === 'percent' || fee?.type === 'money') {
    const lit = parseLiteral(text);
    return lit?.ok && typeof lit.value === 'number' ? null : 'expected a number';
  }
  return null;
}

/** The expected text in the form actualOf gives it: aliases resolved, lists sorted, numbers normalised. */
export function normalizeExpected(field: string, text: string): string {
  const sub = field.split('.').slice(1).join('.');
  if (!sub) return STATUS_ALIASES[text] ?? text;
  if (LIST_FIELDS.has(sub) && NONE.has(text)) return '';
  if (LIST_FIELDS.has(sub))
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .sort()
      .join(', ');
  const lit = parseLiteral(text);
  if (lit?.ok && typeof lit.value === 'number') return String(lit.value);
  return NONE.has(text) ? '' : text;
}
