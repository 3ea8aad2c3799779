import { describe, expect, it } from "vitest";
import { yearlyGains, unitValueInModelPrices } from "../../src/gains/yearlyGains.js";
import { toModelPrices } from "../../src/gains/prices.js";
import { sumTraced, traced } from "../../src/gains/traced.js";
import { UserError } from "../../src/errors.js";
import { fixture } from "./fixture.js";

describe("yearlyGains", () => {
  it("effect x persistence x persons x unit value, per payer", () => {
    const g = yearlyGains(fixture());
    expect(g[0].years.map((y) => y.kommune.value)).toEqual([100000, 75000, 50000, 25000, 12500].map((x) => expect.closeTo(x, 8)));
    expect(g[0].years[4].stat.value).toBeCloseTo(6250, 8);
    expect(g[0].years[0].region).toEqual({ value: 0, from: [] });
  });
  it("uses effect overrides and reads unit values", () => {
    expect(yearlyGains(fixture(), { work: 0.2 })[0].years[0].kommune.value).toBeCloseTo(200000, 8);
    expect(unitValueInModelPrices(fixture(), fixture().outcomes[0], "region")).toBe(0);
  });
});

describe("toModelPrices", () => {
  const m = { price_year: 2024, price_index: { values: { "2019": 100, "2024": 116 }, source: "t", illustrative: false } };
  it("moves by the index ratio", () => expect(toModelPrices(470000, 2019, m, "f")).toBeCloseTo(545200, 6));
  it("same year needs no index", () => expect(toModelPrices(5, 2024, { price_year: 2024 }, "f")).toBe(5));
  it("missing index year names the field", () => expect(() => toModelPrices(5, 2018, m, "outcomes.a.price_year")).toThrow(UserError));
});

describe("traced", () => {
  it("sums values and unions sorted traces", () => {
    expect(sumTraced([traced(1, ["b"]), traced(2, ["a", "b"])])).toEqual({ value: 3, from: ["a", "b"] });
  });
});
