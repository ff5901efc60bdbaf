// A Worker's bundled policies: each brand's version and compiled document as JSON text, parsed the
// first time the brand needs it. No runtime import here, so the store and its tests can make bundles
// of their own; the Worker's own is functions/bundled-policies.ts.

import type { CompiledPolicy } from '../src/contract.js';
import { parsePolicy, policyToJson } from '../src/store/policy-document.js';

/** One brand as the bundle holds it: its version, and the compiled document as JSON text. */
export interface BundledDocument {
  version: string;
  json: string;
}

/** A policy as the bundle stores it. */
export const bundledDocument = (policy: CompiledPolicy): BundledDocument => ({ version: policy.version, json: policyToJson(policy) });

/** dist/worker/bundled-policies.json, as scripts/bundle-policies.ts writes it. */
export interface PolicyBundleFile {
  built_at: string;
  policies: Record<string, BundledDocument>;
}

/**
 * The policies the Worker was built with, each parsed the first time it is needed. Bundled as
 * objects, they were object literals every isolate evaluated at startup, for every brand (~11 ms of
 * the Worker's startup with three: BENCHMARKS.md), while a request needs one brand and KV usually
 * supplies it; strings only cost their bytes until then.
 */
export class BundledPolicies {
  readonly brands: readonly string[];
  private readonly parsed = new Map<string, CompiledPolicy>();

  constructor(private readonly documents: Readonly<Record<string, BundledDocument>>) {
    this.brands = Object.keys(documents).sort();
  }

  /** A bundle of these documents (tests: a Worker built with other policies). */
  static of(policies: Readonly<Record<string, CompiledPolicy>>): BundledPolicies {
    const documents: Record<string, BundledDocument> = {};
    for (const [brand, policy] of Object.entries(policies)) documents[brand] = bundledDocument(policy);
    return new BundledPolicies(documents);
  }

  /** The brand's bundled version, without parsing its document. */
  version(brand: string): string | undefined {
    // Own keys only: a brand id such as `constructor` must not find Object.prototype's.
    return Object.hasOwn(this.documents, brand) ? this.documents[brand]!.version : undefined;
  }

  policy(brand: string): CompiledPolicy | undefined {
    const held = this.parsed.get(brand);
    if (held || !Object.hasOwn(this.documents, brand)) return held;
    const policy = parsePolicy(this.documents[brand]!.json);
    this.parsed.set(brand, policy);
    return policy;
  }
}
