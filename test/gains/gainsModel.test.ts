import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { UserError } from "../../src/errors.js";
import { fixtureInput } from "./fixture.js";

const load = (f: string) => JSON.parse(readFileSync(`analyses/${f}`, "utf8"));

describe("gains model schema", () => {
  it("the shipped analyses parse", () => {
    const rv = parseGainsModel(load("gains-relationel-velfaerd.json"), "rv.json");
    expect(rv.payment_model?.investment_dkk).toBe(5900000);
    expect(rv.costs.staff.map((s) => s.hours_per_week)).toEqual([38, 28, 10, 10, 10]);
    expect(rv.discount_rate.value).toBe(0.035);
    const ra = parseGainsModel(load("gains-randers-en-ny-start.json"), "ra.json");
    expect(ra.persons.value).toBe(80);
    expect(ra.outcomes.map((o) => o.persons?.value ?? 0).reduce((a, b) => a + b, 0)).toBe(80);
    expect(new Set(ra.payment_model!.rate_card.map((l) => l.target_group)).size).toBe(3);
  });
  it("defaults the discount rate to 3.5% with the Finance Ministry as source", () => {
    const j = fixtureInput();
    delete j.discount_rate;
    const m = parseGainsModel(j, "x.json");
    expect(m.discount_rate.value).toBe(0.035);
    expect(m.discount_rate.source).toMatch(/Finansministeriet/);
  });
  it("a unit value without source is refused naming the field", () => {
    const j = fixtureInput() as any;
    delete j.outcomes[0].unit_values[1].source;
    expect(() => parseGainsModel(j, "m.json")).toThrow(UserError);
    expect(() => parseGainsModel(j, "m.json")).toThrow(/^m\.json: outcomes\[0\]\.unit_values\[1\]\.source: is required/);
  });
  it("a unit value without price year is refused naming the field", () => {
    const j = fixtureInput() as any;
    delete j.outcomes[0].unit_values[0].price_year;
    expect(() => parseGainsModel(j, "m.json")).toThrow(/outcomes\[0\]\.unit_values\[0\]\.price_year: is required: every amount needs its price year/);
  });
  it("a negative count of persons is refused naming the field", () => {
    const j = fixtureInput() as any;
    j.persons.value = -3;
    expect(() => parseGainsModel(j, "m.json")).toThrow(/m\.json: persons\.value: must be non-negative/);
  });
  it("a discount rate outside 0-20% is refused naming the field", () => {
    const j = fixtureInput() as any;
    j.discount_rate.value = 0.25;
    expect(() => parseGainsModel(j, "m.json")).toThrow(/discount_rate\.value: must be between 0 and 0\.20/);
    j.discount_rate.value = -0.01;
    expect(() => parseGainsModel(j, "m.json")).toThrow(/discount_rate\.value: must be between 0 and 0\.20/);
  });
  it("a price year without a net price index entry is refused naming the field", () => {
    const j = fixtureInput() as any;
    j.outcomes[0].unit_values[0].price_year = 2019;
    expect(() => parseGainsModel(j, "m.json")).toThrow(/outcomes\[0\]\.unit_values\[0\]\.price_year: 2019 differs/);
  });
  it("a rate-card line naming an unknown outcome, or gross without control rate, is refused", () => {
    const j = fixtureInput() as any;
    j.payment_model.rate_card[0].outcome = "nope";
    expect(() => parseGainsModel(j, "m.json")).toThrow(/payment_model\.rate_card\[0\]\.outcome/);
    const k = fixtureInput() as any;
    delete k.payment_model.rate_card[1].control_rate;
    expect(() => parseGainsModel(k, "m.json")).toThrow(/rate_card\[1\]\.control_rate: is required/);
  });
  it("fewer than 10,000 Monte Carlo draws are refused", () => {
    const j = fixtureInput() as any;
    j.monte_carlo = { draws: 500, seed: "x" };
    expect(() => parseGainsModel(j, "m.json")).toThrow(/monte_carlo\.draws: must be at least 10000/);
  });
});
