import { qt, qnorm, pnorm } from "./distributions.js";
import { pnt } from "./noncentral_t.js";
import { EstimationError } from "./errors.js";
import { tm } from "../i18n/messageLang.js";

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
 *   power(delta) = 1 - F_{df, ncp}(t_{1 - alpha/2, df}) + F_{df, ncp}(-t_{1 - alpha/2, df}),   ncp = delta / SE,
 *   df = J - 2 - (number of household-level covariates),
 * F_{df, ncp} the noncentral t CDF (`noncentral_t.ts`, R's pt(q, df, ncp)): the exact power of the two-sided
 * t-test, as R's power.t.test(strict = TRUE) and Raudenbush's Optimal Design. The MDE is the delta with
 * power(delta) = the target power, found by bisection (as power.t.test's uniroot); Bloom's closed form
 * (t_{1 - alpha/2, df} + t_{power, df}) SE is within 0.3% of it for df >= 38.
 * Bloom (2005), Learning More from Social Experiments, ch. 4; Raudenbush (1997), Psychological Methods 2(2);
 * Duflo, Glennerster and Kremer (2007), Using Randomization in Development Economics Research, eq. 11.
 * `distribution: "normal"` uses the normal distribution instead (large J): power(delta) =
 * 1 - Phi(z - delta/SE) + Phi(-z - delta/SE). Checked against R in test/estimate/power_independent.test.ts.
 *
 * The design as it is, each optional:
 * - waves (or any blocks) w with J_w households and their own share treated P_w, analysed by the size-weighted
 *   blocked estimator tau = sum_w (J_w / J) tau_w: Var = sum_w (J_w / J)^2 Var_w, so 1 / (P (1 - P)) becomes
 *   sum_w (J_w / J) / (P_w (1 - P_w)) (Gerber and Green 2012, eq. 3.12), and df = J - 2 W - covariates (as
 *   estimatr's blocked, clustered difference_in_means);
 * - attrition a: a share of households whose outcome is missing at random, J_w -> (1 - a) J_w;
 * - take-up c (the share of treated households that take the offer; none in control): the CACE is ITT / c, so its
 *   standard error and MDE are the ITT's divided by c (Bloom 1984; Duflo, Glennerster and Kremer 2007, eq. 14).
 * `effekt power --simulate` checks these against a simulation of the actual lottery (power_simulation.ts).
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
  /** two-sided significance level, in [1e-6, 0.5]; default 0.05 */
  alpha?: number;
  /** outcome standard deviation; default 1 (MDE in SD units) */
  sd?: number;
  /** household-level covariates (subtracted from df); default 0 */
  clusterCovariates?: number;
  /** "t" (default, df = J - 2 - covariates) or "normal" */
  distribution?: "t" | "normal";
  /** waves (blocks) with their own households and share treated; replaces households and shareTreated */
  waves?: readonly { households: number; shareTreated: number }[];
  /** share of households whose outcome is missing (at random), in [0, 1); default 0 */
  attrition?: number;
  /** share of treated households taking up the offer (none in control), in (0, 1]; default 1 */
  takeup?: number;
}

export interface PowerDesignSummary {
  /** standard error of the ITT estimate */
  std_error: number;
  /** standard error of the CACE estimate (std_error / take-up) */
  std_error_cace: number;
  design_effect: number;
  df: number;
  critical: number;
}

function range(name: string, v: number, lo: number, hi: number, openLo = false, openHi = false): void {
  const okLo = openLo ? v > lo : v >= lo;
  const okHi = openHi ? v < hi : v <= hi;
  if (!(okLo && okHi) || !Number.isFinite(v)) throw new EstimationError("bad_input", tm("est_pw_range", { name, interval: `${openLo ? "(" : "["}${lo}, ${hi}${openHi ? ")" : "]"}`, value: v }));
}

/** Standard error of the effect estimate and the design effect for a cluster-randomised design. */
export function clusterDesignSe(d: ClusterDesign): PowerDesignSummary {
  const waves = d.waves;
  if (waves !== undefined) {
    if (waves.length === 0) throw new EstimationError("bad_input", tm("est_pw_no_waves"));
    waves.forEach((w, i) => {
      if (!Number.isInteger(w.households) || w.households < 2) throw new EstimationError("bad_input", tm("est_pw_wave_households", { i: i + 1, value: w.households }));
      range(tm("est_pw_wave_share", { i: i + 1 }), w.shareTreated, 0, 1, true, true);
    });
  }
  const J = waves ? waves.reduce((s, w) => s + w.households, 0) : d.households;
  const m = d.personsPerHousehold;
  const rho = d.icc;
  const P = waves ? 0.5 : d.shareTreated ?? 0.5;
  const attrition = d.attrition ?? 0;
  const takeup = d.takeup ?? 1;
  const r2 = d.r2 ?? 0;
  const r2c = d.r2Cluster ?? r2;
  const r2i = d.r2Individual ?? r2;
  const cv = d.clusterSizeCv ?? 0;
  const alpha = d.alpha ?? 0.05;
  const sd = d.sd ?? 1;
  if (!Number.isInteger(J) || J < 3) throw new EstimationError("bad_input", tm("est_pw_households", { value: J }));
  range("personsPerHousehold", m, 1, Infinity);
  range("icc", rho, 0, 1);
  range("shareTreated", P, 0, 1, true, true);
  range("r2", r2c, 0, 1, false, true);
  range("r2", r2i, 0, 1, false, true);
  range("clusterSizeCv", cv, 0, Infinity);
  // a planning alpha outside [1e-6, 0.5] is a mistake, and below ~1e-16 its critical value is not computable
  range("alpha", alpha, 1e-6, 0.5);
  range("sd", sd, 0, Infinity, true);
  range("attrition", attrition, 0, 1, false, true);
  range("takeup", takeup, 0, 1, true, false);
  // with waves, 1 / (P (1 - P)) becomes the size-weighted sum over waves
  const shareFactor = waves ? waves.reduce((s, w) => s + w.households / J / (w.shareTreated * (1 - w.shareTreated)), 0) : NaN;
  const analysed = (1 - attrition) * J;
  // effective cluster size for the between-cluster term under unequal sizes
  const mEff = (cv * cv + 1) * m;
  const perCluster = (rho * (1 - r2c) * mEff + (1 - rho) * (1 - r2i)) / m;
  const variance = waves ? (sd * sd * perCluster * shareFactor) / analysed : (sd * sd * perCluster) / (P * (1 - P) * analysed);
  const design_effect = 1 + (mEff - 1) * rho;
  const df = (d.distribution ?? "t") === "normal" ? Infinity : analysed - 2 * (waves?.length ?? 1) - (d.clusterCovariates ?? 0);
  if (!(df > 0)) throw new EstimationError("too_few_clusters", tm("est_pw_too_few_for_covariates", { n: d.clusterCovariates ?? 0 }));
  const critical = df === Infinity ? qnorm(1 - alpha / 2) : qt(1 - alpha / 2, df);
  const std_error = Math.sqrt(variance);
  if (!(std_error > 0 && std_error < Infinity)) {
    throw new EstimationError("bad_input", tm("est_pw_bad_se", { se: std_error, sd, share: P }));
  }
  return { std_error, std_error_cace: std_error / takeup, design_effect, df, critical };
}

/** Power of the two-sided test at a true effect of `ncp` standard errors (noncentral t; normal when df is infinite). */
function powerAtNcp(s: PowerDesignSummary, ncp: number): number {
  if (s.df === Infinity) return 1 - pnorm(s.critical - ncp) + pnorm(-s.critical - ncp);
  return 1 - pnt(s.critical, s.df, ncp) + pnt(-s.critical, s.df, ncp);
}

/** Minimum detectable effect at the given power (default 0.8): the effect whose power is exactly `power`. */
export function minimumDetectableEffect(d: ClusterDesign, power = 0.8): PowerDesignSummary & { mde: number; mde_cace: number; power: number } {
  range("power", power, 0, 0.999999);
  const s = clusterDesignSe(d);
  const alpha = d.alpha ?? 0.05;
  if (!(power > alpha)) throw new EstimationError("bad_input", tm("est_pw_power_alpha", { alpha }));
  // bisection on the noncentrality; Bloom's closed form (z quantiles) brackets it from below and twice it from above
  let lo = 0;
  let hi = 2 * (s.critical + (s.df === Infinity ? qnorm(power) : qt(power, s.df))) + 1;
  while (powerAtNcp(s, hi) < power) {
    hi *= 2;
    if (!(hi < 1e300)) throw new EstimationError("bad_input", tm("est_pw_unreachable", { power, alpha, df: s.df }));
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (powerAtNcp(s, mid) < power) lo = mid;
    else hi = mid;
  }
  const mde = ((lo + hi) / 2) * s.std_error;
  if (!Number.isFinite(mde)) throw new EstimationError("bad_input", tm("est_pw_mde_overflow", { se: s.std_error }));
  return { ...s, mde, mde_cace: mde * (s.std_error_cace / s.std_error), power };
}

/** Power to detect a true effect `effect` (same units as sd) with a two-sided test. */
export function power(d: ClusterDesign, effect: number): PowerDesignSummary & { power: number; effect: number } {
  if (!Number.isFinite(effect)) throw new EstimationError("bad_input", tm("est_pw_effect_finite", { value: effect }));
  const s = clusterDesignSe(d);
  return { ...s, power: powerAtNcp(s, Math.abs(effect) / s.std_error), effect };
}

/** Power to detect a complier effect `effect` (CACE; ITT = effect x take-up) with the two-sided test. */
export function powerCace(d: ClusterDesign, effect: number): PowerDesignSummary & { power: number; effect: number } {
  if (!Number.isFinite(effect)) throw new EstimationError("bad_input", tm("est_pw_effect_finite", { value: effect }));
  const s = clusterDesignSe(d);
  return { ...s, power: powerAtNcp(s, Math.abs(effect) / s.std_error_cace), effect };
}
