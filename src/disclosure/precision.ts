/**
 * Precision: no more digits than a table needs, in every format (CSV included), so that exact reconstruction by
 * arithmetic does not come in through the back door. A share is shown to one decimal in per cent (three decimals
 * of the share); a mean to three decimals (for a mean of a 0/1 variable that is the same 0.1 percentage point);
 * estimates and intervals to four; kroner to whole kroner; p-values to three significant digits.
 */

export type PrecisionKind = "percent" | "number" | "dkk" | "p_value" | "count" | "text";

/** Decimals kept for a column kind (the share itself for percent: 1 decimal in per cent = 3 of the share). */
export function digitsFor(kind: PrecisionKind, decimals?: number): number {
  switch (kind) {
    case "percent": return (decimals ?? 1) + 2;
    case "number": return decimals ?? 3;
    case "dkk": return decimals ?? 0;
    case "count": return 0;
    default: return decimals ?? 3;
  }
}

/** A table value kept to the precision its column shows (the same number in every format). */
export function roundForColumn(x: number, kind: PrecisionKind, decimals?: number): number {
  if (kind === "text") return x;
  if (kind === "p_value") return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(3));
  return roundTo(x, digitsFor(kind, decimals));
}

/** x rounded half away from zero to `decimals` decimals (via the decimal string, so 0.0625 -> 0.063); never -0. */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number((Math.abs(x) + 0).toFixed(decimals)) * Math.sign(x);
  return r === 0 ? 0 : r;
}
