import { describe, it, expect } from "vitest";
import { leanLin } from "../../src/estimate/ri_lin.js";
import { olsFit } from "../../src/estimate/ols.js";
import { getTerm, lmLin } from "../../src/estimate/index.js";

/** The lean Lin re-fit on small designs checked against full regressions (the R oracle: ri_lin_oracle.test.ts). */
const centred = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.map((x) => x - m);
};
/** intercept of y on [1, columns] over the rows in `rows` */
function intercept(y: number[], columns: number[][], rows: number[]): number {
  const n = rows.length;
  const k = columns.length + 1;
  const X = new Float64Array(n * k);
  rows.forEach((i, r) => {
    X[r] = 1;
    columns.forEach((c, j) => (X[(j + 1) * n + r] = c[i]));
  });
  return olsFit(X, n, k, Float64Array.from(rows, (i) => y[i])).coefficients[0];
}

describe("leanLin", () => {
  const y = [3.1, 2.2, 5.0, 4.4, 1.9, 2.8, 3.3, 4.0, 2.5, 3.9, 4.8, 2.0];
  const x1 = [0.3, -1.2, 1.5, 0.9, -0.4, 0.1, 0.7, 1.1, -0.8, 0.2, 1.4, -1.0];
  const x2 = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0];
  const household = y.map((_, i) => i);
  const list = (treated: Uint8Array) => Int32Array.from([...treated.keys()].filter((h) => treated[h] === 1));

  it("equals lm_lin's coefficient of z (estimate and CR0 variance) on a full-rank re-draw", () => {
    const lean = leanLin({ outcomes: [y], household, covariates: [{ name: "x1", values: x1 }, { name: "x2", values: x2 }], nHouseholds: 12 });
    const treated = Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1]);
    const est = new Float64Array(1);
    const v = new Float64Array(1);
    expect(lean.refit(treated, list(treated), 6, est, v)).toBe(true);
    const full = getTerm(lmLin(Float64Array.from(y), treated, [{ name: "x1", values: x1 }, { name: "x2", values: x2 }], { clusters: household, seType: "CR0" }), "z");
    expect(est[0]).toBeCloseTo(full.estimate, 12);
    expect(Math.sqrt(v[0])).toBeCloseTo(full.std_error, 12);
  });

  it("drops a covariate aliased within one arm (x2 constant among the treated) as R's lm does", () => {
    const lean = leanLin({ outcomes: [y], household, covariates: [{ name: "x1", values: x1 }, { name: "x2", values: x2 }], nHouseholds: 12 });
    // treated: households with x2 = 1 except two, so x2 is 1 for every treated household
    const treated = Uint8Array.from([1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    const est = new Float64Array(1);
    expect(lean.refit(treated, list(treated), 4, est)).toBe(true);
    const c1 = centred(x1);
    const c2 = centred(x2);
    const t = [0, 2, 3, 6];
    const c = [1, 4, 5, 7, 8, 9, 10, 11];
    expect(est[0]).toBeCloseTo(intercept(y, [c1], t) - intercept(y, [c1, c2], c), 12);
  });

  it("returns false when an arm has no analysed person", () => {
    const lean = leanLin({ outcomes: [y.slice(0, 4)], household: [0, 1, 2, 3], covariates: [], nHouseholds: 12 });
    const treated = new Uint8Array(12);
    treated[5] = 1;
    expect(lean.refit(treated, Int32Array.from([5]), 1, new Float64Array(1))).toBe(false);
  });
});
