import type { DesignColumn } from "./design.js";
import { EstimationError } from "./errors.js";

/**
 * Lin's (2013) regression re-fitted on every lottery re-draw, fast: what does not change between re-draws is
 * partialled out once.
 *
 * Lin's estimator y ~ 1 + z + Xc + z:Xc (Xc = X - colMeans(X) over the analysed persons, `lm_lin.ts`) is the
 * difference of the intercepts of two separate regressions of y on [1, Xc], one per arm:
 *
 *   tau = a_1 - a_0,   (a_k, b_k) = argmin sum_{i: z_i = k} (y_i - a - Xc_i' b)^2,
 *
 * because the interacted design is a re-parametrisation of [1 - z, z, (1 - z) Xc, z Xc], whose cross-product
 * is block diagonal by arm. The households are the units the lottery assigns, so each arm's normal equations are
 * sums over its households of fixed per-household blocks
 *
 *   M_h = sum_{i in h} x_i x_i',   v_h = sum_{i in h} x_i y_i,   x_i = (1, Xc_i),
 *
 * computed once. A re-draw sums M_h and v_h over its treated households only; the control arm's sums are the
 * totals minus those. Each arm's (k + 1) x (k + 1) system is then solved by Cholesky (equilibrated, as
 * `spdInverse`; a column that is aliased within an arm under this re-draw, e.g. a binary covariate constant
 * among the treated, is dropped as R's lm drops it, which leaves the intercept unchanged). The cost of a re-draw
 * is O(treated households x k^2 + k^3), not O(persons x k^2).
 *
 * Several outcome columns (e.g. y and take-up, or y and the observed assignment for the confidence interval)
 * share the design and are solved together.
 *
 * Studentised option: the cluster-robust CR0 variance of tau with households as clusters,
 *
 *   V = sum_h (w_k' s_h)^2,   s_h = v_h - M_h theta_k,   w_k = M_k^{-1} e_1   (k = the arm of h),
 *
 * (the sandwich of the interacted model is block diagonal by arm as well, so V = V_1[a, a] + V_0[a, a];
 * estimatr::lm_lin(se_type = "CR0")). With two outcome columns y and d the parts V_yy, V_yd, V_dd give the
 * variance of the adjusted outcome y - theta d as V_yy - 2 theta V_yd + theta^2 V_dd without a re-fit
 * (`ri_inversion.ts`). CR0 rather than CR2: studentising by any consistent robust variance makes the test
 * asymptotically valid for the weak null of a zero average effect (Wu and Ding 2021, JASA 116(536)), and CR0's
 * scores come from the same per-household blocks. Checked against estimatr in test/estimate/ri_lin_oracle.test.ts.
 * Lin, W. (2013), Ann. Appl. Stat. 7(1); Frisch-Waugh-Lovell for the partialling out.
 */
export interface LeanLinInput {
  /** outcome columns sharing the design, each one value per analysed person */
  outcomes: readonly ArrayLike<number>[];
  /** per person: index into the re-draws' households (the clusters) */
  household: ArrayLike<number>;
  /** covariate columns (block dummies first, then baseline covariates); centred here */
  covariates: readonly DesignColumn[];
  nHouseholds: number;
}

export interface LeanLin {
  /** number of outcome columns */
  readonly outcomes: number;
  /**
   * Re-fits for the assignment `treated` (1 = treatment, by household index), whose treated households are
   * `treatedList[0 .. count)`. Writes tau of each outcome into `estimates`; with `variance` (outcomes x outcomes,
   * row-major) also the CR0 parts sum_h c_h,o c_h,o'. Returns false when an arm has no analysed person.
   */
  refit(treated: Uint8Array, treatedList: Int32Array, count: number, estimates: Float64Array, variance?: Float64Array): boolean;
}

/** Relative pivot below which a column is aliased within an arm (as `spdInverse`). */
const ALIAS_TOL = 1e-11;

export function leanLin(input: LeanLinInput): LeanLin {
  const { outcomes, household, covariates, nHouseholds: H } = input;
  const n = household.length;
  const O = outcomes.length;
  if (O < 1) throw new EstimationError("bad_input", "leanLin needs at least one outcome column");
  for (const y of outcomes) if (y.length !== n) throw new EstimationError("bad_input", `an outcome column has ${y.length} values, expected ${n}`);
  for (const c of covariates) if (c.values.length !== n) throw new EstimationError("bad_input", `covariate ${c.name} has ${c.values.length} values, expected ${n}`);
  const p = covariates.length + 1;
  const P2 = (p * (p + 1)) >> 1; // an integer, so V8 indexes with small integers
  const stride = P2 + p * O;
  const means = covariates.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c.values[i];
    return s / n;
  });
  // units = households with analysed persons
  const unitOf = new Int32Array(H).fill(-1);
  const unitHousehold: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = household[i];
    if (!(Number.isInteger(h) && h >= 0 && h < H)) throw new EstimationError("bad_input", `household index ${h} is not in the register`);
    if (unitOf[h] < 0) {
      unitOf[h] = unitHousehold.length;
      unitHousehold.push(h);
    }
  }
  const U = unitHousehold.length;
  const blocks = new Float64Array(U * stride);
  const x = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    x[0] = 1;
    for (let j = 1; j < p; j++) x[j] = covariates[j - 1].values[i] - means[j - 1];
    const off = unitOf[household[i]] * stride;
    let q = off;
    for (let a = 0; a < p; a++) for (let b = a; b < p; b++) blocks[q++] += x[a] * x[b];
    for (let o = 0; o < O; o++) {
      const yi = outcomes[o][i];
      for (let a = 0; a < p; a++) blocks[q++] += x[a] * yi;
    }
  }
  for (let i = 0; i < blocks.length; i++) if (!Number.isFinite(blocks[i])) throw new EstimationError("bad_input", "an outcome or covariate is missing or infinite");
  const total = new Float64Array(stride);
  for (let u = 0; u < U; u++) for (let q = 0; q < stride; q++) total[q] += blocks[u * stride + q];
  const uH = Int32Array.from(unitHousehold);

  const sum1 = new Float64Array(stride);
  const sum0 = new Float64Array(stride);
  // per arm: the factor L (row-major p x p, lower), kept columns, scale, coefficients (O x p), w = M^{-1} e_1
  const arms = [0, 1].map(() => ({ L: new Float64Array(p * p), keep: new Uint8Array(p), scale: new Float64Array(p), theta: new Float64Array(O * p), w: new Float64Array(p) }));
  const rhs = new Float64Array(p);
  const r = new Float64Array(p);

  // packed index of (a, b) in the upper triangle, either order
  const packed = new Int32Array(p * p);
  for (let a = 0, q = 0; a < p; a++) for (let b = a; b < p; b++, q++) packed[a * p + b] = packed[b * p + a] = q;

  /** Solves (D^{-1/2} M D^{-1/2}) u = D^{-1/2} r on the kept columns of `arm`; writes theta = D^{-1/2} u at outOff. */
  const solve = (arm: (typeof arms)[number], out: Float64Array, outOff: number): void => {
    const { L, keep, scale } = arm;
    for (let i = 0; i < p; i++) {
      if (keep[i] === 0) {
        rhs[i] = 0;
        continue;
      }
      let s = r[i] * scale[i];
      for (let q = 0; q < i; q++) s -= L[i * p + q] * rhs[q];
      rhs[i] = s / L[i * p + i];
    }
    for (let i = p - 1; i >= 0; i--) {
      if (keep[i] === 0) {
        rhs[i] = 0;
        continue;
      }
      let s = rhs[i];
      for (let q = i + 1; q < p; q++) s -= L[q * p + i] * rhs[q];
      rhs[i] = s / L[i * p + i];
    }
    for (let i = 0; i < p; i++) out[outOff + i] = rhs[i] * scale[i];
  };

  /** Cholesky of the packed M (equilibrated), dropping aliased columns; solves for every outcome and e_1. */
  const solveArm = (sum: Float64Array, arm: (typeof arms)[number]): boolean => {
    const { L, keep, scale, theta, w } = arm;
    if (!(sum[0] > 0.5)) return false; // no analysed person in this arm
    for (let j = 0; j < p; j++) {
      const d = sum[packed[j * p + j]];
      scale[j] = d > 0 ? 1 / Math.sqrt(d) : 0;
    }
    // rows of a dropped column stay zero, so the sums below need no test of `keep`
    L.fill(0);
    for (let j = 0; j < p; j++) {
      keep[j] = 0;
      if (scale[j] === 0) continue;
      let s = 1; // equilibrated diagonal
      for (let q = 0; q < j; q++) s -= L[j * p + q] * L[j * p + q];
      if (!(s > ALIAS_TOL)) continue; // aliased: dropped (its column of L stays zero)
      keep[j] = 1;
      const ljj = Math.sqrt(s);
      L[j * p + j] = ljj;
      for (let i = j + 1; i < p; i++) {
        if (scale[i] === 0) continue;
        let t = sum[packed[j * p + i]] * scale[i] * scale[j];
        for (let q = 0; q < j; q++) t -= L[i * p + q] * L[j * p + q];
        L[i * p + j] = t / ljj;
      }
    }
    for (let o = 0; o < O; o++) {
      for (let a = 0; a < p; a++) r[a] = sum[P2 + o * p + a];
      solve(arm, theta, o * p);
    }
    r.fill(0);
    r[0] = 1;
    solve(arm, w, 0);
    return true;
  };

  const g = new Float64Array(p);
  const c = new Float64Array(O);
  return {
    outcomes: O,
    refit(treated, treatedList, count, estimates, variance) {
      sum1.fill(0);
      for (let t = 0; t < count; t++) {
        const u = unitOf[treatedList[t]];
        if (u < 0) continue;
        const off = u * stride;
        for (let q = 0; q < stride; q++) sum1[q] += blocks[off + q];
      }
      for (let q = 0; q < stride; q++) sum0[q] = total[q] - sum1[q];
      if (!solveArm(sum1, arms[1]) || !solveArm(sum0, arms[0])) return false;
      for (let o = 0; o < O; o++) estimates[o] = arms[1].theta[o * p] - arms[0].theta[o * p];
      if (variance) {
        variance.fill(0);
        for (let u = 0; u < U; u++) {
          const arm = arms[treated[uH[u]] === 1 ? 1 : 0];
          const off = u * stride;
          // g = M_h w
          for (let a = 0; a < p; a++) {
            let s = 0;
            for (let b = 0; b < p; b++) s += blocks[off + packed[a * p + b]] * arm.w[b];
            g[a] = s;
          }
          // c_o = w' v_h,o - g' theta_o
          for (let o = 0; o < O; o++) {
            let s = 0;
            for (let a = 0; a < p; a++) s += arm.w[a] * blocks[off + P2 + o * p + a] - g[a] * arm.theta[o * p + a];
            c[o] = s;
          }
          for (let o = 0; o < O; o++) for (let o2 = 0; o2 < O; o2++) variance[o * O + o2] += c[o] * c[o2];
        }
      }
      return true;
    },
  };
}
