import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EFFECT_COLUMNS } from "../../src/cli/estimate.js";
import { effekt, ROOT, tempDir } from "../helpers.js";

const MODEL = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");

/** A table in estimate's format: whole-sample rows, a subgroup row that must be ignored, a quick-mode row without horizon. */
function table(rows: Partial<Record<(typeof EFFECT_COLUMNS)[number], string>>[]): string {
  return `${EFFECT_COLUMNS.join(",")}\n${rows.map((r) => EFFECT_COLUMNS.map((c) => r[c] ?? "").join(",")).join("\n")}\n`;
}

describe("effekt gains reads estimate's effect table", () => {
  it("uses whole-sample ITT rows, ignores subgroup and horizon-less rows, and takes --assume for the rest (illustrative)", () => {
    const d = tempDir();
    const path = join(d, "effects.csv");
    writeFileSync(path, table([
      { outcome: "employment", horizon: "", estimator: "lm_lin", estimand: "ITT", estimate: "0.9", std_error: "0.1" },
      { outcome: "employment", horizon: "1", estimator: "difference_in_means", estimand: "ITT", estimate: "0.02", std_error: "0.01" },
      { outcome: "employment", horizon: "1", estimator: "lm_lin", estimand: "ITT", estimate: "0.03", std_error: "0.012", allocation: "effekt" },
      { outcome: "employment", horizon: "1", estimator: "lm_lin", estimand: "ITT", subgroup: "area", subgroup_level: "Houlkær", estimate: "0.5", std_error: "0.2" },
      { outcome: "employment", horizon: "1", estimator: "iv_robust", estimand: "CACE", estimate: "0.04", std_error: "0.02" },
    ]));
    const assume = ["foster-placement-avoided=0.002", "residential-placement-avoided=0.001", "school-absence-reduced=0.05", "life-satisfaction-up=0.06"].flatMap((a) => ["--assume", a]);
    const r = effekt(["gains", "--model", MODEL, "--estimates", path, ...assume, "--draws", "10000", "--seed", "t"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const emp = doc.effects_used.find((e: { outcome: string }) => e.outcome === "employment");
    expect(emp).toMatchObject({ measured: [{ year: 1, estimate: 0.03, se: 0.012 }], estimator: "lm_lin", illustrative: false });
    expect(emp.source).toMatch(/effects\.csv line 4: lm_lin \(ITT\) at horizons 1/);
    const foster = doc.effects_used.find((e: { outcome: string }) => e.outcome === "foster-placement-avoided");
    expect(foster).toMatchObject({ measured: [{ year: 1, estimate: 0.002 }], illustrative: true });
  });

  it("maps table outcomes to model outcomes through the plan's gains_outcome and names a missing one with the --assume hint", () => {
    const d = tempDir();
    const plan = JSON.parse(readFileSync(PLAN, "utf8"));
    plan.outcomes[0].gains_outcome = "employment";
    plan.outcomes[2].gains_outcome = "life-satisfaction-up";
    writeFileSync(join(d, "plan.json"), JSON.stringify(plan));
    const path = join(d, "effects.csv");
    writeFileSync(path, table([
      { outcome: "employment", horizon: "1", estimator: "lm_lin", estimand: "ITT", estimate: "0.03", std_error: "0.012" },
      { outcome: "wellbeing", horizon: "1", estimator: "lm_lin", estimand: "ITT", estimate: "0.07", std_error: "0.03", allocation: "not verified by effekt" },
    ]));
    // the plan named in the meta sidecar is used when --plan is not given
    const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
    const meta = {
      format: "effekt-effects-meta-v1",
      effekt_version: "0.1.0",
      table_sha256: hash(path),
      register: { file: "allocations.csv", sha256: "0".repeat(64), source: "external", verified_by_effekt: false, households: 10, waves: [1] },
      inputs: { persons: { file: "persons.csv", sha256: "1".repeat(64) }, outcomes: { file: "outcomes.csv", sha256: "2".repeat(64) }, takeup: null },
      plan: { file: join(d, "plan.json"), id: plan.id, sha256: "3".repeat(64), lock: "not locked", locked_sha256: null, deviations: [] },
      alpha: 0.05,
      multiplicity: { method: "both", estimator: "lm_lin", families: "test" },
      permutations: 0,
      ri_seed: null,
      takeup: [],
      attrition: [],
      pending: [],
      warnings: [],
    };
    writeFileSync(`${path}.meta.json`, JSON.stringify(meta));
    const assume = ["foster-placement-avoided=0.002", "residential-placement-avoided=0.001", "school-absence-reduced=0.05"].flatMap((a) => ["--assume", a]);
    const r = effekt(["gains", "--model", MODEL, "--estimates", path, ...assume, "--draws", "10000", "--seed", "t"]);
    expect(r.code, r.stderr).toBe(0);
    const life = JSON.parse(r.stdout).effects_used.find((e: { outcome: string }) => e.outcome === "life-satisfaction-up");
    expect(life).toMatchObject({ measured: [{ year: 1, estimate: 0.07, se: 0.03 }], illustrative: false });
    expect(life.source).toMatch(/table outcome "wellbeing".*not verified by effekt/);
    const missing = effekt(["gains", "--model", MODEL, "--estimates", path, "--plan", PLAN]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no whole-sample row .*"foster-placement-avoided".*--assume foster-placement-avoided=EFFECT/);
    // a sidecar that was edited, or belongs to another table, is refused rather than followed
    writeFileSync(`${path}.meta.json`, JSON.stringify({ ...meta, effekt_version: "NaN" }));
    const edited = effekt(["gains", "--model", MODEL, "--estimates", path, ...assume]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/effects\.csv\.meta\.json: effekt_version: must be an effekt version/);
    writeFileSync(`${path}.meta.json`, JSON.stringify({ ...meta, table_sha256: "4".repeat(64) }));
    const other = effekt(["gains", "--model", MODEL, "--estimates", path, ...assume]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/differs from table_sha256/);
  });
});
