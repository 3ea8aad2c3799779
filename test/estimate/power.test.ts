import { describe, it, expect } from "vitest";
import { clusterDesignSe, minimumDetectableEffect, power } from "../../src/estimate/power.js";
import { expectClose, loadFixture } from "./helpers.js";

describe("cluster-randomised MDE and power", () => {
  const cases = loadFixture("power");
  it("agrees with the formula evaluated in R", () => {
    for (const c of cases) {
      const d = {
        households: c.households[0],
        personsPerHousehold: c.m[0],
        icc: c.icc[0],
        shareTreated: c.share[0],
        r2: c.r2[0],
        clusterSizeCv: c.cv[0],
        alpha: c.alpha[0],
      };
      const s = clusterDesignSe(d);
      expectClose(s.std_error, c.se[0], 1e-12, 1e-300, "se");
      expectClose(s.design_effect, c.deff[0], 1e-12, 1e-300, "deff");
      // the fixture's mde and power are Bloom's shifted central t; effekt uses the exact noncentral t (checked to
      // 1e-8 against R in power_independent.test.ts), within 0.3% / 0.01 of Bloom's here (df >= 38)
      expect(Math.abs(minimumDetectableEffect(d, c.target_power[0]).mde / c.mde[0] - 1), "mde").toBeLessThan(3e-3);
      expect(Math.abs(power(d, c.effect[0]).power - c.power[0]), "power").toBeLessThan(0.01);
    }
  });
  it("equals the design-effect form and the 2.8 SE rule for large J", () => {
    const d = { households: 1_000_000, personsPerHousehold: 3, icc: 0.2, r2: 0.25, distribution: "normal" as const };
    const s = clusterDesignSe(d);
    const deff = 1 + 2 * 0.2;
    expect(s.std_error).toBeCloseTo(Math.sqrt((0.75 * deff) / (0.25 * 3_000_000)), 15);
    // z_{0.975} + z_{0.8} = 2.8016, less the far tail Phi(-2 z_{0.975} - z_{0.8}) ~ 9.6e-7 that the exact MDE counts
    expect(minimumDetectableEffect(d).mde / s.std_error).toBeCloseTo(2.8016, 4);
    expect(minimumDetectableEffect(d).mde / s.std_error).toBeLessThan(1.959963984540054 + 0.8416212335729143);
    expect(power(d, minimumDetectableEffect(d).mde).power).toBeCloseTo(0.8, 12);
  });
  it("rejects impossible designs", () => {
    expect(() => clusterDesignSe({ households: 2, personsPerHousehold: 2, icc: 0.1 })).toThrow();
    expect(() => clusterDesignSe({ households: 50, personsPerHousehold: 2, icc: 1.5 })).toThrow();
    expect(() => clusterDesignSe({ households: 50, personsPerHousehold: 2, icc: 0.1, shareTreated: 1 })).toThrow();
  });
  it("refuses what it cannot compute instead of hanging or printing NaN (found by the fuzz suite)", () => {
    const d = { households: 3, personsPerHousehold: 7, icc: 0 };
    // alpha 1e-194 once made the critical value Infinity and the MDE search double its bracket for ever
    expect(() => minimumDetectableEffect({ ...d, alpha: 1e-194 })).toThrow(/alpha must be in \[0.000001, 0.5\]/);
    expect(() => minimumDetectableEffect({ ...d, alpha: 0.6 })).toThrow(/alpha/);
    expect(() => minimumDetectableEffect(d, 1 - 1e-9)).toThrow(/power must be in/);
    // a standard error that underflows to 0 or overflows
    expect(() => clusterDesignSe({ ...d, sd: 1e-300 })).toThrow(/standard error 0 is not a positive finite number/);
    expect(() => clusterDesignSe({ ...d, sd: 1e300 })).toThrow(/standard error Infinity/);
    // a vast effect has power 1, not NaN (pnorm of -1e155 was NaN)
    expect(power(d, -1.4e155).power).toBe(1);
    expect(power(d, 1e300).power).toBe(1);
    expect(minimumDetectableEffect({ ...d, alpha: 1e-6 }, 0.999999).mde).toBeGreaterThan(0);
  });
});
