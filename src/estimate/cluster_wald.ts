import { EstimationError } from "./errors.js";
import { groupRows } from "./grouping.js";
import { olsFit } from "./ols.js";
import { inverseSqrt, robustVcov } from "./variance.js";
import { symmetricEigen } from "./matrix.js";
import { pfUpper } from "./distributions.js";

/** What `clusterWaldTest` returns. */
export interface ClusterWaldTestResult {
  test: "HTZ";
  /** delta Q / q */
  statistic: number;
  /** the Wald statistic Q before the small-sample scaling */
  wald: number;
  df1: number;
  df2: number;
  p_value: number;
  /** the tested coefficients and their CR2 standard errors */
  estimates: number[];
  std_errors: number[];
}

/**
 * Cluster-robust Wald test that q coefficients of an OLS fit are all zero, with CR2 and the Hotelling's T^2
 * approximation "HTZ" of Tipton and Pustejovsky (2015), as clubSandwich 0.5 `Wald_test(fit, constrain_zero(...),
 * vcov = "CR2", test = "HTZ")` for an unweighted lm (working model: identity).
 *
 *   Q = b' (C V C')^{-1} b,   b = C beta,   V = the CR2 variance (as robustVcov)
 *   F = delta Q / q,  delta = (nu - q + 1) / nu,  F ~ F(q, nu - q + 1),   nu = q (q + 1) / sum_{s,t} Var[s,t]
 *
 * where, with M = (X'X)^{-1}, L L' = M (Cholesky), and per cluster k: A_k = (I - X_k M X_k')^{-1/2},
 * G_k = C M X_k' A_k (q x n_k), H_k = G_k X_k L (q x p):
 *   P[s,t,k,l] = [k = l] (G_k G_k')[s,t] - H_k[s,.] . H_l[t,.],   Omega = sum_k P[.,.,k,k],
 *   B = Omega^{-1/2} P Omega^{-1/2},  Var[s,t] = sum_{k,l} B[s,t,k,l] B[t,s,k,l] + B[s,s,k,l] B[t,t,k,l].
 * clubSandwich forms the J x J array P; here the sums over k, l are expanded so only q x q and p x p matrices
 * appear (with h_k[s] the s-th row of Omega^{-1/2} H_k and N_st = sum_k h_k[s] h_k[t]', the double sums are
 * tr(N_ts N_ts) and tr(N_st N_ts)), O(N p^2 + J q^2 p^2). For q = 1 this is the t-test with clubSandwich's
 * Satterthwaite df (coef_test(..., test = "Satterthwaite")), which for OLS equals Bell-McCaffrey's (estimatr's
 * CR2 df): F = t^2, nu = df.
 * Tipton, E. and Pustejovsky, J. E. (2015), Small-sample adjustments for tests of moderators and model fit using
 * robust variance estimation in meta-regression, J. Educ. Behav. Stat. 40(6); Pustejovsky and Tipton (2018).
 */
export function clusterWaldTest(input: {
  /** column-major n x p design (full column rank) */
  X: Float64Array;
  n: number;
  k: number;
  y: Float64Array;
  clusters: ArrayLike<number>;
  /** indices of the coefficients tested = 0 */
  coefficients: readonly number[];
  names?: readonly string[];
}): ClusterWaldTestResult {
  const { X, n, k: p, y, clusters, coefficients: idx } = input;
  const q = idx.length;
  if (q < 1) throw new EstimationError("bad_input", "a Wald test needs at least one coefficient");
  const fit = olsFit(X, n, p, y, undefined, input.names);
  const M = fit.xtxInv;
  const V = robustVcov({ X, n, k: p, xtxInv: M, residuals: fit.workingResiduals, seType: "CR2", clusters }).vcov;
  const b = idx.map((c) => fit.coefficients[c]);
  // Q = b' (C V C')^{-1} b
  const CVC = new Float64Array(q * q);
  for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) CVC[s * q + t] = V[idx[s] * p + idx[t]];
  const CVCinvSqrt = inverseSqrtStrict(CVC, q, "the tested coefficients' CR2 variance");
  let Q = 0;
  for (let s = 0; s < q; s++) {
    let u = 0;
    for (let t = 0; t < q; t++) u += CVCinvSqrt[s * q + t] * b[t];
    Q += u * u;
  }
  // L with L L' = M (Cholesky, lower)
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = M[i * p + j];
      for (let r = 0; r < j; r++) s -= L[i * p + r] * L[j * p + r];
      L[i * p + j] = i === j ? Math.sqrt(s) : s / L[j * p + j];
    }
  }
  // C M: rows of M
  const CM = new Float64Array(q * p);
  for (let s = 0; s < q; s++) for (let a = 0; a < p; a++) CM[s * p + a] = M[idx[s] * p + a];
  const groups = groupRows(clusters);
  const J = groups.nGroups;
  const aList: Float64Array[] = [];
  const hList: Float64Array[] = [];
  const Omega = new Float64Array(q * q);
  for (let g = 0; g < J; g++) {
    const rows = groups.rows.subarray(groups.offsets[g], groups.offsets[g + 1]);
    const m = rows.length;
    const Xk = new Float64Array(m * p); // row-major
    for (let i = 0; i < m; i++) for (let a = 0; a < p; a++) Xk[i * p + a] = X[a * n + rows[i]];
    // I - X_k M X_k'
    const XM = new Float64Array(m * p);
    for (let i = 0; i < m; i++) for (let a = 0; a < p; a++) {
      let s = 0;
      for (let c = 0; c < p; c++) s += Xk[i * p + c] * M[c * p + a];
      XM[i * p + a] = s;
    }
    const B = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      let s = 0;
      for (let a = 0; a < p; a++) s += XM[i * p + a] * Xk[j * p + a];
      B[i * m + j] = (i === j ? 1 : 0) - s;
    }
    const A = inverseSqrt(B, m);
    // G = C M X_k' A (q x m)
    const T = new Float64Array(q * m);
    for (let s = 0; s < q; s++) for (let i = 0; i < m; i++) {
      let v = 0;
      for (let a = 0; a < p; a++) v += CM[s * p + a] * Xk[i * p + a];
      T[s * m + i] = v;
    }
    const G = new Float64Array(q * m);
    for (let s = 0; s < q; s++) for (let j = 0; j < m; j++) {
      let v = 0;
      for (let i = 0; i < m; i++) v += T[s * m + i] * A[i * m + j];
      G[s * m + j] = v;
    }
    // H = G X_k L (q x p)
    const GX = new Float64Array(q * p);
    for (let s = 0; s < q; s++) for (let a = 0; a < p; a++) {
      let v = 0;
      for (let i = 0; i < m; i++) v += G[s * m + i] * Xk[i * p + a];
      GX[s * p + a] = v;
    }
    const H = new Float64Array(q * p);
    for (let s = 0; s < q; s++) for (let a = 0; a < p; a++) {
      let v = 0;
      for (let c = a; c < p; c++) v += GX[s * p + c] * L[c * p + a];
      H[s * p + a] = v;
    }
    const a = new Float64Array(q * q);
    for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) {
      let v = 0;
      for (let i = 0; i < m; i++) v += G[s * m + i] * G[t * m + i];
      a[s * q + t] = v;
      let hh = 0;
      for (let c = 0; c < p; c++) hh += H[s * p + c] * H[t * p + c];
      Omega[s * q + t] += v - hh;
    }
    aList.push(a);
    hList.push(H);
  }
  const W = inverseSqrtStrict(Omega, q, "the HTZ working variance Omega");
  // transform: a~ = W a W, h~ = W H
  const at = aList.map((a) => mulSym(W, mulSym(a, W, q), q));
  const ht = hList.map((H) => {
    const out = new Float64Array(q * p);
    for (let s = 0; s < q; s++) for (let c = 0; c < p; c++) {
      let v = 0;
      for (let r = 0; r < q; r++) v += W[s * q + r] * H[r * p + c];
      out[s * p + c] = v;
    }
    return out;
  });
  // N_st = sum_k h_k[s] h_k[t]' (p x p), for all s, t
  const N: Float64Array[] = [];
  for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) {
    const Nst = new Float64Array(p * p);
    for (const h of ht) for (let i = 0; i < p; i++) {
      const x = h[s * p + i];
      if (x === 0) continue;
      for (let j = 0; j < p; j++) Nst[i * p + j] += x * h[t * p + j];
    }
    N.push(Nst);
  }
  let total = 0;
  for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) {
    let v = 0;
    for (let g = 0; g < J; g++) {
      const a = at[g];
      const h = ht[g];
      let hst = 0;
      let hss = 0;
      let htt = 0;
      for (let c = 0; c < p; c++) {
        hst += h[s * p + c] * h[t * p + c];
        hss += h[s * p + c] * h[s * p + c];
        htt += h[t * p + c] * h[t * p + c];
      }
      v += a[s * q + t] * a[t * q + s] - a[s * q + t] * hst - a[t * q + s] * hst;
      v += a[s * q + s] * a[t * q + t] - a[s * q + s] * htt - a[t * q + t] * hss;
    }
    const Nts = N[t * q + s];
    const Nst = N[s * q + t];
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
      v += Nts[i * p + j] * Nts[j * p + i]; // tr(N_ts N_ts)
      v += Nst[i * p + j] * Nts[j * p + i]; // tr(N_st N_ts)
    }
    total += v;
  }
  const nu = (q * (q + 1)) / total;
  const df2 = nu - q + 1;
  if (!(df2 > 0) || !Number.isFinite(df2)) throw new EstimationError("too_few_clusters", `the HTZ test has ${df2} denominator degrees of freedom (too few clusters for ${q} constraints)`);
  const delta = df2 / nu;
  const statistic = (delta * Q) / q;
  return {
    test: "HTZ",
    statistic,
    wald: Q,
    df1: q,
    df2,
    p_value: pfUpper(statistic, q, df2),
    estimates: b,
    std_errors: idx.map((c) => Math.sqrt(V[c * p + c])),
  };
}

/** S^{-1/2} of a symmetric positive definite q x q matrix; throws when it is (numerically) singular. */
function inverseSqrtStrict(S: Float64Array, q: number, what: string): Float64Array {
  const { values, vectors } = symmetricEigen(S, q);
  const max = Math.max(...values);
  for (const v of values) if (!(v > 1e-12 * max) || !(max > 0)) throw new EstimationError("rank_deficient", `${what} is singular: the tested coefficients are not separately estimable`);
  const out = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
    let s = 0;
    for (let c = 0; c < q; c++) s += (vectors[i * q + c] * vectors[j * q + c]) / Math.sqrt(values[c]);
    out[i * q + j] = s;
  }
  return out;
}

function mulSym(A: Float64Array, B: Float64Array, q: number): Float64Array {
  const out = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
    let s = 0;
    for (let r = 0; r < q; r++) s += A[i * q + r] * B[r * q + j];
    out[i * q + j] = s;
  }
  return out;
}
