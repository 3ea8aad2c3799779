import { describe, expect, it } from "vitest";
import { discountFactor, presentValue } from "../../src/gains/discount.js";

describe("discountFactor / presentValue", () => {
  it("year 1 is not discounted, year t by 1.035^(t-1)", () => {
    expect(discountFactor(0.035, 1)).toBe(1);
    expect(discountFactor(0.035, 3)).toBeCloseTo(1 / 1.071225, 14);
  });
  it("PV by hand: 100 in years 1-3 at 3.5% = 100 + 100/1.035 + 100/1.071225", () => {
    expect(presentValue([100, 100, 100], 0.035)).toBeCloseTo(100 + 100 / 1.035 + 100 / 1.071225, 10);
    expect(presentValue([100, 100, 100], 0)).toBe(300);
  });
  it("refuses bad rates and years", () => {
    expect(() => discountFactor(-0.01, 1)).toThrow(RangeError);
    expect(() => discountFactor(0.035, 0)).toThrow(RangeError);
  });
});
