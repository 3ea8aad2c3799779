import { describe, expect, it } from "vitest";
import { monteCarlo } from "../../src/gains/monteCarlo.js";
import { budgetResult } from "../../src/gains/budget.js";
import { erfc } from "../../src/indicators/normalQuantile.js";
import { fixture } from "./fixture.js";

const Phi = (x: number) => 0.5 * erfc(-x / Math.SQRT2);
const Z = 1.959963984540054;

describe("monteCarlo", () => {
  const model = fixture();
  // The model is linear in the effect: net = e * G - C, with G, C from the point model at e = 1 and e = 0.
  const at = (e: number) => budgetResult(model, { effects: { work: e } }).totals;
  const C = -at(0).present_value.y5.net.value;
  const G = at(1).present_value.y5.net.value + C;
  const Cu = -at(0).undiscounted.y5.net.value;
  const Gu = at(1).undiscounted.y5.net.value + Cu;
  const { estimate, se } = model.outcomes[0].effect;

  it("the MC interval converges on the analytic normal interval (200,000 draws)", () => {
    const mc = monteCarlo(model, { draws: 200_000, seed: "convergence" });
    const sd = se * G;
    expect(Math.abs(mc.net_pv_y5.lower - ((estimate - Z * se) * G - C))).toBeLessThan(0.02 * sd);
    expect(Math.abs(mc.net_pv_y5.upper - ((estimate + Z * se) * G - C))).toBeLessThan(0.02 * sd);
    expect(Math.abs(mc.net_pv_y5.mean - (estimate * G - C))).toBeLessThan(0.01 * sd);
    expect(mc.net_pv_y5.point).toBeCloseTo(estimate * G - C, 6);
    // P(payback within 5 years) = P(e * Gu - Cu >= 0) = Phi((estimate * Gu - Cu) / (se * Gu))
    expect(Math.abs(mc.p_payback_within_5.value - Phi((estimate * Gu - Cu) / (se * Gu)))).toBeLessThan(0.005);
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const a = monteCarlo(model, { seed: "s1" });
    const b = monteCarlo(model, { seed: "s1" });
    const c = monteCarlo(model, { seed: "s2" });
    expect(a).toEqual(b);
    expect(a.net_pv_y5.lower).not.toBe(c.net_pv_y5.lower);
    expect(a.draws).toBe(10_000);
  });

  it("gives the payment model's interval and P(goal met)", () => {
    const mc = monteCarlo(model, { seed: "pay" });
    const pay = mc.payment!;
    expect(pay.repayment.point).toBeCloseTo(130000, 6);
    expect(pay.repayment.lower).toBeLessThan(pay.repayment.upper);
    // goal 1 met when 100 * e * 0.5 >= 4, i.e. e >= 0.08: P = 1 - Phi((0.08 - 0.1) / 0.05)
    expect(Math.abs(pay.p_goal_met[0].p.value - (1 - Phi(-0.4)))).toBeLessThan(0.02);
    expect(pay.p_goal_met[0].p.from).toContain("outcomes.work.effect.se");
  });

  it("refuses fewer than 10,000 draws and a missing seed", () => {
    expect(() => monteCarlo(model, { draws: 999, seed: "x" })).toThrow(RangeError);
    expect(() => monteCarlo(model)).toThrow(/seed/);
  });
});

describe("monteCarlo by payer", () => {
  it("payer PV nets add up to the total and match the point model", () => {
    const model = fixture();
    const mc = monteCarlo(model, { seed: "payers" });
    const b = budgetResult(model);
    expect(mc.net_pv_y5_by_payer.kommune.point).toBeCloseTo(b.totals.present_value.y5.net_by_payer.kommune.value, 6);
    const sumMeans = mc.net_pv_y5_by_payer.kommune.mean + mc.net_pv_y5_by_payer.stat.mean + mc.net_pv_y5_by_payer.region.mean;
    expect(sumMeans).toBeCloseTo(mc.net_pv_y5.mean, 4);
    expect(mc.net_pv_y5_by_payer.region.lower).toBe(0);
  });
});
