// What GET /v1/brands shows of each brand on a list page: the version in force today and those
// scheduled, from the brand key's metadata alone (no read per brand), marked with what this isolate
// knows about the brand's own keys. A row that cannot be read says so and stands alone.

import type { PageBrand, PolicyFault } from './policy-store.js';

export type BrandStatus = 'ok' | 'scheduled' | 'degraded' | 'unavailable';

export interface BrandRow {
  brand: string;
  /** ok: in force today; scheduled: its first version takes effect later; degraded: answered from a
   *  fallback copy; unavailable: this row or the brand's keys cannot be read. */
  status: BrandStatus;
  name: string;
  policy_version: string | null;
  effective_from: string | null;
  currency: string | null;
  default_locale: string | null;
  locales: string[];
  scheduled: { version: string; effective_from: string }[];
  fault?: PolicyFault | 'invalid-brand-id';
}

export function brandRow(brand: PageBrand, today: string): BrandRow {
  const blank = {
    brand: brand.id,
    name: brand.id,
    policy_version: null,
    effective_from: null,
    currency: null,
    default_locale: null,
    locales: [],
    scheduled: [],
  };
  if (!brand.versions) return { ...blank, status: 'unavailable', fault: brand.problem ?? 'kv-corrupt' };
  // Entries are in timeline order; the bundle's copy has no date and is always in force.
  let current: NonNullable<PageBrand['versions']>[number] | undefined;
  const scheduled: BrandRow['scheduled'] = [];
  for (const v of brand.versions) {
    if (v.effective_from === null || v.effective_from <= today) current = v;
    else scheduled.push({ version: v.version, effective_from: v.effective_from });
  }
  const summary = current?.summary ?? brand.versions.find((v) => v.summary)?.summary ?? null;
  const row: BrandRow = {
    ...blank,
    status: current ? 'ok' : 'scheduled',
    scheduled,
    name: summary?.name ?? brand.id,
    policy_version: current?.version ?? null,
    effective_from: current?.effective_from ?? null,
    currency: summary?.currency ?? null,
    default_locale: summary?.default_locale ?? null,
    locales: summary?.locales ?? [],
  };
  if (brand.known) return { ...row, status: brand.known.answered === 'no' ? 'unavailable' : 'degraded', fault: brand.known.fault };
  return row;
}
