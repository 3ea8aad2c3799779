import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effekt, ROOT, tempDir } from "../helpers.js";

/**
 * gains.json's counts per wave (persons of each outcome's population assigned to treatment, households
 * assigned to treatment) come from personal data and go through src/disclosure (--min-cell, default 5): a second
 * wave with 2 treatment places gives counts below 5, written as null, and wave 1's count with it (the total and
 * wave 1 would give wave 2 back). The total stays. On the old code both waves' counts were written.
 */
const s = (f: string) => join(ROOT, "samples", f);
describe("effekt gains: counts per wave under disclosure control", () => {
  it("a wave of 2 treated households: its counts are null, with a partner; the total is kept", () => {
    const dir = tempDir();
    const reg = join(dir, "allocations.csv");
    for (const [wave, date, treat] of [[1, "2025-03-01", "80"], [2, "2025-09-01", "2"]] as const) {
      const r = effekt(["draw", "--households", s("households.csv"), "--cases", s("cases.csv"), "--date", date, "--register", reg, "--wave", String(wave), "--seed", `w${wave}`, "--treat", treat]);
      expect(r.code, r.stderr).toBe(0);
    }
    writeFileSync(join(dir, "effects.csv"), "outcome,horizon,estimator,estimand,estimate,std_error\nemployment,1,lm_lin,ITT,0.03,0.01\nemployment,3,lm_lin,ITT,0.01,0.01\n");
    const assume = ["foster-placement-avoided=0.005", "residential-placement-avoided=0.0025", "school-absence-reduced=0.05", "life-satisfaction-up=0.06"].flatMap((a) => ["--assume", a]);
    const out = join(dir, "gains.json");
    const r = effekt(["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--estimates", join(dir, "effects.csv"), "--register", reg,
      "--persons", s("persons.csv"), "--plan", join(ROOT, "analyses", "relationel-velfaerd.json"), ...assume, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc.result.cohorts.map((c: { treatment_units: number | null }) => c.treatment_units)).toEqual([80, null]);
    const emp = doc.result.counts.find((c: { outcome: string }) => c.outcome === "employment");
    expect(emp.value).toBeGreaterThanOrEqual(5);
    expect(emp.by_cohort).toEqual([{ label: "wave 1", value: null }, { label: "wave 2", value: null }]);
    // every count left in the file is 0 or at least 5
    for (const c of doc.result.counts) for (const b of [c.value, ...c.by_cohort.map((x: { value: number | null }) => x.value)]) if (b !== null) expect(b === 0 || b >= 5).toBe(true);
    // the report still reads it
    const rep = effekt(["report", "--audience", "aau", "--results", dir, "--out", join(dir, "report"), "--format", "csv"]);
    expect(rep.code, rep.stderr).toBe(0);
  }, 120_000);
});
