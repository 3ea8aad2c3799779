import { describe, it, expect } from "vitest";
import { ivRobust } from "../../src/estimate/iv_robust.js";
import { lmRobust } from "../../src/estimate/lm_robust.js";
import { buildDesign } from "../../src/estimate/design.js";
import type { LmRobustResult } from "../../src/estimate/lm_robust.js";
import { EstimationError } from "../../src/estimate/errors.js";
import { expectClose, expectMatchesR, f64, loadFixture, type RResult } from "./helpers.js";

function all(res: LmRobustResult, r: RResult, label: string): void {
  for (let j = 0; j < r.term.length; j++) expectMatchesR(res.coefficients[j], r, j, 1e-8, label);
}

describe("iv_robust against estimatr", () => {
  const fx = loadFixture("noncompliance");
  const d = fx.data;
  it("take-up instrumented by the lottery, CR2 by household", () => {
    all(ivRobust(f64(d.y), [{ name: "d", values: d.d }], [{ name: "z", values: d.z }], { clusters: d.cluster }), fx.iv_cr2, "iv cr2");
  });
  it("with an exogenous covariate, CR2", () => {
    const res = ivRobust(f64(d.y), [{ name: "d", values: d.d }], [{ name: "z", values: d.z }], {
      covariates: [{ name: "x1", values: d.x1 }],
      clusters: d.cluster,
    });
    all(res, fx.iv_x_cr2, "iv x cr2");
  });
  it("with an exogenous covariate, HC2", () => {
    const res = ivRobust(f64(d.y), [{ name: "d", values: d.d }], [{ name: "z", values: d.z }], { covariates: [{ name: "x1", values: d.x1 }] });
    all(res, fx.iv_hc2, "iv hc2");
  });
  it("first-stage F statistics (estimatr diagnostics)", () => {
    const cov = { covariates: [{ name: "x1", values: d.x1 }] };
    const endo = [{ name: "d", values: d.d }];
    const inst = [{ name: "z", values: d.z }];
    for (const [res, r] of [
      [ivRobust(f64(d.y), endo, inst, { ...cov, clusters: d.cluster }), fx.first_stage_f_cr2],
      [ivRobust(f64(d.y), endo, inst, cov), fx.first_stage_f_hc2],
    ] as const) {
      const fs = res.firstStage[0];
      expectClose(fs.fstatistic, r[0], 1e-8, 1e-300, "F");
      expect(fs.numdf).toBe(r[1]);
      expect(fs.dendf).toBe(r[2]);
      expectClose(fs.p_value, r[3], 1e-8, 1e-300, "F p");
    }
  });
  it("the intention-to-treat regression on the same data", () => {
    const des = buildDesign([{ name: "z", values: d.z }]);
    all(lmRobust(des.X, des.n, des.k, f64(d.y), { clusters: d.cluster, names: des.names }), fx.itt_cr2, "itt");
  });
  it("throws on an irrelevant instrument", () => {
    const zero = new Array(d.y.length).fill(0);
    expect(() => ivRobust(f64(d.y), [{ name: "d", values: d.d }], [{ name: "z", values: zero }])).toThrow(EstimationError);
  });
});
