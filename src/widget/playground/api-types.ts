// The JSON the pages read from the API (functions/routes/*): only the fields they use.

import type { CompiledRemedy, CompiledTable, CompiledWindow, FactType } from '../../contract.js';

/** A row of GET /v1/brands: `policy_version` is null while a brand's first version is only scheduled or unreadable. */
export interface BrandSummary {
  brand: string;
  name: string;
  status: 'ok' | 'scheduled' | 'degraded' | 'unavailable';
  policy_version: string | null;
  locales: string[];
  default_locale: string | null;
}

export interface BrandFact {
  name: string;
  /** What customers call it, in the answer's language. */
  label?: string;
  type: FactType;
  values: string[] | null;
  /** An enum's values as people say them in the answer's language (absent from an older Worker). */
  value_labels?: Record<string, string> | null;
  description: string | null;
}

/** GET /v1/brands/:brand: a brand that answers, so its version and default language are known. */
export interface BrandDetail {
  brand: string;
  name: string;
  policy_version: string;
  locales: string[];
  default_locale: string;
  claim_date: string;
  facts: BrandFact[];
  /** The reason codes the brand's tables give. */
  reasons: { code: string; message: string }[];
}

export type SheetDocument = { brand: string; policy_version: string; sheet: string; source: string } & (
  | { kind: 'table'; table: CompiledTable }
  | { kind: 'remedies'; remedies: CompiledRemedy[] }
  | { kind: 'windows'; windows: CompiledWindow[] }
);

export interface SheetList {
  brand: string;
  sheets: { sheet: string; source: string; kind: string; rows: number }[];
}

export interface ProblemDocument {
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}
