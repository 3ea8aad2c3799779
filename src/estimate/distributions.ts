import { incompleteBeta, incompleteGamma, lbeta, lgamma } from "./special.js";

/**
 * Student t and standard normal distribution functions, precise to about 1e-13 relative (tested against R's
 * pt, qt, pnorm, qnorm in test/estimate/distributions.test.ts). df may be fractional (Bell-McCaffrey df) or
 * Infinity (normal).
 *
 * P(T <= t) for t < 0 is I_x(df/2, 1/2) / 2 with x = df / (df + t^2) (Abramowitz and Stegun 26.7.1).
 * For df > 1e5 the tail P(T > |t|) is the integral of the density, f(s) = (1 + s^2/df)^{-(df+1)/2} /
 * (sqrt(df) B(df/2, 1/2)), over [|t|, inf) by exp-sinh (double exponential) quadrature, which keeps relative
 * precision where the continued fraction loses digits (Takahasi and Mori 1974).
 */

/** Standard normal CDF: Phi(q) = Q(1/2, q^2/2) / 2 for q < 0 (incomplete gamma). */
export function pnorm(q: number): number {
  if (Number.isNaN(q)) return NaN;
  if (q === 0) return 0.5;
  // beyond |q| = 40 the tail is below 1e-349, which underflows to 0 in a double; q * q would overflow to Infinity past 1.3e154
  if (Math.abs(q) > 40) return q < 0 ? 0 : 1;
  const [p, upper] = incompleteGamma(0.5, (q * q) / 2);
  return q < 0 ? upper / 2 : 0.5 + p / 2;
}

/** Upper tail P(Z > q). */
export function pnormUpper(q: number): number {
  return pnorm(-q);
}

/** Standard normal density. */
export function dnorm(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Student t CDF P(T <= q) with df degrees of freedom (df > 0; Infinity gives the normal). */
export function pt(q: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`pt: df must be positive, got ${df}`);
  if (Number.isNaN(q)) return NaN;
  if (df === Infinity) return pnorm(q);
  if (q === 0) return 0.5;
  if (df > 1e5) {
    // the incomplete-beta continued fraction cancels for very large df; integrate the density instead
    const tail = tTailQuadrature(Math.abs(q), df);
    return q < 0 ? tail : 1 - tail;
  }
  const t2 = q * q;
  // x = df / (df + t^2), y = t^2 / (df + t^2), both computed without cancellation
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const [ix] = incompleteBeta(df / 2, 0.5, x, y);
  return q < 0 ? ix / 2 : 1 - ix / 2;
}

/** P(T > t) for t >= 0 and very large df, by exp-sinh quadrature of the density on [t, inf). */
function tTailQuadrature(t: number, df: number): number {
  const logC = -0.5 * Math.log(df) - lbeta(df / 2, 0.5);
  const half = (df + 1) / 2;
  const f = (u: number): number => {
    const s = t + u;
    return Math.exp(logC - half * Math.log1p((s * s) / df));
  };
  // u = exp((pi/2) sinh(x)), du = (pi/2) cosh(x) u dx; trapezoid in x with step h, halved until stable
  const term = (x: number): number => {
    const u = Math.exp((Math.PI / 2) * Math.sinh(x));
    if (!Number.isFinite(u)) return 0;
    return f(u) * (Math.PI / 2) * Math.cosh(x) * u;
  };
  const sumAt = (h: number, offset: number, step: number): number => {
    let s = 0;
    for (let k = offset; ; k += step) {
      const x = k * h;
      const v = term(x);
      s += v;
      if (x > 0.5 && (v === 0 || v < 1e-300)) break;
      if (x > 8) break;
    }
    for (let k = offset === 0 ? -step : -offset; ; k -= step) {
      const x = k * h;
      const v = term(x);
      s += v;
      if (x < -0.5 && (v === 0 || Math.abs(v) < 1e-18 * Math.abs(s))) break;
      if (x < -8) break;
    }
    return s;
  };
  let h = 0.5;
  let total = sumAt(h, 0, 1) * h;
  for (let level = 0; level < 12; level++) {
    // add the midpoints: S(h/2) = S(h)/2 + h/2 * sum over odd multiples of h/2
    const h2 = h / 2;
    const next = total / 2 + sumAt(h2, 1, 2) * h2;
    if (Math.abs(next - total) <= 1e-15 * Math.abs(next)) return next;
    total = next;
    h = h2;
  }
  return total;
}

/** Upper tail of the F distribution P(F > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2). */
export function pfUpper(f: number, df1: number, df2: number): number {
  if (!(df1 > 0 && df2 > 0)) throw new RangeError(`pfUpper: degrees of freedom must be positive, got ${df1}, ${df2}`);
  if (!(f > 0)) return 1;
  const x = df2 / (df2 + df1 * f);
  const y = (df1 * f) / (df2 + df1 * f);
  return incompleteBeta(df2 / 2, df1 / 2, x, y)[0];
}

/** Upper tail P(T > q). */
export function ptUpper(q: number, df: number): number {
  return pt(-q, df);
}

/** Two-sided p-value 2 P(T > |t|). */
export function twoSidedP(t: number, df: number): number {
  return 2 * pt(-Math.abs(t), df);
}

/** Student t density. */
export function dt(x: number, df: number): number {
  if (df === Infinity) return dnorm(x);
  return Math.exp(lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((x * x) / df));
}

/** Inverse of a continuous increasing CDF by safeguarded Newton steps from a starting point. */
function invert(p: number, cdf: (x: number) => number, pdf: (x: number) => number, start: number): number {
  // bracket
  let lo = start - 1;
  let hi = start + 1;
  while (cdf(lo) > p) lo = lo * 2 - 1;
  while (cdf(hi) < p) hi = hi * 2 + 1;
  let x = Math.min(Math.max(start, lo), hi);
  for (let i = 0; i < 200; i++) {
    const f = cdf(x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    let next = x - f / pdf(x);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1e-300, Math.abs(next))) return next;
    x = next;
    if (hi - lo <= 4e-16 * Math.max(Math.abs(lo), Math.abs(hi))) return x;
  }
  return x;
}

/** Standard normal quantile. */
export function qnorm(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`qnorm: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // work in the lower tail for precision, then reflect
  if (p > 0.5) return -qnorm(1 - p);
  const start = -Math.sqrt(-2 * Math.log(p));
  return invert(p, pnorm, dnorm, start);
}

/** Student t quantile. */
export function qt(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`qt: p must be in [0, 1], got ${p}`);
  if (!(df > 0)) throw new RangeError(`qt: df must be positive, got ${df}`);
  if (df === Infinity) return qnorm(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -qt(1 - p, df);
  const z = qnorm(p);
  const start = z * (1 + (z * z + 1) / (4 * df));
  return invert(p, (x) => pt(x, df), (x) => dt(x, df), start);
}
