// Starts Scalar's API reference on /docs (functions/docs-page.ts) with everything that would reach
// another host turned off: no web fonts, no telemetry, no AI agent, no "open in Scalar" client, no
// share/deploy toolbar. "Try it" sends requests to the document's server, the host serving the page.

interface ScalarGlobal {
  createApiReference(selector: string, configuration: Record<string, unknown>): unknown;
}

const mount = document.getElementById('api-reference');
const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;

if (mount && scalar) {
  scalar.createApiReference('#api-reference', {
    url: mount.dataset.url ?? '/openapi.json',
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    hideClientButton: true,
    showToolbar: 'never',
    showDeveloperTools: 'never',
    documentDownloadType: 'json',
    defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
  });
}
