import { EstimationError } from "./errors.js";

/** A named design column. */
export interface DesignColumn {
  name: string;
  values: ArrayLike<number>;
}

/** A column-major design matrix with its column names. */
export interface Design {
  X: Float64Array;
  n: number;
  k: number;
  names: string[];
}

/** Binds columns (and optionally a leading "(Intercept)") into a column-major design. */
export function buildDesign(columns: readonly DesignColumn[], intercept = true): Design {
  const n = columns.length > 0 ? columns[0].values.length : 0;
  if (n === 0 && !intercept) throw new EstimationError("bad_input", "empty design");
  const names = intercept ? ["(Intercept)"] : [];
  const all: ArrayLike<number>[] = [];
  for (const c of columns) {
    if (c.values.length !== n) throw new EstimationError("bad_input", `column ${c.name} has ${c.values.length} values, expected ${n}`);
    names.push(c.name);
    all.push(c.values);
  }
  const k = names.length;
  const X = new Float64Array(n * k);
  let off = 0;
  if (intercept) {
    X.fill(1, 0, n);
    off = n;
  }
  for (const v of all) {
    for (let i = 0; i < n; i++) X[off + i] = v[i];
    off += n;
  }
  return { X, n, k, names };
}

/**
 * Dummy columns for a categorical code (e.g. block), dropping the first level in sorted order as R's
 * treatment contrasts do for factor(block). Names are `${prefix}${level}`.
 */
export function dummyColumns(codes: ArrayLike<number>, prefix = "block"): DesignColumn[] {
  const levels = Array.from(new Set(Array.from(codes))).sort((a, b) => a - b);
  const out: DesignColumn[] = [];
  for (const level of levels.slice(1)) {
    const v = new Float64Array(codes.length);
    for (let i = 0; i < codes.length; i++) v[i] = codes[i] === level ? 1 : 0;
    out.push({ name: `${prefix}${level}`, values: v });
  }
  return out;
}

/** Throws if y has no variation (every estimator's first degenerate case). */
export function assertVaries(y: ArrayLike<number>, what = "outcome"): void {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return;
  throw new EstimationError("constant_outcome", `the ${what} is constant: there is no variation to estimate an effect from`);
}

/** Checks a 0/1 treatment vector and that both arms are present. */
export function assertBinaryTreatment(z: ArrayLike<number>, what = "treatment"): void {
  let treated = 0;
  let control = 0;
  for (let i = 0; i < z.length; i++) {
    if (z[i] === 1) treated++;
    else if (z[i] === 0) control++;
    else throw new EstimationError("bad_input", `${what} must be 0 or 1, found ${z[i]}`);
  }
  if (treated === 0) throw new EstimationError("no_treated", `no unit has ${what} = 1`);
  if (control === 0) throw new EstimationError("no_control", `no unit has ${what} = 0`);
}
