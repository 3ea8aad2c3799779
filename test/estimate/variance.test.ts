import { describe, it, expect } from "vitest";
import { buildDesign } from "../../src/estimate/design.js";
import { differenceInMeans } from "../../src/estimate/difference_in_means.js";
import { lmLin } from "../../src/estimate/lm_lin.js";
import { lmRobust } from "../../src/estimate/lm_robust.js";
import { olsFit } from "../../src/estimate/ols.js";
import { robustVcov } from "../../src/estimate/variance.js";
import { expectClose, expectMatchesR, f64, loadFixture } from "./helpers.js";

/** Deterministic generator for the scale test (no dependence on Math.random). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("variance core", () => {
  it("CR2 does not depend on row order (clusters need not be contiguous)", () => {
    const fx = loadFixture("clusters_unequal");
    const d = fx.data;
    const n = d.y.length;
    const rnd = lcg(7);
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const pick = (v: number[]) => perm.map((i) => v[i]);
    const des = buildDesign([{ name: "z", values: pick(d.z) }, { name: "x1", values: pick(d.x1) }]);
    const res = lmRobust(des.X, des.n, des.k, f64(pick(d.y)), { clusters: pick(d.cluster), names: des.names });
    for (let j = 0; j < 3; j++) expectMatchesR(res.coefficients[j], fx.cr2, j, 1e-8, "shuffled CR2");
  });

  it("CR0 with singleton clusters equals HC0", () => {
    const fx = loadFixture("singletons");
    const d = fx.data;
    const des = buildDesign([{ name: "z", values: d.z }, { name: "x1", values: d.x1 }]);
    const fit = olsFit(des.X, des.n, des.k, f64(d.y));
    const base = { X: fit.workingX, n: fit.n, k: fit.k, xtxInv: fit.xtxInv, residuals: fit.workingResiduals };
    const cr0 = robustVcov({ ...base, seType: "CR0", clusters: d.cluster });
    const hc0 = robustVcov({ ...base, seType: "HC0" });
    for (let i = 0; i < 9; i++) expectClose(cr0.vcov[i], hc0.vcov[i], 1e-12, 1e-300, `vcov ${i}`);
  });

  it("scales: CR2 with Bell-McCaffrey df on 20,000 households of 1-10 persons in seconds", () => {
    const rnd = lcg(42);
    const cl: number[] = [];
    const z: number[] = [];
    const x: number[] = [];
    const b: number[] = [];
    for (let g = 0; g < 20_000; g++) {
      const m = 1 + Math.floor(rnd() * 10);
      const zg = rnd() < 0.5 ? 1 : 0;
      for (let i = 0; i < m; i++) {
        cl.push(g);
        z.push(zg);
        x.push(rnd());
        b.push(g % 3);
      }
    }
    const y = Float64Array.from(z, (zi, i) => 0.3 * zi + x[i] + rnd());
    const t0 = Date.now();
    const r = lmLin(y, z, [{ name: "x", values: x }], { clusters: cl });
    const d = differenceInMeans(y, z, { blocks: b, clusters: cl });
    const ms = Date.now() - t0;
    expect(ms).toBeLessThan(30_000);
    expect(r.coefficients[1].df).toBeGreaterThan(1000);
    expect(r.coefficients[1].df).toBeLessThan(20_000);
    expect(Math.abs(r.coefficients[1].estimate - 0.3)).toBeLessThan(0.05);
    expect(d.df).toBe(20_000 - 6);
  });
});
