// GET /docs: a reference page rendered from the OpenAPI document on the server, with no scripts or
// CDN assets, so it works offline and under a strict Content-Security-Policy. Problem `type` URIs
// (/docs#problem-…) land on their anchors here.

import { apiExamples } from './api-examples.js';
import { PROBLEM_TYPES } from './problem.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

type Operation = { summary?: string; parameters?: { name: string; in: string; description?: string; schema?: unknown }[]; requestBody?: unknown; responses?: Record<string, { description?: string }> };

/** curl lines for each operation, about the first bundled brand (api-examples.ts). */
function examples(): Record<string, string> {
  const { brand, claim } = apiExamples();
  const body = JSON.stringify({ brand, claim });
  return {
    'POST /v1/eligibility': `curl -s -X POST http://127.0.0.1:8787/v1/eligibility?explain=1 \\
  -H 'content-type: application/json' -H 'accept-language: de' \\
  -d '${body}'`,
    'POST /v1/eligibility/batch': `curl -s -X POST http://127.0.0.1:8787/v1/eligibility/batch -H 'content-type: application/json' \\
  -d '{"items":[${body},{"brand":"nope","claim":{}}]}'`,
    'GET /v1/brands': 'curl -s http://127.0.0.1:8787/v1/brands',
    'GET /v1/brands/{brand}': `curl -s http://127.0.0.1:8787/v1/brands/${brand}`,
    'GET /v1/brands/{brand}/coverage': `curl -si 'http://127.0.0.1:8787/v1/brands/${brand}/coverage'`,
  };
}

function operationHtml(path: string, method: string, op: Operation): string {
  const key = `${method.toUpperCase()} ${path}`;
  const params = (op.parameters ?? []).map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${escape(p.description ?? '')}</td></tr>`).join('');
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => `<li><b>${status}</b> ${escape(r.description ?? '')}</li>`).join('');
  const example = examples()[key];
  return `<section id="${escape(`${method}-${path}`)}"><h3><code>${escape(key)}</code></h3><p>${escape(op.summary ?? '')}</p>
${params ? `<table><tr><th>parameter</th><th>in</th><th></th></tr>${params}</table>` : ''}
<ul>${responses}</ul>${example ? `<pre>${escape(example)}</pre>` : ''}</section>`;
}

export function renderDocs(openapi: { info: { title: string; description: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } }): string {
  const operations = Object.entries(openapi.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => operationHtml(path, method, op))).join('\n');
  const problems = Object.entries(PROBLEM_TYPES).map(([slug, p]) => `<tr id="problem-${slug}"><td><code>/docs#problem-${slug}</code></td><td>${p.status}</td><td>${escape(p.title)}</td></tr>`).join('');
  const schemas = Object.entries(openapi.components.schemas).map(([id, schema]) => `<details id="schema-${escape(id)}"><summary><code>${escape(id)}</code></summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(openapi.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.75rem;overflow:auto}
table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left}
section{border-top:1px solid #ccc;margin-top:1.5rem}</style></head><body>
<h1>${escape(openapi.info.title)}</h1><p>${escape(openapi.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Responses say which policy answered in
<code>X-Policy-Source</code>, <code>X-Policy-Version</code>, <code>X-Policy-Selection</code> and, after a store fault,
<code>X-Policy-Degraded</code>; every response carries <code>X-Request-Id</code>.</p>
<h2>Routes</h2>${operations}
<h2 id="problems">Problem types</h2><p>Every 4xx and 5xx is <code>application/problem+json</code> (RFC 9457);
<code>errors[]</code> names each bad field by its JSON path (<code>claim.delivered_on</code>, <code>items[2].brand</code>, <code>query.part</code>).</p>
<table><tr><th>type</th><th>status</th><th>title</th></tr>${problems}</table>
<h2>Schemas</h2>${schemas}
</body></html>`;
}
