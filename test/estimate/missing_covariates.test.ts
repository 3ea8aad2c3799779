import { describe, it, expect } from "vitest";
import { imputeMissingCovariates } from "../../src/estimate/missing_covariates.js";
import { blockCovariates, lmLin } from "../../src/estimate/lm_lin.js";
import { getTerm } from "../../src/estimate/lm_robust.js";
import { differenceInMeans } from "../../src/estimate/difference_in_means.js";
import { expectClose, expectMatchesR, f64, loadFixture } from "./helpers.js";

const fx = loadFixture("missing_covariates");
const d = fx.data;
const withNaN = (v: (number | null)[]) => Float64Array.from(v, (x) => (x === null ? NaN : x));

describe("missing baseline covariates: mean imputation with an indicator (Lin)", () => {
  const imputed = imputeMissingCovariates([{ name: "x1", values: withNaN(d.x1) }, { name: "x2", values: withNaN(d.x2) }]);
  it("imputes the mean of the observed values and adds the indicator after each covariate", () => {
    expect(imputed.columns.map((c) => c.name)).toEqual(["x1", "x1 missing", "x2", "x2 missing"]);
    const i = d.x1.indexOf(null);
    expectClose(imputed.columns[0].values[i], fx.x1_mean[0], 1e-12, 1e-300, "x1 mean");
    expect(imputed.columns[1].values[i]).toBe(1);
    expect(imputed.missing).toEqual([
      { name: "x1", count: d.x1.filter((v: number | null) => v === null).length },
      { name: "x2", count: d.x2.filter((v: number | null) => v === null).length },
    ]);
  });
  it("Lin's regression on every person equals estimatr's lm_lin on the imputed data", () => {
    const r = lmLin(f64(d.y), f64(d.z), [...blockCovariates(d.block), ...imputed.columns], { clusters: d.hh, seType: "CR2" });
    expectMatchesR(getTerm(r, "z"), fx.lin_imputed, fx.lin_imputed.term.indexOf("z"), 1e-8, "lin imputed");
  });
  it("the difference in means keeps every person", () => {
    expectMatchesR(differenceInMeans(d.y, d.z, { blocks: d.block, clusters: d.hh }), fx.dim_all, 0, 1e-8, "dim");
  });
  it("a complete covariate passes unchanged; one missing for everyone is left out", () => {
    const x = { name: "x", values: f64([1, 2, 3]) };
    const r = imputeMissingCovariates([x, { name: "gone", values: f64([NaN, NaN, NaN]) }]);
    expect(r.columns).toEqual([x]);
    expect(r.empty).toEqual(["gone"]);
  });
});
