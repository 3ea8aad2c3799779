import { assertVaries, buildDesign, type DesignColumn } from "./design.js";
import { EstimationError } from "./errors.js";
import { checkSeType, defaultSeType, fromFit, type LmRobustResult } from "./lm_robust.js";
import { checkDesign, olsFit, predict, type OlsFit } from "./ols.js";
import { crossprod, crossprodVec, matVec, spdInverse } from "./matrix.js";
import { robustVcov, type SeType } from "./variance.js";
import { pfUpper } from "./distributions.js";

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

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
 * First-stage diagnostics (estimatr diagnostics = TRUE, diagnostic_first_stage_fstatistic): for each
 * endogenous regressor, the robust Wald F of its instruments in the first-stage regression on Z with the same
 * se_type, F = b' V^{-1} b / q, on (q, J - 1) df when clustered, (q, N - k_Z) otherwise.
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

export interface FirstStageDiagnostic {
  /** the endogenous regressor */
  term: string;
  fstatistic: number;
  numdf: number;
  dendf: number;
  p_value: number;
}

export interface IvRobustResult extends LmRobustResult {
  firstStage: FirstStageDiagnostic[];
}

export function ivRobust(
  y: Float64Array,
  endogenous: readonly DesignColumn[],
  instruments: readonly DesignColumn[],
  options: IvRobustOptions = {},
): IvRobustResult {
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
  const firstStage: FirstStageDiagnostic[] = [];
  const q = instruments.length;
  for (let j = 1; j <= endogenous.length; j++) {
    const col = Xd.X.subarray(j * n, (j + 1) * n);
    const gamma = matVec(ZtZinv, kz, crossprodVec(Zd.X, n, kz, col));
    const fittedCol = predict(Zd.X, n, kz, gamma);
    Xhat.set(fittedCol, j * n);
    const resid = new Float64Array(n);
    for (let i = 0; i < n; i++) resid[i] = col[i] - fittedCol[i];
    const v = robustVcov({ X: Zd.X, n, k: kz, xtxInv: ZtZinv, residuals: resid, seType, clusters: options.clusters });
    // instruments are columns 1..q of Z
    const Vii = new Float64Array(q * q);
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) Vii[a * q + b] = v.vcov[(1 + a) * kz + (1 + b)];
    const bI = gamma.subarray(1, 1 + q);
    let fstatistic: number;
    try {
      fstatistic = dot(bI, matVec(spdInverse(Vii, q), q, bI)) / q;
    } catch {
      fstatistic = NaN;
    }
    const dendf = v.nClusters !== undefined ? v.nClusters - 1 : n - kz;
    firstStage.push({ term: Xd.names[j], fstatistic, numdf: q, dendf, p_value: Number.isFinite(fstatistic) ? pfUpper(fstatistic, q, dendf) : NaN });
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
  return { ...fromFit(fit, Xd.names, seType, options.clusters, options.alpha, Xhat, e), firstStage };
}
