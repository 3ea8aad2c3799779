import { describe, it, expect } from "vitest";
import type { RegisterRow } from "../../src/io/register.js";
import { lotteryRedraws } from "../../src/draw/redraw.js";
import { simulatePower, type SimulatedData, type SimulatedEstimate } from "../../src/estimate/power_simulation.js";
import { clusterDesignSe, power, powerCace } from "../../src/estimate/power.js";
import { differenceInMeans } from "../../src/estimate/index.js";

/**
 * `simulatePower` (the lottery re-run, an outcome model, the estimator) against the analytic power of the same
 * design (`power.ts` with waves of their own shares, take-up and attrition): they must agree where both apply,
 * equal household sizes and the size-weighted blocked difference in means. Seeded; the tolerances are Monte
 * Carlo errors (about 3 standard errors of a proportion over the simulations) plus the analytic formula's own
 * approximation (it ignores the noise that random take-up adds).
 */
function register(waves: { households: number; treated: number }[]): RegisterRow[] {
  const rows: RegisterRow[] = [];
  waves.forEach((w, i) => {
    for (let h = 0; h < w.households; h++) {
      rows.push({ householdId: `W${i + 1}H${String(h).padStart(4, "0")}`, wave: i + 1, stratum: "A", arm: h < w.treated ? "treatment" : "control", pNumerator: w.treated, pDenominator: w.households, drawDate: "2025-03-01", seal: "" });
    }
  });
  return rows;
}

const dim = (data: SimulatedData): SimulatedEstimate[] => {
  const r = differenceInMeans(data.y, data.z, { blocks: data.blocks, clusters: data.clusters });
  return [{ estimator: "difference_in_means", estimand: "ITT", estimate: r.estimate, std_error: r.std_error, ci_low: r.ci_low, ci_high: r.ci_high, p_value: r.p_value }];
};

describe("power by simulating the lottery agrees with the analytic power of the same design", () => {
  const waves = [{ households: 200, treated: 50 }, { households: 120, treated: 78 }];
  const redraws = lotteryRedraws(register(waves), "power-test");
  const H = redraws.households.length;
  const source = { nHouseholds: H, observed: redraws.observed, draw: redraws.draw };
  const block = Int32Array.from(redraws.households, (id) => (id.startsWith("W1") ? 1 : 2));
  const size = new Int32Array(H).fill(2);
  const design = { households: 0, personsPerHousehold: 2, icc: 0.3, waves: waves.map((w) => ({ households: w.households, shareTreated: w.treated / w.households })) };
  const SIMS = 1500;

  it("two waves with shares 0.25 and 0.65, households of two, ICC 0.3: power, SE, bias and coverage", () => {
    const effect = 0.3;
    const analytic = power(design, effect);
    const [d] = simulatePower({ source, block, size, model: { effect, sd: 1, icc: 0.3 }, sims: SIMS, seed: "s1", alpha: 0.05, estimate: dim });
    expect(d.not_estimated).toBe(0);
    expect(d.mean_estimand).toBeCloseTo(effect, 12);
    const mc = Math.sqrt((analytic.power * (1 - analytic.power)) / SIMS);
    expect(Math.abs(d.power - analytic.power), `simulated ${d.power}, analytic ${analytic.power}`).toBeLessThan(3 * mc + 0.01);
    expect(Math.abs(d.sd_estimate / analytic.std_error - 1), `sd ${d.sd_estimate}, se ${analytic.std_error}`).toBeLessThan(0.06);
    expect(Math.abs(d.bias)).toBeLessThan(3 * (analytic.std_error / Math.sqrt(SIMS)));
    expect(Math.abs(d.coverage - 0.95)).toBeLessThan(3 * Math.sqrt(0.95 * 0.05 / SIMS));
    expect(Math.abs(d.rmse / d.sd_estimate - 1)).toBeLessThan(0.02);
  });

  it("the same with 70% take-up and 10% attrition: the ITT's power is the analytic CACE power", () => {
    const effect = 0.45;
    const d2 = { ...design, takeup: 0.7, attrition: 0.1 };
    const analytic = powerCace(d2, effect);
    expect(analytic.std_error_cace).toBeCloseTo(analytic.std_error / 0.7, 14);
    const [d] = simulatePower({ source, block, size, model: { effect, sd: 1, icc: 0.3, takeup: 0.7, attrition: 0.1 }, sims: SIMS, seed: "s2", alpha: 0.05, estimate: dim });
    expect(Math.abs(d.mean_estimand / (effect * 0.7) - 1)).toBeLessThan(0.02);
    const mc = Math.sqrt((analytic.power * (1 - analytic.power)) / SIMS);
    expect(Math.abs(d.power - analytic.power), `simulated ${d.power}, analytic ${analytic.power}`).toBeLessThan(3 * mc + 0.02);
    expect(Math.abs(d.sd_estimate / analytic.std_error - 1)).toBeLessThan(0.08);
    expect(Math.abs(d.coverage - 0.95)).toBeLessThan(3 * Math.sqrt(0.95 * 0.05 / SIMS));
  });

  it("at no effect the simulated rejection rate is the test's size", () => {
    const [d] = simulatePower({ source, block, size, model: { effect: 0, sd: 1, icc: 0.3 }, sims: SIMS, seed: "s3", alpha: 0.05, estimate: dim });
    expect(Math.abs(d.power - 0.05)).toBeLessThan(3 * Math.sqrt(0.05 * 0.95 / SIMS));
  });

  it("is reproducible: the same seed gives the same diagnosis, another seed another", () => {
    const run = (seed: string) => simulatePower({ source, block, size, model: { effect: 0.2, sd: 2, icc: 0.1, r2: 0.3, takeup: 0.8 }, sims: 20, seed, alpha: 0.05, estimate: dim });
    expect(run("a")).toEqual(run("a"));
    expect(run("a")[0].mean_estimate).not.toBe(run("b")[0].mean_estimate);
  });
});

describe("analytic power of the design as it is", () => {
  it("one wave equals the single-share design; waves weight 1 / (P (1 - P)) by size; attrition and take-up", () => {
    const base = { households: 300, personsPerHousehold: 1.6, icc: 0.2, shareTreated: 0.3 };
    const one = clusterDesignSe(base);
    const waved = clusterDesignSe({ ...base, waves: [{ households: 300, shareTreated: 0.3 }] });
    expect(waved.std_error / one.std_error).toBeCloseTo(1, 14);
    const two = clusterDesignSe({ ...base, waves: [{ households: 200, shareTreated: 0.25 }, { households: 100, shareTreated: 0.65 }] });
    const factor = (2 / 3) / (0.25 * 0.75) + (1 / 3) / (0.65 * 0.35);
    expect((two.std_error / one.std_error) ** 2).toBeCloseTo(factor * 0.3 * 0.7, 12);
    expect(two.df).toBe(300 - 4);
    const lost = clusterDesignSe({ ...base, attrition: 0.2 });
    expect((lost.std_error / one.std_error) ** 2).toBeCloseTo(1 / 0.8, 12);
    const cace = clusterDesignSe({ ...base, takeup: 0.6 });
    expect(cace.std_error).toBe(one.std_error);
    expect(cace.std_error_cace).toBeCloseTo(one.std_error / 0.6, 14);
    expect(() => clusterDesignSe({ ...base, takeup: 0 })).toThrow(/takeup/);
    expect(() => clusterDesignSe({ ...base, attrition: 1 })).toThrow(/attrition/);
    expect(() => clusterDesignSe({ ...base, waves: [{ households: 10, shareTreated: 1 }] })).toThrow(/share/);
  });
});
