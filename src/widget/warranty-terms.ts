// <warranty-terms brand="acme" product-line="studio-pro-x" part="earbuds">: the brand's own
// return and warranty terms as a badge with an expandable detail list. Built alone into /widget.js
// (≤ 6 KB gzip): one fetch per distinct query per page, text nodes only (never innerHTML), and
// silence — an empty box and one console warning — when the API cannot answer.

import { type CoverageResponse, type CoverageText, type DetailItem, type DetailSection, describeCoverage } from './describe-coverage.js';
import { stringsFor, type WidgetStrings } from './widget-strings.js';

const TIMEOUT_MS = 8000;
// Without an `api` attribute the badge asks the origin that served widget.js, so the two-line embed
// works on any storefront (and means "same origin" on our own pages).
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

const CSS = `:host{display:block;font-family:var(--wt-font,inherit);font-size:var(--wt-font-size,.875rem);line-height:1.45;color:var(--wt-color,#1f2a24);min-height:var(--wt-min-height,0)}
:host([hidden]){display:none}
.b{display:inline-block;max-width:100%;box-sizing:border-box;background:var(--wt-bg,#f2f7f4);border:1px solid var(--wt-border-color,#cfded5);border-radius:var(--wt-radius,8px);padding:var(--wt-padding,.4em .7em)}
button{font:inherit;font-weight:600;color:var(--wt-accent,#0a6b3d);background:none;border:0;padding:0;cursor:pointer;display:inline-flex;align-items:center;gap:.45em;text-align:start}
button:focus-visible{outline:2px solid var(--wt-focus,var(--wt-accent,#0a6b3d));outline-offset:3px;border-radius:3px}
.i{flex:none;width:1.35em;height:1.35em;border-radius:50%;background:var(--wt-accent,#0a6b3d);color:var(--wt-on-accent,#fff);display:inline-grid;place-items:center;font-size:.8em}
[part=chevron]{transition:transform .15s}
[aria-expanded=true] [part=chevron]{transform:rotate(180deg)}
.i.n{background:var(--wt-warn,#8a4b00)}
[part=details]{max-width:38em;overflow-wrap:anywhere;font-size:.9em;line-height:1.38}
[part=section-title]{margin:.45em 0 .1em;font-weight:600}
[part=group-title]{margin:.25em 0 0;font-size:.8em;font-weight:600;letter-spacing:.02em;text-transform:uppercase;color:var(--wt-muted,#4a5a50)}
ul{margin:0;padding-inline-start:1em}
[part=item-title]{font-weight:600}
[part=item-title]::after{content:' — '}
[part=notes]{color:var(--wt-muted,#4a5a50)}
[part=more]{margin-top:.3em;font-size:.9em;font-weight:600;text-decoration:underline}
[hidden]{display:none!important}
@media (prefers-reduced-motion:reduce){[part=chevron]{transition:none}}`;

const loads = new Map<string, Promise<CoverageResponse>>();
let warned = false;

/** Badges on one page asking the same question share one request. */
function loadCoverage(url: string, lang: string): Promise<CoverageResponse> {
  const key = `${lang} ${url}`;
  let pending = loads.get(key);
  if (!pending) {
    pending = fetch(url, { headers: lang ? { 'Accept-Language': lang } : {}, credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) }).then((r) =>
      r.ok ? (r.json() as Promise<CoverageResponse>) : Promise.reject(new Error(`HTTP ${r.status}`)),
    );
    // A failed load is forgotten, so a later badge (or attribute change) may try again.
    pending.catch(() => loads.delete(key));
    loads.set(key, pending);
  }
  return pending;
}

function h(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children); // strings become text nodes: API text is never parsed as HTML
  return node;
}

/** Exclusion groups previewed by their first item: a shopper scans a few kinds, and may ask for the rest. */
const FIRST_FEW = 2;

/** An item: its text, then its notes (a remedy's terms) as one paragraph. */
const renderItem = (item: DetailItem, hidden: boolean): HTMLElement =>
  h(
    'li',
    { part: 'item', ...(hidden ? { hidden: '' } : {}) },
    item.notes.length ? h('span', { part: 'item-title' }, item.text) : item.text,
    ...(item.notes.length ? [h('span', { part: 'notes' }, ...item.notes.map((n) => h('span', { part: 'note' }, n, ' ')))] : []),
  );

/** The "more" toggle that shows and hides the items after the preview. */
function renderMore(extras: readonly HTMLElement[], count: number, strings: WidgetStrings): HTMLElement {
  const more = h('button', { part: 'more', type: 'button', 'aria-expanded': 'false' }, strings.more(count));
  more.addEventListener('click', () => {
    const open = more.getAttribute('aria-expanded') !== 'true';
    more.setAttribute('aria-expanded', String(open));
    more.textContent = open ? strings.fewer : strings.more(count);
    for (const node of extras) node.hidden = !open;
  });
  return more;
}

/**
 * A section's items as lists under their group titles. Exclusions show the first item of their first
 * few groups; the rest wait behind "more".
 */
function renderList(section: DetailSection, strings: WidgetStrings): HTMLElement[] {
  const blocks: HTMLElement[] = [];
  const extras: HTMLElement[] = [];
  let list: HTMLElement | undefined;
  let hiddenItems = 0;
  section.items.forEach((item, i) => {
    const starts = !list || item.group !== section.items[i - 1]!.group;
    if (starts) {
      list = h('ul', { part: 'list', 'aria-labelledby': `t-${section.id}` });
      const block = h('div', {}, ...(item.group === undefined ? [] : [h('p', { part: 'group-title' }, item.group)]), list);
      if (section.id === 'exclusions' && blocks.length >= FIRST_FEW) extras.push(block);
      blocks.push(block);
    }
    const li = renderItem(item, false);
    list!.append(li);
    if (section.id === 'exclusions' && (!starts || blocks.length > FIRST_FEW)) {
      extras.push(li);
      hiddenItems++;
    }
  });
  for (const node of extras) node.hidden = true;
  return hiddenItems ? [...blocks, renderMore(extras, hiddenItems, strings)] : blocks;
}

function renderBadge(text: CoverageText, locale: string): Node[] {
  const strings = stringsFor(locale);
  const toggle = h(
    'button',
    { part: 'toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'd' },
    // A part without warranty gets no reassuring check mark.
    text.noWarranty ? h('span', { class: 'i n', 'aria-hidden': 'true' }, '!') : h('span', { class: 'i', 'aria-hidden': 'true' }, '✓'),
    h('span', { part: 'headline' }, text.headline),
    h('span', { part: 'chevron', 'aria-hidden': 'true' }, '▾'),
  );
  const details = h(
    'div',
    { part: 'details', id: 'd', hidden: '' },
    ...text.sections.map((section) =>
      h('section', { part: 'section' }, h('p', { part: 'section-title', id: `t-${section.id}` }, section.title), ...renderList(section, strings)),
    ),
  );
  // A native button: Enter and Space toggle it, and screen readers announce the expanded state.
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    details.hidden = !open;
  });
  return [h('div', { part: 'badge', class: 'b', role: 'group', 'aria-label': text.label, lang: locale }, toggle, details)];
}

let sheet: CSSStyleSheet | undefined;

/** A constructed stylesheet is not inline CSS: the badge keeps its looks under a storefront's strict CSP. */
function adoptStyles(root: ShadowRoot): boolean {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    return false; // older browsers: a <style> element in the shadow root instead
  }
}

export class WarrantyTerms extends HTMLElement {
  static observedAttributes = ['brand', 'product-line', 'part', 'api', 'lang'];
  #root = this.attachShadow({ mode: 'open' });
  #adopted = adoptStyles(this.#root);
  #run = 0;
  #queued = false;

  connectedCallback(): void {
    this.#schedule();
  }
  attributeChangedCallback(): void {
    if (this.isConnected) this.#schedule();
  }

  /** Several attributes set in a row cause one request. */
  #schedule(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      void this.#render();
    });
  }

  async #render(): Promise<void> {
    const run = ++this.#run;
    const brand = this.getAttribute('brand');
    if (!brand) return void this.#root.replaceChildren();
    const lang = this.closest('[lang]')?.getAttribute('lang') || navigator.language || '';
    let summary: CoverageResponse;
    try {
      const base = new URL(this.getAttribute('api') || SCRIPT_ORIGIN, location.href).href.replace(/\/?$/, '/');
      const url = new URL(`v1/brands/${encodeURIComponent(brand)}/coverage`, base);
      const line = this.getAttribute('product-line');
      const part = this.getAttribute('part');
      if (line) url.searchParams.set('product_line', line);
      if (part) url.searchParams.set('part', part);
      summary = await loadCoverage(url.href, lang);
    } catch (error) {
      if (run !== this.#run) return;
      this.#root.replaceChildren();
      if (!warned) console.warn(`<warranty-terms>: no coverage for "${brand}" (${String(error)}); the badge stays empty`);
      warned = true;
      return;
    }
    if (run !== this.#run) return;
    const text = describeCoverage(summary, { remedies: 'after-purchase' });
    if (!text.headline) return void this.#root.replaceChildren();
    this.#root.replaceChildren(...(this.#adopted ? [] : [h('style', {}, CSS)]), ...renderBadge(text, summary.locale));
  }
}

if (!customElements.get('warranty-terms')) customElements.define('warranty-terms', WarrantyTerms);
