import { assertBinaryTreatment, dummyColumns, type DesignColumn } from "./design.js";
import { EstimationError } from "./errors.js";
import { lmRobust, type LmRobustResult } from "./lm_robust.js";
import type { SeType } from "./variance.js";

/**
 * Lin's (2013) covariate-adjusted estimator, as estimatr::lm_lin:
 *
 *   y ~ 1 + z + Xc + z:Xc,   Xc = X - colMeans(X)   (weighted means when weighted)
 *
 * fitted by lm_robust (default HC2, CR2 with clusters). The coefficient of z is the average treatment effect.
 * Blocks enter as covariates: `blockCovariates(blocks)` gives the dummies of factor(block) (first level
 * dropped), which are centred and interacted like any covariate (estimatr lm_lin(covariates = ~ factor(block))).
 * Lin, W. (2013), Agnostic notes on regression adjustments to experimental data, Ann. Appl. Stat. 7(1).
 */
export interface LmLinOptions {
  clusters?: ArrayLike<number>;
  /** regression weights; covariates are then centred at their weighted means (as estimatr) */
  weights?: Float64Array;
  seType?: SeType;
  alpha?: number;
  /** CR2: Bell-McCaffrey df only for these terms (e.g. ["z"], what effekt estimate reports); default all */
  dfFor?: readonly string[];
}

/** Dummies for factor(block), for use as lm_lin covariates. */
export function blockCovariates(blocks: ArrayLike<number>, prefix = "block"): DesignColumn[] {
  return dummyColumns(blocks, prefix);
}

export function lmLin(y: Float64Array, z: ArrayLike<number>, covariates: readonly DesignColumn[], options: LmLinOptions = {}): LmRobustResult {
  const n = y.length;
  if (z.length !== n) throw new EstimationError("bad_input", `treatment has ${z.length} values, outcome has ${n}`);
  assertBinaryTreatment(z);
  if (covariates.length === 0) throw new EstimationError("bad_input", "lm_lin needs at least one covariate");
  // the design [1, z, Xc, z:Xc] written straight into one column-major array (no per-column copies: at 1,000,000
  // persons and 10 covariates each copy is 80 MB)
  const p = covariates.length;
  const k = 2 + 2 * p;
  const X = new Float64Array(n * k);
  X.fill(1, 0, n);
  for (let i = 0; i < n; i++) X[n + i] = z[i];
  const names = ["(Intercept)", "z"];
  covariates.forEach((c, j) => {
    if (c.values.length !== n) throw new EstimationError("bad_input", `covariate ${c.name} has ${c.values.length} values, expected ${n}`);
    const w = options.weights;
    let s = 0;
    let sw = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      s += wi * c.values[i];
      sw += wi;
    }
    const m = s / sw;
    const centred = (2 + j) * n;
    const interacted = (2 + p + j) * n;
    for (let i = 0; i < n; i++) {
      const v = c.values[i] - m;
      X[centred + i] = v;
      X[interacted + i] = z[i] * v;
    }
    names[2 + j] = `${c.name}_c`;
    names[2 + p + j] = `z:${c.name}_c`;
  });
  const d = { X, n, k, names };
  return lmRobust(d.X, d.n, d.k, y, { clusters: options.clusters, weights: options.weights, seType: options.seType, alpha: options.alpha, names: d.names, dfFor: options.dfFor });
}
