import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planLockSchema } from "../../src/plan/lock.js";
import { aggregationSchema, analysisPlanSchema, DERIVED_COVARIATES, familySchema, planOutcomeSchema, populationSchema, subgroupSchema } from "../../src/schemas/analysisPlan.js";
import { ROOT } from "../helpers.js";

const doc = (name: string) => readFileSync(join(ROOT, "data-schemas", name), "utf8");

describe("data-schemas document every field of the analysis plan and the plan lock", () => {
  it("every analysis plan key, aggregation and derived covariate", () => {
    const planDoc = doc("analysis-plan.md");
    const top = analysisPlanSchema.innerType().shape;
    const keys = [
      ...Object.keys(top),
      ...Object.keys(top.randomisation_inference.shape),
      ...Object.keys(planOutcomeSchema.shape),
      ...Object.keys(populationSchema.innerType().shape),
      ...Object.keys(subgroupSchema.shape),
      ...Object.keys(familySchema.shape),
      ...aggregationSchema.options,
      ...DERIVED_COVARIATES,
    ];
    for (const k of keys) expect(planDoc, k).toContain(`\`${k}`);
  });
  it("every plan lock key", () => {
    for (const k of Object.keys(planLockSchema.shape)) expect(doc("plan-lock.md"), k).toContain(`\`${k}\``);
  });
});
