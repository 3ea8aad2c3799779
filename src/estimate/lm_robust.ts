import { assertVaries } from "./design.js";
import { EstimationError } from "./errors.js";
import { olsFit, type OlsFit } from "./ols.js";
import { tInference, type EstimateResult } from "./result.js";
import { CLUSTERED_SE_TYPES, robustVcov, type SeType } from "./variance.js";

/**
 * Linear regression with robust standard errors, as estimatr::lm_robust.
 *
 *   beta = (X'WX)^{-1} X'Wy,  V from the shared variance core (variance.ts),
 *   default se_type HC2, or CR2 when clusters are given; df N - k (HC), J - 1 (CR0, CR1),
 *   Bell-McCaffrey per coefficient (CR2). t-based p-values and confidence intervals (result.ts).
 */
export interface LmRobustOptions {
  weights?: Float64Array;
  clusters?: ArrayLike<number>;
  seType?: SeType;
  alpha?: number;
  /** column names, default x1..xk */
  names?: readonly string[];
  /** CR2: compute the Bell-McCaffrey df only for these terms (default all); the other terms' rows are NaN */
  dfFor?: readonly string[];
}

export interface LmRobustResult {
  coefficients: EstimateResult[];
  /** row-major k x k */
  vcov: Float64Array;
  n: number;
  k: number;
  nClusters?: number;
  seType: SeType;
  fit: OlsFit;
}

export function defaultSeType(clustered: boolean): SeType {
  return clustered ? "CR2" : "HC2";
}

export function checkSeType(seType: SeType, clustered: boolean): void {
  const isCr = CLUSTERED_SE_TYPES.includes(seType);
  if (clustered && !isCr) throw new EstimationError("bad_input", `se type ${seType} ignores the clusters; use CR0, CR1 or CR2`);
  if (!clustered && isCr) throw new EstimationError("bad_input", `se type ${seType} needs clusters`);
}

export function lmRobust(X: Float64Array, n: number, k: number, y: Float64Array, options: LmRobustOptions = {}): LmRobustResult {
  const clustered = options.clusters !== undefined;
  const seType = options.seType ?? defaultSeType(clustered);
  checkSeType(seType, clustered);
  const names = options.names ?? Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new EstimationError("bad_input", `${names.length} names for ${k} columns`);
  assertVaries(y);
  const fit = olsFit(X, n, k, y, options.weights, names);
  const dfCoefficients = options.dfFor?.map((t) => {
    const j = names.indexOf(t);
    if (j < 0) throw new EstimationError("bad_input", `no term ${t} in the model`);
    return j;
  });
  return fromFit(fit, names, seType, options.clusters, options.alpha, fit.workingX, fit.workingResiduals, dfCoefficients);
}

/** Variance and inference for a finished fit (shared with iv_robust, which passes its second-stage design). */
export function fromFit(
  fit: OlsFit,
  names: readonly string[],
  seType: SeType,
  clusters: ArrayLike<number> | undefined,
  alpha = 0.05,
  varianceX: Float64Array = fit.workingX,
  varianceResiduals: Float64Array = fit.workingResiduals,
  dfCoefficients?: readonly number[],
): LmRobustResult {
  const v = robustVcov({ X: varianceX, n: fit.n, k: fit.k, xtxInv: fit.xtxInv, residuals: varianceResiduals, seType, clusters, weights: fit.weights, dfCoefficients });
  const k = fit.k;
  const coefficients: EstimateResult[] = [];
  for (let j = 0; j < k; j++) {
    // As R, a nuisance term without a usable standard error (e.g. a block dummy over a constant stretch of the
    // outcome) does not stop inference on the others: its row carries the problem, and getTerm refuses it.
    try {
      if (dfCoefficients !== undefined && !dfCoefficients.includes(j)) {
        throw new EstimationError("bad_input", `${names[j]}: degrees of freedom not computed (only for ${dfCoefficients.map((c) => names[c]).join(", ")})`);
      }
      coefficients.push(tInference(names[j], fit.coefficients[j], Math.sqrt(v.vcov[j * k + j]), v.df[j], alpha));
    } catch (err) {
      if (!(err instanceof EstimationError)) throw err;
      coefficients.push(failedInference(names[j], fit.coefficients[j], alpha, err));
    }
  }
  return { coefficients, vcov: v.vcov, n: fit.n, k, nClusters: v.nClusters, seType, fit };
}

/** A term whose inference failed: NaN in every inferential field, the reason kept for getTerm. */
function failedInference(term: string, estimate: number, alpha: number, err: EstimationError): EstimateResult {
  return { term, estimate, std_error: NaN, df: NaN, statistic: NaN, p_value: NaN, ci_low: NaN, ci_high: NaN, alpha, problem: err };
}

/** The row for one term, by name; throws the term's problem when its inference failed. */
export function getTerm(result: { coefficients: EstimateResult[] }, name: string): EstimateResult {
  const r = result.coefficients.find((c) => c.term === name);
  if (!r) throw new EstimationError("bad_input", `no term ${name} in the model`);
  if (r.problem) throw r.problem;
  return r;
}
