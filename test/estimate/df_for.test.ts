import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { blockCovariates, getTerm, lmLin } from "../../src/estimate/index.js";

// dfFor: the Bell-McCaffrey df of the treatment alone (what effekt estimate reports) must be the very same number
// as when every coefficient's df is computed; the other terms are refused by getTerm, never silently wrong.
describe("lm_lin CR2 with dfFor: [\"z\"]", () => {
  const rng = seedrandom("df-for");
  const n = 600;
  const clusters = Int32Array.from({ length: n }, (_, i) => Math.floor(i / (1 + (i % 3))) % 230);
  const z = Float64Array.from(clusters, (c) => (Math.floor(c / 4) % 2 === 0 ? 1 : 0));
  const blocks = Int32Array.from(clusters, (c) => c % 4);
  const x1 = Float64Array.from({ length: n }, () => rng());
  const x2 = Float64Array.from({ length: n }, () => (rng() < 0.3 ? 1 : 0));
  const y = Float64Array.from({ length: n }, (_, i) => 0.4 * z[i] + x1[i] - 0.5 * x2[i] + 0.1 * blocks[i] + rng() + 0.3 * Math.sin(clusters[i]));
  const covariates = [...blockCovariates(blocks), { name: "x1", values: x1 }, { name: "x2", values: x2 }];

  it("gives z's row bit for bit as the full computation", () => {
    const all = lmLin(y, z, covariates, { clusters, seType: "CR2" });
    const only = lmLin(y, z, covariates, { clusters, seType: "CR2", dfFor: ["z"] });
    expect(getTerm(only, "z")).toEqual(getTerm(all, "z"));
    expect(Array.from(only.vcov)).toEqual(Array.from(all.vcov));
    expect(getTerm(all, "x1_c").df).toBeGreaterThan(0);
    expect(() => getTerm(only, "x1_c")).toThrow(/x1_c: degrees of freedom not computed \(only for z\)/);
  });

  it("an unknown term is refused", () => {
    expect(() => lmLin(y, z, covariates, { clusters, seType: "CR2", dfFor: ["w"] })).toThrow(/no term w in the model/);
  });
});
