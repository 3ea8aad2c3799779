import { describe, expect, it } from "vitest";
import { budgetResult, breakEvenYear } from "../../src/gains/budget.js";
import { fixture } from "./fixture.js";

const df = [1, 1 / 1.035, 1 / 1.035 ** 2, 1 / 1.035 ** 3, 1 / 1.035 ** 4];
const gains = [150000, 112500, 75000, 37500, 18750];
const costs = [240000, 100000, 0, 0, 0];
const net = gains.map((g, i) => g - costs[i]);

describe("budgetResult on the hand-computed fixture", () => {
  const r = budgetResult(fixture());
  it("yearly gains, costs, net and cumulative net", () => {
    r.years.forEach((y, i) => {
      expect(y.gains.value).toBeCloseTo(gains[i], 8);
      expect(y.costs.value).toBeCloseTo(costs[i], 8);
      expect(y.net.value).toBeCloseTo(net[i], 8);
    });
    expect(r.years.map((y) => y.cumulative_net.value)).toEqual([-90000, -77500, -2500, 35000, 53750].map((x) => expect.closeTo(x, 6)));
    expect(r.years[0].gains_by_payer.kommune.value).toBeCloseTo(100000, 8);
    expect(r.years[0].gains_by_payer.stat.value).toBeCloseTo(50000, 8);
    expect(r.years[0].gains_by_payer.region.value).toBe(0);
  });
  it("totals at 3 and 5 years, undiscounted and PV", () => {
    expect(r.totals.undiscounted.y3.net.value).toBeCloseTo(-2500, 6);
    expect(r.totals.undiscounted.y5.net.value).toBeCloseTo(53750, 6);
    const pv = (xs: number[], T: number) => xs.slice(0, T).reduce((s, x, i) => s + x * df[i], 0);
    expect(r.totals.present_value.y3.net.value).toBeCloseTo(pv(net, 3), 6);
    expect(r.totals.present_value.y5.net.value).toBeCloseTo(pv(net, 5), 6);
    expect(r.totals.present_value.y5.gains_by_payer.kommune.value).toBeCloseTo((pv(gains, 5) * 2) / 3, 6);
    expect(r.totals.present_value.y5.costs.value).toBeCloseTo(240000 + 100000 / 1.035, 6);
    const roi5 = r.roi.y5;
    expect(roi5.defined && roi5.value.value).toBeCloseTo(pv(net, 5) / pv(costs, 5), 12);
  });
  it("break-even: year 4 undiscounted; discounted by hand", () => {
    expect(r.break_even.undiscounted).toEqual({ reached: true, year: 4 });
    let cum = 0;
    const cums = net.map((x, i) => (cum += x * df[i]));
    expect(cums[2]).toBeLessThan(0);
    expect(cums[3]).toBeGreaterThan(0);
    expect(r.break_even.discounted).toEqual({ reached: true, year: 4 });
  });
  it("every number carries the parameters it traces to", () => {
    expect(r.years[0].gains_by_payer.kommune.from).toEqual(["outcomes.work.effect.estimate", "outcomes.work.persistence", "outcomes.work.unit_values.kommune", "persons"]);
    expect(r.totals.present_value.y5.net.from).toContain("discount_rate");
    expect(r.totals.present_value.y5.net.from).toContain("costs.staff[0].hourly_cost_dkk");
  });
  it("effect overrides are used", () => {
    const z = budgetResult(fixture(), { effects: { work: 0 } });
    expect(z.totals.undiscounted.y5.net.value).toBeCloseTo(-340000, 6);
    expect(z.break_even.undiscounted).toEqual({ reached: false, horizon_years: 5 });
    expect(z.roi.y3.defined).toBe(true);
  });
});

describe("breakEvenYear", () => {
  it("needs the cumulative net to stay >= 0 to the end", () => {
    expect(breakEvenYear([1, -1, 2, 3, 4])).toEqual({ reached: true, year: 3 });
    expect(breakEvenYear([0, 1])).toEqual({ reached: true, year: 1 });
    expect(breakEvenYear([5, -1])).toEqual({ reached: false, horizon_years: 2 });
  });
});

describe("budgetResult by outcome", () => {
  it("exposes each outcome's yearly gains by payer", () => {
    const r = budgetResult(fixture());
    expect(r.by_outcome[0].outcome).toBe("work");
    expect(r.by_outcome[0].years[1].kommune.value).toBeCloseTo(75000, 8);
  });
});
