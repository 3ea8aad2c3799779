import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { budgetResult } from "../../src/gains/budget.js";
import { monteCarlo } from "../../src/gains/monteCarlo.js";
import { paymentResult } from "../../src/gains/payment.js";
import { sensitivityTable } from "../../src/gains/sensitivity.js";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";

describe.each(["gains-relationel-velfaerd.json", "gains-randers-en-ny-start.json"])("shipped model %s", (file) => {
  const m = parseGainsModel(JSON.parse(readFileSync(`analyses/${file}`, "utf8")), file);
  it("runs end to end with finite numbers", () => {
    const b = budgetResult(m);
    expect(b.years).toHaveLength(5);
    for (const y of b.years) expect(Number.isFinite(y.cumulative_pv_net.value)).toBe(true);
    const p = paymentResult(m);
    expect(p.lines.length).toBeGreaterThan(0);
    const mc = monteCarlo(m);
    expect(mc.draws).toBeGreaterThanOrEqual(10_000);
    expect(mc.p_payback_within_5.value).toBeGreaterThanOrEqual(0);
    expect(mc.p_payback_within_5.value).toBeLessThanOrEqual(1);
    expect(sensitivityTable(m).rows.length).toBeGreaterThan(3);
  });
});

describe("Relationel Velfærd model", () => {
  const m = parseGainsModel(JSON.parse(readFileSync("analyses/gains-relationel-velfaerd.json", "utf8")), "rv.json");
  it("costs: 5.9 million over three years plus 96 staff hours (38+28+10+10+10) a week x 44 weeks x 450 DKK", () => {
    const b = budgetResult(m);
    expect(b.totals.undiscounted.y5.costs.value).toBeCloseTo(5900000 + 3 * 96 * 44 * 450, 6);
  });
  it("2019 unit values are moved to 2024 prices with the index", () => {
    const b = budgetResult(m, { effects: { employment: 0, "foster-placement-avoided": 1, "residential-placement-avoided": 0, "school-absence-reduced": 0, "life-satisfaction-up": 0 } });
    expect(b.years[0].gains_by_payer.kommune.value).toBeCloseTo(460 * 470000 * 1.16, 4);
    expect(b.years[0].gains_by_payer.kommune.from).toContain("price_index");
  });
});
