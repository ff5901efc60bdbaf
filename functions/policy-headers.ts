// Response headers that say which policy answered: clients and support staff read them, the
// storefront widget's CORS config exposes them.

import type { Context } from 'hono';
import type { PolicyFault, PolicySource } from './policy-store.js';

export const POLICY_HEADERS = ['X-Policy-Source', 'X-Policy-Version', 'X-Policy-Selection', 'X-Policy-Degraded'] as const;

export interface PolicyOrigin {
  source: PolicySource;
  version?: string;
  selection?: string;
  fault?: PolicyFault;
}

// When several policies answered (a batch, the brand list), the source shown is the least fresh.
const FRESHNESS: PolicySource[] = ['bundle', 'kv', 'cache'];

export function setPolicyHeaders(c: Context, origins: readonly PolicyOrigin[]): void {
  if (origins.length === 1) {
    setOne(c, origins[0]!);
    return;
  }
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].join(', ');
  const set = (name: string, value: string | undefined) => {
    if (value) c.header(name, value);
  };
  set(
    'X-Policy-Source',
    FRESHNESS.find((s) => origins.some((o) => o.source === s)),
  );
  set('X-Policy-Version', distinct(origins.map((o) => o.version)));
  set('X-Policy-Selection', distinct(origins.map((o) => o.selection)));
  set('X-Policy-Degraded', distinct(origins.map((o) => o.fault)));
}

/** One policy answered (a single claim, a brand's page): its own values, nothing to merge. */
function setOne(c: Context, { source, version, selection, fault }: PolicyOrigin): void {
  c.header('X-Policy-Source', source);
  if (version) c.header('X-Policy-Version', version);
  if (selection) c.header('X-Policy-Selection', selection);
  if (fault) c.header('X-Policy-Degraded', fault);
}
