// Under `npm run dev` only: the editor's saves, seen from the playground. It asks GET /v1/dev/problems
// (which the Worker answers only when DEV_PREVIEW is set; anywhere else it is a 404 and this does
// nothing more) and then twice a second: when the selected brand's latest save has problems it shows
// them (sheet:row:column) above the form, and when a save published a new version it reloads the brand.
// Its words stay English whatever the console's language (console-strings.ts): they are for the sheets'
// editors at their own machine, next to the CLI's English problems they quote.

import type { DevProblemsRecord } from '../../store/dev-problems.js';
import { h } from './dom.js';
import { fetchJson } from './fetch-json.js';

// Twice a second: one local KV list and a few reads, dev only; a save shows within about a second.
const POLL_MS = 500;
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export interface DevBannerHost {
  /** Where the banner goes (it is inserted before this element). */
  before: HTMLElement;
  /** The selected brand and the version the page shows, if any. */
  shown(): { brand: string; version: string } | undefined;
  /** A save published another version of the shown brand: show it. */
  reload(brand: string): Promise<void>;
}

function renderBanner(record: DevProblemsRecord): HTMLElement {
  const errors = record.problems.filter((p) => p.severity === 'error').length;
  const kept = record.live_version ? `this page still shows the last good version, ${record.live_version}` : 'nothing of it is published yet';
  const more = record.total > record.problems.length ? h('li', {}, `… and ${record.total - record.problems.length} more (see the terminal)`) : null;
  return h(
    'div',
    { class: 'problem dev-problems', role: 'alert', 'data-brand': record.brand },
    h('p', {}, h('strong', {}, `Your last save of ${record.brand} was not published: ${errors} problem(s)`), ` — ${kept}.`),
    h(
      'ul',
      {},
      record.problems.map((p) => h('li', {}, h('code', {}, p.where), ` ${p.severity === 'warning' ? '(warning) ' : ''}${p.message}`)),
      more,
    ),
  );
}

/** Starts polling when the dev channel answers; resolves at once either way. */
export async function startDevBanner(host: DevBannerHost): Promise<void> {
  // `npm run dev` serves on this machine only: a deployed playground never asks (no 404 in its console).
  if (!LOCAL_HOSTS.includes(location.hostname)) return;
  const first = await fetchJson<{ brands: DevProblemsRecord[] }>('/v1/dev/problems');
  if (!first.ok) return;
  const slot = h('div', { id: 'dev-banner' });
  host.before.before(slot);
  const show = async (records: DevProblemsRecord[]) => {
    const shown = host.shown();
    const record = shown && records.find((r) => r.brand === shown.brand);
    slot.replaceChildren(record?.problems.some((p) => p.severity === 'error') ? renderBanner(record) : '');
    if (shown && record?.live_version && record.live_version !== shown.version) await host.reload(shown.brand);
  };
  await show(first.data.brands);
  const poll = async () => {
    const next = await fetchJson<{ brands: DevProblemsRecord[] }>('/v1/dev/problems');
    if (next.ok) await show(next.data.brands);
    setTimeout(() => void poll(), POLL_MS);
  };
  setTimeout(() => void poll(), POLL_MS);
}
