import { EstimationError } from "./errors.js";
import { crossprod, crossprodVec, matVec, spdInverse } from "./matrix.js";

/**
 * Ordinary (or weighted) least squares on a column-major n x k design.
 *
 *   beta = (X'WX)^{-1} X'W y
 *
 * Solved by Cholesky on the equilibrated X'WX with a rank check (spdInverse) and one step of iterative
 * refinement (beta += (X'WX)^{-1} X'W (y - X beta)), which brings the normal-equations solution to QR
 * accuracy for the well-conditioned designs of randomised experiments.
 *
 * Weights follow estimatr::lm_robust: the fit works on the transformed problem sqrt(w) X, sqrt(w) y, and the
 * variance core receives that working design and the working residuals sqrt(w) (y - X beta).
 */
export interface OlsFit {
  n: number;
  k: number;
  coefficients: Float64Array;
  /** (X'WX)^{-1}, row-major k x k */
  xtxInv: Float64Array;
  /** working design sqrt(w) X (X itself when unweighted), column-major */
  workingX: Float64Array;
  /** working residuals sqrt(w) (y - X beta) */
  workingResiduals: Float64Array;
  /** y - X beta on the original scale */
  residuals: Float64Array;
  fitted: Float64Array;
  weights?: Float64Array;
}

export function checkDesign(X: Float64Array, n: number, k: number, y: Float64Array, weights?: Float64Array): void {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 1 || k < 1) throw new EstimationError("bad_input", `bad design size ${n} x ${k}`);
  if (X.length !== n * k) throw new EstimationError("bad_input", `design has ${X.length} values, expected ${n} x ${k}`);
  if (y.length !== n) throw new EstimationError("bad_input", `outcome has ${y.length} values, design has ${n} rows`);
  if (n <= k) throw new EstimationError("too_few_units", `${n} observations cannot identify ${k} coefficients`);
  for (let i = 0; i < X.length; i++) if (!Number.isFinite(X[i])) throw new EstimationError("bad_input", "design contains a missing or infinite value");
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new EstimationError("bad_input", "outcome contains a missing or infinite value");
  if (weights) {
    if (weights.length !== n) throw new EstimationError("bad_input", `weights have ${weights.length} values, design has ${n} rows`);
    for (let i = 0; i < n; i++) if (!(weights[i] > 0) || !Number.isFinite(weights[i])) throw new EstimationError("bad_input", "weights must be positive and finite");
  }
}

/** X beta for a column-major design. */
export function predict(X: Float64Array, n: number, k: number, beta: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const b = beta[j];
    const c = j * n;
    for (let i = 0; i < n; i++) out[i] += X[c + i] * b;
  }
  return out;
}

export function olsFit(X: Float64Array, n: number, k: number, y: Float64Array, weights?: Float64Array, names?: readonly string[]): OlsFit {
  checkDesign(X, n, k, y, weights);
  let Xw = X;
  let yw = y;
  let sw: Float64Array | undefined;
  if (weights) {
    sw = new Float64Array(n);
    for (let i = 0; i < n; i++) sw[i] = Math.sqrt(weights[i]);
    Xw = new Float64Array(n * k);
    for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) Xw[j * n + i] = X[j * n + i] * sw[i];
    yw = new Float64Array(n);
    for (let i = 0; i < n; i++) yw[i] = y[i] * sw[i];
  }
  const xtxInv = spdInverse(crossprod(Xw, n, k), k, names);
  const beta = matVec(xtxInv, k, crossprodVec(Xw, n, k, yw));
  // one step of iterative refinement
  let r = new Float64Array(n);
  let fw = predict(Xw, n, k, beta);
  for (let i = 0; i < n; i++) r[i] = yw[i] - fw[i];
  const delta = matVec(xtxInv, k, crossprodVec(Xw, n, k, r));
  for (let j = 0; j < k; j++) beta[j] += delta[j];
  fw = predict(Xw, n, k, beta);
  r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = yw[i] - fw[i];
  const fitted = sw ? predict(X, n, k, beta) : fw;
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = y[i] - fitted[i];
  return { n, k, coefficients: beta, xtxInv, workingX: Xw, workingResiduals: r, residuals, fitted, weights };
}
