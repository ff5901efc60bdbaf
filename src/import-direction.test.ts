// Imports point inward (scripts/check-imports.ts): checked over the real tree, and each rule shown
// to catch what it forbids.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importProblems } from '../scripts/check-imports.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const filesUnder = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(`${folder}/${e.name}`) : e.name.endsWith('.ts') ? [`${folder}/${e.name}`] : [],
  );

describe('import direction', () => {
  it('holds for every file of src/ and functions/', () => {
    const files = ['src', 'functions'].flatMap(filesUnder).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
    expect(importProblems(files)).toEqual([]);
  });

  it.each([
    ['the core importing hono', 'src/evaluate/x.ts', "import { Hono } from 'hono';"],
    ['the core importing node:fs', 'src/compile/x.ts', "import { readFileSync } from 'node:fs';"],
    ['the core importing cloudflare:workers', 'src/store/x.ts', "import { env } from 'cloudflare:workers';"],
    ['the core importing the CLI', 'src/diff/x.ts', "import { main } from '../cli/main.js';"],
    ['the core importing the edge layer', 'src/evaluate/x.ts', "import { app } from '../../functions/app.js';"],
    ['sheet/ importing compile/', 'src/sheet/x.ts', "import type { OutputVocabulary } from '../compile/check-outputs.js';"],
    ['sheet/ importing evaluate/ lazily', 'src/sheet/x.ts', "const m = await import('../evaluate/dates.js');"],
    ['sheet/ importing diff/', 'src/sheet/x.ts', "export { formatTest } from '../diff/y.js';"],
    ['the widget importing the edge layer', 'src/widget/x.ts', "import { problem } from '../../functions/problem.js';"],
  ])('catches %s', (_what, path, text) => {
    expect(importProblems([{ path, text }])).toHaveLength(1);
  });

  it('lets the CLI and tests use the runtime', () => {
    expect(
      importProblems([
        { path: 'src/cli/x.ts', text: "import { readFileSync } from 'node:fs';" },
        { path: 'src/compile/x.test.ts', text: "import { readFileSync } from 'node:fs';" },
      ]),
    ).toEqual([]);
  });
});
