import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runPowerSimulation } from "../../src/cli/power.js";
import { effekt, quiet, SAMPLES, tempDir } from "../helpers.js";

/**
 * `effekt power --simulate` from a households file (a lottery planned, not yet drawn): the wave
 * `effekt draw` would run (eligibility from cases on the date, strata, places) is simulated as a register's would
 * be. Proof: with the places given per stratum it is the same design as the register holding that wave once
 * drawn, so the diagnosis is identical to the register's, number for number; and on a simple design (one person
 * per household) the simulated power of the difference in means agrees with the analytic power.
 */
const TREAT = "Ellekonebakken=26,Houlkær=38,Karup Kølvrå=16";
let registerPath = "";

beforeAll(() => {
  registerPath = join(tempDir(), "allocations.csv");
  const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01",
    "--register", registerPath, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", TREAT]);
  expect(r.code, r.stderr).toBe(0);
});

const planned = { householdsFile: join(SAMPLES, "households.csv"), cases: join(SAMPLES, "cases.csv"), date: "2025-03-01", treat: TREAT, strata: "area", minCases: "2" };
const base = { icc: "0.3", sd: "0.3", r2: "0.2", sims: "60", progress: false, simulate: true, persons: join(SAMPLES, "persons.csv"), effect: "0.1", takeup: "0.7" };

describe("effekt power --simulate --households-file", () => {
  it("simulates the wave effekt draw would run: the same diagnosis as the register of that wave once drawn", () => {
    const fromFile = quiet(() => runPowerSimulation({ ...base, ...planned }));
    const fromRegister = quiet(() => runPowerSimulation({ ...base, register: registerPath }));
    expect(fromFile.out).toMatch(/households\.csv, the wave effekt draw would run \(wave 1: 321 households, 24\.9% treated\)/);
    expect(fromFile.value.diagnosis.length).toBeGreaterThanOrEqual(3);
    expect(fromFile.value).toEqual(fromRegister.value);
  });

  it("on a simple design (one person per household) the simulated power of the difference in means agrees with the analytic power", () => {
    const simple = { ...planned, icc: "0", sd: "1", r2: "0", sims: "600", progress: false, simulate: true, personsPerHousehold: "1", householdSizeCv: "0", effect: "0.28", seed: "agree" };
    const { value } = quiet(() => runPowerSimulation(simple));
    const dim = value.diagnosis.find((d) => d.estimator === "difference_in_means" && d.estimand === "ITT")!;
    // 321 households, 80 treated: analytic power about one half, where the Monte Carlo error is largest (sd 0.02)
    expect(value.analytic.itt).toBeGreaterThan(0.4);
    expect(value.analytic.itt).toBeLessThan(0.7);
    expect(Math.abs(dim.power - value.analytic.itt)).toBeLessThan(0.06);
    expect(Math.abs(dim.coverage - 0.95)).toBeLessThan(0.03);
  }, 60_000);

  it("refuses --register with --households-file, and a households file without --treat", () => {
    expect(() => runPowerSimulation({ ...base, ...planned, register: registerPath })).toThrow(/--register or --households-file, not both/);
    expect(() => runPowerSimulation({ ...base, ...planned, treat: undefined })).toThrow(/--treat/);
    expect(() => runPowerSimulation({ ...base, ...planned, date: undefined })).toThrow(/--cases needs --date/);
  });
});
