import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { EFFECT_COLUMNS, runEstimate, type EstimateOptions } from "../../src/cli/estimate.js";
import { loadPlan } from "../../src/plan/load.js";
import { lockPlan } from "../../src/plan/lock.js";
import { UserError } from "../../src/errors.js";
import { readRegister } from "../../src/io/register.js";
import { storedPath } from "../../src/io/waveFiles.js";
import { holm } from "../../src/estimate/multiplicity.js";
import { drawSampleLottery, effekt, ROOT, SAMPLES, tempDir } from "../helpers.js";

const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");
const persons = join(SAMPLES, "persons.csv");
const outcomes = join(SAMPLES, "outcomes.csv");
const takeup = join(SAMPLES, "takeup.csv");
let dir = "";
let register = "";

/** Runs the command with the terminal captured; returns the run and what it printed. */
async function run(opts: Partial<EstimateOptions>): Promise<Awaited<ReturnType<typeof runEstimate>> & { stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const r = await runEstimate({ persons, outcomes, progress: false, ...opts } as EstimateOptions);
    return { ...r, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const EFFECT_HEADER = "outcome,horizon,estimator,estimand,subgroup,subgroup_level,estimate,std_error,df,ci_low,ci_high,p_value,p_ri,p_holm,p_bh,p_interaction,p_ri_wy,ri_ci_low,ri_ci_high,n_treatment,n_control,n_clusters,control_mean,first_stage,role,allocation";
const csvLines = (path: string) => readFileSync(path, "utf8").trim().split("\n");

beforeAll(() => {
  dir = tempDir();
  register = join(dir, "allocations.csv");
  drawSampleLottery(register, 2);
});

describe("effekt estimate --plan on the samples", () => {
  it("equals quick mode on a hand-built one-value-per-person file (population and windows applied by hand)", async () => {
    const out = join(dir, "plan.csv");
    const plan = await run({ plan: PLAN, register, takeup, out });
    // by hand: employment counts adults aged 16-64 in the draw year; each has one value per year dated exactly
    // draw date + h years, the last day of the window of year h
    const drawYear = new Map(readRegister(register).map((r) => [r.householdId, Number(r.drawDate.slice(0, 4))]));
    const adults = new Set<string>();
    for (const l of csvLines(persons).slice(1)) {
      const [pid, hid, birth, , role] = l.split(",");
      const y = drawYear.get(hid);
      if (y !== undefined && role === "adult" && y - Number(birth) >= 16 && y - Number(birth) <= 64) adults.add(pid);
    }
    const hand = ["person_id,outcome,date,value", ...csvLines(outcomes).slice(1).filter((l) => l.split(",")[1] === "employment" && adults.has(l.split(",")[0]))];
    writeFileSync(join(dir, "hand.csv"), `${hand.join("\n")}\n`);
    const quick = await run({ register, outcomes: join(dir, "hand.csv"), outcome: ["employment"], byHorizon: true, covariates: "employed_baseline", takeup });
    for (const h of [1, 3]) {
      for (const est of ["difference_in_means", "lm_lin", "cace_ratio"]) {
        const a = plan.rows.find((r) => r.outcome === "employment" && r.horizon === h && r.estimator === est && r.subgroup === "")!;
        const b = quick.rows.find((r) => r.horizon === h && r.estimator === est)!;
        expect(a.estimate).toBeDefined();
        expect(a.estimate).toBeCloseTo(b.estimate!, 12);
        expect(a.std_error).toBeCloseTo(b.std_error!, 12);
        expect(a.df).toBeCloseTo(b.df!, 9);
        expect([a.n_treatment, a.n_control, a.n_clusters]).toEqual([b.n_treatment, b.n_control, b.n_clusters]);
        expect(a.role).toBe("primary");
        expect(a.allocation).toBe("effekt");
      }
    }
    // the plan's families, fixed per evaluation point: Holm over the lm_lin rows of each, a pending member as p = 1
    const adjusted = plan.rows.filter((r) => r.p_holm !== undefined);
    expect(adjusted.map((r) => `${r.outcome}/${r.horizon}/${r.estimator}/${r.role}`)).toEqual([
      "employment/1/lm_lin/primary", "employment/3/lm_lin/primary", "school_absence/3/lm_lin/primary", "wellbeing/1/lm_lin/secondary",
    ]);
    const lin = (o: string, h: number) => plan.rows.find((r) => r.outcome === o && r.horizon === h && r.estimator === "lm_lin" && r.subgroup === "")!;
    // year 1: school_absence has no year-1 estimate in the samples, so employment's multiplier stays 2
    expect(lin("employment", 1).p_holm).toBeCloseTo(holm([lin("employment", 1).p_value!, 1])[0], 12);
    const y3 = holm([lin("employment", 3).p_value!, lin("school_absence", 3).p_value!]);
    expect([lin("employment", 3).p_holm, lin("school_absence", 3).p_holm]).toEqual([y3[0], y3[1]]);
    expect(lin("wellbeing", 1).p_holm).toBe(lin("wellbeing", 1).p_value);
    const members = plan.meta.multiplicity.members;
    expect(members.map((f) => f.name)).toEqual(["primary-year-1", "summative-year-3", "primary-year-5", "secondary-year-1", "secondary-year-3"]);
    expect(members[2].members).toEqual([{ outcome: "employment", horizon: 5, status: "pending" }, { outcome: "school_absence", horizon: 5, status: "pending" }]);
    expect(members[2].pending_rule).toMatch(/p = 1/);
    // the CACE row shows its first stage
    const cace = plan.rows.find((r) => r.outcome === "employment" && r.horizon === 1 && r.estimator === "cace_ratio" && r.subgroup === "")!;
    expect(cace.first_stage).toBeGreaterThan(0.3);
    // subgroups: the interaction p-value on every ITT level row of a subgroup, none on CACE or whole-sample rows
    const area = plan.rows.filter((r) => r.outcome === "employment" && r.horizon === 1 && r.subgroup === "area");
    expect(area.map((r) => r.subgroup_level).slice(0, 3)).toEqual(["Ellekonebakken", "Houlkær", "Karup Kølvrå"]);
    const pInt = area.find((r) => r.estimand === "ITT")!.p_interaction!;
    expect(pInt).toBeGreaterThan(0);
    expect(pInt).toBeLessThan(1);
    for (const r of area) expect(r.p_interaction).toBe(r.estimand === "ITT" ? pInt : undefined);
    for (const r of plan.rows.filter((x) => x.subgroup === "")) expect(r.p_interaction).toBeUndefined();
    // RI on every estimated whole-sample row (difference in means, Lin re-fits, the CACE), S = 1000 from the plan;
    // Westfall-Young on the lm_lin families; RI intervals on the primary lm_lin and CACE rows, around the estimate
    for (const r of plan.rows) expect(r.p_ri !== undefined, `${r.outcome} ${r.horizon} ${r.estimator} ${r.subgroup}`).toBe(r.subgroup === "" && r.estimate !== undefined);
    for (const r of plan.rows) expect(r.p_ri_wy !== undefined).toBe(r.subgroup === "" && r.estimator === "lm_lin" && r.estimate !== undefined);
    // Westfall-Young over the plan's families, as Holm/BH: wellbeing's year-1 family has one member, so its
    // p_ri_wy is its p_ri; employment's year-1 family has school_absence year 1 pending (counted by the union
    // bound, p + 1 x p); per role (the old families) both would be adjusted over the role's other rows
    expect(lin("wellbeing", 1).p_ri_wy).toBe(lin("wellbeing", 1).p_ri);
    expect(lin("employment", 1).p_ri_wy).toBeCloseTo(Math.min(1, 2 * lin("employment", 1).p_ri!), 12);
    expect(lin("employment", 3).p_ri_wy).toBeGreaterThanOrEqual(Math.max(lin("employment", 3).p_ri!, lin("school_absence", 3).p_ri!) - 1e-12);
    for (const r of plan.rows.filter((x) => x.subgroup === "" && x.estimate !== undefined)) {
      expect(r.p_ri_wy === undefined || r.p_ri_wy >= r.p_ri!).toBe(true);
      const interval = r.role === "primary" && (r.estimator === "lm_lin" || r.estimand === "CACE");
      expect(r.ri_ci_low !== undefined, `${r.outcome} ${r.horizon} ${r.estimator}`).toBe(interval);
      if (interval) {
        expect(r.ri_ci_low!).toBeLessThan(r.estimate!);
        expect(r.ri_ci_high!).toBeGreaterThan(r.estimate!);
      }
    }
    // the CACE's test of no complier effect is the ITT's test (Imbens-Rosenbaum)
    for (const c of plan.rows.filter((x) => x.subgroup === "" && x.estimand === "CACE" && x.p_ri !== undefined)) {
      expect(c.p_ri).toBe(plan.rows.find((x) => x.subgroup === "" && x.estimator === "difference_in_means" && x.outcome === c.outcome && x.horizon === c.horizon)!.p_ri);
    }
    const text = readFileSync(out, "utf8");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(text.split("\n")[0]).toBe("outcome,horizon,estimator,estimand,subgroup,subgroup_level,estimate,std_error,df,ci_low,ci_high,p_value,p_ri,p_holm,p_bh,p_interaction,p_ri_wy,ri_ci_low,ri_ci_high,n_treatment,n_control,n_clusters,control_mean,first_stage,role,allocation");
    expect(plan.stdout).toMatch(/employment year 5: data pending/);
    expect(plan.stdout).toMatch(/plan relationel-velfaerd: not locked/);
  });

  it("agrees with estimatr (test/oracle/estimate_plan.R: windows and populations done in R) to 1e-8 relative", async () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "test", "oracle", "fixtures", "estimate_plan.json"), "utf8"));
    const lines = readRegister(register).map((r) => `${r.householdId},${r.wave},${r.stratum},${r.arm},${r.drawDate}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(createHash("sha256").update(`${lines.join("\n")}\n`).digest("hex")).toBe(fixture.assignment_sha256);
    const { rows } = await run({ plan: PLAN, register, takeup });
    const close = (a: number | undefined, b: number) => expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-8 * Math.max(1e-300, Math.abs(b)) + 1e-15);
    expect(fixture.rows.length).toBe(12);
    for (const f of fixture.rows) {
      const r = rows.find((x) => x.outcome === f.outcome && x.horizon === f.horizon && x.estimator === f.estimator && x.subgroup === "")!;
      expect(r.n_treatment + r.n_control).toBe(f.n);
      for (const k of ["estimate", "std_error", "df", "p_value", "ci_low", "ci_high"] as const) close(r[k], f[k]);
      if (f.first_stage === null) expect(r.first_stage).toBeUndefined();
      else close(r.first_stage, f.first_stage);
    }
  });

  it("records each outcome's rows and last date (the data's cut-off) in the meta's outcome_dates", async () => {
    const out = join(dir, "dates.csv");
    await run({ plan: PLAN, register, takeup, out });
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, "utf8"));
    // samples/outcomes.csv: weekly employment to 1 September 2028, school years to 30 June 2028, WHO-5 to 1 September 2026.
    expect(meta.outcome_dates.map((d: { outcome: string; last_date: string }) => [d.outcome, d.last_date])).toEqual([["employment", "2028-09-01"], ["school_absence", "2028-06-30"], ["wellbeing", "2026-09-01"]]);
    const rows = readFileSync(join(ROOT, "samples", "outcomes.csv"), "utf8").trim().split("\n").slice(1);
    for (const d of meta.outcome_dates) expect(d.rows).toBe(rows.filter((l) => l.split(",")[1] === d.outcome).length);
  });

  it("writes the meta after the table: hashes, plan, pending, attrition, take-up; no person or household id", async () => {
    const out = join(dir, "meta.csv");
    await run({ plan: PLAN, register, takeup, out });
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, "utf8"));
    expect(meta.format).toBe("effekt-effects-meta-v1");
    expect(meta.table_sha256).toBe(sha(out));
    // Paths are stored relative to the meta's own folder, by the rule the register's manifests use.
    const stored = (file: string) => storedPath(`${out}.meta.json`, file);
    expect(meta.register).toMatchObject({ file: "allocations.csv", sha256: sha(register), source: "effekt", verified_by_effekt: true, households: 413, waves: [1, 2] });
    expect(meta.inputs.outcomes).toEqual({ file: stored(outcomes), sha256: sha(outcomes) });
    expect(meta.plan).toMatchObject({ file: stored(PLAN), id: "relationel-velfaerd", lock: "not locked", locked_sha256: null, deviations: [] });
    expect(meta.plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(meta).toMatchObject({ alpha: 0.05, permutations: 1000, ri_seed: "relationel-velfaerd-plan-v1" });
    expect(meta.pending).toContainEqual(expect.objectContaining({ outcome: "employment", horizon: 5 }));
    expect(meta.takeup).toEqual([{ arm: "treatment", households: 140, took_up: expect.any(Number) }, { arm: "control", households: 273, took_up: 0 }]);
    const att = meta.attrition.filter((a: { outcome: string; horizon: number }) => a.outcome === "employment" && a.horizon === 1);
    expect(att).toHaveLength(2);
    for (const a of att) expect(a.persons_with_value).toBeLessThanOrEqual(a.persons_counted);
    expect(JSON.stringify(meta)).not.toMatch(/\b[PH]\d{5,6}\b/);
    // documented: every table column and every meta field
    const tableDoc = readFileSync(join(ROOT, "data-schemas", "effect-table.md"), "utf8");
    for (const c of EFFECT_COLUMNS) expect(tableDoc).toContain(`\`${c}\``);
    const metaDoc = readFileSync(join(ROOT, "data-schemas", "effect-table-meta.md"), "utf8");
    for (const k of [...Object.keys(meta), ...Object.keys(meta.register).map((x) => `register.${x}`), ...Object.keys(meta.inputs).map((x) => `inputs.${x}`)]) expect(metaDoc).toContain(k);
  });

  it("gives byte-identical table and meta when the input rows are shuffled", async () => {
    const shuffle = (path: string, to: string) => {
      const [head, ...rows] = csvLines(path);
      let s = 12345;
      for (let i = rows.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [rows[i], rows[j]] = [rows[j], rows[i]];
      }
      writeFileSync(to, `${[head, ...rows].join("\n")}\n`);
    };
    shuffle(outcomes, join(dir, "o-shuf.csv"));
    shuffle(persons, join(dir, "p-shuf.csv"));
    const a = await run({ plan: PLAN, register, takeup });
    const b = await run({ plan: PLAN, register, takeup, outcomes: join(dir, "o-shuf.csv"), persons: join(dir, "p-shuf.csv") });
    expect(b.text).toBe(a.text);
    expect(b.meta.attrition).toEqual(a.meta.attrition);
  });

  it("reports the lock: matches the locked plan, or deviates with every deviation on the terminal and in the meta", async () => {
    const d = tempDir();
    cpSync(dir, d, { recursive: true, filter: (src) => src === dir || src.startsWith(join(dir, "allocations.csv")) });
    const reg = join(d, "allocations.csv");
    lockPlan({ registerPath: reg, loaded: loadPlan(PLAN) });
    const same = await run({ plan: PLAN, register: reg, out: join(d, "e.csv") });
    expect(same.meta.plan).toMatchObject({ lock: "matches", locked_sha256: loadPlan(PLAN).sha256, deviations: [] });
    expect(same.stdout).toMatch(/plan relationel-velfaerd: matches the locked plan/);
    const changed = JSON.parse(readFileSync(PLAN, "utf8"));
    changed.alpha = 0.1;
    changed.outcomes[0].horizons = [1, 3];
    changed.families[2].outcomes = ["school_absence"];
    writeFileSync(join(d, "changed.json"), JSON.stringify(changed));
    const dev = await run({ plan: join(d, "changed.json"), register: reg });
    expect(dev.meta.plan!.lock).toBe("deviates");
    expect(dev.meta.plan!.deviations).toHaveLength(3);
    for (const line of dev.meta.plan!.deviations) expect(dev.stderr).toContain(`deviation: ${line}`);
    expect(dev.stderr).toMatch(/deviates from the locked plan .* in 3 places/);
    expect(dev.stdout.split("\n")[0]).toBe(EFFECT_HEADER);
  });

  it("reads an external allocation file: same estimates and p_ri, marked not verified by effekt", async () => {
    const alloc = join(dir, "viborg-2023.csv");
    writeFileSync(alloc, `household_id,arm,stratum,p_treatment,wave,draw_date\n${readRegister(register).map((r) => `${r.householdId},${r.arm},${r.stratum},${r.pNumerator / r.pDenominator},${r.wave},${r.drawDate}`).join("\n")}\n`);
    const a = await run({ plan: PLAN, register, takeup });
    const b = await run({ plan: PLAN, allocation: alloc, takeup, out: join(dir, "ext.csv") });
    expect(b.rows.map((r) => [r.estimate, r.std_error, r.p_ri])).toEqual(a.rows.map((r) => [r.estimate, r.std_error, r.p_ri]));
    expect(new Set(b.rows.map((r) => r.allocation))).toEqual(new Set(["not verified by effekt"]));
    expect(b.meta.register).toMatchObject({ source: "external", verified_by_effekt: false });
    expect(b.meta.plan!.lock).toBe("not locked");
    expect(b.stderr).toMatch(/not verified by effekt/);
  });

  it("refuses bad external allocation files naming file, line and column", async () => {
    const cases: [string, RegExp][] = [
      ["household_id,arm,stratum,p_treatment\nH1,treated,A,0.5\n", /a\.csv, line 2, column arm: value "treated" is not an arm/],
      ["household_id,arm,stratum,p_treatment\nH1,treatment,A,1\n", /line 2, column p_treatment: .*strictly between 0 and 1/],
      ["household_id,arm,stratum,p_treatment\nH1,treatment,A,0.5\nH2,control,A,0.4\n", /line 3, column p_treatment: .*differs from line 2/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(dir, "a.csv"), text);
      await expect(run({ allocation: join(dir, "a.csv"), outcome: ["employment"], window: "first" })).rejects.toThrow(message);
    }
    writeFileSync(join(dir, "a.csv"), "household_id,arm,stratum,p_treatment\nH00001,treatment,A,0.5\n");
    await expect(run({ plan: PLAN, allocation: join(dir, "a.csv") })).rejects.toThrow(/needs each household's draw date/);
  });
});

describe("effekt estimate: bad input gives the documented error or warning, never NaN", () => {
  const planWith = (edit: (p: Record<string, unknown> & { outcomes: Record<string, unknown>[] }) => void) => {
    const p = JSON.parse(readFileSync(PLAN, "utf8"));
    edit(p);
    const path = join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(p));
    return path;
  };

  it("a plan outcome with no rows yet is pending in every horizon (with a warning naming the file's outcomes), not a refusal", async () => {
    const unknown = planWith((p) => {
      p.outcomes[1].name = "skolefravaer";
      for (const f of p.families as { outcomes: string[] }[]) f.outcomes = f.outcomes.map((o) => (o === "school_absence" ? "skolefravaer" : o));
    });
    const out = join(dir, "pending.csv");
    const r = await run({ plan: unknown, register, out });
    expect(r.stderr).toMatch(/warning: skolefravaer: no rows in outcomes\.csv yet, so every horizon is pending \(if its data have arrived, check the name against the file's outcome column: "school_absence"\)/);
    expect(r.stdout).toMatch(/skolefravaer year 1: data pending/);
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, "utf8"));
    expect(meta.pending.filter((p: { outcome: string }) => p.outcome === "skolefravaer").length).toBeGreaterThan(0);
    expect(readFileSync(out, "utf8")).not.toContain("skolefravaer");
    expect(readFileSync(out, "utf8")).toMatch(/^employment,1,/m);
  });

  it("a covariate/subgroup column missing from persons.csv: exit-2 errors", async () => {
    const cov = planWith((p) => (p.covariates = ["income"]));
    await expect(run({ plan: cov, register })).rejects.toThrow(/persons\.csv, line 1, column income: is missing/);
    const noRole = join(dir, "persons-no-role.csv");
    writeFileSync(noRole, `${csvLines(persons).map((l) => l.split(",").filter((_, j) => j !== 4).join(",")).join("\n")}\n`);
    await expect(run({ plan: PLAN, register, persons: noRole })).rejects.toThrow(/persons-no-role\.csv, line 1, column role: is missing; expected a column named "role" \(the analysis plan's populations need it/);
    const sub = planWith((p) => (p.subgroups = [{ name: "municipality", column: "municipality" }]));
    await expect(run({ plan: sub, register })).rejects.toThrow(/persons\.csv, line 1, column municipality: is missing/);
  });

  it("outcomes of unknown persons stop; never-drawn households and dates before the draw are warnings", async () => {
    writeFileSync(join(dir, "o-bad.csv"), `${readFileSync(outcomes, "utf8")}P999999,employment,2026-03-01,0.5\n`);
    await expect(run({ plan: PLAN, register, outcomes: join(dir, "o-bad.csv") })).rejects.toThrow(/o-bad\.csv, line \d+, column person_id: value "P999999" is not in persons\.csv/);
    const drawn = new Set(readRegister(register).map((r) => r.householdId));
    const rows = csvLines(persons).slice(1).map((l) => l.split(","));
    const undrawn = rows.find((r) => !drawn.has(r[1]) && r[4] === "adult")!;
    const early = rows.find((r) => drawn.has(r[1]) && r[4] === "adult")!;
    writeFileSync(join(dir, "o-warn.csv"), `${readFileSync(outcomes, "utf8")}${undrawn[0]},employment,2026-03-01,0.5\n${early[0]},employment,2024-01-01,0.5\n`);
    const r = await run({ plan: PLAN, register, outcomes: join(dir, "o-warn.csv") });
    expect(r.stderr).toMatch(/employment: 1 rows dated on or before the household's draw date are ignored/);
    expect(r.stderr).toMatch(/employment: 1 rows of persons in households that were never drawn are ignored/);
    expect(r.meta.warnings.join("\n")).toMatch(/never drawn/);
  });

  it("a constant outcome leaves the numbers empty; a block with no control unit is left out of every row, with a warning", async () => {
    const reg = readRegister(register);
    const hh = new Map(csvLines(persons).slice(1).map((l) => [l.split(",")[0], l.split(",")[1]] as const));
    const arm = new Map(reg.map((r) => [r.householdId, r] as const));
    const constant = ["person_id,outcome,date,value"];
    const oneArm = ["person_id,outcome,date,value"];
    const firstStratum = reg[0].stratum;
    for (const [pid, hid] of hh) {
      const a = arm.get(hid);
      if (!a || a.wave !== 1) continue;
      constant.push(`${pid},flat,2026-03-01,1`);
      // in the first stratum only treated persons have a value: that block has no control unit
      if (a.stratum !== firstStratum || a.arm === "treatment") oneArm.push(`${pid},partial,2026-03-01,${pid.charCodeAt(6) % 7}`);
    }
    writeFileSync(join(dir, "o-const.csv"), `${constant.join("\n")}\n`);
    writeFileSync(join(dir, "o-onearm.csv"), `${oneArm.join("\n")}\n`);
    const c = await run({ register, outcomes: join(dir, "o-const.csv"), outcome: ["flat"], out: join(dir, "const.csv") });
    expect(c.rows.every((r) => r.estimate === undefined)).toBe(true);
    expect(c.stderr).toMatch(/flat, difference_in_means: not estimated/);
    expect(readFileSync(join(dir, "const.csv"), "utf8")).not.toMatch(/NaN|Infinity/);
    const b = await run({ register, outcomes: join(dir, "o-onearm.csv"), outcome: ["partial"], out: join(dir, "onearm.csv") });
    const dim = b.rows.find((r) => r.estimator === "difference_in_means")!;
    expect(dim.estimate).toBeDefined();
    expect(b.stderr).toMatch(new RegExp(`partial: a wave x stratum block has no household in one arm and is left out of every estimator \\(wave 1 ${firstStratum}: \\d+ treatment households only, \\d+ persons\\)`));
    // the rows analyse the same persons: the treated of the dropped block are in none of them
    const lin = b.rows.find((r) => r.estimator === "lm_lin")!;
    expect([lin.n_treatment, lin.n_control]).toEqual([dim.n_treatment, dim.n_control]);
    expect(readFileSync(join(dir, "onearm.csv"), "utf8")).not.toMatch(/NaN|Infinity/);
  });

  it("through the CLI: exit 2 with one line naming the problem, nothing written", () => {
    const d = tempDir();
    const bad = planWith((p) => (p.covariates = ["income"]));
    const r = effekt(["estimate", "--plan", bad, "--register", register, "--persons", persons, "--outcomes", outcomes, "--out", join(d, "e.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual(["effekt: persons.csv, line 1, column income: is missing; expected a numeric covariate column named \"income\" (the header has: \"person_id\", \"household_id\", \"birth_year\", \"sex\", \"role\", \"benefit_type\", \"employed_baseline\", \"school_absence_baseline\")"]);
    const ok = effekt(["estimate", "--plan", PLAN, "--register", register, "--persons", persons, "--outcomes", outcomes, "--out", join(d, "e.csv"), "--no-progress"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^plan relationel-velfaerd: not locked/);
    expect(ok.stdout).toMatch(/wellbeing year 3: data pending/);
  });

  it("subgroup rows: blocks lacking an arm within a level are left out, so every level of the samples has estimates; the terminal stays short", async () => {
    const r = await run({ plan: PLAN, register, takeup, out: join(tempDir(), "e.csv") });
    const lines = r.stderr.trim().split("\n");
    const perLevel = lines.filter((l) => /^effekt: warning: subgroup benefit-type = [^:]+: \d+ rows? not estimated \(/.test(l));
    expect(perLevel).toEqual([]);
    expect(r.meta.warnings.some((w) => /\(benefit-type = [^)]+\): (a wave x stratum block has|\d+ wave x stratum blocks have) no households? in one arm/.test(w))).toBe(true);
    expect(lines.filter((l) => /, (difference_in_means|lm_lin|cace_ratio): not estimated/.test(l))).toEqual([]);
    const detailed = r.meta.warnings.filter((w) => /\(benefit-type = .*\), (difference_in_means|lm_lin|cace_ratio): not estimated \(/.test(w));
    const summarisedRows = perLevel.reduce((n, l) => n + Number(/: (\d+) rows? not estimated/.exec(l)![1]), 0);
    expect(detailed.length).toBe(summarisedRows);
    expect(summarisedRows).toBe(r.rows.filter((x) => x.subgroup !== "" && x.estimate === undefined).length);

    expect(lines.length).toBeLessThan(10);
  });

  it("quick-mode flags with --plan are refused", async () => {
    await expect(run({ plan: PLAN, register, outcome: ["employment"] })).rejects.toThrow(/--outcome is for quick mode/);
    await expect(run({ plan: PLAN, register, seed: "x" })).rejects.toThrow(/--seed is for quick mode; with --plan the plan's randomisation_inference.seed applies/);
    await expect(run({ plan: PLAN, register, permutations: "0" })).rejects.toThrow(/--permutations is for quick mode/);
  });

  it("through the CLI, --seed or --permutations with --plan: exit 2, one line, nothing written (not silently ignored)", () => {
    const d = tempDir();
    for (const [flag, value] of [["--seed", "my-seed"], ["--permutations", "500"], ["--permutations", "0"]]) {
      const r = effekt(["estimate", "--plan", PLAN, "--register", register, "--persons", persons, "--outcomes", outcomes, "--out", join(d, "e.csv"), "--no-progress", flag, value]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^effekt: ${flag} is for quick mode; with --plan the plan's randomisation_inference\\.`));
      expect(existsSync(join(d, "e.csv"))).toBe(false);
    }
  });
});
