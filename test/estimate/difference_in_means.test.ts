import { describe, it, expect } from "vitest";
import { differenceInMeans } from "../../src/estimate/difference_in_means.js";
import { EstimationError } from "../../src/estimate/errors.js";
import { expectMatchesR, loadFixture } from "./helpers.js";

describe("difference_in_means against estimatr", () => {
  const one = loadFixture("one_block");
  const bl = loadFixture("blocks_unequal");
  const cl = loadFixture("clusters_unequal");
  const s = loadFixture("singletons");

  it("standard (Welch)", () => {
    const r = differenceInMeans(one.data.y, one.data.z);
    expect(r.design).toBe("Standard");
    expectMatchesR(r, one.dim, 0, 1e-8, "dim");
  });
  it("blocked, unequal blocks and treatment probabilities", () => {
    const r = differenceInMeans(bl.data.y, bl.data.z, { blocks: bl.data.block });
    expect(r.design).toBe("Blocked");
    expectMatchesR(r, bl.dim_blocked, 0, 1e-8, "blocked");
  });
  it("clustered (CR2, Bell-McCaffrey df)", () => {
    const r = differenceInMeans(cl.data.y, cl.data.z, { clusters: cl.data.cluster });
    expect(r.design).toBe("Clustered");
    expect(r.nclusters).toBe(90);
    expectMatchesR(r, cl.dim_clustered, 0, 1e-8, "clustered");
  });
  it("block-clustered (df = clusters - 2 blocks)", () => {
    const r = differenceInMeans(cl.data.y, cl.data.z, { blocks: cl.data.block, clusters: cl.data.cluster });
    expect(r.design).toBe("Block-clustered");
    expectMatchesR(r, cl.dim_block_clustered, 0, 1e-8, "block-clustered");
  });
  it("singleton clusters", () => {
    const r = differenceInMeans(s.data.y, s.data.z, { clusters: s.data.cluster });
    expectMatchesR(r, s.dim_clustered, 0, 1e-8, "singletons");
  });
  it("matched pairs", () => {
    // pairs: (1,2), (3,4), (5,6), (7,8); hand computation
    const y = [1, 3, 2, 5, 4, 4.5, 0, 2];
    const z = [0, 1, 0, 1, 1, 0, 0, 1];
    const blocks = [1, 1, 2, 2, 3, 3, 4, 4];
    const r = differenceInMeans(y, z, { blocks });
    const d = [2, 3, -0.5, 2];
    const m = d.reduce((a, b) => a + b) / 4;
    expect(r.design).toBe("Matched-pair");
    expect(r.estimate).toBeCloseTo(m, 14);
    expect(r.std_error).toBeCloseTo(Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / 12), 14);
    expect(r.df).toBe(3);
  });
  it("throws typed errors on degenerate input", () => {
    const n = one.data.y.length;
    expect(() => differenceInMeans(one.data.y, new Array(n).fill(0))).toThrow(EstimationError);
    expect(() => differenceInMeans(new Array(n).fill(2), one.data.z)).toThrow(/constant/);
    expect(() => differenceInMeans([1, 2, 3, 4], [0, 1, 1, 0], { clusters: [1, 1, 2, 2] })).toThrow(/same treatment/);
    expect(() => differenceInMeans([1, 2, 3, 4, 5], [0, 1, 1, 0, 1], { blocks: [1, 1, 2, 2, 3] })).toThrow(/multiple units/);
  });
});
