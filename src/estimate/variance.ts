import { EstimationError } from "./errors.js";
import { groupRows, type Grouping } from "./grouping.js";
import { matMul, sandwich, symmetricEigenInPlace } from "./matrix.js";
import { t } from "../i18n/catalogue.js";
import { stored } from "../i18n/storedText.js";

/** The robust variance types `robustVcov` computes (estimatr's names). */
export type SeType = "HC0" | "HC1" | "HC2" | "HC3" | "CR0" | "CR1" | "CR2";

export const CLUSTERED_SE_TYPES: readonly SeType[] = ["CR0", "CR1", "CR2"];

export interface VarianceInput {
  /** working design, column-major n x k */
  X: Float64Array;
  n: number;
  k: number;
  /** (X'X)^{-1} of the working design, row-major k x k */
  xtxInv: Float64Array;
  /** working residuals */
  residuals: Float64Array;
  seType: SeType;
  /** cluster code per row; required for CR0, CR1, CR2 */
  clusters?: ArrayLike<number>;
  /** regression weights when X and residuals are the sqrt(w)-scaled working quantities (CR2 needs them) */
  weights?: Float64Array;
  /**
   * CR2 without weights: the coefficients whose Bell-McCaffrey df are wanted (default all). The others get NaN.
   * The per-cluster df work is O(k^2) per coefficient, so asking only for the treatment's cuts a 22-coefficient
   * Lin regression's time several-fold; the variance itself is unchanged.
   */
  dfCoefficients?: readonly number[];
}

export interface VarianceResult {
  /** row-major k x k */
  vcov: Float64Array;
  /** degrees of freedom per coefficient */
  df: Float64Array;
  nClusters?: number;
  seType: SeType;
}

/**
 * The one variance core every estimator calls (as estimatr's lm_robust_fit): heteroskedasticity- and
 * cluster-robust sandwich variances and their degrees of freedom.
 *
 *   V = M (sum_i or sum_g  X_g' A_g e_g e_g' A_g X_g) M,   M = (X'X)^{-1}
 *
 * on the working design X (sqrt(w) X when weighted) with working residuals e. With h_ii = x_i' M x_i:
 * - HC0: e_i^2;  HC1: e_i^2 n/(n-k);  HC2: e_i^2/(1-h_ii);  HC3: e_i^2/(1-h_ii)^2.  df = n - k.
 *   (MacKinnon and White 1985; Long and Ervin 2000.)
 * - CR0: A_g = I.  CR1 (Stata, estimatr "stata"): CR0 x J/(J-1) x (n-1)/(n-k).  df = J - 1.
 * - CR2 (Bell and McCaffrey 2002; Pustejovsky and Tipton 2018; estimatr "CR2", clubSandwich "CR2"):
 *   A_g = (I - H_gg)^{-1/2}, H_gg = X_g M X_g', the symmetric inverse square root from the eigen-decomposition
 *   of the n_g x n_g block (eigenvalues <= 1e-12 set to 0, a pseudo-inverse, as estimatr).
 *   Degrees of freedom for coefficient c (Bell-McCaffrey, as estimatr computes them): with
 *   a_g = A_g X_g M e_c and G = [(I - H)_{.,g} a_g]_g (N x J),  df_c = tr(G'G)^2 / ||G'G||_F^2.
 *   Since (I - H)_{.,g} a_g = E_g a_g - X M q_g with q_g = X_g' a_g, G'G = D - Q' M Q with D = diag(a_g' a_g),
 *   so with S = sum_g q_g q_g':
 *     tr(G'G)      = sum_g d_g - sum_g q_g' M q_g
 *     ||G'G||_F^2  = sum_g d_g^2 - 2 sum_g d_g q_g' M q_g + tr((M S)^2)
 *   which needs only per-cluster blocks and k x k matrices: O(N k^2 + J k^3), never an N x N or J x J matrix.
 *   With weights W, as estimatr's lm_variance_cr2 (clubSandwich with target I on the original scale): U = X,
 *   V = W X, H = U M V', B_g = [(I - H)(I - H)']_gg = I - H_gg - H_gg' + U_g Omega U_g', Omega = M V'V M,
 *   A_g = B_g^{-1/2}, meat = sum_g V_g' A_g e_g e_g' A_g V_g, and a_g = A_g V_g M e_c, r_g = U_g' a_g,
 *   q_g = V_g' a_g, G'G = D + R' Omega R - R' M Q - Q' M R (reducing to the above when unweighted).
 */
export function robustVcov(input: VarianceInput): VarianceResult {
  const { seType } = input;
  if (CLUSTERED_SE_TYPES.includes(seType)) {
    if (!input.clusters) throw new EstimationError("bad_input", `${seType} standard errors need clusters`);
    if (input.clusters.length !== input.n) throw new EstimationError("bad_input", `clusters have ${input.clusters.length} values, design has ${input.n} rows`);
    const groups = groupRows(input.clusters);
    return input.seType === "CR2" && !input.weights ? cr2Unweighted(input, groups) : clusterVcov(input, groups);
  }
  return hcVcov(input);
}

/** h_ii = x_i' M x_i for every row. */
export function leverages(X: Float64Array, n: number, k: number, M: Float64Array): Float64Array {
  const h = new Float64Array(n);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) row[j] = X[j * n + i];
    let s = 0;
    for (let a = 0; a < k; a++) {
      let t = 0;
      for (let b = 0; b < k; b++) t += M[a * k + b] * row[b];
      s += row[a] * t;
    }
    h[i] = s;
  }
  return h;
}

function hcVcov(input: VarianceInput): VarianceResult {
  const { X, n, k, xtxInv, residuals: e, seType } = input;
  const omega = new Float64Array(n);
  if (seType === "HC2" || seType === "HC3") {
    const h = leverages(X, n, k, xtxInv);
    for (let i = 0; i < n; i++) {
      const one = 1 - h[i];
      if (!(one > 1e-10)) {
        throw new EstimationError("too_few_units", stored((lang) => t(lang, "est_ee_leverage", { se_type: seType })));
      }
      omega[i] = seType === "HC2" ? (e[i] * e[i]) / one : (e[i] * e[i]) / (one * one);
    }
  } else {
    const f = seType === "HC1" ? n / (n - k) : 1;
    for (let i = 0; i < n; i++) omega[i] = e[i] * e[i] * f;
  }
  const meat = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const ca = a * n;
      const cb = b * n;
      for (let i = 0; i < n; i++) s += X[ca + i] * X[cb + i] * omega[i];
      meat[a * k + b] = s;
      meat[b * k + a] = s;
    }
  }
  const df = new Float64Array(k).fill(n - k);
  return { vcov: sandwich(xtxInv, meat, k), df, seType };
}

/** B^{-1/2} of a symmetric m x m matrix by eigen-decomposition (pseudo-inverse below 1e-12, as estimatr). */
export function inverseSqrt(B: Float64Array, m: number): Float64Array {
  const A = Float64Array.from(B.subarray(0, m * m));
  inverseSqrtInPlace(A, new Float64Array(m * m), new Float64Array(m), m);
  return A;
}

/**
 * `inverseSqrt` without allocation (for the loop over clusters): A (m x m, symmetric) is overwritten by
 * A^{-1/2} = E diag(lambda^{-1/2}) E', eigenvalues at or below 1e-12 giving 0; E (m x m) and inv (m) are work space.
 */
export function inverseSqrtInPlace(A: Float64Array, E: Float64Array, inv: Float64Array, m: number): void {
  if (m === 1) {
    const v = A[0];
    A[0] = v > 1e-12 ? 1 / Math.sqrt(v) : 0;
    return;
  }
  symmetricEigenInPlace(A, E, m); // A ends diagonal with the eigenvalues
  for (let c = 0; c < m; c++) {
    const v = A[c * m + c];
    inv[c] = v > 1e-12 ? 1 / Math.sqrt(v) : 0;
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += E[i * m + c] * inv[c] * E[j * m + c];
      A[i * m + j] = s;
      A[j * m + i] = s;
    }
  }
}

/** P (m x k, row-major) times a k x k row-major matrix. */
function rowsTimes(P: Float64Array, m: number, k: number, K: Float64Array): Float64Array {
  const out = new Float64Array(m * k);
  for (let i = 0; i < m; i++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += P[i * k + a] * K[a * k + b];
      out[i * k + b] = s;
    }
  }
  return out;
}

function clusterVcov(input: VarianceInput, groups: Grouping): VarianceResult {
  const { X, n, k, xtxInv: M, residuals: ew, seType, weights } = input;
  const J = groups.nGroups;
  if (J < 2) throw new EstimationError("too_few_clusters", stored((lang) => t(lang, "est_ee_two_clusters")));
  const meat = new Float64Array(k * k);
  const cr2 = seType === "CR2";
  const k2 = 2 * k;
  // Omega = M V'V M with V = W U (the weighted design); equals M when unweighted
  let Omega = M;
  if (cr2 && weights) {
    const VtV = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += X[a * n + i] * X[b * n + i] * weights[i];
        VtV[a * k + b] = s;
        VtV[b * k + a] = s;
      }
    }
    Omega = sandwich(M, VtV, k);
  }
  // per-cluster pieces of the Bell-McCaffrey df: d[g*k + c], z[(g*k + c)*2k ..] = [r; q]
  const d = cr2 ? new Float64Array(J * k) : undefined;
  const z = cr2 ? new Float64Array(J * k * k2) : undefined;
  const u = new Float64Array(k);
  for (let g = 0; g < J; g++) {
    const start = groups.offsets[g];
    const m = groups.offsets[g + 1] - start;
    // U_g (original scale), V_g = W_g U_g, e_g (original scale), row-major m x k
    const Ug = new Float64Array(m * k);
    const Vg = new Float64Array(m * k);
    const eg = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      const i = groups.rows[start + r];
      const sw = weights ? Math.sqrt(weights[i]) : 1;
      eg[r] = ew[i] / sw;
      for (let a = 0; a < k; a++) {
        const x = X[a * n + i];
        Ug[r * k + a] = x / sw;
        Vg[r * k + a] = x * sw;
      }
    }
    let AV = Vg; // A_g V_g, row-major m x k
    if (cr2) {
      // B = I - H - H' + U_g Omega U_g',  H = U_g M V_g'  (= I - H_gg when unweighted)
      const UM = rowsTimes(Ug, m, k, M);
      const UO = weights ? rowsTimes(Ug, m, k, Omega) : UM;
      const B = new Float64Array(m * m);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          let h = 0;
          let ht = 0;
          let o = 0;
          for (let a = 0; a < k; a++) {
            h += UM[i * k + a] * Vg[j * k + a];
            ht += UM[j * k + a] * Vg[i * k + a];
            o += UO[i * k + a] * Ug[j * k + a];
          }
          B[i * m + j] = (i === j ? 1 : 0) - h - ht + o;
        }
      }
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < i; j++) {
          const v = (B[i * m + j] + B[j * m + i]) / 2;
          B[i * m + j] = v;
          B[j * m + i] = v;
        }
      }
      const A = inverseSqrt(B, m);
      AV = new Float64Array(m * k);
      for (let i = 0; i < m; i++) {
        for (let a = 0; a < k; a++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += A[i * m + j] * Vg[j * k + a];
          AV[i * k + a] = s;
        }
      }
    }
    // u = (A_g V_g)' e_g
    u.fill(0);
    for (let r = 0; r < m; r++) for (let a = 0; a < k; a++) u[a] += AV[r * k + a] * eg[r];
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) meat[a * k + b] += u[a] * u[b];
    if (cr2 && d && z) {
      // for each coefficient c: a = A_g V_g M e_c (m-vector), d = a'a, r = U_g' a, q = V_g' a
      const agc = new Float64Array(m);
      for (let c = 0; c < k; c++) {
        for (let r = 0; r < m; r++) {
          let s = 0;
          for (let a = 0; a < k; a++) s += AV[r * k + a] * M[a * k + c];
          agc[r] = s;
        }
        let dd = 0;
        for (let r = 0; r < m; r++) dd += agc[r] * agc[r];
        d[g * k + c] = dd;
        const base = (g * k + c) * k2;
        for (let a = 0; a < k; a++) {
          let sr = 0;
          let sq = 0;
          for (let r = 0; r < m; r++) {
            sr += Ug[r * k + a] * agc[r];
            sq += Vg[r * k + a] * agc[r];
          }
          z[base + a] = sr;
          z[base + k + a] = sq;
        }
      }
    }
  }
  if (seType === "CR1") {
    const f = (J / (J - 1)) * ((n - 1) / (n - k));
    for (let i = 0; i < k * k; i++) meat[i] *= f;
  }
  const vcov = sandwich(M, meat, k);
  const df = new Float64Array(k).fill(J - 1);
  if (cr2 && d && z) {
    // K = [[Omega, -M], [-M, 0]] (2k x 2k)
    const K = new Float64Array(k2 * k2);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        K[a * k2 + b] = Omega[a * k + b];
        K[a * k2 + k + b] = -M[a * k + b];
        K[(k + a) * k2 + b] = -M[a * k + b];
      }
    }
    for (let c = 0; c < k; c++) df[c] = bellMcCaffreyDf(c, J, k, K, d, z);
  }
  return { vcov, df, nClusters: J, seType };
}

/**
 * estimatr's P = D + C with C = R' Omega R - R' M Q - Q' M R = Z' K Z (Z = [R; Q], 2k x J), so
 * tr P = sum d_g + sum z_g' K z_g and ||P||_F^2 = sum d_g^2 + 2 sum d_g z_g' K z_g + tr((K S)^2), S = Z Z'.
 */
function bellMcCaffreyDf(c: number, J: number, k: number, K: Float64Array, d: Float64Array, z: Float64Array): number {
  const k2 = 2 * k;
  let sumD = 0;
  let sumD2 = 0;
  let sumC = 0;
  let sumDC = 0;
  const S = new Float64Array(k2 * k2);
  for (let g = 0; g < J; g++) {
    const dg = d[g * k + c];
    const base = (g * k + c) * k2;
    let cgg = 0;
    for (let a = 0; a < k2; a++) {
      const za = z[base + a];
      let t = 0;
      for (let b = 0; b < k2; b++) {
        const zb = z[base + b];
        t += K[a * k2 + b] * zb;
        S[a * k2 + b] += za * zb;
      }
      cgg += za * t;
    }
    sumD += dg;
    sumD2 += dg * dg;
    sumC += cgg;
    sumDC += dg * cgg;
  }
  const KS = matMul(K, S, k2);
  let trKS2 = 0;
  for (let a = 0; a < k2; a++) for (let b = 0; b < k2; b++) trKS2 += KS[a * k2 + b] * KS[b * k2 + a];
  const tr = sumD + sumC;
  const frob = sumD2 + 2 * sumDC + trKS2;
  return (tr * tr) / frob;
}

/**
 * CR2 without weights (the common case, and the benchmark's 1,000,000 persons): the same quantities as
 * clusterVcov with U = V = X and Omega = M, organised so nothing of size J x k x k is stored, the loop over
 * clusters allocates nothing, and each cluster costs O(m k^2 / 2 + m^3) plus O(m k + k^2 / 2) for each df
 * coefficient (so k^3 / 2 when all df are wanted, k^2 / 2 for the treatment's alone):
 *   A_g = (I - H_gg)^{-1/2},  H_gg = W_g W_g' with W_g = X_g L and M = L L' (Cholesky; L lower triangular, so the
 *   zero columns of a cluster, e.g. a control household's z and z:x in Lin's design, cost nothing),
 *   u_g = (A_g X_g)' e_g = X_g' (A_g e_g),  meat = sum u_g u_g';
 *   for each df coefficient c, a_gc = A_g (X_g M)_{.,c} = A_g W_g (row c of L)', d_gc = a_gc' a_gc,
 *   q_gc = X_g' a_gc, q_gc' M q_gc = a_gc' H_gg a_gc (m x m, no k x k product), and
 *   S_c = sum_g q_gc q_gc' is accumulated (upper triangle) for tr((M S_c)^2).
 * Bell-McCaffrey df_c = tr^2 / frob with tr = sum d - sum q'Mq, frob = sum d^2 - 2 sum d q'Mq + tr((M S_c)^2)
 * (the formulas in this file's header).
 */
function cr2Unweighted(input: VarianceInput, groups: Grouping): VarianceResult {
  const { X, n, k, xtxInv: M, residuals: e } = input;
  const J = groups.nGroups;
  if (J < 2) throw new EstimationError("too_few_clusters", stored((lang) => t(lang, "est_ee_two_clusters")));
  const wanted = input.dfCoefficients ?? Array.from({ length: k }, (_, c) => c);
  for (const c of wanted) if (!(Number.isInteger(c) && c >= 0 && c < k)) throw new EstimationError("bad_input", `no coefficient ${c} for the degrees of freedom`);
  const L = choleskyLower(M, k);
  const meat = new Float64Array(k * k);
  const kk = k * k;
  const S = new Float64Array(k * kk); // S_c at c * k^2, upper triangle used
  const sumD = new Float64Array(k);
  const sumD2 = new Float64Array(k);
  const sumC = new Float64Array(k); // sum q'Mq
  const sumDC = new Float64Array(k);
  const u = new Float64Array(k);
  // every buffer is allocated once (grown to the largest cluster), so the loop over clusters allocates nothing
  let cap = 0;
  let Xg = new Float64Array(0); // X_g, row-major m x k
  let W = new Float64Array(0); // X_g L, row-major m x k
  let xm = new Float64Array(0); // (X_g M)_{.,c}
  let H = new Float64Array(0); // H_gg, m x m
  let A = new Float64Array(0); // (I - H_gg)^{-1/2}, m x m
  let E = new Float64Array(0); // eigenvectors, m x m
  let ae = new Float64Array(0); // A e_g
  let p = new Float64Array(0); // a_gc = A (X_g M)_{.,c}
  let hp = new Float64Array(0); // H_gg a_gc
  let inv = new Float64Array(0); // eigenvalues^{-1/2}
  const nz = new Int32Array(k);
  const qv = new Float64Array(k);
  for (let g = 0; g < J; g++) {
    const start = groups.offsets[g];
    const m = groups.offsets[g + 1] - start;
    if (m > cap) {
      cap = Math.max(m, 2 * cap, 8);
      Xg = new Float64Array(cap * k);
      W = new Float64Array(cap * k);
      xm = new Float64Array(cap);
      H = new Float64Array(cap * cap);
      A = new Float64Array(cap * cap);
      E = new Float64Array(cap * cap);
      ae = new Float64Array(cap);
      p = new Float64Array(cap);
      hp = new Float64Array(cap);
      inv = new Float64Array(cap);
    }
    // the columns not all zero in this cluster (e.g. a control household's z and z:x columns are zero);
    // every product below skips the others
    let nnz = 0;
    for (let a = 0; a < k; a++) {
      let any = false;
      for (let r = 0; r < m; r++) {
        const x = X[a * n + groups.rows[start + r]];
        Xg[r * k + a] = x;
        if (x !== 0) any = true;
      }
      if (any) nz[nnz++] = a;
    }
    // W = X_g L (M = L L'), so H = X_g M X_g' = W W'. Row r of W is x_r' L: L is lower triangular, so column a of
    // X_g reaches W's first a + 1 columns only, and a zero entry (a control's z:x columns) costs nothing.
    const kEff = nnz > 0 ? nz[nnz - 1] + 1 : 0;
    for (let r = 0; r < m; r++) {
      const wr = r * k;
      W.fill(0, wr, wr + kEff);
      for (let t = 0; t < nnz; t++) {
        const a = nz[t];
        const x = Xg[wr + a];
        if (x === 0) continue;
        const la = a * k;
        for (let j = 0; j <= a; j++) W[wr + j] += x * L[la + j];
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let t = 0; t < kEff; t++) s += W[i * k + t] * W[j * k + t];
        H[i * m + j] = s;
        H[j * m + i] = s;
      }
    }
    // A = (I - H)^{-1/2}, computed in place
    for (let i = 0; i < m * m; i++) A[i] = -H[i];
    for (let i = 0; i < m; i++) A[i * m + i] += 1;
    inverseSqrtInPlace(A, E, inv, m);
    // meat: u_g = (A X_g)' e_g = X_g' (A e_g)
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += A[i * m + j] * e[groups.rows[start + j]];
      ae[i] = s;
    }
    for (let t = 0; t < nnz; t++) {
      const a = nz[t];
      let s = 0;
      for (let r = 0; r < m; r++) s += Xg[r * k + a] * ae[r];
      u[a] = s;
    }
    if (nnz === k) {
      // no zero column: contiguous loops (the indirection through nz costs as much as the arithmetic)
      for (let a = 0; a < k; a++) {
        const ua = u[a];
        const row = a * k;
        for (let b = a; b < k; b++) meat[row + b] += ua * u[b];
      }
    } else {
      for (let t = 0; t < nnz; t++) {
        const a = nz[t];
        const ua = u[a];
        for (let v = t; v < nnz; v++) meat[a * k + nz[v]] += ua * u[nz[v]];
      }
    }
    for (const c of wanted) {
      // a_gc = A_g (X_g M)_{.,c}; d = a'a; q'Mq = a' H a; q = X_g' a (non-zero columns)
      // (X_g M)_{.,c} = W_g (L')_{.,c}: row c of L has c + 1 entries (W's columns beyond kEff are zero)
      const lc = c * k;
      const jEnd = Math.min(c + 1, kEff);
      for (let r = 0; r < m; r++) {
        let s = 0;
        for (let j = 0; j < jEnd; j++) s += W[r * k + j] * L[lc + j];
        xm[r] = s;
      }
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += A[i * m + j] * xm[j];
        p[i] = s;
      }
      let d = 0;
      let qmq = 0;
      for (let i = 0; i < m; i++) {
        let h = 0;
        for (let j = 0; j < m; j++) h += H[i * m + j] * p[j];
        hp[i] = h;
      }
      for (let i = 0; i < m; i++) {
        d += p[i] * p[i];
        qmq += p[i] * hp[i];
      }
      sumD[c] += d;
      sumD2[c] += d * d;
      sumC[c] += qmq;
      sumDC[c] += d * qmq;
      for (let t = 0; t < nnz; t++) {
        const a = nz[t];
        let s = 0;
        for (let r = 0; r < m; r++) s += Xg[r * k + a] * p[r];
        qv[t] = s;
      }
      const base = c * kk;
      if (nnz === k) {
        for (let a = 0; a < k; a++) {
          const qa = qv[a];
          const row = base + a * k;
          for (let b = a; b < k; b++) S[row + b] += qa * qv[b];
        }
      } else {
        for (let t = 0; t < nnz; t++) {
          const qa = qv[t];
          const row = base + nz[t] * k;
          for (let v = t; v < nnz; v++) S[row + nz[v]] += qa * qv[v];
        }
      }
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[a * k + b] = meat[b * k + a];
  const vcov = sandwich(M, meat, k);
  const df = new Float64Array(k).fill(NaN);
  const Sc = new Float64Array(kk);
  for (const c of wanted) {
    const base = c * kk;
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) {
        Sc[a * k + b] = S[base + a * k + b];
        Sc[b * k + a] = S[base + a * k + b];
      }
    }
    const MS = matMul(M, Sc, k);
    let trMS2 = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) trMS2 += MS[a * k + b] * MS[b * k + a];
    const tr = sumD[c] - sumC[c];
    const frob = sumD2[c] - 2 * sumDC[c] + trMS2;
    df[c] = (tr * tr) / frob;
  }
  return { vcov, df, nClusters: J, seType: "CR2" };
}

/** Lower-triangular L with L L' = M (row-major k x k) for a symmetric positive definite M. */
function choleskyLower(M: Float64Array, k: number): Float64Array {
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = M[j * k + j];
    for (let t = 0; t < j; t++) d -= L[j * k + t] * L[j * k + t];
    if (!(d > 0)) throw new EstimationError("rank_deficient", "CR2: (X'X)^{-1} is not positive definite (the design is too close to collinear)");
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = M[i * k + j];
      for (let t = 0; t < j; t++) s -= L[i * k + t] * L[j * k + t];
      L[i * k + j] = s / ljj;
    }
  }
  return L;
}
