// GET /docs: the interactive API reference. Scalar's API reference (the npm package's own standalone
// bundle, a static asset under /reference/ that `npm run build:widget` copies) renders /openapi.json
// of this same origin and sends "try it" requests to the document's server — this host. No CDN, no
// fonts from elsewhere: it works offline under DOCS_CSP. Problem `type` URIs (/docs#problem-…) land
// on the anchors of the table below the reference, rendered here so it reads without scripts too.

import { PROBLEM_TYPES } from './problem.js';

/** Where the build puts the reference's scripts (scripts/build-widget.ts). */
export const REFERENCE_ASSETS = { scalar: '/reference/scalar-api-reference.js', start: '/reference/start-reference.js', css: '/reference/reference.css' };

/**
 * What the page may do: scripts, styles and requests to this origin only. Scalar injects its
 * component styles as <style> elements and style attributes at run time, so styles also need
 * 'unsafe-inline' (styles cannot run code); scripts need neither 'unsafe-inline' nor 'unsafe-eval'.
 * img-src allows data: for the icons Scalar inlines.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function problemTable(): string {
  const rows = Object.entries(PROBLEM_TYPES)
    .map(([slug, p]) => `<tr id="problem-${slug}"><td><code>/docs#problem-${slug}</code></td><td>${p.status}</td><td>${escapeHtml(p.title)}</td></tr>`)
    .join('');
  return `<section class="problem-types" id="problems"><h2>Problem types</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457); <code>errors[]</code> names each bad field by its JSON path
(<code>claim.delivered_on</code>, <code>items[2].brand</code>, <code>query.part</code>).</p>
<table><thead><tr><th>type</th><th>status</th><th>title</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderDocs(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${REFERENCE_ASSETS.css}"></head><body>
<noscript><p class="noscript">This reference needs JavaScript; the document itself is at <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></noscript>
<div id="reference" data-openapi-url="/openapi.json"></div>
${problemTable()}
<script src="${REFERENCE_ASSETS.scalar}"></script><script src="${REFERENCE_ASSETS.start}"></script>
</body></html>`;
}
