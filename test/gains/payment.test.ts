import { describe, expect, it } from "vitest";
import { annualReturn, paymentResult } from "../../src/gains/payment.js";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { fixture, fixtureInput } from "./fixture.js";

describe("paymentResult", () => {
  it("successes and payments by hand (net at year 3 with persistence 0.5; gross at year 1)", () => {
    const r = paymentResult(fixture());
    // net: 100 * 0.1 * 0.5 = 5 successes x 20,000 = 100,000; gross: 100 * (0.2 + 0.1) = 30 x 1,000 = 30,000
    expect(r.lines[0].successes.value).toBeCloseTo(5, 12);
    expect(r.lines[0].met).toBe(true);
    expect(r.lines[1].successes.value).toBeCloseTo(30, 12);
    expect(r.repayment.value).toBeCloseTo(130000, 6);
    expect(r.limited_by).toBe("none");
    expect(r.investor_annual_return.value).toBeCloseTo(1.3 ** 0.25 - 1, 12);
    expect(r.lines[1].successes.from).toContain("payment_model.rate_card[1].control_rate");
  });
  it("afkastloft caps the repayment at I (1 + cap)^H", () => {
    const j = fixtureInput();
    j.payment_model!.afkastloft = { max_annual_return: 0.05, source: "t" };
    const r = paymentResult(parseGainsModel(j, "x.json"));
    expect(r.repayment.value).toBeCloseTo(100000 * 1.05 ** 4, 6);
    expect(r.limited_by).toBe("afkastloft");
    expect(r.investor_annual_return.value).toBeCloseTo(0.05, 12);
    expect(r.investor_annual_return_before_limits.value).toBeCloseTo(1.3 ** 0.25 - 1, 12);
  });
  it("afkastgulv raises the repayment to I (1 + floor)^H; negative successes count as 0", () => {
    const j = fixtureInput();
    j.payment_model!.afkastgulv = { min_annual_return: -0.1, source: "t" };
    const r = paymentResult(parseGainsModel(j, "x.json"), { work: -0.5 });
    expect(r.lines[0].successes.value).toBe(0);
    expect(r.lines[0].met).toBe(false);
    expect(r.repayment_before_limits.value).toBe(0);
    expect(r.repayment.value).toBeCloseTo(100000 * 0.9 ** 4, 6);
    expect(r.limited_by).toBe("afkastgulv");
  });
  it("annualReturn: nothing repaid is -100%", () => {
    expect(annualReturn(0, 100, 4)).toBe(-1);
    expect(annualReturn(121, 100, 2)).toBeCloseTo(0.1, 12);
  });
});
