import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { yearShare } from "../../src/gains/index.js";
import { effekt, ROOT, tempDir } from "../helpers.js";

/**
 * `effekt gains --register --persons --plan` on the demo's two waves: the counts are the persons assigned to
 * treatment in each outcome's population (recounted here from the CSVs by hand), each wave's gains start at its own
 * draw date, and a CACE is multiplied by the compliers (the same total as ITT x assigned).
 */
const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");
const s = (f: string) => join(ROOT, "samples", f);
let dir = "";
const ASSUME = ["foster-placement-avoided=0.005", "residential-placement-avoided=0.0025", "school-absence-reduced=0.05", "life-satisfaction-up=0.06"].flatMap((a) => ["--assume", a]);

function csv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, "utf8").trim().split("\n");
  const cols = head.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], v])));
}

beforeAll(() => {
  dir = tempDir();
  const reg = join(dir, "allocations.csv");
  for (const [wave, date, treat] of [[1, "2025-03-01", 80], [2, "2025-09-01", 60]] as const) {
    const r = effekt(["draw", "--households", s("households.csv"), "--cases", s("cases.csv"), "--date", date, "--register", reg, "--wave", String(wave), "--seed", `viborg-2025-wave-${wave}`, "--treat", String(treat)]);
    expect(r.code, r.stderr).toBe(0);
  }
  writeFileSync(join(dir, "effects.csv"), "outcome,horizon,estimator,estimand,estimate,std_error\nemployment,1,lm_lin,ITT,0.03,0.01\nemployment,3,lm_lin,ITT,0.01,0.01\nemployment,1,iv_robust,CACE,0.04,0.013\nemployment,3,iv_robust,CACE,0.02,0.013\n");
}, 120_000);

describe("effekt gains over the register", () => {
  it("counts the persons assigned to treatment in the plan's employment population (adults 16-64 at the draw), per wave, and dates each wave's gains", () => {
    // placements assumed zero so that the kommune's gains are employment's alone
    const zero = ["foster-placement-avoided=0", "residential-placement-avoided=0", "school-absence-reduced=0.05", "life-satisfaction-up=0.06"].flatMap((a) => ["--assume", a]);
    const r = effekt(["gains", "--model", MODEL, "--estimates", join(dir, "effects.csv"), "--register", join(dir, "allocations.csv"), "--persons", s("persons.csv"), "--plan", PLAN, ...zero, "--out", join(dir, "g.json")]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, "g.json"), "utf8"));
    const reg = new Map(csv(join(dir, "allocations.csv")).map((h) => [h.household_id, h]));
    const byWave = new Map<string, number>();
    for (const p of csv(s("persons.csv"))) {
      const h = reg.get(p.household_id);
      if (!h || h.arm !== "treatment" || p.role !== "adult") continue;
      const age = Number(h.draw_date.slice(0, 4)) - Number(p.birth_year);
      if (age >= 16 && age <= 64) byWave.set(h.wave, (byWave.get(h.wave) ?? 0) + 1);
    }
    const emp = doc.result.counts.find((c: { outcome: string }) => c.outcome === "employment");
    expect(emp.by_cohort).toEqual([{ label: "wave 1", value: byWave.get("1") }, { label: "wave 2", value: byWave.get("2") }]);
    expect(emp.basis).toMatch(/persons assigned to treatment in the population \(role adult, age at the draw 16-64\)/);
    expect(emp.source).toMatch(/allocations\.csv and persons\.csv; population: the population of plan outcome "employment"/);
    expect(doc.result.cohorts.map((c: { draw_date: string }) => c.draw_date)).toEqual(["2025-03-01", "2025-09-01"]);
    // 2025: year 1 of each wave, from its own draw date (the model's year 0 is 2024: nothing gained then)
    const y = (year: number) => doc.result.budget_years.find((b: { year: number }) => b.year === year);
    expect(y(2024).gains.value).toBe(0);
    const n1 = byWave.get("1")!;
    const n2 = byWave.get("2")!;
    const expected2025 = 0.03 * (n1 * yearShare("2025-03-01", 1, 2025) + n2 * yearShare("2025-09-01", 1, 2025)) * 104000;
    expect(y(2025).gains_by_payer.kommune.value).toBeCloseTo(expected2025, 4);
    expect(doc.result.effects[0].by_year.map((e: { status: string }) => e.status)).toEqual(["measured", "interpolated", "measured", "projected", "projected"]);
  });

  it("a CACE (--estimator iv_robust) is multiplied by the compliers counted with --takeup", () => {
    const args = ["gains", "--model", MODEL, "--estimates", join(dir, "effects.csv"), "--estimator", "iv_robust", "--register", join(dir, "allocations.csv"), "--persons", s("persons.csv"), "--plan", PLAN, ...ASSUME];
    const refused = effekt(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/CACE effect is per complier; give --takeup/);
    const r = effekt([...args, "--takeup", s("takeup.csv")]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const emp = doc.result.counts.find((c: { outcome: string }) => c.outcome === "employment");
    expect(emp.estimand).toBe("CACE");
    expect(emp.basis).toMatch(/^compliers/);
    const took = new Map(csv(s("takeup.csv")).map((t) => [t.household_id, t.took_up]));
    const reg = new Map(csv(join(dir, "allocations.csv")).map((h) => [h.household_id, h]));
    let compliers = 0;
    for (const p of csv(s("persons.csv"))) {
      const h = reg.get(p.household_id);
      if (!h || h.arm !== "treatment" || p.role !== "adult" || !["1", "true"].includes(took.get(p.household_id) ?? "")) continue;
      const age = Number(h.draw_date.slice(0, 4)) - Number(p.birth_year);
      if (age >= 16 && age <= 64) compliers++;
    }
    expect(emp.value).toBe(compliers);
  });
});
