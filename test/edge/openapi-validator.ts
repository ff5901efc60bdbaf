// Checks an HTTP answer against what /openapi.json documents for its route: the status must be one the
// operation lists, and the body must fit the schema of its media type (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1, with @cfworker/json-schema: no eval, so it runs in workerd).

import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';

interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
export interface OpenApiDocument {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export class OpenApiValidator {
  private readonly defs: Record<string, Schema>;

  constructor(readonly document: OpenApiDocument) {
    // The validator resolves $refs among schema keywords only: components become $defs.
    this.defs = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
  }

  /** Problems of `value` against `schema` (a document schema, its $refs into components), as readable lines. */
  problems(schema: Schema, value: unknown): string[] {
    const rooted = JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/'));
    const validator = new Validator({ ...rooted, $defs: this.defs }, '2020-12', false);
    const result = validator.validate(value);
    return result.valid
      ? []
      : result.errors.filter((e: OutputUnit) => !e.error.startsWith('A subschema had errors')).map((e) => `${e.instanceLocation}: ${e.error}`);
  }

  operation(method: string, path: string): Operation {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${path} is not in /openapi.json`);
    return operation;
  }

  /** What is wrong with `response` as an answer of `method path` (a path template: /v1/brands/{brand}). */
  async check(method: string, path: string, response: Response): Promise<string[]> {
    const documented = this.operation(method, path).responses[String(response.status)];
    if (!documented) return [`${method} ${path} answered ${response.status}, which its responses do not list`];
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const body = await response.text();
    if (!documented.content) return body ? [`${response.status} has a body but documents none`] : [];
    const media = documented.content[mediaType];
    if (!media) return [`${response.status} is ${mediaType}, documented as ${Object.keys(documented.content).join(', ')}`];
    if (!media.schema || !mediaType.endsWith('json')) return [];
    return this.problems(media.schema, JSON.parse(body)).map((p) => `${method} ${path} ${response.status}: ${p}`);
  }
}
