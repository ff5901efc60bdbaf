// Imports point inward (../shared/HOUSE-STYLE.md, "A layout that shows the architecture"): the
// runtime-free core imports no runtime and no outer layer, and the sheet reader imports nothing from
// the steps built on it. Run by `npm test`; prints every import that breaks a rule and exits 1.
//
//   npx tsx scripts/check-imports.ts

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Rule {
  /** Which files the rule governs (paths relative to the project, `/`-separated). */
  files: (path: string) => boolean;
  /** What they must not import: a bare specifier or a resolved project path. */
  forbidden: (specifier: string, resolved: string | null) => boolean;
  why: string;
}

const under =
  (...folders: string[]) =>
  (path: string | null) =>
    path !== null && folders.some((f) => path.startsWith(`${f}/`));
const isTest = (path: string) => /\.test\.ts$/.test(path);
const core = (path: string) => path.startsWith('src/') && !under('src/cli', 'src/widget')(path) && !isTest(path);

export const RULES: Rule[] = [
  {
    files: core,
    forbidden: (spec, path) =>
      /^(hono|@hono\/|cloudflare:|node:|wrangler|miniflare)/.test(spec) || under('src/cli', 'src/widget', 'functions', 'scripts', 'bench', 'test')(path),
    why: 'the core (src/ outside cli/ and widget/) runs anywhere: no runtime, no outer layer',
  },
  {
    files: (path) => path.startsWith('src/sheet/') && !isTest(path),
    forbidden: (_spec, path) => under('src/compile', 'src/evaluate', 'src/diff', 'src/cases', 'src/explain', 'src/store')(path),
    why: 'sheet/ reads CSV into cells: the steps built on it depend on it, not the other way',
  },
  {
    files: (path) => path.startsWith('src/widget/') && !isTest(path),
    forbidden: (spec, path) => /^(hono|@hono\/|cloudflare:|node:)/.test(spec) || under('src/cli', 'functions')(path),
    why: "the widget runs in shoppers' browsers",
  },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The project path an import resolves to (`.js` written for `.ts`), or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(from), specifier))
    .split('\\')
    .join('/')
    .replace(/\.js$/, '.ts');
}

export function importProblems(files: { path: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const { path, text } of files) {
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      const resolved = resolveImport(path, specifier);
      for (const rule of RULES) {
        if (rule.files(path) && rule.forbidden(specifier, resolved)) problems.push(`${path} imports ${specifier}: ${rule.why}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = ['src', 'functions'].flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
  const problems = importProblems(files);
  for (const p of problems) console.error(`✗ ${p}`);
  if (problems.length) process.exit(1);
  console.log(`✓ imports point inward (${files.length} files)`);
}
