import { describe, it, expect } from "vitest";
import { buildDesign, dummyColumns } from "../../src/estimate/design.js";
import { EstimationError } from "../../src/estimate/errors.js";
import { groupRows } from "../../src/estimate/grouping.js";
import { symmetricEigen } from "../../src/estimate/matrix.js";
import { olsFit } from "../../src/estimate/ols.js";
import { expectClose, f64, loadFixture } from "./helpers.js";

describe("olsFit", () => {
  const fx = loadFixture("one_block");
  const d = fx.data;
  const des = buildDesign([{ name: "z", values: d.z }, { name: "x1", values: d.x1 }, { name: "x2", values: d.x2 }]);
  it("coefficients equal R's (unweighted and weighted)", () => {
    const fit = olsFit(des.X, des.n, des.k, f64(d.y));
    for (let j = 0; j < 4; j++) expectClose(fit.coefficients[j], fx.hc2.estimate[j], 1e-12, 1e-300, `b${j}`);
    const wfit = olsFit(des.X, des.n, des.k, f64(d.y), f64(d.w));
    for (let j = 0; j < 4; j++) expectClose(wfit.coefficients[j], fx.hc2_weighted.estimate[j], 1e-12, 1e-300, `wb${j}`);
  });
  it("residuals are orthogonal to the design", () => {
    const fit = olsFit(des.X, des.n, des.k, f64(d.y));
    for (let j = 0; j < des.k; j++) {
      let s = 0;
      for (let i = 0; i < des.n; i++) s += des.X[j * des.n + i] * fit.residuals[i];
      expect(Math.abs(s)).toBeLessThan(1e-10);
    }
  });
  it("throws typed errors: collinear dummies, too few rows, bad weights, NaN", () => {
    const all = [{ name: "a", values: [1, 0, 1, 0] }, { name: "b", values: [0, 1, 0, 1] }];
    const col = buildDesign(all);
    expect(() => olsFit(col.X, col.n, col.k, f64([1, 2, 3, 5]))).toThrow(/rank deficient/);
    const small = buildDesign([{ name: "a", values: [1, 2] }]);
    expect(() => olsFit(small.X, small.n, small.k, f64([1, 2]))).toThrow(EstimationError);
    const ok = buildDesign([{ name: "a", values: [1, 2, 4] }]);
    expect(() => olsFit(ok.X, ok.n, ok.k, f64([1, 2, 3]), f64([1, -1, 1]))).toThrow(/weights/);
    expect(() => olsFit(ok.X, ok.n, ok.k, f64([1, NaN, 3]))).toThrow(/missing/);
  });
});

describe("helpers", () => {
  it("dummyColumns drops the first sorted level, as R's factor contrasts", () => {
    const cols = dummyColumns([3, 1, 2, 3]);
    expect(cols.map((c) => c.name)).toEqual(["block2", "block3"]);
    expect(Array.from(cols[1].values)).toEqual([1, 0, 0, 1]);
  });
  it("groupRows groups non-contiguous codes", () => {
    const g = groupRows([5, 7, 5, 9, 7]);
    expect(g.nGroups).toBe(3);
    expect(Array.from(g.rows.subarray(g.offsets[0], g.offsets[1]))).toEqual([0, 2]);
    expect(g.codes).toEqual([5, 7, 9]);
  });
  it("symmetricEigen reconstructs the matrix", () => {
    const S = f64([4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2]);
    const { values, vectors } = symmetricEigen(S, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let c = 0; c < 3; c++) s += vectors[i * 3 + c] * values[c] * vectors[j * 3 + c];
        expect(Math.abs(s - S[i * 3 + j])).toBeLessThan(1e-14);
      }
    }
  });
});
