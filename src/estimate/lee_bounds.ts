import { EstimationError } from "./errors.js";
import { groupRows } from "./grouping.js";
import { t } from "../i18n/catalogue.js";
import { stored } from "../i18n/storedText.js";

export interface LeeBlock {
  block: number;
  /** persons counted (with or without a value) */
  persons: number;
  observed_treatment: number;
  observed_control: number;
  /** the arm trimmed (the one observed more often), or "" when the shares are equal */
  trimmed: "treatment" | "control" | "";
  /** p = (q_more - q_less) / q_more */
  trimming_share: number;
  lower: number;
  upper: number;
}

export interface LeeBoundsResult {
  lower: number;
  upper: number;
  blocks: LeeBlock[];
}

/**
 * Mean of the values that remain when the share `p` of the sorted values is cut from the top (`from` = "top") or
 * the bottom, the boundary value counted fractionally: with m values, keep K = (1 - p) m of them,
 * mean = (sum of the first floor(K) kept + (K - floor(K)) x the next) / K. Ties and discrete outcomes (0/1) get
 * the sharp bound this way.
 */
export function trimmedMean(values: readonly number[], p: number, from: "top" | "bottom"): number {
  const sorted = [...values].sort((a, b) => (from === "top" ? a - b : b - a));
  const K = (1 - p) * sorted.length;
  const whole = Math.floor(K);
  let s = 0;
  for (let i = 0; i < whole; i++) s += sorted[i];
  if (K > whole) s += (K - whole) * sorted[whole];
  return s / K;
}

/**
 * Lee (2009) trimming bounds on the intention-to-treat effect when the outcome is missing for some persons
 * (they moved away or died) at different rates in the two arms. Within each block (wave x stratum), with q_1,
 * q_0 the shares of counted treated and control persons with a value: the arm observed more often has
 * p = (q_more - q_less) / q_more too many persons -- those whom assignment kept in the data, under monotonicity
 * (assignment moves everyone's observation the same way). Cutting that share from the top, then from the
 * bottom, of its observed values gives the lowest and highest mean it can have among the always-observed:
 *
 *   treated observed more:  L_b = trim_top(Y1, p) - mean(Y0),   U_b = trim_bottom(Y1, p) - mean(Y0)
 *   control observed more:  L_b = mean(Y1) - trim_bottom(Y0, p), U_b = mean(Y1) - trim_top(Y0, p)
 *
 * and with equal shares both are the difference of the observed means. The bounds are size-weighted like the
 * ITT rows, L = sum_b (N_b / N) L_b, U = sum_b (N_b / N) U_b, N_b the persons counted in block b (Lee 2009,
 * sec. 3; trimming within cells tightens the bounds, his remark on covariates). Bounds on the effect for the
 * always-observed, not a confidence interval: no standard error is given.
 *
 * Checked against an independent R script (`test/oracle/lee_bounds.R`).
 */
export function leeBounds(y: ArrayLike<number>, z: ArrayLike<number>, blocks?: ArrayLike<number>): LeeBoundsResult {
  const n = y.length;
  if (z.length !== n) throw new EstimationError("bad_input", `treatment has ${z.length} values, outcome has ${n}`);
  const codes = blocks ?? new Int32Array(n);
  if (codes.length !== n) throw new EstimationError("bad_input", `blocks have ${codes.length} values, outcome has ${n}`);
  const g = groupRows(codes);
  const order = Array.from({ length: g.nGroups }, (_, b) => b).sort((a, b) => g.codes[a] - g.codes[b]);
  const out: LeeBlock[] = [];
  for (const b of order) {
    const rows = g.rows.subarray(g.offsets[b], g.offsets[b + 1]);
    const y1: number[] = [];
    const y0: number[] = [];
    let n1 = 0;
    let n0 = 0;
    for (const i of rows) {
      const treated = z[i] === 1;
      if (treated) n1++;
      else n0++;
      if (Number.isFinite(y[i])) (treated ? y1 : y0).push(y[i]);
    }
    if (y1.length === 0 || y0.length === 0) {
      throw new EstimationError(y1.length === 0 ? "no_treated" : "no_control", stored((lang) => t(lang, y1.length === 0 ? "est_ee_lee_no_treated" : "est_ee_lee_no_control", { code: g.codes[b] })));
    }
    const q1 = y1.length / n1;
    const q0 = y0.length / n0;
    const mean = (v: number[]) => v.reduce((a, x) => a + x, 0) / v.length;
    let lower: number;
    let upper: number;
    let trimmed: LeeBlock["trimmed"] = "";
    let p = 0;
    if (q1 > q0) {
      trimmed = "treatment";
      p = (q1 - q0) / q1;
      lower = trimmedMean(y1, p, "top") - mean(y0);
      upper = trimmedMean(y1, p, "bottom") - mean(y0);
    } else if (q0 > q1) {
      trimmed = "control";
      p = (q0 - q1) / q0;
      lower = mean(y1) - trimmedMean(y0, p, "bottom");
      upper = mean(y1) - trimmedMean(y0, p, "top");
    } else {
      lower = upper = mean(y1) - mean(y0);
    }
    out.push({ block: g.codes[b], persons: rows.length, observed_treatment: y1.length, observed_control: y0.length, trimmed, trimming_share: p, lower, upper });
  }
  let lower = 0;
  let upper = 0;
  for (const b of out) {
    lower += (b.persons / n) * b.lower;
    upper += (b.persons / n) * b.upper;
  }
  return { lower, upper, blocks: out };
}
