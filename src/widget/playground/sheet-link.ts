// A decision's `source` ("elegoo/non-quality.csv:3") → the sheet viewer's address for that row.

export interface SheetRef {
  brand: string;
  sheet: string;
  row: number | null;
}

export function parseSource(source: string): SheetRef | null {
  const match = /^([a-z0-9][\w-]*)\/([\w.-]+?)\.csv(?::(\d+))?$/i.exec(source);
  if (!match) return null; // shared sheets (_shared/…) have no viewer: their rows decide nothing alone
  return { brand: match[1]!, sheet: match[2]!, row: match[3] ? Number(match[3]) : null };
}

export function sheetHref(ref: SheetRef): string {
  const params = new URLSearchParams({ brand: ref.brand, sheet: ref.sheet });
  if (ref.row !== null) params.set('row', String(ref.row));
  return `/sheets?${params}${ref.row !== null ? `#row-${ref.row}` : ''}`;
}
