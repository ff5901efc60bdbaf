// Exact money: amounts become integer minor units (cents) by reading their decimal digits, and
// percentages are applied with half-up rounding to the cent (INTERPRETATION §3, E-23).

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A non-negative-or-negative decimal as an exact fraction numerator / 10^scale. */
function toScaled(value: number | string): { units: bigint; scale: number } | null {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  const units = BigInt(m[2] + fraction) * (m[1] ? -1n : 1n);
  return { units, scale: fraction.length };
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // toString may give exponent notation for very small or large numbers; toFixed keeps digits.
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}

/** Currency units (299.99) → minor units (29999); null for non-numbers or sub-cent precision. */
export function toMinorUnits(value: number | string): number | null {
  // Fast path: a double that is exactly some whole number of cents round-trips through ×100.
  if (typeof value === 'number') {
    const minor = Math.round(value * 100);
    if (Number.isSafeInteger(minor) && minor / 100 === value) return minor;
  }
  const scaled = toScaled(value);
  if (!scaled || scaled.scale > 2) return null;
  const minor = scaled.units * 10n ** BigInt(2 - scaled.scale);
  return Number(minor);
}

export function fromMinorUnits(minor: number): number {
  return minor / 100;
}

/** `pct` percent of `minor` cents, rounded half-up (away from zero at .5) to the cent. */
export function percentOf(minor: number, pct: number): number {
  // Fast path: whole percentages of amounts small enough to stay exact in a double.
  if (Number.isInteger(pct) && Math.abs(minor * pct) < 2 ** 50) {
    const product = minor * pct;
    const rounded = Math.floor((Math.abs(product) + 50) / 100);
    return product < 0 ? -rounded : rounded;
  }
  const p = toScaled(pct);
  if (!p) return NaN;
  const numerator = BigInt(minor) * p.units;
  const denominator = 100n * 10n ** BigInt(p.scale);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return Number(negative ? -rounded : rounded);
}
