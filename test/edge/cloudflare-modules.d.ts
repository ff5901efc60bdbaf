// The parts of the workerd test modules these tests use (the project does not pull in the full
// @cloudflare/workers-types, whose globals clash with the DOM lib the rest of the code checks against).

interface TestKvNamespace {
  get(key: string, type: 'text'): Promise<string | null>;
  put(key: string, value: string, options?: { metadata?: unknown }): Promise<void>;
  delete(key: string): Promise<void>;
  list(options?: {
    prefix?: string;
    limit?: number;
    cursor?: string | null;
  }): Promise<{ keys: { name: string; metadata?: unknown }[]; list_complete: boolean; cursor?: string }>;
}

declare module 'cloudflare:workers' {
  export const env: { POLICIES: TestKvNamespace; ALLOWED_ORIGINS: string; POLICY_RECHECK_SECONDS: string };
  export const exports: { default: { fetch(input: string | Request | URL, init?: RequestInit): Promise<Response> } };
}
