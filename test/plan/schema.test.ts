import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlan, planFromJson } from "../../src/plan/load.js";
import { outcomeCovariates, outcomeFamily, outcomeSubgroups, testFamilies } from "../../src/schemas/analysisPlan.js";
import { ROOT, tempDir } from "../helpers.js";

const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");
const raw = () => JSON.parse(readFileSync(PLAN, "utf8")) as Record<string, any>;

function refusal(json: unknown): string {
  try {
    planFromJson(json, "plan.json");
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("the plan was accepted");
}

describe("multiple-testing families per evaluation point", () => {
  it("the shipped plan names its families; without them, one per role over every outcome x horizon", () => {
    const { plan } = loadPlan(PLAN);
    expect(testFamilies(plan).find((f) => f.name === "summative-year-3")!.members).toEqual([{ outcome: "employment", horizon: 3 }, { outcome: "school_absence", horizon: 3 }]);
    const p = raw();
    delete p.families;
    const { plan: plain } = planFromJson(p, "plan.json");
    expect(testFamilies(plain).map((f) => [f.name, f.members.length])).toEqual([["primary", 6], ["secondary", 2]]);
  });
  it("refuses a family naming an unknown outcome, a horizon the outcome lacks, or a test in two families", () => {
    const p = raw();
    p.families[0].outcomes = ["employment", "jobs"];
    expect(refusal(p)).toMatch(/families\[0\]\.outcomes\[1\]: is not an outcome of this plan/);
    const q = raw();
    q.families[4].outcomes = ["wellbeing"];
    q.families[4].horizon = 5;
    expect(refusal(q)).toMatch(/has no horizon 5 \(its horizons are 1, 3\)/);
    const r = raw();
    r.families[1].horizon = 1;
    expect(refusal(r)).toMatch(/employment year 1 is already in family "primary-year-1"/);
  });
});

describe("analysis plan schema", () => {
  it("accepts the shipped Viborg plan with its outcomes, families and per-outcome covariates", () => {
    const { plan } = loadPlan(PLAN);
    expect(plan.outcomes.map((o) => `${o.name}:${o.role}:${o.horizons.join("/")}`)).toEqual([
      "employment:primary:1/3/5",
      "school_absence:primary:1/3/5",
      "wellbeing:secondary:1/3",
    ]);
    expect(outcomeFamily(plan, "primary").map((o) => o.name)).toEqual(["employment", "school_absence"]);
    expect(outcomeCovariates(plan, plan.outcomes[1])).toEqual(["school_absence_baseline"]);
    expect(plan.randomisation_inference).toEqual({ permutations: 1000, seed: "relationel-velfaerd-plan-v1", statistic: "estimate" });
    expect(outcomeSubgroups(plan, plan.outcomes[1]).map((s) => s.name)).toEqual(["area"]);
    expect(outcomeSubgroups(plan, plan.outcomes[0]).map((s) => s.name)).toEqual(["area", "benefit-type"]);
  });

  it("fills defaults: alpha 0.05, both corrections, no covariates, no subgroups", () => {
    const json = raw();
    delete json.alpha;
    delete json.multiplicity;
    delete json.covariates;
    delete json.subgroups;
    const { plan } = planFromJson(json, "p.json");
    expect([plan.alpha, plan.multiplicity, plan.covariates, plan.subgroups]).toEqual([0.05, "both", [], []]);
  });

  it("refuses bad plans with one line per problem naming the file, the path (outcome by name) and the value", () => {
    const cases: [(j: Record<string, any>) => void, string][] = [
      [(j) => (j.outcomes[0].horizons = [1, 3, 3]), 'plan.json: outcomes[employment].horizons[2]: must be increasing: 3 follows 3 (value 3)'],
      [(j) => (j.outcomes[0].horizons = [0, 3]), "outcomes[employment].horizons[0]: must be at least 1 (value 0)"],
      [(j) => (j.outcomes[2].horizons = [1, 11]), "outcomes[wellbeing].horizons[1]: must be at most 10 (value 11)"],
      [(j) => (j.outcomes[0].population.age_max = 15), "outcomes[employment].population.age_max: must be at least age_min (16), is 15 (value 15)"],
      [(j) => (j.outcomes[1].name = "employment"), 'outcomes[employment].name: duplicate outcome "employment"'],
      [(j) => (j.randomisation_inference.permutations = 10.5), "randomisation_inference.permutations: must be a whole number (value 10.5)"],
      [(j) => (j.randomisation_inference.permutations = -1), "randomisation_inference.permutations: must be 0 (no randomisation inference) or more (value -1)"],
      [(j) => (j.outcomes[0].aggregation = "median"), 'outcomes[employment].aggregation: must be "mean", "last", "first", "sum" or "max"'],
      [(j) => (j.outcomes[0].colour = "red"), "outcomes[employment]: Unrecognized key(s) in object: 'colour'"],
      [(j) => (j.multiplicity = "bonferroni"), 'multiplicity: must be "holm", "bh" or "both" (value "bonferroni")'],
      [(j) => (j.subgroups[1].outcomes = ["employmnet"]), "subgroups[1].outcomes[0]: is not an outcome of this plan"],
      [(j) => (j.outcomes[0].covariates = ["a", "a"]), 'outcomes[employment].covariates[1]: duplicate covariate "a"'],
      [(j) => (j.alpha = 1), "alpha: must be at most 0.5 (value 1)"],
      [(j) => delete j.outcomes[0].population, "outcomes[employment].population: Required"],
    ];
    for (const [mutate, expected] of cases) {
      const json = raw();
      mutate(json);
      const message = refusal(json);
      expect(message).toContain(expected);
      // one line, or (several problems) a headline and one indented line per problem, each naming the file
      const lines = message.split("\n");
      if (lines.length > 1) {
        expect(lines[0]).toMatch(/^plan\.json has \d+ problems; fix them and run again:$/);
        for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}plan\.json: /);
      }
    }
  });

  it("hashes the meaning, not the bytes: whitespace, key order and spelled-out defaults do not change the hash", () => {
    const a = loadPlan(PLAN);
    const dir = tempDir();
    const reordered = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reordered) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reordered(x)])) : v;
    const p1 = join(dir, "compact.json");
    writeFileSync(p1, JSON.stringify(reordered(raw())));
    expect(loadPlan(p1).sha256).toBe(a.sha256);
    const json = raw();
    delete json.alpha; // 0.05 is the default
    expect(planFromJson(json, "x").sha256).toBe(a.sha256);
    json.alpha = 0.01;
    expect(planFromJson(json, "x").sha256).not.toBe(a.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.canonical.startsWith('{"alpha":0.05,')).toBe(true);
  });
});
