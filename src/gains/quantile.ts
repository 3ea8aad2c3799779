/**
 * Sample quantile of sorted data, Hyndman & Fan (1996) type 7 (R's default `quantile(type = 7)`):
 *   h = (n - 1) p;  Q(p) = x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])   (0-based x)
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  // An empty sample has no quantiles.
  if (sorted.length === 0) throw new RangeError("quantileSorted: empty sample");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
