// GET /v1/brands/:brand/sheets and /v1/brands/:brand/sheets/:sheet: a brand's compiled sheets,
// read-only — decision tables with their rules, and the remedies and windows sheets — so the
// playground's sheet viewer can show the `sheet:row` a decision cites; `?format=csv` for a spreadsheet.

import { type Context, Hono } from 'hono';
import type { CompiledPolicy } from '../../src/contract.js';
import { compiledRows } from '../../src/sheet/compiled-rows.js';
import { writeCsv } from '../../src/sheet/write-csv.js';
import type { AppEnv } from '../app-env.js';
import { loadBrand } from '../decide-claim.js';
import { setPolicyHeaders } from '../policy-headers.js';
import type { LoadedPolicy } from '../policy-store.js';
import { ProblemError, problem } from '../problem.js';
import { SheetQuerySchema } from '../request-schemas.js';
import { queryParams } from '../validate.js';

const CACHE_CONTROL = 'public, max-age=60';

type SheetKind = 'table' | 'remedies' | 'windows';

/** Every sheet a decision can cite, in the order the brand folder lists them. */
export function listSheets(policy: CompiledPolicy): { sheet: string; source: string; kind: SheetKind; rows: number }[] {
  const folder = (name: string) => `${policy.brand}/${name}.csv`;
  return [
    ...policy.tables.map((t) => ({ sheet: t.name, source: t.source, kind: 'table' as const, rows: t.rules.length })),
    { sheet: 'remedies', source: folder('remedies'), kind: 'remedies' as const, rows: policy.remedies.length },
    { sheet: 'windows', source: folder('windows'), kind: 'windows' as const, rows: policy.windows.length },
  ].sort((a, b) => a.sheet.localeCompare(b.sheet));
}

async function loaded(c: Context<AppEnv>): Promise<LoadedPolicy> {
  const found = await loadBrand(c.get('store'), c.req.param('brand') ?? '', { mode: 'current' }, 'path.brand');
  setPolicyHeaders(c, [{ source: found.source, version: found.policy.version, selection: 'current', ...(found.fault ? { fault: found.fault } : {}) }]);
  c.header('Cache-Control', CACHE_CONTROL);
  return found;
}

export const sheetRoutes = new Hono<AppEnv>()
  .get('/brands/:brand/sheets', async (c) => {
    const { policy } = await loaded(c);
    return c.json({ brand: policy.brand, policy_version: policy.version, sheets: listSheets(policy) }, 200);
  })
  .get('/brands/:brand/sheets/:sheet', queryParams(SheetQuerySchema), async (c) => {
    const { policy } = await loaded(c);
    const name = c.req.param('sheet');
    const rows = c.req.valid('query').format === 'csv' ? compiledRows(policy, name) : null;
    if (rows) {
      // For a spreadsheet: writeCsv turns formula-looking cells into text (CSV injection).
      c.header('Content-Disposition', `attachment; filename="${`${policy.brand}-${name}`.replace(/[^\w.-]/g, '_')}.csv"`);
      return c.body(writeCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const head = { brand: policy.brand, policy_version: policy.version, sheet: name, source: `${policy.brand}/${name}.csv` };
    if (name === 'remedies') return c.json({ ...head, kind: 'remedies' as const, remedies: policy.remedies }, 200);
    if (name === 'windows') return c.json({ ...head, kind: 'windows' as const, windows: policy.windows }, 200);
    const table = policy.tables.find((t) => t.name === name);
    if (table) return c.json({ ...head, source: table.source, kind: 'table' as const, table }, 200);
    const known = listSheets(policy).map((s) => s.sheet);
    throw new ProblemError(
      problem('not-found', {
        detail: `${policy.brand} has no sheet "${name}": expected one of ${known.join(', ')}`,
        errors: [{ path: 'path.sheet', message: `expected one of ${known.join(', ')}` }],
      }),
    );
  });
