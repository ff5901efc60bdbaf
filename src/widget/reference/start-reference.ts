// Starts Scalar's API reference on /docs (functions/docs-page.ts) with everything that would reach
// another host turned off: no web fonts, no telemetry, no AI agent, no "open in Scalar" client, no
// share/deploy toolbar. "Try it" sends requests to the document's server, the host serving the page.

interface ScalarGlobal {
  createApiReference(selector: string, configuration: Record<string, unknown>): unknown;
}

// Not id="api-reference" with data-url: the bundle would mount that by itself, with its defaults.
const mount = document.getElementById('reference');
const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;

if (mount && scalar) {
  scalar.createApiReference('#reference', {
    url: mount.dataset.openapiUrl ?? '/openapi.json',
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    hideClientButton: true,
    showDeveloperTools: 'never',
    documentDownloadType: 'json',
    defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
  });
}
