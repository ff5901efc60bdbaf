// `npm run build:widget`: the storefront badge (/widget.js, one ES module, at most 6 KB gzip), the
// playground and sheet viewer scripts, their pages, and the API reference's scripts → dist/public, which wrangler.toml [assets]
// serves next to the Worker. Prints the badge's gzip size and fails when it is over budget.

import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const PUBLIC_DIR = 'dist/public';
const PAGES_DIR = 'src/widget/pages';
const WIDGET_BUDGET_BYTES = 6 * 1024;

rmSync(PUBLIC_DIR, { recursive: true, force: true });
mkdirSync(PUBLIC_DIR, { recursive: true });

await build({
  entryPoints: {
    widget: 'src/widget/warranty-terms.ts',
    playground: 'src/widget/playground/playground-page.ts',
    sheets: 'src/widget/playground/sheet-page.ts',
    'reference/start-reference': 'src/widget/reference/start-reference.ts',
  },
  outdir: PUBLIC_DIR,
  bundle: true,
  format: 'esm',
  // Custom elements, private fields and AbortSignal.timeout: every browser from 2022 on.
  target: ['es2022', 'chrome103', 'firefox100', 'safari16'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// Pages are served by name without the extension (/demo → demo.html).
for (const file of readdirSync(PAGES_DIR)) copyFileSync(join(PAGES_DIR, file), join(PUBLIC_DIR, file));

// /docs (functions/docs-page.ts): Scalar's API reference from its npm package's own standalone
// bundle (MIT; its banner names it), served from here rather than a CDN so the reference works offline.
const scalar = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
copyFileSync(scalar, join(PUBLIC_DIR, 'reference/scalar-api-reference.js'));
copyFileSync('src/widget/reference/reference.css', join(PUBLIC_DIR, 'reference/reference.css'));

const widget = readFileSync(join(PUBLIC_DIR, 'widget.js'));
const gzipped = gzipSync(widget, { level: 9 }).length;
const verdict = gzipped <= WIDGET_BUDGET_BYTES ? '✓' : '✗';
console.log(`${verdict} widget.js ${widget.length} B, ${gzipped} B gzip (budget ${WIDGET_BUDGET_BYTES} B) → ${PUBLIC_DIR}`);
if (gzipped > WIDGET_BUDGET_BYTES) {
  console.error(`widget.js is ${gzipped - WIDGET_BUDGET_BYTES} B over its gzip budget: the badge must stay small enough for any storefront`);
  process.exitCode = 1;
}
