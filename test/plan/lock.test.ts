import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runPlanLock, runPlanShow } from "../../src/cli/plan.js";
import { verifyRegister } from "../../src/verify/register.js";
import { loadPlan, planFromJson } from "../../src/plan/load.js";
import { planDeviations } from "../../src/plan/deviations.js";
import { planLockPath, planStatus, readPlanLock } from "../../src/plan/lock.js";
import { ROOT, SAMPLES, effekt, tempDir } from "../helpers.js";

const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");
const planJson = () => JSON.parse(readFileSync(PLAN, "utf8")) as Record<string, any>;

function drawWave(register: string, wave: 1 | 2): void {
  const args =
    wave === 1 ? ["--date", "2025-03-01", "--seed", "viborg-2025-wave-1", "--treat", "80"] : ["--date", "2025-09-01", "--seed", "viborg-2025-wave-2", "--treat", "60"];
  const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--register", register, "--wave", String(wave), ...args]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
}

function writePlan(dir: string, name: string, mutate: (j: Record<string, any>) => void = () => {}): string {
  const json = planJson();
  mutate(json);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json, null, 4));
  return path;
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect((err as { exitCode?: number }).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error("not refused");
}

describe("effekt plan lock", () => {
  let dir: string;
  let register: string;
  beforeAll(() => {
    dir = tempDir();
    register = join(dir, "allocations.csv");
    drawWave(register, 1);
  });

  it("locks, is a no-op the second time, refuses a different plan, relocks with a reason and keeps the history", () => {
    const sha = loadPlan(PLAN).sha256;
    expect(planStatus(register, loadPlan(PLAN).plan, sha)).toEqual({ status: "not locked", relocks: 0, deviations: [] });

    const first = runPlanLock({ plan: PLAN, register });
    expect(first).toEqual([`locked plan "relationel-velfaerd" version 1.0 (sha256 ${sha}) for ${register} (waves 1 drawn): ${planLockPath(register)}`]);
    const bytes = readFileSync(planLockPath(register), "utf8");
    const lock = JSON.parse(bytes);
    expect(Object.keys(lock)).toEqual(["format", "effekt_version", "plan_id", "plan_sha256", "plan", "register_sha256", "waves_at_lock", "previous_sha256", "previous"]);
    expect(lock.plan_sha256).toBe(sha);
    expect(lock.waves_at_lock).toEqual([1]);
    expect(planStatus(register, loadPlan(PLAN).plan, sha)).toMatchObject({ status: "matches", locked_sha256: sha, relocks: 0, deviations: [] });

    // Same plan, other whitespace and key order: nothing written.
    const samePlan = writePlan(dir, "same.json");
    expect(runPlanLock({ plan: samePlan, register })[0]).toContain("is already locked");
    expect(readFileSync(planLockPath(register), "utf8")).toBe(bytes);

    // A different plan is refused, naming every deviation.
    const changed = writePlan(dir, "changed.json", (j) => {
      j.outcomes[0].horizons = [1, 3];
      j.families[2].outcomes = ["school_absence"];
      j.covariates = ["age"];
      j.randomisation_inference.permutations = 500;
    });
    const message = refusal(() => runPlanLock({ plan: changed, register }));
    expect(message).toContain('covariates: added "age"');
    expect(message).toContain("outcomes[employment].horizons: locked [1,3,5], used [1,3]");
    expect(message).toContain("randomisation_inference.permutations: locked 1000, used 500");
    expect(message).toContain("--relock --reason");
    expect(readFileSync(planLockPath(register), "utf8")).toBe(bytes);
    expect(refusal(() => runPlanLock({ plan: changed, register, relock: true }))).toContain("--relock needs --reason");

    const changedSha = loadPlan(changed).sha256;
    const status = planStatus(register, loadPlan(changed).plan, changedSha);
    expect(status.status).toBe("deviates");
    expect(status.deviations).toEqual([
      'covariates: added "age"',
      'families[primary-year-5].outcomes: removed "employment"',
      "outcomes[employment].horizons: locked [1,3,5], used [1,3]",
      "randomisation_inference.permutations: locked 1000, used 500",
    ]);

    const relocked = runPlanLock({ plan: changed, register, relock: true, reason: "year 5 data will not exist in time", date: "2025-04-01" });
    expect(relocked[0]).toContain(`relocked: plan "relationel-velfaerd" version 1.0 (sha256 ${changedSha}) replaces sha256 ${sha}`);
    expect(relocked.slice(1)).toEqual(status.deviations.map((d) => `  changed: ${d}`));
    const after = readPlanLock(register)!;
    expect(after.plan_sha256).toBe(changedSha);
    expect(after.reason).toBe("year 5 data will not exist in time");
    expect(after.locked_on).toBe("2025-04-01");
    expect(after.previous.map((p) => p.plan_sha256)).toEqual([sha]);
    expect(planStatus(register, loadPlan(PLAN).plan, sha)).toMatchObject({ status: "deviates", relocks: 1 });
    expect(planStatus(register, loadPlan(changed).plan, changedSha)).toMatchObject({ status: "matches", relocks: 1, locked_on: "2025-04-01" });

    const shown = runPlanShow({ register });
    expect(shown[0]).toBe('plan "relationel-velfaerd": Relationel Velfærd, Viborg Kommune: effektevaluering (lodtrækning blandt husstande), version 1.0');
    expect(shown).toContain("  relocked because: year 5 data will not exist in time");
    expect(shown.at(-1)).toBe(`  earlier lock 1: plan "relationel-velfaerd" sha256 ${sha}, waves 1`);
    expect(runPlanShow({ register, plan: PLAN })[0]).toContain("DEVIATES");
  });

  it("verify still passes with the lock present, and a later wave can still be drawn", () => {
    expect(verifyRegister(register)).toMatch(/^1 wave, \d+ households, hash chain intact; plan lock intact \(\d+ locks?\)$/);
    drawWave(register, 2);
    const r = effekt(["verify", "--register", register]);
    expect(r.stdout).toMatch(/verified: 2 waves/);
    expect(r.code).toBe(0);
    expect(readPlanLock(register)!.waves_at_lock).toEqual([1]);
    const lock = readPlanLock(register)!;
    expect(planStatus(register, lock.plan, lock.plan_sha256)).toMatchObject({ status: "matches", register_at_lock: "consistent", waves_at_lock: [1] });
  });

  it("a lock copied beside another register is seen: its waves at lock time do not hash to what the lock recorded", () => {
    const other = join(tempDir(), "allocations.csv");
    const r = effekt(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--register", other, "--wave", "1", "--date", "2025-03-01", "--seed", "another-seed", "--treat", "80"]);
    expect(r.code).toBe(0);
    copyFileSync(planLockPath(register), planLockPath(other));
    const lock = readPlanLock(other)!;
    expect(planStatus(other, lock.plan, lock.plan_sha256).register_at_lock).toBe("differs");
    expect(runPlanShow({ register: other })).toContain(
      "  WARNING: the register's waves at lock time no longer hash to what the lock recorded (another register, or changed since; run effekt verify)",
    );
  });

  it("is byte-reproducible: the same plan on the same register gives the same lock file", () => {
    const other = tempDir();
    const copy = join(other, "allocations.csv");
    const fresh = tempDir();
    const freshRegister = join(fresh, "allocations.csv");
    drawWave(freshRegister, 1);
    copyFileSync(freshRegister, copy);
    mkdirSync(`${copy}.manifests`);
    copyFileSync(join(`${freshRegister}.manifests`, "wave-0001.json"), join(`${copy}.manifests`, "wave-0001.json"));
    runPlanLock({ plan: PLAN, register: freshRegister, date: "2025-02-20" });
    runPlanLock({ plan: writePlan(other, "p.json"), register: copy, date: "2025-02-20" });
    expect(readFileSync(planLockPath(copy), "utf8")).toBe(readFileSync(planLockPath(freshRegister), "utf8"));
  });

  it("refuses a missing register, a bad date, --reason without --relock, and a lock file edited by hand", () => {
    expect(refusal(() => runPlanLock({ plan: PLAN, register: join(dir, "nope.csv") }))).toContain("draw a wave first");
    expect(refusal(() => runPlanLock({ plan: PLAN, register, date: "1 April" }))).toContain("--date");
    expect(refusal(() => runPlanLock({ plan: PLAN, register, date: "2025-02-30" }))).toBe('--date: value "2025-02-30" is not a date; expected YYYY-MM-DD');
    expect(refusal(() => runPlanLock({ plan: PLAN, register, reason: "x" }))).toContain("--reason goes with --relock");
    const path = planLockPath(register);
    const edited = JSON.parse(readFileSync(path, "utf8"));
    edited.plan.alpha = 0.1;
    writeFileSync(path, JSON.stringify(edited));
    expect(refusal(() => readPlanLock(register))).toContain("the lock file was edited");
  });

  it("refuses a bad plan on one line naming the file and the path", () => {
    const bad = writePlan(tempDir(), "bad.json", (j) => (j.outcomes[2].population.age_min = -1));
    expect(refusal(() => runPlanLock({ plan: bad, register }))).toBe(`${bad}: outcomes[wellbeing].population.age_min: must be at least 0 (value -1)`);
  });
});

describe("planDeviations", () => {
  const base = () => planFromJson(planJson(), "p").plan;
  it("keys outcomes and subgroups by name and reports additions, removals and order", () => {
    const a = base();
    const j = planJson();
    j.outcomes = [j.outcomes[1], j.outcomes[0]];
    j.families = j.families.slice(0, 3);
    j.outcomes[0].population = { role: "child", age_min: 7 };
    j.subgroups.pop();
    j.subgroups.push({ name: "sex", column: "sex" });
    j.outcomes[1].covariates = ["employed_baseline", "age"];
    delete j.outcomes[1].gains_outcome;
    expect(planDeviations(a, planFromJson(j, "p").plan)).toEqual([
      'families: removed "secondary-year-1", "secondary-year-3"',
      'outcomes: removed "wellbeing"',
      'outcomes[employment].covariates: added "age"',
      'outcomes[employment].gains_outcome: locked "employment", used (not set)',
      "outcomes[school_absence].population.age_min: locked (not set), used 7",
      'outcomes: order changed from ["employment","school_absence"] to ["school_absence","employment"]',
      'subgroups: removed "benefit-type"',
      'subgroups: added "sex"',
    ]);
    expect(planDeviations(a, base())).toEqual([]);
  });
});
