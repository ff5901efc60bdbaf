// /sheets?brand=elegoo&sheet=non-quality&row=3: one compiled sheet as a table, the cited row
// highlighted and scrolled to, and every other sheet of the brand one click away.
// It stays in English, unlike the playground (console-strings.ts): it shows a sheet as its editors write
// it, column names and cells in the sheets' own syntax, and its few words are the editors' terms.

import type { CompiledRemedy, CompiledTable, CompiledWindow } from '../../contract.js';
import { REMEDY_COLUMNS, remedyCells, WINDOW_COLUMNS, windowCells } from '../../sheet/compiled-rows.js';
import { formatOutput, formatTest, sheetLiteral } from '../../sheet/format-cell.js';
import type { SheetDocument, SheetList } from './api-types.js';
import { byId, type Child, h } from './dom.js';
import { fetchJson } from './fetch-json.js';
import { parseSource, sheetHref } from './sheet-link.js';

const params = new URLSearchParams(location.search);
const brand = params.get('brand') ?? '';
const sheet = params.get('sheet') ?? '';
const wantedRow = params.has('row') ? Number(params.get('row')) : null;
const view = byId<HTMLElement>('sheet');
const nav = byId<HTMLElement>('sheet-nav');
const status = byId<HTMLElement>('status');
const title = byId<HTMLElement>('sheet-title');

interface Row {
  source: string;
  cells: Child[];
}

const rowNumber = (source: string) => parseSource(source)?.row ?? null;

function tableRows(table: CompiledTable): { head: string[]; rows: Row[] } {
  return {
    head: ['label', ...table.inputs.map((i) => i.name), ...table.outputs.map((o) => `> ${o.name}`)],
    rows: table.rules.map((rule) => ({
      source: rule.source,
      cells: [rule.label ?? '', ...rule.tests.map((t) => formatTest(t, sheetLiteral)), ...rule.outputs.map((o) => formatOutput(o, sheetLiteral))],
    })),
  };
}

const remedyRows = (remedies: CompiledRemedy[]) => ({
  head: REMEDY_COLUMNS,
  rows: remedies.map((r) => ({ source: r.source, cells: remedyCells(r) })),
});

const windowRows = (windows: CompiledWindow[]) => ({
  head: WINDOW_COLUMNS,
  rows: windows.map((w) => ({ source: w.source, cells: [...windowCells(w), w.badge ? 'yes' : ''] })),
});

function renderSheet(doc: SheetDocument): void {
  const { head, rows } = doc.kind === 'table' ? tableRows(doc.table) : doc.kind === 'remedies' ? remedyRows(doc.remedies) : windowRows(doc.windows);
  const policy = doc.kind === 'table' ? `hit policy ${doc.table.hitPolicy}${doc.table.complete ? ' complete' : ''}, ` : '';
  title.textContent = doc.source;
  let found: HTMLElement | null = null;
  const body = rows.map((row) => {
    const n = rowNumber(row.source);
    const hit = n !== null && n === wantedRow;
    const tr = h(
      'tr',
      { id: n !== null ? `row-${n}` : undefined, class: hit ? 'hit' : undefined, 'aria-current': hit ? 'true' : undefined },
      h('th', { scope: 'row' }, n !== null ? h('a', { href: sheetHref({ brand: doc.brand, sheet: doc.sheet, row: n }) }, String(n)) : ''),
      row.cells.map((cell) => h('td', {}, cell)),
    );
    if (hit) found = tr;
    return tr;
  });
  view.replaceChildren(
    h(
      'table',
      { class: 'sheet' },
      h('caption', {}, `${doc.source}: ${policy}${rows.length} rows, policy ${doc.policy_version}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'row'),
          head.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h('tbody', {}, body),
    ),
  );
  if (wantedRow !== null && !found) status.textContent = `Row ${wantedRow} is not a rule of ${doc.source}: the sheet may have changed since the link was made.`;
  (found as HTMLElement | null)?.scrollIntoView({ block: 'center' });
}

async function start(): Promise<void> {
  if (!brand || !sheet) {
    status.textContent = 'Open a sheet from a decision in the playground, or add ?brand=…&sheet=… to the address.';
    return;
  }
  const [doc, list] = await Promise.all([
    fetchJson<SheetDocument>(`/v1/brands/${encodeURIComponent(brand)}/sheets/${encodeURIComponent(sheet)}`),
    fetchJson<SheetList>(`/v1/brands/${encodeURIComponent(brand)}/sheets`),
  ]);
  if (list.ok) {
    nav.replaceChildren(
      h(
        'ul',
        {},
        list.data.sheets.map((s) =>
          h('li', {}, h('a', { href: sheetHref({ brand, sheet: s.sheet, row: null }), 'aria-current': s.sheet === sheet ? 'page' : undefined }, s.sheet)),
        ),
      ),
    );
  }
  if (!doc.ok) {
    status.textContent = `Cannot show ${brand}/${sheet}: ${doc.problem.detail ?? doc.problem.title}`;
    return;
  }
  renderSheet(doc.data);
  document.body.dataset.ready = 'true';
}

void start();
