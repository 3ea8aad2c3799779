import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dependsOnIllustrative, illustrativeParameters } from "../../src/gains/illustrative.js";
import { budgetResult } from "../../src/gains/budget.js";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { fixture } from "./fixture.js";

describe("illustrativeParameters", () => {
  it("a model without illustrative flags has none", () => expect(illustrativeParameters(fixture())).toEqual([]));
  it("the Relationel Velfærd model flags its placeholder effects, and its totals depend on them", () => {
    const m = parseGainsModel(JSON.parse(readFileSync("analyses/gains-relationel-velfaerd.json", "utf8")), "rv.json");
    const ill = illustrativeParameters(m);
    expect(ill).toContain("outcomes.employment.effect");
    expect(ill).toContain("price_index");
    expect(ill).not.toContain("outcomes.foster-placement-avoided.unit_values.kommune");
    expect(dependsOnIllustrative(budgetResult(m).totals.present_value.y5.net.from, ill)).toBe(true);
  });
  it("matches paths under a flagged path only", () => {
    expect(dependsOnIllustrative(["costs.items[0].amounts_by_year"], ["costs.items[0]"])).toBe(true);
    expect(dependsOnIllustrative(["costs.items[10].amounts_by_year"], ["costs.items[1]"])).toBe(false);
    expect(dependsOnIllustrative(["outcomes.employment.effect.estimate"], ["outcomes.employment.effect"])).toBe(true);
  });
});
