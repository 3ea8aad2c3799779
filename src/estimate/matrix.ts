import { EstimationError } from "./errors.js";
import { t } from "../i18n/catalogue.js";
import { stored } from "../i18n/storedText.js";

/**
 * Small dense linear algebra for the estimators. Design matrices are column-major Float64Array
 * (element (i, j) of an n x k matrix at j * n + i); the k x k cross-products are symmetric, stored row-major.
 */

/**
 * X'X (k x k) of a column-major n x k matrix. The rows are taken in chunks that stay in cache while every pair of
 * columns is accumulated; each sum still runs over i = 0 .. n-1 in order, so the result is the plain loop's, bit
 * for bit.
 */
export function crossprod(X: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(k * k);
  const chunk = 2048;
  for (let i0 = 0; i0 < n; i0 += chunk) {
    const i1 = Math.min(n, i0 + chunk);
    for (let a = 0; a < k; a++) {
      const ca = a * n;
      let b = 0;
      // four columns b at a time: column a is read once for four sums, each still accumulated in row order
      for (; b + 3 <= a; b += 4) {
        const c0 = b * n;
        const c1 = c0 + n;
        const c2 = c1 + n;
        const c3 = c2 + n;
        let s0 = out[a * k + b];
        let s1 = out[a * k + b + 1];
        let s2 = out[a * k + b + 2];
        let s3 = out[a * k + b + 3];
        for (let i = i0; i < i1; i++) {
          const x = X[ca + i];
          s0 += x * X[c0 + i];
          s1 += x * X[c1 + i];
          s2 += x * X[c2 + i];
          s3 += x * X[c3 + i];
        }
        out[a * k + b] = s0;
        out[a * k + b + 1] = s1;
        out[a * k + b + 2] = s2;
        out[a * k + b + 3] = s3;
      }
      for (; b <= a; b++) {
        const cb = b * n;
        let s = out[a * k + b];
        for (let i = i0; i < i1; i++) s += X[ca + i] * X[cb + i];
        out[a * k + b] = s;
      }
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) out[b * k + a] = out[a * k + b];
  return out;
}

/** X'v (k) of a column-major n x k matrix and an n-vector. */
export function crossprodVec(X: Float64Array, n: number, k: number, v: Float64Array): Float64Array {
  const out = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const ca = a * n;
    let s = 0;
    for (let i = 0; i < n; i++) s += X[ca + i] * v[i];
    out[a] = s;
  }
  return out;
}

/**
 * Inverse of a symmetric positive definite k x k matrix by Cholesky on the equilibrated matrix
 * C = D^{-1/2} A D^{-1/2} (unit diagonal). A squared pivot below `tol` means a column is (nearly) a linear
 * combination of the earlier ones: 1 - R^2 of column j on columns < j is below tol. Throws
 * EstimationError("rank_deficient") naming the column.
 */
export function spdInverse(A: Float64Array, k: number, names?: readonly string[], tol = 1e-11): Float64Array {
  const scale = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const d = A[j * k + j];
    if (!(d > 0)) throw new EstimationError("rank_deficient", `design column ${names?.[j] ?? j + 1} is all zero`);
    scale[j] = 1 / Math.sqrt(d);
  }
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let s = A[j * k + j] * scale[j] * scale[j];
    for (let p = 0; p < j; p++) s -= L[j * k + p] * L[j * k + p];
    if (!(s > tol)) {
      throw new EstimationError(
        "rank_deficient",
        stored((lang) => t(lang, "est_ee_collinear", { column: names?.[j] ?? j + 1 })),
      );
    }
    const ljj = Math.sqrt(s);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let t = A[i * k + j] * scale[i] * scale[j];
      for (let p = 0; p < j; p++) t -= L[i * k + p] * L[j * k + p];
      L[i * k + j] = t / ljj;
    }
  }
  // Linv (lower triangular)
  const Li = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    Li[j * k + j] = 1 / L[j * k + j];
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let p = j; p < i; p++) s -= L[i * k + p] * Li[p * k + j];
      Li[i * k + j] = s / L[i * k + i];
    }
  }
  // C^{-1} = Linv' Linv; A^{-1} = D^{-1/2} C^{-1} D^{-1/2}
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let p = a; p < k; p++) s += Li[p * k + a] * Li[p * k + b];
      const v = s * scale[a] * scale[b];
      out[a * k + b] = v;
      out[b * k + a] = v;
    }
  }
  return out;
}

/** y = A v for a row-major k x k matrix. */
export function matVec(A: Float64Array, k: number, v: Float64Array): Float64Array {
  const out = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let b = 0; b < k; b++) s += A[a * k + b] * v[b];
    out[a] = s;
  }
  return out;
}

/** A B for row-major k x k matrices. */
export function matMul(A: Float64Array, B: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let p = 0; p < k; p++) {
      const x = A[a * k + p];
      if (x === 0) continue;
      for (let b = 0; b < k; b++) out[a * k + b] += x * B[p * k + b];
    }
  }
  return out;
}

/** M S M for symmetric row-major k x k matrices (the sandwich). */
export function sandwich(M: Float64Array, S: Float64Array, k: number): Float64Array {
  const out = matMul(matMul(M, S, k), M, k);
  // symmetrise against rounding
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < a; b++) {
      const v = (out[a * k + b] + out[b * k + a]) / 2;
      out[a * k + b] = v;
      out[b * k + a] = v;
    }
  }
  return out;
}

/**
 * Eigen-decomposition of a small symmetric m x m matrix (row-major) by cyclic Jacobi rotations.
 * Returns eigenvalues and eigenvectors (column c of `vectors`, row-major, is the c-th eigenvector).
 */
export function symmetricEigen(S: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(S);
  const V = new Float64Array(m * m);
  symmetricEigenInPlace(A, V, m);
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) values[i] = A[i * m + i];
  return { values, vectors: V };
}

/**
 * symmetricEigen without allocation (for loops over many small blocks): A (m x m, row-major, overwritten) ends
 * diagonal with the eigenvalues, V (at least m x m) receives the eigenvectors as columns.
 */
export function symmetricEigenInPlace(A: Float64Array, V: Float64Array, m: number): void {
  V.fill(0, 0, m * m);
  for (let i = 0; i < m; i++) V[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < m; p++) {
      diag += A[p * m + p] * A[p * m + p];
      for (let q = p + 1; q < m; q++) off += A[p * m + q] * A[p * m + q];
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = A[p * m + q];
        if (apq === 0) continue;
        const app = A[p * m + p];
        const aqq = A[q * m + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < m; r++) {
          const arp = A[r * m + p];
          const arq = A[r * m + q];
          A[r * m + p] = c * arp - s * arq;
          A[r * m + q] = s * arp + c * arq;
        }
        for (let r = 0; r < m; r++) {
          const apr = A[p * m + r];
          const aqr = A[q * m + r];
          A[p * m + r] = c * apr - s * aqr;
          A[q * m + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < m; r++) {
          const vrp = V[r * m + p];
          const vrq = V[r * m + q];
          V[r * m + p] = c * vrp - s * vrq;
          V[r * m + q] = s * vrp + c * vrq;
        }
      }
    }
  }
}
