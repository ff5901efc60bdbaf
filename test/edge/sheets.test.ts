import { describe, expect, it } from 'vitest';
import type { CompiledRemedy, CompiledTable } from '../../src/contract.js';
import { ACME, NIMBUS_PRINT } from './fixture-brands.js';
import { call, readJson } from './worker.js';

// The sheets of the fixture brands (test/fixtures/brands/*), which these tests own.
describe('GET /v1/brands/:brand/sheets', () => {
  it('lists every sheet a decision can cite, with its rows', async () => {
    const res = await call(`/v1/brands/${ACME}/sheets`);
    expect(res.status).toBe(200);
    const { sheets } = await readJson<{ sheets: { sheet: string; source: string; kind: string; rows: number }[] }>(res);
    expect(sheets.map((s) => s.sheet)).toEqual(['exclusions', 'models', 'remedies', 'returns', 'timing', 'warranty', 'windows']);
    expect(sheets).toContainEqual({ sheet: 'remedies', source: `${ACME}/remedies.csv`, kind: 'remedies', rows: 3 });
    expect(res.headers.get('x-policy-version')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('GET /v1/brands/:brand/sheets/:sheet', () => {
  it('returns a decision table as compiled, each rule with its sheet:row', async () => {
    const res = await call(`/v1/brands/${NIMBUS_PRINT}/sheets/parts`);
    expect(res.status).toBe(200);
    const doc = await readJson<{ kind: string; source: string; table: CompiledTable }>(res);
    expect(doc.kind).toBe('table');
    expect(doc.source).toBe(`${NIMBUS_PRINT}/parts.csv`);
    expect(doc.table.rules.map((r) => r.source)).toEqual([2, 3, 4].map((row) => `${NIMBUS_PRINT}/parts.csv:${row}`));
  });

  it('returns the remedies sheet, whose rows decide remedies no table speaks about', async () => {
    const doc = await readJson<{ kind: string; remedies: CompiledRemedy[] }>(await call(`/v1/brands/${ACME}/sheets/remedies`));
    expect(doc.kind).toBe('remedies');
    expect(doc.remedies[0]!.source).toBe(`${ACME}/remedies.csv:2`);
  });

  it('names the sheets there are when asked for one that is not', async () => {
    const res = await call(`/v1/brands/${ACME}/sheets/nope`);
    expect(res.status).toBe(404);
    const problem = await readJson<{ type: string; errors: { path: string; message: string }[] }>(res);
    expect(problem.type).toBe('/docs#problem-not-found');
    expect(problem.errors[0]!.path).toBe('path.sheet');
    expect(problem.errors[0]!.message).toContain('timing');
    expect((await call('/v1/brands/nobody/sheets/returns')).status).toBe(404);
  });
});
