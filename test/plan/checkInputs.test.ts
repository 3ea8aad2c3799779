import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { covariatesMissingForAll, planColumnProblems, valueFitsType } from "../../src/plan/checkInputs.js";
import { loadPlan, planFromJson } from "../../src/plan/load.js";
import { ROOT } from "../helpers.js";
import { readFileSync } from "node:fs";

const PLAN = join(ROOT, "analyses", "relationel-velfaerd.json");
const PERSONS_COLUMNS = ["person_id", "household_id", "birth_year", "sex", "role", "benefit_type", "employed_baseline", "school_absence_baseline"];

describe("plan checks against the data", () => {
  it("the shipped plan names only columns the sample persons file has", () => {
    expect(readFileSync(join(ROOT, "samples", "persons.csv"), "utf8").split("\n")[0].split(",")).toEqual(PERSONS_COLUMNS);
    expect(planColumnProblems(loadPlan(PLAN).plan, PERSONS_COLUMNS)).toEqual([]);
  });

  it("names unknown covariates and subgroup columns, and accepts derived age and register area", () => {
    const json = JSON.parse(readFileSync(PLAN, "utf8"));
    json.covariates = ["age", "income"];
    json.outcomes[1].covariates = ["absence_baseline"];
    json.subgroups.push({ name: "municipality", column: "kommune" });
    expect(planColumnProblems(planFromJson(json, "p").plan, PERSONS_COLUMNS, "persons.csv")).toEqual([
      `covariates: covariate "income" is not a column of persons.csv (it has ${PERSONS_COLUMNS.join(", ")}) nor a derived covariate (age)`,
      `outcomes[school_absence].covariates: covariate "absence_baseline" is not a column of persons.csv (it has ${PERSONS_COLUMNS.join(", ")}) nor a derived covariate (age)`,
      `subgroups[municipality].column: "kommune" is not a column of persons.csv (it has ${PERSONS_COLUMNS.join(", ")}) nor area, wave from the register`,
    ]);
  });

  it("finds covariates missing for everyone who counts", () => {
    const { plan } = loadPlan(PLAN);
    const employed = Float64Array.from([1, 0, Number.NaN, Number.NaN]);
    const absence = Float64Array.from([Number.NaN, Number.NaN, 0.1, 0.05]);
    const values = (c: string) => (c === "employed_baseline" ? employed : absence);
    const adults = Uint8Array.from([1, 1, 0, 0]);
    const children = Uint8Array.from([0, 0, 1, 1]);
    expect(covariatesMissingForAll(plan, plan.outcomes[0], adults, values)).toEqual([]);
    expect(covariatesMissingForAll(plan, plan.outcomes[1], children, values)).toEqual([]);
    expect(covariatesMissingForAll(plan, { ...plan.outcomes[1], covariates: ["employed_baseline"] }, children, values)).toEqual(["employed_baseline"]);
  });

  it("binary outcomes take values in [0, 1]; continuous any finite number; missing always", () => {
    const { plan } = loadPlan(PLAN);
    const [employment, , wellbeing] = plan.outcomes;
    expect([0, 1, 0.5, Number.NaN].map((v) => valueFitsType(employment, v))).toEqual([true, true, true, true]);
    expect([-0.01, 1.01, 52, Infinity].map((v) => valueFitsType(employment, v))).toEqual([false, false, false, false]);
    expect([52, -3, Infinity].map((v) => valueFitsType(wellbeing, v))).toEqual([true, true, false]);
  });
});
