// Which compiled policies the Worker bundles as its fallback. The bundle answers a brand when KV has
// nothing for it or cannot be read, and spares a cold isolate one read; but every bundled byte is in
// every isolate of every brand, and a deployment serving thousands of brands cannot carry them all
// (Workers cap a script's size; startup grows with it). So the bundle has a budget, and the brands
// that fit are bundled, the rest served from KV alone: a brand added never pushes the Worker past its
// budget, and never changes how another brand is answered while KV is healthy.

/** A brand's stored document as the bundle would hold it: only its size matters here. */
export interface BundleCandidate {
  readonly brand: string;
  readonly bytes: number;
}

export interface BundleSelection {
  readonly bundled: readonly string[];
  /** Brands left to KV alone, with their size: the build names them. */
  readonly left: readonly BundleCandidate[];
  readonly bytes: number;
}

/**
 * The most brands that fit in `budgetBytes`: smallest first (ties by id, so the choice is the same on
 * every machine). Each brand is all in or out; one larger than the budget is never bundled.
 */
export function selectBundled(candidates: readonly BundleCandidate[], budgetBytes: number): BundleSelection {
  const bySize = [...candidates].sort((a, b) => a.bytes - b.bytes || (a.brand < b.brand ? -1 : a.brand > b.brand ? 1 : 0));
  const bundled: string[] = [];
  const left: BundleCandidate[] = [];
  let bytes = 0;
  for (const candidate of bySize) {
    if (bytes + candidate.bytes <= budgetBytes) {
      bundled.push(candidate.brand);
      bytes += candidate.bytes;
    } else left.push(candidate);
  }
  return { bundled: bundled.sort(), left, bytes };
}
