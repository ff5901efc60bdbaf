// Accept-Language → one of the policy's locales (RFC 9110 §12.5.4 weights, prefix match so that
// `de-AT` gets `de`), falling back to the policy's default locale.

interface Weighted {
  tag: string;
  q: number;
  order: number;
}

function parseAcceptLanguage(header: string): Weighted[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: range.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

export function negotiateLocale(header: string | undefined, locales: readonly string[], fallback: string): string {
  if (!header) return fallback;
  const available = new Map(locales.map((l) => [l.toLowerCase(), l]));
  for (const { tag } of parseAcceptLanguage(header)) {
    if (tag === '*') return fallback;
    const exact = available.get(tag);
    if (exact) return exact;
    const primary = available.get(tag.split('-')[0]!);
    if (primary) return primary;
  }
  return fallback;
}
