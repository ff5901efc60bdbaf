// How the tests talk to the Worker: through its real fetch entry (the module wrangler.toml names),
// or through an app with its own cache and bindings for the store's fault paths.

import { env, exports } from 'cloudflare:workers';
import { type AppOptions, createApp } from '../../functions/app.js';
import type { Bindings } from '../../functions/env.js';
import { BundledPolicies } from '../../functions/policy-bundle.js';
import { PolicyCache } from '../../functions/policy-store.js';
import { PUBLISHED_POLICIES } from './published-policies.js';

export const BASE = 'http://api.test';

export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, init);
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** An app with a fresh isolate cache, optionally other bindings: what a new isolate would do. */
export function freshApp(bindings: Partial<Bindings> = {}, options: AppOptions = {}) {
  const logs: string[] = [];
  const app = createApp({ cache: new PolicyCache(), log: (line) => logs.push(line), ...options });
  const bound = { ...env, ...bindings } as Bindings;
  const request = (path: string, init?: RequestInit) => Promise.resolve(app.request(`${BASE}${path}`, init, bound));
  const post = (path: string, body: unknown) => request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { app, request, post, logs };
}

/**
 * The bundle of a Worker built before KV's current `brand` was published: the store must read that
 * version from KV (a version the Worker was built with it never reads).
 */
export function builtBefore(brand: string): BundledPolicies {
  const policies = Object.fromEntries(PUBLISHED_POLICIES.brands.map((b) => [b, PUBLISHED_POLICIES.policy(b)!]));
  const policy = policies[brand]!;
  return BundledPolicies.of({ ...policies, [brand]: { ...policy, name: `${policy.name} (older build)`, version: 'b0b0b0b0b0b0b0b0' } });
}

/**
 * The tests' KV binding with every method call recorded by name (`calls`): a put or delete would
 * show there, where get and list only read.
 */
export function recordingKv(kv: typeof env.POLICIES = env.POLICIES) {
  const calls: string[] = [];
  const spy = new Proxy(kv, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function'
        ? (...args: unknown[]) => {
            calls.push(String(prop));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          }
        : value;
    },
  });
  return { calls, spy };
}

/** Wraps a KV namespace, counting reads (a list call as `list:<prefix>`): steady state must be zero per request. */
export function countingKv(kv: NonNullable<Bindings['POLICIES']> = env.POLICIES) {
  const reads: string[] = [];
  const counted: NonNullable<Bindings['POLICIES']> = {
    get: (key, type) => {
      reads.push(key);
      return kv.get(key, type);
    },
    list: (options) => {
      reads.push(`list:${options.prefix}`);
      return kv.list(options);
    },
  };
  return { reads, kv: counted };
}

/** A namespace that holds nothing. */
export const emptyKv: NonNullable<Bindings['POLICIES']> = { get: async () => null, list: async () => ({ keys: [], list_complete: true }) };

/** A namespace whose every call fails. */
export const brokenKv = (message = 'KV unavailable'): NonNullable<Bindings['POLICIES']> => ({
  get: () => Promise.reject(new Error(message)),
  list: () => Promise.reject(new Error(message)),
});

/** The response body as the type the route declares. */
export async function readJson<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
