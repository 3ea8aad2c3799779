import { describe, it, expect } from "vitest";
import { differenceInMeans } from "../../src/estimate/difference_in_means.js";
import { blockCovariates, lmLin } from "../../src/estimate/lm_lin.js";
import { buildDesign, dummyColumns } from "../../src/estimate/design.js";
import { getTerm, lmRobust } from "../../src/estimate/lm_robust.js";
import { expectMatchesR, f64, loadFixture } from "./helpers.js";

describe("weights and matched pairs against estimatr", () => {
  const fx = loadFixture("weights_pairs");
  const c = fx.clustered;
  const b = fx.blocked;
  it("weighted difference in means (HC2)", () => {
    expectMatchesR(differenceInMeans(b.y, b.z, { weights: b.w }), fx.dim_w, 0, 1e-8, "dim w");
  });
  it("weighted blocked difference in means", () => {
    expectMatchesR(differenceInMeans(b.y, b.z, { weights: b.w, blocks: b.block }), fx.dim_w_blocked, 0, 1e-8, "dim w blocked");
  });
  it("weighted clustered difference in means (CR2)", () => {
    expectMatchesR(differenceInMeans(c.y, c.z, { weights: c.w, clusters: c.cluster }), fx.dim_w_clustered, 0, 1e-8, "dim w clustered");
  });
  it("weighted block-clustered difference in means", () => {
    const r = differenceInMeans(c.y, c.z, { weights: c.w, clusters: c.cluster, blocks: c.block });
    expectMatchesR(r, fx.dim_w_block_clustered, 0, 1e-8, "dim w block-clustered");
  });
  it("weighted lm_lin, CR2 and HC2", () => {
    const rc = lmLin(f64(c.y), c.z, [...blockCovariates(c.block), { name: "x1", values: c.x1 }], { clusters: c.cluster, weights: f64(c.w) });
    fx.lin_w_cr2.term.forEach((_: string, j: number) => expectMatchesR(rc.coefficients[j], fx.lin_w_cr2, j, 1e-8, "lin w cr2"));
    const rh = lmLin(f64(b.y), b.z, [...blockCovariates(b.block), { name: "x1", values: b.x1 }], { weights: f64(b.w) });
    fx.lin_w_hc2.term.forEach((_: string, j: number) => expectMatchesR(rh.coefficients[j], fx.lin_w_hc2, j, 1e-8, "lin w hc2"));
  });
  it("matched pairs of households", () => {
    const p = fx.pairs;
    const r = differenceInMeans(p.y, p.z, { blocks: p.block, clusters: p.cluster });
    expect(r.design).toBe("Matched-pair clustered");
    expectMatchesR(r, fx.dim_pairs_clustered, 0, 1e-8, "pairs clustered");
  });
  it("blocks of two mixed with larger blocks use the matched-pairs variance", () => {
    const m = fx.mixed;
    const r = differenceInMeans(m.y, m.z, { blocks: m.block });
    expect(r.design).toBe("Matched-pair");
    expect(r.notes.length).toBe(1);
    expectMatchesR(r, fx.dim_mixed, 0, 1e-8, "mixed");
  });
  it("pair fixed effects with CR2: every (I - H_gg) singular, pseudo-inverse square root as estimatr", () => {
    const p = fx.pairs;
    const des = buildDesign([{ name: "z", values: p.z }, ...dummyColumns(p.block)]);
    const r = lmRobust(des.X, des.n, des.k, f64(p.y), { clusters: p.cluster, names: des.names });
    fx.fe_pairs_cr2.term.forEach((_: string, j: number) => expectMatchesR(r.coefficients[j], fx.fe_pairs_cr2, j, 1e-8, "pair FE CR2"));
  });
  it("a saturated lm_lin (pair dummies interacted) refuses z's inference instead of reporting noise as a standard error", () => {
    // estimatr reports SE 2.6e-17 here; effekt refuses (getTerm throws the term's problem)
    const p = fx.pairs;
    expect(() => getTerm(lmLin(f64(p.y), p.z, blockCovariates(p.block), { clusters: p.cluster }), "z")).toThrow(/numerically zero/);
  });
  it("a block with a constant outcome contributes variance 0 (blocked and block-clustered)", () => {
    const cl = loadFixture("clusters_unequal").data;
    const yc = cl.y.map((v: number, i: number) => (cl.block[i] === 1 ? 1 : v));
    const r1 = differenceInMeans(yc, cl.z, { blocks: cl.block, clusters: cl.cluster });
    expectMatchesR(r1, fx.dim_const_block_clustered, 0, 1e-8, "const block clustered");
    const bl = loadFixture("blocks_unequal").data;
    const yb = bl.y.map((v: number, i: number) => (bl.block[i] === 1 ? 1 : v));
    expectMatchesR(differenceInMeans(yb, bl.z, { blocks: bl.block }), fx.dim_const_block, 0, 1e-8, "const block");
  });
  it("refuses weights with matched pairs", () => {
    const p = fx.pairs;
    expect(() => differenceInMeans(p.y, p.z, { blocks: p.block, clusters: p.cluster, weights: p.y.map(() => 1) })).toThrow(/matched-pairs/);
  });
});
