import { describe, expect, it } from "vitest";
import * as estimate from "../../src/estimate/index.js";

// The package's numerical core is used through src/estimate/index.ts: every public piece is reachable there.
describe("src/estimate/index.ts", () => {
  it("exports the RI, subgroup and cluster Wald test functions", () => {
    for (const name of [
      "lotteryRedraws",
      "riPValues",
      "leanDifferenceInMeans",
      "subgroupEffects",
      "interactionTest",
      "clusterWaldTest",
      "leanLin",
      "recordLinRedraws",
      "riPValueAt",
      "riConfidenceInterval",
      "westfallYoungMinP",
      "simulatePower",
      "powerCace",
    ] as const) {
      expect(typeof estimate[name], name).toBe("function");
    }
    expect(estimate.RI_TIE_TOLERANCE).toBe(1e-9);
  });
});
