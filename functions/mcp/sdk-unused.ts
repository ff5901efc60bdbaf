// Stand-ins for parts of @modelcontextprotocol/sdk the Worker never runs, swapped in by wrangler.toml's
// [alias] (and test/edge/vitest.config.ts, so the tests run what is deployed). Together they are
// about 230 KB of minified code — twice the rest of the Worker:
// - `ajv`, `ajv-formats`: the SDK's default JSON Schema validator. workerd forbids the code generation
//   Ajv relies on, so the server is given the @cfworker/json-schema validator instead (mcp-server.ts).
// - `zod/v3`, `zod-to-json-schema`: the SDK's support for zod 3 schemas; the tools' schemas are zod 4.
// Should the SDK ever reach one of them, it throws and the MCP tests fail, rather than quietly
// answering without validation.

const unused = (what: string) => (): never => {
  throw new Error(`${what} is not part of the Worker bundle (functions/mcp/sdk-unused.ts)`);
};

/** `ajv`'s default export: a class the SDK constructs only when given no validator. */
export default class Ajv {
  constructor() {
    unused('ajv')();
  }
}

/** `zod-to-json-schema`: converts zod 3 schemas only. */
export const zodToJsonSchema = unused('zod-to-json-schema');

/** `zod/v3`: the SDK builds a zod 3 object only from a zod 3 shape. */
export const object = unused('zod/v3');
