import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Command } from "commander";
import { registerEstimate, runEstimate } from "../../src/cli/estimate.js";
import { differenceInMeans } from "../../src/estimate/index.js";
import { readRegister } from "../../src/io/register.js";
import { effekt, SAMPLES, tempDir } from "../helpers.js";

let dir = "";
let registerPath = "";
let outcomesPath = "";
let dupPath = "";
let takeupPath = "";
const personsPath = join(SAMPLES, "persons.csv");

/** A deterministic pseudo-random number in [0, 1) from a string (no shared state). */
function hashUnit(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

beforeAll(() => {
  dir = tempDir();
  registerPath = join(dir, "allocations.csv");
  const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", "2025-03-01",
    "--register", registerPath, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80"]);
  expect(r.code, r.stderr).toBe(0);
  const drawn = new Map(readRegister(registerPath).map((a) => [a.householdId, a.arm]));
  const lines = readFileSync(personsPath, "utf8").trim().split("\n").slice(1);
  const out = ["person_id,outcome,date,value"];
  const take = ["household_id,took_up"];
  for (const l of lines) {
    const [pid, hid, , , role] = l.split(",");
    if (!drawn.has(hid) || role !== "adult") continue;
    const u = hashUnit(pid);
    const v = u < 0.05 ? "NA" : (0.3 + 0.5 * hashUnit(`${pid}x`) + (drawn.get(hid) === "treatment" ? 0.05 : 0)).toFixed(3);
    out.push(`${pid},employment,2026-03-01,${v}`);
  }
  for (const [hid, arm] of drawn) take.push(`${hid},${arm === "treatment" && hashUnit(hid) < 0.75 ? "true" : "false"}`);
  outcomesPath = join(dir, "outcomes.csv");
  writeFileSync(outcomesPath, `${out.join("\n")}\n`);
  dupPath = join(dir, "dup.csv");
  writeFileSync(dupPath, `${out.join("\n")}\n${out[1].replace("2026-03-01", "2028-03-01")}\n`);
  takeupPath = join(dir, "takeup.csv");
  writeFileSync(takeupPath, `${take.join("\n")}\n`);
});

describe("effekt estimate (quick mode)", () => {
  it("difference in means equals differenceInMeans on the same arrays; no NaN; CACE row with take-up", async () => {
    const out = join(dir, "effects.csv");
    const { rows } = await runEstimate({ register: registerPath, persons: personsPath, outcomes: outcomesPath, outcome: ["employment"], takeup: takeupPath, out, permutations: "20", seed: "t" });
    // the same arrays by hand
    const reg = new Map(readRegister(registerPath).map((a) => [a.householdId, a]));
    const hhOf = new Map(readFileSync(personsPath, "utf8").trim().split("\n").slice(1).map((l) => [l.split(",")[0], l.split(",")[1]] as const));
    const y: number[] = [];
    const z: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    const bc = new Map<string, number>();
    const cc = new Map<string, number>();
    for (const l of readFileSync(outcomesPath, "utf8").trim().split("\n").slice(1)) {
      const [pid, , , v] = l.split(",");
      if (v === "NA") continue;
      const a = reg.get(hhOf.get(pid)!)!;
      const bk = `${a.wave}/${a.stratum}`;
      if (!bc.has(bk)) bc.set(bk, bc.size);
      if (!cc.has(a.householdId)) cc.set(a.householdId, cc.size);
      y.push(Number(v));
      z.push(a.arm === "treatment" ? 1 : 0);
      b.push(bc.get(bk)!);
      c.push(cc.get(a.householdId)!);
    }
    const direct = differenceInMeans(Float64Array.from(y), Float64Array.from(z), { blocks: b, clusters: c });
    const dim = rows.find((r) => r.estimator === "difference_in_means")!;
    expect(Number(dim.estimate)).toBeCloseTo(direct.estimate, 8);
    expect(Number(dim.std_error)).toBeCloseTo(direct.std_error, 8);
    // ri2's p = #{|T_s| >= |T_obs|} / S: this strong effect is never matched in 20 re-draws
    expect(dim.p_ri).toBe(0);
    expect(rows.map((r) => r.estimator)).toEqual(["difference_in_means", "lm_lin", "cace_ratio"]);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toBe("outcome,horizon,estimator,estimand,subgroup,subgroup_level,estimate,std_error,df,ci_low,ci_high,p_value,p_ri,p_holm,p_bh,p_interaction,p_ri_wy,ri_ci_low,ri_ci_high,n_treatment,n_control,n_clusters,control_mean,first_stage,role,allocation");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    const iv = rows.find((r) => r.estimator === "cace_ratio")!;
    expect(Math.abs(Number(iv.estimate))).toBeGreaterThan(Math.abs(Number(dim.estimate)) * 0.9);
  });

  it("refuses a second value per person without --window, naming file and line", async () => {
    await expect(runEstimate({ register: registerPath, persons: personsPath, outcomes: dupPath, outcome: ["employment"] })).rejects.toThrow(/dup\.csv, line \d+.*second value.*--window/);
  });

  it("with --window last, through commander, writes JSON without NaN", async () => {
    const out = join(dir, "effects.json");
    const p = new Command();
    p.exitOverride();
    registerEstimate(p);
    const log = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await p.parseAsync(["node", "effekt", "estimate", "--register", registerPath, "--persons", personsPath, "--outcomes", dupPath, "--outcome", "employment", "--window", "last", "--format", "json", "--out", out]);
    } finally {
      log.mockRestore();
    }
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc).toHaveLength(2);
    expect(JSON.stringify(doc)).not.toMatch(/NaN/);
    expect(typeof doc[0].estimate).toBe("number");
  });

  it("--by-horizon estimates per whole year after the draw (horizon column filled)", async () => {
    const { rows } = await runEstimate({ register: registerPath, persons: personsPath, outcomes: dupPath, outcome: ["employment"], byHorizon: true, out: join(dir, "h.csv") });
    expect(rows.filter((r) => r.estimator === "difference_in_means").map((r) => r.horizon)).toEqual([1, 3]);
    expect(readFileSync(join(dir, "h.csv"), "utf8")).not.toMatch(/NaN/);
  });

  it("refuses an outcome for a person not in persons.csv", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "person_id,outcome,date,value\nP999999,employment,2026-01-01,0.5\n");
    await expect(runEstimate({ register: registerPath, persons: personsPath, outcomes: bad, outcome: ["employment"] })).rejects.toThrow(/bad\.csv, line 2.*not in/);
  });
});

describe("effekt estimate (quick mode): subgroups and external allocations", () => {
  it("--subgroup gives level rows equal to the quick mode on that level's persons alone, with one p_interaction", async () => {
    const quiet = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const { rows } = await runEstimate({ register: registerPath, persons: personsPath, outcomes: outcomesPath, outcome: ["employment"], subgroup: ["sex"], progress: false });
      const levels = rows.filter((r) => r.subgroup === "sex" && r.estimator === "difference_in_means");
      expect(levels.map((r) => r.subgroup_level)).toEqual(["K", "M"]);
      // the same persons by hand: keep only women's rows in the outcomes file
      const sex = new Map(readFileSync(personsPath, "utf8").trim().split("\n").slice(1).map((l) => [l.split(",")[0], l.split(",")[3]] as const));
      const women = readFileSync(outcomesPath, "utf8").trim().split("\n").filter((l, i) => i === 0 || sex.get(l.split(",")[0]) === "K");
      writeFileSync(join(dir, "women.csv"), `${women.join("\n")}\n`);
      const alone = await runEstimate({ register: registerPath, persons: personsPath, outcomes: join(dir, "women.csv"), outcome: ["employment"], progress: false });
      const a = alone.rows.find((r) => r.estimator === "difference_in_means")!;
      expect(levels[0].estimate).toBe(a.estimate);
      expect(levels[0].std_error).toBe(a.std_error);
      expect(levels[0].n_clusters).toBe(a.n_clusters);
      expect(levels[0].p_interaction).toBeGreaterThan(0);
      expect(levels[1].p_interaction).toBe(levels[0].p_interaction);
      expect(levels[0].p_holm).toBeUndefined();
    } finally {
      quiet.mockRestore();
    }
  });

  it("--allocation with --draw-date: same numbers as the register, allocation column 'not verified by effekt'", async () => {
    const alloc = join(dir, "external.csv");
    writeFileSync(alloc, `household_id,arm,stratum,p_treatment\n${readRegister(registerPath).map((r) => `${r.householdId},${r.arm},${r.stratum},${r.pNumerator / r.pDenominator}`).join("\n")}\n`);
    const quiet = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const a = await runEstimate({ register: registerPath, persons: personsPath, outcomes: dupPath, outcome: ["employment"], byHorizon: true, window: "last" });
      const b = await runEstimate({ allocation: alloc, drawDate: "2025-03-01", persons: personsPath, outcomes: dupPath, outcome: ["employment"], byHorizon: true, window: "last" });
      expect(b.rows.map((r) => [r.horizon, r.estimate, r.std_error])).toEqual(a.rows.map((r) => [r.horizon, r.estimate, r.std_error]));
      expect(b.text).toContain(",exploratory,not verified by effekt\n");
      await expect(runEstimate({ allocation: alloc, persons: personsPath, outcomes: dupPath, outcome: ["employment"], byHorizon: true, window: "last" })).rejects.toThrow(/--by-horizon needs each household's draw date/);
      await expect(runEstimate({ register: registerPath, allocation: alloc, persons: personsPath, outcomes: dupPath, outcome: ["employment"] })).rejects.toThrow(/exactly one of --register FILE .* and --allocation FILE/);
    } finally {
      quiet.mockRestore();
    }
  });
});

describe("effekt estimate (quick mode): dates before the draw", () => {
  it("a value dated on or before the household's draw date is left out with a warning (in the meta too)", async () => {
    const lines = readFileSync(outcomesPath, "utf8").trim().split("\n");
    // the first person with a value: move the date to the draw date itself (2025-03-01) and to before it
    const i = lines.findIndex((l, j) => j > 0 && !l.endsWith(",NA"));
    for (const date of ["2025-03-01", "2024-12-31"]) {
      const edited = [...lines];
      edited[i] = edited[i].replace("2026-03-01", date);
      const path = join(dir, `before-${date}.csv`);
      writeFileSync(path, `${edited.join("\n")}\n`);
      const quiet = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
      const quietOut = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
      try {
        const all = await runEstimate({ register: registerPath, persons: personsPath, outcomes: outcomesPath, outcome: ["employment"], progress: false, out: join(dir, "all.csv") });
        const r = await runEstimate({ register: registerPath, persons: personsPath, outcomes: path, outcome: ["employment"], progress: false, out: join(dir, "before.csv") });
        const [a, b] = [all, r].map((x) => x.rows.find((row) => row.estimator === "difference_in_means")!);
        expect(b.n_treatment + b.n_control).toBe(a.n_treatment + a.n_control - 1);
        expect(r.meta.warnings).toContain("employment: 1 rows dated on or before the household's draw date are ignored (outcomes are measured after the draw)");
        expect(all.meta.warnings.filter((w) => /draw date/.test(w))).toEqual([]);
      } finally {
        quiet.mockRestore();
        quietOut.mockRestore();
      }
    }
  });
});

describe("effekt power", () => {
  it("prints the MDE equal to minimumDetectableEffect and the power for --effect", async () => {
    const { runPower } = await import("../../src/cli/power.js");
    const { minimumDetectableEffect } = await import("../../src/estimate/index.js");
    const log = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    let r;
    try {
      r = runPower({ households: "140", personsPerHousehold: "1.6", icc: "0.3", r2: "0.2", effect: "0.3" });
    } finally {
      log.mockRestore();
    }
    expect(r.mde).toBeCloseTo(minimumDetectableEffect({ households: 140, personsPerHousehold: 1.6, icc: 0.3, r2: 0.2, shareTreated: 0.5, alpha: 0.05, sd: 1 }).mde, 12);
    expect(r.power).toBeGreaterThan(0);
    expect(r.power).toBeLessThan(1);
  });

  it("--waves, --household-size-cv, --attrition and --takeup reach the design; the CACE's MDE is the ITT's over take-up", async () => {
    const { runPower } = await import("../../src/cli/power.js");
    const { minimumDetectableEffect } = await import("../../src/estimate/index.js");
    const lines: string[] = [];
    const log = vi.spyOn(process.stdout, "write").mockImplementation((s) => (lines.push(String(s)), true));
    let r;
    try {
      r = runPower({ waves: "321:0.25,92:0.65", personsPerHousehold: "1.6", icc: "0.3", householdSizeCv: "0.5", attrition: "0.1", takeup: "0.7", effect: "0.3" });
    } finally {
      log.mockRestore();
    }
    const expected = minimumDetectableEffect({ households: 413, personsPerHousehold: 1.6, icc: 0.3, clusterSizeCv: 0.5, attrition: 0.1, takeup: 0.7, waves: [{ households: 321, shareTreated: 0.25 }, { households: 92, shareTreated: 0.65 }] });
    expect(r.mde).toBeCloseTo(expected.mde, 12);
    expect(r.mde_cace).toBeCloseTo(expected.mde / 0.7, 12);
    expect(r.power_cace).toBeLessThan(r.power!);
    expect(lines.join("")).toMatch(/321 at 0.25, 92 at 0.65 treated/);
    expect(lines.join("")).toMatch(/complier effect \(CACE\)/);
    expect(() => runPower({ waves: "321:0.25,92", personsPerHousehold: "1.6", icc: "0.3" })).toThrow(/--waves "321:0.25,92": wave 2/);
    expect(() => runPower({ personsPerHousehold: "1.6", icc: "0.3" })).toThrow(/--households/);
  });
});
