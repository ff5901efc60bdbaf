import { describe, expect, it } from 'vitest';
import type { CompiledRemedy, CompiledTable } from '../../src/contract.js';
import { call, readJson } from './worker.js';

describe('GET /v1/brands/:brand/sheets', () => {
  it('lists every sheet a decision can cite, with its rows', async () => {
    const res = await call('/v1/brands/kokoni/sheets');
    expect(res.status).toBe(200);
    const { sheets } = await readJson<{ sheets: { sheet: string; source: string; kind: string; rows: number }[] }>(res);
    expect(sheets.map((s) => s.sheet)).toEqual(['coverage', 'exclusions', 'remedies', 'services', 'windows']);
    expect(sheets).toContainEqual({ sheet: 'remedies', source: 'kokoni/remedies.csv', kind: 'remedies', rows: 2 });
    expect(res.headers.get('x-policy-version')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('GET /v1/brands/:brand/sheets/:sheet', () => {
  it('returns a decision table as compiled, each rule with its sheet:row', async () => {
    const res = await call('/v1/brands/elegoo/sheets/non-quality');
    expect(res.status).toBe(200);
    const doc = await readJson<{ kind: string; source: string; table: CompiledTable }>(res);
    expect(doc.kind).toBe('table');
    expect(doc.source).toBe('elegoo/non-quality.csv');
    expect(doc.table.rules[0]!.source).toBe('elegoo/non-quality.csv:2');
  });

  it('returns the remedies sheet, whose rows decide remedies no table speaks about', async () => {
    const doc = await readJson<{ kind: string; remedies: CompiledRemedy[] }>(await call('/v1/brands/kospet/sheets/remedies'));
    expect(doc.kind).toBe('remedies');
    expect(doc.remedies[0]!.source).toBe('kospet/remedies.csv:2');
  });

  it('names the sheets there are when asked for one that is not', async () => {
    const res = await call('/v1/brands/kospet/sheets/nope');
    expect(res.status).toBe(404);
    const problem = await readJson<{ type: string; errors: { path: string; message: string }[] }>(res);
    expect(problem.type).toBe('/docs#problem-not-found');
    expect(problem.errors[0]!.path).toBe('path.sheet');
    expect(problem.errors[0]!.message).toContain('worry_free');
    expect((await call('/v1/brands/nobody/sheets/coverage')).status).toBe(404);
  });
});
