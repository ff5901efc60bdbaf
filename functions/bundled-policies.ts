// The policies compiled into the Worker at build time (scripts/bundle-policies.ts writes them from
// dist/policies/). They answer when KV has nothing published yet or cannot be read, and spare a cold
// isolate reading a version KV names that the Worker was built with.

import bundled from 'virtual:bundled-policies';
import { BundledPolicies } from './policy-bundle.js';

export const BUNDLED_POLICIES = new BundledPolicies(bundled.policies);
export const BUNDLE_BUILT_AT: string = bundled.built_at;
