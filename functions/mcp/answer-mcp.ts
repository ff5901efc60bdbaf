// One MCP request over Streamable HTTP, stateless: a fresh server and transport per request (the SDK's
// advice when no session is kept, so request ids of different clients never meet), answered as plain
// JSON rather than an event stream, since every tool answers at once.

import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMcpServer, type ToolContext } from './mcp-server.js';

const SERVER_VERSION = '1.0.0';

export async function answerMcp(request: Request, context: ToolContext): Promise<Response> {
  const server = createMcpServer(context, SERVER_VERSION);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
