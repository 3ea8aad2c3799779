import { describe, it } from "vitest";
import { blockCovariates, lmLin } from "../../src/estimate/lm_lin.js";
import { expectMatchesR, f64, loadFixture, type RResult } from "./helpers.js";
import type { LmRobustResult } from "../../src/estimate/lm_robust.js";

function all(res: LmRobustResult, r: RResult, label: string): void {
  for (let j = 0; j < r.term.length; j++) expectMatchesR(res.coefficients[j], r, j, 1e-8, label);
}

describe("lm_lin against estimatr", () => {
  it("two covariates, HC2", () => {
    const fx = loadFixture("one_block");
    const d = fx.data;
    const res = lmLin(f64(d.y), d.z, [{ name: "x1", values: d.x1 }, { name: "x2", values: d.x2 }]);
    all(res, fx.lin_hc2, "lin");
  });
  it("block dummies as covariates, HC2", () => {
    const fx = loadFixture("blocks_unequal");
    const d = fx.data;
    all(lmLin(f64(d.y), d.z, blockCovariates(d.block)), fx.lin_blocks_hc2, "lin blocks");
    all(lmLin(f64(d.y), d.z, [...blockCovariates(d.block), { name: "x1", values: d.x1 }]), fx.lin_blocks_x_hc2, "lin blocks + x1");
  });
  it("blocks and a covariate, clustered CR2", () => {
    const fx = loadFixture("clusters_unequal");
    const d = fx.data;
    const res = lmLin(f64(d.y), d.z, [...blockCovariates(d.block), { name: "x1", values: d.x1 }], { clusters: d.cluster });
    all(res, fx.lin_cr2, "lin cr2");
  });
});
