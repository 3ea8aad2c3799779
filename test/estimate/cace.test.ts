import { describe, it, expect } from "vitest";
import { complierAverageCausalEffect } from "../../src/estimate/cace.js";
import { EstimationError } from "../../src/estimate/errors.js";
import { expectClose, loadFixture } from "./helpers.js";

describe("complier average causal effect (ratio of blocked ITTs) against R", () => {
  const fx = loadFixture("cace");
  for (const name of ["clustered", "persons"] as const) {
    it(`${name}: estimate = ratio of estimatr's blocked differences in means, SE = delta method on clubSandwich's joint CR2`, () => {
      const c = fx[name];
      const d = c.data;
      const r = complierAverageCausalEffect(d.y, d.d, d.z, { blocks: d.block, clusters: d.hh });
      expectClose(r.estimate, c.estimate[0], 1e-8, 1e-300, "estimate");
      expectClose(r.std_error, c.std_error[0], 1e-8, 1e-300, "std_error");
      expectClose(r.covariance, c.covariance[0], 1e-8, 1e-300, "covariance");
      expectClose(r.itt.estimate, c.itt[0], 1e-8, 1e-300, "itt");
      expectClose(r.itt.std_error, c.itt_se[0], 1e-8, 1e-300, "itt se");
      expectClose(r.first_stage.estimate, c.first_stage[0], 1e-8, 1e-300, "first stage");
      expectClose(r.first_stage.std_error, c.first_stage_se[0], 1e-8, 1e-300, "first stage se");
      expect(r.df).toBe(c.df[0]);
    });
  }
  it("one person per household: equals iv_robust with inverse-probability weights; with households, close to it", () => {
    const p = fx.persons;
    expectClose(complierAverageCausalEffect(p.data.y, p.data.d, p.data.z, { blocks: p.data.block, clusters: p.data.hh }).estimate, p.iv_ipw[0], 1e-10, 1e-300, "ipw");
    const c = fx.clustered;
    const r = complierAverageCausalEffect(c.data.y, c.data.d, c.data.z, { blocks: c.data.block, clusters: c.data.hh });
    expect(Math.abs(r.estimate - c.iv_ipw[0])).toBeLessThan(0.25 * r.std_error);
    // the 2SLS with block fixed effects weights blocks differently; here it is further away
    expect(Math.abs(c.iv_block_fe[0] - c.estimate[0])).toBeGreaterThan(Math.abs(c.iv_ipw[0] - c.estimate[0]));
  });
  it("full compliance: the CACE is the ITT", () => {
    const c = fx.clustered.data;
    const r = complierAverageCausalEffect(c.y, c.z, c.z, { blocks: c.block, clusters: c.hh });
    expectClose(r.estimate, fx.clustered.itt[0], 1e-12, 1e-300, "cace = itt");
    expectClose(r.std_error, fx.clustered.itt_se[0], 1e-10, 1e-300, "se");
    expect(r.first_stage.std_error).toBeLessThan(1e-12);
  });
  it("refuses a zero or constant first stage", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 9];
    const z = [0, 1, 0, 1, 0, 1, 0, 1];
    expect(() => complierAverageCausalEffect(y, [0, 0, 0, 0, 0, 0, 0, 0], z)).toThrow(EstimationError);
    expect(() => complierAverageCausalEffect(y, [1, 1, 0, 0, 1, 1, 0, 0], z)).toThrow(/first stage is zero/);
    expect(() => complierAverageCausalEffect(y, [0, 2, 0, 0, 0, 0, 0, 0], z)).toThrow(/0 or 1/);
  });
});
