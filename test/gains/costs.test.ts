import { describe, expect, it } from "vitest";
import { costLines, yearlyCosts } from "../../src/gains/costs.js";
import { fixture } from "./fixture.js";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { fixtureInput } from "./fixture.js";

describe("costs", () => {
  it("items by year plus hours/week x weeks x hourly cost", () => {
    const c = yearlyCosts(fixture());
    expect(c.map((y) => y.kommune.value)).toEqual([240000, 100000, 0, 0, 0]);
    expect(c[0].stat.value).toBe(0);
    const lines = costLines(fixture());
    expect(lines[1].label).toBe("staff: team");
    expect(lines[1].years[0].value).toBe(40000);
  });
  it("moves amounts to the model's price year with the net price index", () => {
    const j = fixtureInput();
    j.price_index = { values: { "2019": 100, "2024": 116 }, source: "test" };
    j.costs!.items![0].price_year = 2019;
    const c = yearlyCosts(parseGainsModel(j, "x.json"));
    expect(c[0].kommune.value).toBeCloseTo(200000 * 1.16 + 40000, 8);
  });
});
