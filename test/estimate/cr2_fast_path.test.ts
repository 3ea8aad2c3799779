import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { lmLin } from "../../src/estimate/lm_lin.js";
import { olsFit } from "../../src/estimate/ols.js";
import { robustVcov } from "../../src/estimate/variance.js";

// The unweighted CR2 path (cr2Unweighted: W_g = X_g L, buffers reused across clusters, zero columns skipped, df only
// for the requested coefficients) against the general weighted path (clusterVcov, which forms every block
// directly) with all weights 1, where the two formulas coincide. The design mixes what the fast path special-cases:
// singleton clusters, clusters larger than k (the buffers must grow), control households whose z and z:x columns
// are zero, and a cluster with a leverage-one row (the pseudo-inverse square root).
describe("CR2 fast path equals the general path with unit weights", () => {
  const rng = seedrandom("cr2-fast-path");
  const sizes = [1, 2, 3, 1, 9, 2, 4, 1, 14, 3, 2, 5, 1, 1, 2, 3, 7, 2, 1, 4];
  const clusterOf: number[] = [];
  for (let rep = 0; rep < 6; rep++) {
    for (let j = 0; j < sizes.length; j++) for (let r = 0; r < sizes[j]; r++) clusterOf.push(rep * sizes.length + j);
  }
  const n = clusterOf.length;
  const clusters = Int32Array.from(clusterOf);
  const z = Float64Array.from(clusters, (c) => (c % 3 === 0 ? 1 : 0));
  const x1 = Float64Array.from({ length: n }, () => rng() * 2 - 1);
  const x2 = Float64Array.from({ length: n }, () => (rng() < 0.3 ? 1 : 0));
  const y = Float64Array.from({ length: n }, (_, i) => 0.5 * z[i] + x1[i] - x2[i] + rng() + 0.2 * Math.cos(clusters[i]));

  function both(dfCoefficients?: number[]) {
    const fit = lmLin(y, z, [{ name: "x1", values: x1 }, { name: "x2", values: x2 }], { clusters, seType: "CR2" }).fit;
    const base = { X: fit.workingX, n: fit.n, k: fit.k, xtxInv: fit.xtxInv, residuals: fit.workingResiduals, seType: "CR2" as const, clusters };
    const fast = robustVcov({ ...base, dfCoefficients });
    const general = robustVcov({ ...base, weights: new Float64Array(n).fill(1) });
    return { fast, general, k: fit.k };
  }

  it("vcov and every Bell-McCaffrey df agree to 1e-10", () => {
    const { fast, general, k } = both();
    expect(k).toBe(6);
    for (let i = 0; i < k * k; i++) expect(Math.abs(fast.vcov[i] - general.vcov[i])).toBeLessThanOrEqual(1e-10 * Math.abs(general.vcov[i]) + 1e-300);
    for (let c = 0; c < k; c++) {
      expect(fast.df[c]).toBeGreaterThan(1);
      expect(Math.abs(fast.df[c] - general.df[c])).toBeLessThanOrEqual(1e-10 * general.df[c]);
    }
  });

  it("asking for one coefficient's df gives that df bit for bit and NaN for the rest", () => {
    const all = both().fast;
    const one = both([1]).fast;
    expect(one.df[1]).toBe(all.df[1]);
    expect(Array.from(one.vcov)).toEqual(Array.from(all.vcov));
    expect(Number.isNaN(one.df[0])).toBe(true);
  });

  it("a cluster holding a row of leverage one (the only unit with a dummy) still gives finite figures", () => {
    const only = new Float64Array(n);
    only[4] = 1; // a row of the 9-person cluster
    const fit = olsFit(Float64Array.from([...new Float64Array(n).fill(1), ...z, ...x1, ...only]), n, 4, y);
    const v = robustVcov({ X: fit.workingX, n, k: 4, xtxInv: fit.xtxInv, residuals: fit.workingResiduals, seType: "CR2", clusters, dfCoefficients: [1] });
    const g = robustVcov({ X: fit.workingX, n, k: 4, xtxInv: fit.xtxInv, residuals: fit.workingResiduals, seType: "CR2", clusters, weights: new Float64Array(n).fill(1) });
    expect(v.vcov[5]).toBeGreaterThan(0); // z's variance, row-major (1, 1)
    expect(Math.abs(v.vcov[5] - g.vcov[5])).toBeLessThanOrEqual(1e-8 * g.vcov[5]);
    expect(Math.abs(v.df[1] - g.df[1])).toBeLessThanOrEqual(1e-8 * g.df[1]);
  });
});
