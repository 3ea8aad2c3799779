import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GainsInput } from "../../src/gains/index.js";
import { parseGainsModel, type GainsModel } from "../../src/schemas/gainsModel.js";

/**
 * The hand-checkable case of test/oracle/fixtures/gains_case.json (also read by test/oracle/gains_oracle.py):
 * two waves (2025-01-01, 2026-07-01), work measured at years 1 (0.1) and 3 (0.04) with decay 0.5 after, absence
 * measured at year 1 only, a line below its threshold, a staff cost that is not additional, the afkastgulv binding.
 */
export const CASE = JSON.parse(readFileSync(join(__dirname, "..", "oracle", "fixtures", "gains_case.json"), "utf8"));

export function fixture(): GainsModel {
  return parseGainsModel(structuredClone(CASE.model), "gains_case.json");
}

export function fixtureInput(model: GainsModel = fixture()): GainsInput {
  return {
    model,
    cohorts: structuredClone(CASE.cohorts),
    cohorts_from: "register",
    counts: model.outcomes.map((o) => ({ outcome: o.id, estimand: o.effect.estimand, basis: "assigned to treatment in the population (test)", source: "gains_case.json", from: [`counts.${o.id}`] })),
  };
}
