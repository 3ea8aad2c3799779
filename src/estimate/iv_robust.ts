import { assertVaries, buildDesign, type DesignColumn } from "./design.js";
import { EstimationError } from "./errors.js";
import { checkSeType, defaultSeType, fromFit, type LmRobustResult } from "./lm_robust.js";
import { checkDesign, olsFit, predict, type OlsFit } from "./ols.js";
import { crossprod, crossprodVec, matVec, spdInverse } from "./matrix.js";
import type { SeType } from "./variance.js";

/**
 * Two-stage least squares with robust standard errors, as estimatr::iv_robust.
 *
 *   X = [1, endogenous, exogenous],  Z = [1, instruments, exogenous]
 *   first stage  Xhat = Z (Z'Z)^{-1} Z'X
 *   second stage beta = (Xhat'Xhat)^{-1} Xhat'y
 *   residuals    e = y - X beta   (with the endogenous regressors, not Xhat)
 *   variance     the shared sandwich core on the design Xhat with residuals e:
 *                V = (Xhat'Xhat)^{-1} meat(Xhat, e) (Xhat'Xhat)^{-1}; HC2 default, CR2 (Bell-McCaffrey df
 *                computed on Xhat) with clusters.
 * With one binary instrument (the lottery) and one endogenous take-up indicator this is the Wald / CACE
 * (complier average causal effect) estimator (Angrist, Imbens and Rubin 1996).
 */
export interface IvRobustOptions {
  /** exogenous covariates, in both stages */
  covariates?: readonly DesignColumn[];
  clusters?: ArrayLike<number>;
  seType?: SeType;
  alpha?: number;
}

export function ivRobust(
  y: Float64Array,
  endogenous: readonly DesignColumn[],
  instruments: readonly DesignColumn[],
  options: IvRobustOptions = {},
): LmRobustResult {
  const covs = options.covariates ?? [];
  if (endogenous.length === 0) throw new EstimationError("bad_input", "iv_robust needs an endogenous regressor");
  if (instruments.length < endogenous.length) {
    throw new EstimationError("bad_input", `${instruments.length} instruments cannot identify ${endogenous.length} endogenous regressors`);
  }
  const clustered = options.clusters !== undefined;
  const seType = options.seType ?? defaultSeType(clustered);
  checkSeType(seType, clustered);
  assertVaries(y);
  const Xd = buildDesign([...endogenous, ...covs]);
  const Zd = buildDesign([...instruments, ...covs]);
  const { n } = Xd;
  checkDesign(Xd.X, n, Xd.k, y);
  checkDesign(Zd.X, n, Zd.k, y);
  const k = Xd.k;
  const kz = Zd.k;
  // first stage: project each endogenous column on Z; intercept and covariates are in Z and stay as they are
  const ZtZinv = spdInverse(crossprod(Zd.X, n, kz), kz, Zd.names);
  const Xhat = Float64Array.from(Xd.X);
  for (let j = 1; j <= endogenous.length; j++) {
    const col = Xd.X.subarray(j * n, (j + 1) * n);
    const gamma = matVec(ZtZinv, kz, crossprodVec(Zd.X, n, kz, col));
    Xhat.set(predict(Zd.X, n, kz, gamma), j * n);
  }
  // second stage
  let second: OlsFit;
  try {
    second = olsFit(Xhat, n, k, y, undefined, Xd.names);
  } catch (e) {
    if (e instanceof EstimationError && e.code === "rank_deficient") {
      throw new EstimationError("rank_deficient", `weak or irrelevant instrument: the first-stage fitted values are collinear (${e.message})`);
    }
    throw e;
  }
  const fitted = predict(Xd.X, n, k, second.coefficients);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) e[i] = y[i] - fitted[i];
  const fit: OlsFit = { ...second, residuals: e, fitted, workingResiduals: e };
  return fromFit(fit, Xd.names, seType, options.clusters, options.alpha, Xhat, e);
}
