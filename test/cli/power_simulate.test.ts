import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runPowerSimulation } from "../../src/cli/power.js";
import { effekt, quiet, SAMPLES, tempDir } from "../helpers.js";

/**
 * `effekt power --simulate` on the sample lottery (two waves with 80/321 and 60/92 places): the diagnosis has a
 * row per estimator of `effekt estimate` (with the CACE when take-up is below one) and is reproducible from its
 * seed. (Size at no effect and agreement with the analytic power on designs where both
 * apply: test/estimate/power_simulation.test.ts.)
 */
let registerPath = "";

beforeAll(() => {
  const dir = tempDir();
  registerPath = join(dir, "allocations.csv");
  for (const [wave, date, treat] of [["1", "2025-03-01", "80"], ["2", "2025-09-01", "60"]]) {
    const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", date,
      "--register", registerPath, "--wave", wave, "--seed", `viborg-2025-wave-${wave}`, "--treat", treat]);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe("effekt power --simulate", () => {
  const base = { register: "", persons: join(SAMPLES, "persons.csv"), icc: "0.3", sd: "0.3", r2: "0.2", sims: "40", progress: false, simulate: true };

  it("simulates the register's two waves with the persons' household sizes: a row per estimator, the CACE with take-up", () => {
    const { value, out } = quiet(() => runPowerSimulation({ ...base, register: registerPath, effect: "0.1", takeup: "0.7" }));
    expect(value.diagnosis.map((d) => `${d.estimator}/${d.estimand}`)).toEqual(expect.arrayContaining(["difference_in_means/ITT", "lm_lin/ITT"]));
    expect(value.diagnosis.filter((d) => d.estimand === "CACE")).toHaveLength(1);
    for (const d of value.diagnosis) {
      expect(d.sims).toBe(40);
      for (const v of [d.power, d.coverage]) expect(v).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(d.rmse) && d.rmse > 0).toBe(true);
    }
    expect(out).toMatch(/wave 1: 321 households, 24.9% treated; wave 2: 92 households, 65.2% treated/);
    expect(out).toMatch(/analytic power of the same design/);
    expect(value.analytic.cace).toBeDefined();
  });

  it("the same seed gives the same diagnosis; another seed another", () => {
    const run = (seed: string) => quiet(() => runPowerSimulation({ ...base, register: registerPath, effect: "0.1", seed, persons: undefined, personsPerHousehold: "1.6", householdSizeCv: "0.4" })).value.diagnosis;
    expect(run("x")).toEqual(run("x"));
    expect(run("x")[0].mean_estimate).not.toBe(run("y")[0].mean_estimate);
  });

  it("refuses without a register or an effect, or with --households", () => {
    expect(() => runPowerSimulation({ ...base, register: undefined, effect: "0.1" })).toThrow(/--register/);
    expect(() => runPowerSimulation({ ...base, register: registerPath })).toThrow(/--effect/);
    expect(() => runPowerSimulation({ ...base, register: registerPath, effect: "0.1", households: "100" })).toThrow(/--households/);
  });
});
