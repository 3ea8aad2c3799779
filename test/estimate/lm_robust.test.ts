import { describe, it, expect } from "vitest";
import { buildDesign } from "../../src/estimate/design.js";
import { EstimationError } from "../../src/estimate/errors.js";
import { lmRobust } from "../../src/estimate/lm_robust.js";
import type { SeType } from "../../src/estimate/variance.js";
import { expectMatchesR, f64, loadFixture, type RResult } from "./helpers.js";

function check(fx: { data: Record<string, number[]> }, r: RResult, cols: string[], seType: SeType, opts: { clusters?: string; weights?: number[] } = {}): void {
  const d = fx.data;
  const design = buildDesign(cols.map((c) => ({ name: c, values: d[c] })));
  const res = lmRobust(design.X, design.n, design.k, f64(d.y), {
    seType,
    clusters: opts.clusters ? d[opts.clusters] : undefined,
    weights: opts.weights ? f64(opts.weights) : undefined,
    names: design.names,
  });
  for (let j = 0; j < r.term.length; j++) expectMatchesR(res.coefficients[j], r, j, 1e-8, seType);
}

describe("lm_robust against estimatr", () => {
  const one = loadFixture("one_block");
  for (const t of ["HC0", "HC1", "HC2", "HC3"] as const) {
    it(`${t}`, () => check(one, one[t.toLowerCase()], ["z", "x1", "x2"], t));
  }
  it("HC2 weighted", () => check(one, one.hc2_weighted, ["z", "x1", "x2"], "HC2", { weights: one.data.w }));

  const cl = loadFixture("clusters_unequal");
  it("CR2 with Bell-McCaffrey df, unequal clusters", () => check(cl, cl.cr2, ["z", "x1"], "CR2", { clusters: "cluster" }));
  it("CR0", () => check(cl, cl.cr0, ["z", "x1"], "CR0", { clusters: "cluster" }));
  it("CR1 (stata)", () => check(cl, cl.cr1_stata, ["z", "x1"], "CR1", { clusters: "cluster" }));
  it("CR2 weighted", () =>
    check(cl, cl.cr2_weighted, ["z", "x1"], "CR2", { clusters: "cluster", weights: cl.data.x1.map((x: number) => x * x + 0.5) }));

  const s = loadFixture("singletons");
  it("CR2 on singleton clusters (HC2 standard errors, BM df)", () => check(s, s.cr2, ["z", "x1"], "CR2", { clusters: "cluster" }));
  it("HC2 on the singleton data", () => check(s, s.hc2, ["z", "x1"], "HC2"));

  it("throws on a rank-deficient design", () => {
    const d = one.data;
    const twice = d.x1.map((x: number) => 2 * x);
    const design = buildDesign([{ name: "x1", values: d.x1 }, { name: "x1b", values: twice }]);
    expect(() => lmRobust(design.X, design.n, design.k, f64(d.y))).toThrow(EstimationError);
  });
  it("throws on a constant outcome", () => {
    const design = buildDesign([{ name: "z", values: one.data.z }]);
    expect(() => lmRobust(design.X, design.n, design.k, new Float64Array(design.n).fill(3))).toThrow(/constant/);
  });
});
