import { describe, expect, it } from "vitest";
import { sensitivityTable } from "../../src/gains/sensitivity.js";
import { budgetResult } from "../../src/gains/budget.js";
import { fixture } from "./fixture.js";

describe("sensitivityTable", () => {
  const model = fixture();
  const t = sensitivityTable(model);
  const base = budgetResult(model).totals.present_value.y5;
  it("unit values -/+ 25% scale the PV gains by 0.75 and 1.25", () => {
    const row = t.rows[0];
    expect(row.from).toEqual(["outcomes.work.unit_values"]);
    expect(row.low.net_pv_y5).toBeCloseTo(0.75 * base.gains.value - base.costs.value, 6);
    expect(row.high.net_pv_y5).toBeCloseTo(1.25 * base.gains.value - base.costs.value, 6);
  });
  it("discount rate row uses 2.5% and 5% and the base is the model as given", () => {
    const row = t.rows.find((r) => r.parameter === "discount rate")!;
    expect(row.low.setting).toBe("2.5%");
    expect(row.high.setting).toBe("5%");
    expect(t.base.net_pv_y5).toBeCloseTo(base.net.value, 6);
    expect(row.low.net_pv_y5).toBeGreaterThan(row.high.net_pv_y5);
  });
  it("persistence: year 1 only gives gains only in year 1; no decay holds the last factor", () => {
    const row = t.rows.find((r) => r.parameter.startsWith("persistence"))!;
    expect(row.low.net_y5).toBeCloseTo(150000 - 340000, 6);
    // factors 1, 0.75, 0.5, 0.5, 0.5 -> gains 150,000 * 3.25 = 487,500
    expect(row.high.net_y5).toBeCloseTo(487500 - 340000, 6);
  });
  it("does not modify the model", () => {
    expect(model.outcomes[0].unit_values[0].value_dkk).toBe(10000);
  });
});
