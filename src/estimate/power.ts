import { qt, pt, qnorm, pnorm } from "./distributions.js";
import { EstimationError } from "./errors.js";

/**
 * Minimum detectable effect (MDE) and power for a cluster-randomised design (households randomised, persons
 * measured), in standard-deviation units of the outcome unless `sd` is given.
 *
 *   Var(tau_hat) = sd^2 / (P (1 - P) J) * [ rho (1 - R2_c) + (1 - rho) (1 - R2_i) / m ]
 *
 * with J households, m persons per household (mean), rho the intra-cluster correlation, P the share of
 * households treated, R2_c and R2_i the shares of the between- and within-household variance explained by
 * covariates. With R2_c = R2_i = R2 this is the design-effect form
 *
 *   Var(tau_hat) = sd^2 (1 - R2) DEFF / (P (1 - P) J m),   DEFF = 1 + (m - 1) rho,
 *
 * and with unequal household sizes (coefficient of variation cv of sizes) DEFF = 1 + ((cv^2 + 1) m - 1) rho
 * (Eldridge, Ashby and Kerry 2006).
 *   MDE = (t_{1 - alpha/2, df} + t_{power, df}) SE,   df = J - 2 - (number of household-level covariates)
 *   power(delta) = 1 - F_t(t_{1 - alpha/2, df} - delta/SE) + F_t(-t_{1 - alpha/2, df} - delta/SE)
 * Bloom (2005), Learning More from Social Experiments, ch. 4; Raudenbush (1997), Psychological Methods 2(2);
 * Duflo, Glennerster and Kremer (2007), Using Randomization in Development Economics Research, eq. 11.
 * `df: "normal"` uses z quantiles instead (large J).
 */
export interface ClusterDesign {
  /** number of households (clusters) */
  households: number;
  /** mean persons per household */
  personsPerHousehold: number;
  /** intra-cluster correlation, in [0, 1] */
  icc: number;
  /** share of households treated, in (0, 1); default 0.5 */
  shareTreated?: number;
  /** outcome variance explained by covariates (both levels), in [0, 1); default 0 */
  r2?: number;
  /** between-household R^2, overrides r2 at that level */
  r2Cluster?: number;
  /** within-household R^2, overrides r2 at that level */
  r2Individual?: number;
  /** coefficient of variation of household sizes; default 0 */
  clusterSizeCv?: number;
  /** two-sided significance level; default 0.05 */
  alpha?: number;
  /** outcome standard deviation; default 1 (MDE in SD units) */
  sd?: number;
  /** household-level covariates (subtracted from df); default 0 */
  clusterCovariates?: number;
  /** "t" (default, df = J - 2 - covariates) or "normal" */
  distribution?: "t" | "normal";
}

export interface PowerDesignSummary {
  std_error: number;
  design_effect: number;
  df: number;
  critical: number;
}

function range(name: string, v: number, lo: number, hi: number, openLo = false, openHi = false): void {
  const okLo = openLo ? v > lo : v >= lo;
  const okHi = openHi ? v < hi : v <= hi;
  if (!(okLo && okHi) || !Number.isFinite(v)) throw new EstimationError("bad_input", `${name} must be in ${openLo ? "(" : "["}${lo}, ${hi}${openHi ? ")" : "]"}, got ${v}`);
}

/** Standard error of the effect estimate and the design effect for a cluster-randomised design. */
export function clusterDesignSe(d: ClusterDesign): PowerDesignSummary {
  const J = d.households;
  const m = d.personsPerHousehold;
  const rho = d.icc;
  const P = d.shareTreated ?? 0.5;
  const r2 = d.r2 ?? 0;
  const r2c = d.r2Cluster ?? r2;
  const r2i = d.r2Individual ?? r2;
  const cv = d.clusterSizeCv ?? 0;
  const alpha = d.alpha ?? 0.05;
  const sd = d.sd ?? 1;
  if (!Number.isInteger(J) || J < 3) throw new EstimationError("bad_input", `households must be an integer >= 3, got ${J}`);
  range("personsPerHousehold", m, 1, Infinity);
  range("icc", rho, 0, 1);
  range("shareTreated", P, 0, 1, true, true);
  range("r2", r2c, 0, 1, false, true);
  range("r2", r2i, 0, 1, false, true);
  range("clusterSizeCv", cv, 0, Infinity);
  range("alpha", alpha, 0, 1, true, true);
  range("sd", sd, 0, Infinity, true);
  // effective cluster size for the between-cluster term under unequal sizes
  const mEff = (cv * cv + 1) * m;
  const perCluster = (rho * (1 - r2c) * mEff + (1 - rho) * (1 - r2i)) / m;
  const variance = (sd * sd * perCluster) / (P * (1 - P) * J);
  const design_effect = 1 + (mEff - 1) * rho;
  const df = (d.distribution ?? "t") === "normal" ? Infinity : J - 2 - (d.clusterCovariates ?? 0);
  if (!(df > 0)) throw new EstimationError("too_few_clusters", `too few households for ${d.clusterCovariates ?? 0} household-level covariates`);
  const critical = df === Infinity ? qnorm(1 - alpha / 2) : qt(1 - alpha / 2, df);
  return { std_error: Math.sqrt(variance), design_effect, df, critical };
}

/** Minimum detectable effect at the given power (default 0.8). */
export function minimumDetectableEffect(d: ClusterDesign, power = 0.8): PowerDesignSummary & { mde: number; power: number } {
  range("power", power, 0, 1, true, true);
  const s = clusterDesignSe(d);
  const tPower = s.df === Infinity ? qnorm(power) : qt(power, s.df);
  return { ...s, mde: (s.critical + tPower) * s.std_error, power };
}

/** Power to detect a true effect `effect` (same units as sd) with a two-sided test. */
export function power(d: ClusterDesign, effect: number): PowerDesignSummary & { power: number; effect: number } {
  if (!Number.isFinite(effect)) throw new EstimationError("bad_input", `effect must be finite, got ${effect}`);
  const s = clusterDesignSe(d);
  const shift = Math.abs(effect) / s.std_error;
  const cdf = (x: number) => (s.df === Infinity ? pnorm(x) : pt(x, s.df));
  const p = 1 - cdf(s.critical - shift) + cdf(-s.critical - shift);
  return { ...s, power: p, effect };
}
