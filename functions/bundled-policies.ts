// The policies compiled into the Worker at build time (scripts/bundle-policies.ts writes them from
// dist/policies/). They answer when KV has nothing published yet or cannot be read.

import bundled from 'virtual:bundled-policies';
import type { CompiledPolicy } from '../src/contract.js';

export interface PolicyBundle {
  built_at: string;
  policies: Record<string, CompiledPolicy>;
}

export const BUNDLED_POLICIES: Readonly<Record<string, CompiledPolicy>> = bundled.policies;
export const BUNDLE_BUILT_AT: string = bundled.built_at;
