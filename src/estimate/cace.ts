import { differenceInMeansParts, type DifferenceInMeansParts, type DimDesign } from "./difference_in_means.js";
import { EstimationError } from "./errors.js";
import { tInference, type EstimateResult } from "./result.js";
import { t } from "../i18n/catalogue.js";
import { stored } from "../i18n/storedText.js";

export interface CaceOptions {
  blocks?: ArrayLike<number>;
  clusters?: ArrayLike<number>;
  alpha?: number;
}

/** One of the two intention-to-treat effects the CACE is the ratio of. */
export interface IttPart {
  estimate: number;
  std_error: number;
}

export interface CaceResult extends EstimateResult {
  /** the ITT on the outcome (numerator): blocked, clustered difference in means */
  itt: IttPart;
  /** the first stage (denominator): the same difference in means on take-up, over the same persons */
  first_stage: IttPart;
  /** the estimated covariance of the two, from the same variance estimator (delta method) */
  covariance: number;
  design: DimDesign;
  notes: string[];
}

/**
 * Complier average causal effect with the ITT's weights: the ratio of two blocked difference-in-means
 * estimates, on the outcome y and on take-up d, over the same persons, blocks and clusters,
 *
 *   tau = ITT_y / ITT_d,   ITT_x = sum_b (N_b / N) (mean_b(x | z = 1) - mean_b(x | z = 0)),
 *
 * so each block counts by its size, as in the ITT rows beside it (Wald 1940; Angrist, Imbens and Rubin 1996;
 * Gerber and Green 2012, eq. 5.28 within blocks). 2SLS with block fixed effects instead weights block b by
 * N_b p_b (1 - p_b) times its first stage, a different average when the chance of treatment differs by block.
 *
 * Standard error by the delta method from the joint covariance of (ITT_y, ITT_d):
 *
 *   Var(tau) = (V_yy - 2 tau V_yd + tau^2 V_dd) / ITT_d^2,
 *
 * where V is the variance estimator of `differenceInMeans` (Neyman within blocks, CR2 when clustered, the
 * matched-pairs form across blocks when a block is small). Each of these is a quadratic form in the outcome
 * with weights that depend only on z, blocks and clusters, so V_yy - 2 tau V_yd + tau^2 V_dd is that
 * estimator's variance of the difference in means of the linearised outcome u = y - tau d; computed so
 * (one pass, no cancellation), and V_yd = (V_yy + tau^2 V_dd - V_uu) / (2 tau) reported for the record (0 when
 * tau = 0). df: those of the ITT (N - 2B or J - 2B blocked; B - 1 matched pairs; Bell-McCaffrey for one block
 * with clusters, which depend on z and the clusters only).
 *
 * Checked against R (`test/oracle/cace.R`): the estimate equals the ratio of estimatr's
 * difference_in_means(blocks =, clusters =) on y and on d; the standard error is recomputed with
 * clubSandwich's CR2 joint covariance of both outcomes per block.
 */
export function complierAverageCausalEffect(y: ArrayLike<number>, d: ArrayLike<number>, z: ArrayLike<number>, options: CaceOptions = {}): CaceResult {
  const n = y.length;
  if (d.length !== n) throw new EstimationError("bad_input", `take-up has ${d.length} values, outcome has ${n}`);
  for (let i = 0; i < n; i++) {
    if (d[i] !== 0 && d[i] !== 1) throw new EstimationError("bad_input", `take-up must be 0 or 1, found ${d[i]}`);
  }
  const opts = { blocks: options.blocks, clusters: options.clusters };
  const itt = differenceInMeansParts(y, z, opts);
  let first: DifferenceInMeansParts;
  try {
    first = differenceInMeansParts(d, z, opts);
  } catch (e) {
    if (e instanceof EstimationError && e.code === "constant_outcome") {
      throw new EstimationError("constant_outcome", stored((lang) => t(lang, "est_ee_takeup_constant")));
    }
    throw e;
  }
  if (!(Math.abs(first.estimate) > 0)) {
    throw new EstimationError("rank_deficient", stored((lang) => t(lang, "est_ee_first_stage_zero")));
  }
  const tau = itt.estimate / first.estimate;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = y[i] - tau * d[i];
  // u can be constant (e.g. y = c d exactly); then its variance is 0 and tInference says so
  let vu = 0;
  let lin: DifferenceInMeansParts | undefined;
  try {
    lin = differenceInMeansParts(u, z, opts);
    vu = lin.se * lin.se;
  } catch (e) {
    if (!(e instanceof EstimationError && e.code === "constant_outcome")) throw e;
  }
  const se = Math.sqrt(vu) / Math.abs(first.estimate);
  const covariance = tau === 0 ? 0 : (itt.se * itt.se + tau * tau * first.se * first.se - vu) / (2 * tau);
  const r = tInference("complier effect", tau, se, itt.df, options.alpha ?? 0.05);
  return {
    ...r,
    itt: { estimate: itt.estimate, std_error: itt.se },
    first_stage: { estimate: first.estimate, std_error: first.se },
    covariance,
    design: itt.design,
    notes: itt.notes,
  };
}
