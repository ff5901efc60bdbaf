// POST /mcp: the Model Context Protocol endpoint for AI agents (Streamable HTTP, stateless,
// read-only tools; functions/mcp/). GET and DELETE get 405: there is no event stream to open and no
// session to end.

import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

// Imported on first ask: the MCP SDK (and its schemas) would otherwise be set up by every isolate at
// startup, for an endpoint only agents call.
const mcp = () => import('../mcp/answer-mcp.js');

export const mcpRoutes = new Hono<AppEnv>().post('/mcp', async (c) => {
  const { answerMcp } = await mcp();
  const res = await answerMcp(c.req.raw, {
    store: c.get('store'),
    today: c.get('today'),
    acceptLanguage: c.req.header('accept-language'),
    requestId: c.get('requestId'),
    log: (line) => console.error(line),
  });
  // The transport built this Response itself: headers set on the context would not reach it.
  res.headers.set('Cache-Control', 'no-store');
  return res;
});
