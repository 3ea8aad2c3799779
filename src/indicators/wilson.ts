/**
 * Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law of succession, and
 * statistical inference", JASA 22:209-212). Same as R's `prop.test(x, n, correct = FALSE)$conf.int`.
 *
 *   p = x / n
 *   centre = (p + z^2 / (2n)) / (1 + z^2 / n)
 *   half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / (4 n^2))
 *   interval = [centre - half, centre + half]   (clamped to [0, 1] against rounding)
 *
 * `z` defaults to the two-sided 95% normal quantile 1.959963984540054. `x` may be fractional (a share times n,
 * e.g. when only the rounded share and n are published).
 */
export interface WilsonInterval {
  estimate: number;
  lower: number;
  upper: number;
  n: number;
  z: number;
}

export const Z95 = 1.959963984540054;

export function wilson(x: number, n: number, z: number = Z95): WilsonInterval {
  // No observations: a proportion is undefined, and the caller must show the row as missing, not as 0.
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`wilson: n must be positive, got ${n}`);
  if (!Number.isFinite(x) || x < 0 || x > n) throw new RangeError(`wilson: successes must be in [0, n], got ${x} of ${n}`);
  if (!Number.isFinite(z) || z <= 0) throw new RangeError(`wilson: z must be positive, got ${z}`);
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { estimate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), n, z };
}
