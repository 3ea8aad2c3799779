import type { DesignColumn } from "./design.js";
import { EstimationError } from "./errors.js";
import { groupRows } from "./grouping.js";
import { imputeMissingCovariates } from "./missing_covariates.js";
import { RI_TIE_TOLERANCE } from "./ri_lottery.js";

export interface JointBalanceInput {
  /** baseline covariates per unit (household); NaN = missing (mean-imputed with an indicator, as Lin) */
  covariates: readonly DesignColumn[];
  /** the lottery's blocks (wave x stratum) per unit */
  blocks: ArrayLike<number>;
  /** the observed assignment, 1 = treatment */
  observed: ArrayLike<number>;
  /** number of re-draws */
  redraws: number;
  /** writes re-draw s of the lottery (1 = treatment) into `treated`, per unit in the same order */
  draw: (s: number, treated: Uint8Array) => void;
}

export interface JointBalanceResult {
  /** T for the observed assignment */
  statistic: number;
  /** #{ s : T_s >= T_obs (1 - 1e-9) } / S */
  p_value: number;
  redraws: number;
  /** linearly independent covariate columns after block-centring (the test's degrees of freedom) */
  columns: number;
}

/**
 * A joint test of balance: all baseline covariates at once, by randomisation inference on the lottery itself
 * (the omnibus test ri2 documents, `conduct_ri(test_function = ...)` with the F statistic of lm(Z ~ X + blocks);
 * Hansen and Bowers 2008 for the idea). With X~ the covariates centred within blocks (and Q an orthonormal basis
 * of their span, collinear columns left out), the statistic is
 *
 *   T(z) = || Q' z ||^2 = z' X~ (X~' X~)^- X~' z,
 *
 * the explained sum of squares of the regression of assignment on covariates and block dummies beyond the block
 * dummies. The lottery fixes the number treated in every block, so the residual sum of squares of the
 * block-only regression is the same under every re-draw and the F statistic is an increasing function of T:
 * both give the same p-value. p = share of re-draws with T_s at least T_obs (ties within relative 1e-9, as
 * effekt's other randomisation tests). Missing covariate values are mean-imputed with an indicator
 * (`missing_covariates.ts`).
 *
 * Checked against R (`test/oracle/balance_test.R`).
 */
export function jointBalanceTest(input: JointBalanceInput): JointBalanceResult {
  const n = input.observed.length;
  const S = input.redraws;
  if (!Number.isInteger(S) || S < 1) throw new EstimationError("bad_input", `re-draws must be a positive whole number, got ${S}`);
  if (input.blocks.length !== n) throw new EstimationError("bad_input", `blocks have ${input.blocks.length} values, assignment has ${n}`);
  const basis = jointBalanceBasis(input.covariates, input.blocks);
  if (basis.length === 0) throw new EstimationError("constant_outcome", "no covariate varies within the lottery's blocks: nothing to test");
  const statistic = jointBalanceStatistic(basis, input.observed);
  const threshold = statistic * (1 - RI_TIE_TOLERANCE);
  const treated = new Uint8Array(n);
  let extreme = 0;
  for (let s = 0; s < S; s++) {
    input.draw(s, treated);
    if (jointBalanceStatistic(basis, treated) >= threshold) extreme++;
  }
  return { statistic, p_value: extreme / S, redraws: S, columns: basis.length };
}

/**
 * An orthonormal basis Q of the covariates' span after centring within blocks (missing values mean-imputed with
 * an indicator; collinear columns left out), so that T(z) = ||Q' z||^2 (see `jointBalanceTest`). Empty when no
 * covariate varies within the blocks.
 */
export function jointBalanceBasis(covariates: readonly DesignColumn[], blocks: ArrayLike<number>): Float64Array[] {
  const n = blocks.length;
  const { columns } = imputeMissingCovariates(covariates);
  const g = groupRows(blocks);
  const basis: Float64Array[] = [];
  for (const c of columns) {
    if (c.values.length !== n) throw new EstimationError("bad_input", `covariate ${c.name} has ${c.values.length} values, assignment has ${n}`);
    const v = Float64Array.from(c.values);
    // centre within blocks
    for (let b = 0; b < g.nGroups; b++) {
      let s = 0;
      for (let k = g.offsets[b]; k < g.offsets[b + 1]; k++) s += v[g.rows[k]];
      const m = s / (g.offsets[b + 1] - g.offsets[b]);
      for (let k = g.offsets[b]; k < g.offsets[b + 1]; k++) v[g.rows[k]] -= m;
    }
    const norm0 = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
    // modified Gram-Schmidt, twice for accuracy; a column that leaves (almost) nothing is collinear
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        let d = 0;
        for (let i = 0; i < n; i++) d += q[i] * v[i];
        for (let i = 0; i < n; i++) v[i] -= d * q[i];
      }
    }
    const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
    if (!(norm > 1e-9 * norm0) || norm0 === 0) continue;
    for (let i = 0; i < n; i++) v[i] /= norm;
    basis.push(v);
  }
  return basis;
}

/** T(z) = ||Q' z||^2 for a 0/1 assignment z (see `jointBalanceTest`). */
export function jointBalanceStatistic(basis: readonly Float64Array[], z: ArrayLike<number>): number {
  const n = z.length;
  let t = 0;
  for (const q of basis) {
    let d = 0;
    for (let i = 0; i < n; i++) if (z[i] === 1) d += q[i];
    t += d * d;
  }
  return t;
}
