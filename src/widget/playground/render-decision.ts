// A decision as a support agent reads it: the decision's summary, then per remedy its status as
// people say it and its summary (the sheets' sentences), with the row that decided it; the codes —
// deadline, fees, evidence, reasons with their rows — in a collapsible part, and the windows, derived
// facts and every table's matched rows (the `?explain=1` trace) in another. Its own words come in the
// console's language (console-strings.ts); codes stay codes.

import type { Decision, RemedyDecision, TraceStep, WindowResult } from '../../contract.js';
import type { ConsoleStrings } from './console-strings.js';
import { type Child, h } from './dom.js';
import { parseSource, sheetHref } from './sheet-link.js';

/** A link to the row a decision cites, or the plain reference when it has no viewer. */
export function sourceLink(source: string): HTMLElement {
  const ref = parseSource(source);
  return ref ? h('a', { href: sheetHref(ref), class: 'source', 'data-source': source }, source) : h('code', { class: 'source' }, source);
}

const formatFee = (field: string, value: string | number) => (field.endsWith('_pct') ? `${value} %` : String(value));

function definitions(entries: [string, Child | Child[]][]): HTMLElement | null {
  if (!entries.length) return null;
  return h(
    'dl',
    {},
    entries.map(([term, detail]) => [h('dt', {}, term), h('dd', {}, detail)]),
  );
}

function renderRemedy(r: RemedyDecision, t: ConsoleStrings): HTMLElement {
  const fees = Object.entries(r.fees).map(([field, value]): [string, string] => [field, formatFee(field, value)]);
  return h(
    'article',
    { class: `remedy ${r.status}`, 'data-remedy': r.remedy, 'data-status': r.status },
    h('h3', {}, r.label, ' ', h('span', { class: `status ${r.status}` }, r.status_label || r.status)),
    // The sheets' own sentence first (status as people say it, deadline, costs, what to send).
    r.summary ? h('p', { class: 'summary' }, r.summary) : null,
    h('p', { class: 'decided-by' }, `${t.decidedBy} `, sourceLink(r.source)),
    h(
      'details',
      { class: 'codes' },
      h('summary', {}, t.details),
      h(
        'p',
        { class: 'verdict' },
        h('code', {}, r.remedy),
        ' · ',
        h('code', {}, r.status),
        r.deadline ? [` · ${t.deadline} `, h('time', { datetime: r.deadline }, r.deadline)] : null,
      ),
      r.deadline_basis ? h('p', { class: 'basis' }, r.deadline_basis) : null,
      definitions([
        ...fees,
        ...(r.required_evidence.length ? [[t.evidence, (r.required_evidence_labels ?? r.required_evidence).join(', ')] as [string, string]] : []),
        ...r.other_deadlines.map((d): [string, string] => [t.otherDeadline(d.window), d.deadline ?? t.unknown]),
      ]),
      r.reasons.length
        ? h(
            'ul',
            { class: 'reasons' },
            r.reasons.map((reason) => h('li', {}, reason.message, ' ', h('code', {}, reason.code), ' ', sourceLink(reason.source))),
          )
        : null,
    ),
  );
}

function renderWindows(windows: readonly WindowResult[], warranty: WindowResult | null, t: ConsoleStrings): HTMLElement {
  const table = h(
    'table',
    { class: 'windows' },
    h('caption', {}, t.windows),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t.windowColumns.window, t.windowColumns.label, t.windowColumns.starts, t.windowColumns.deadline, t.windowColumns.status].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      windows.map((w) =>
        h(
          'tr',
          { class: w.window === warranty?.window ? 'warranty' : undefined },
          h('th', { scope: 'row' }, h('code', {}, w.window)),
          h('td', {}, w.label),
          h('td', {}, w.starts_on ?? '—'),
          h('td', {}, w.deadline ?? '—'),
          // The window's state as its code (open, closed, unknown), in every language: not for translating.
          h('td', {}, h('span', { class: `status ${w.status}`, translate: 'no' }, w.status)),
        ),
      ),
    ),
  );
  // A wide table scrolls within its box: the page itself never scrolls sideways on a phone.
  return h('div', { class: 'scroll' }, table);
}

function renderTrace(trace: readonly TraceStep[], brand: string, t: ConsoleStrings): HTMLElement {
  return h(
    'section',
    { class: 'trace', 'aria-labelledby': 'trace-title' },
    h('h2', { id: 'trace-title' }, t.trace),
    h(
      'ol',
      {},
      trace.map((step) =>
        h(
          'li',
          { 'data-table': step.table },
          // `table` is the sheet's source ("kokoni/coverage.csv"); a bare name is read as one of the brand's.
          h('a', { href: sheetHref({ ...(parseSource(step.table) ?? { brand, sheet: step.table }), row: null }), class: 'sheet' }, step.table),
          t.hitPolicy(step.hit_policy),
          step.matched.length ? step.matched.map((source, i) => [i ? ', ' : '', sourceLink(source)]) : h('em', {}, t.noRowMatched),
        ),
      ),
    ),
  );
}

export function renderDecision(decision: Decision, t: ConsoleStrings): HTMLElement {
  const derived = Object.entries(decision.derived).map(([name, value]): [string, string] => [name, JSON.stringify(value)]);
  return h(
    'div',
    { class: 'decision' },
    decision.summary ? h('p', { class: 'summary decision-summary', lang: decision.locale }, decision.summary) : null,
    h(
      'div',
      { class: 'remedies', lang: decision.locale },
      decision.remedies.map((r) => renderRemedy(r, t)),
    ),
    h(
      'details',
      { class: 'explain' },
      h('summary', {}, t.explain),
      renderWindows(decision.windows, decision.warranty, t),
      derived.length ? [h('h2', {}, t.derived), definitions(derived)] : null,
      decision.facts_not_established.length ? h('p', { class: 'not-established' }, t.notEstablished, decision.facts_not_established.join(', ')) : null,
      decision.trace ? renderTrace(decision.trace, decision.brand, t) : null,
    ),
    h('p', { class: 'meta' }, t.meta(decision.brand, decision.policy_version, decision.as_of, decision.locale)),
  );
}
