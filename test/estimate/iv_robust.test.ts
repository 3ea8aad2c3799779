import { describe, it, expect } from "vitest";
import { ivRobust } from "../../src/estimate/iv_robust.js";
import { lmRobust } from "../../src/estimate/lm_robust.js";
import { buildDesign } from "../../src/estimate/design.js";
import type { LmRobustResult } from "../../src/estimate/lm_robust.js";
import { EstimationError } from "../../src/estimate/errors.js";
import { expectMatchesR, f64, loadFixture, type RResult } from "./helpers.js";

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
  it("the intention-to-treat regression on the same data", () => {
    const des = buildDesign([{ name: "z", values: d.z }]);
    all(lmRobust(des.X, des.n, des.k, f64(d.y), { clusters: d.cluster, names: des.names }), fx.itt_cr2, "itt");
  });
  it("throws on an irrelevant instrument", () => {
    const zero = new Array(d.y.length).fill(0);
    expect(() => ivRobust(f64(d.y), [{ name: "d", values: d.d }], [{ name: "z", values: zero }])).toThrow(EstimationError);
  });
});
