import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIndicatorSpec, parseIndicatorValues } from "../../src/schemas/indicatorSpec.js";
import { UserError } from "../../src/errors.js";

const raw = () => JSON.parse(readFileSync("analyses/lbf-uddannelse-og-livschancer.json", "utf8"));

describe("indicator spec schema", () => {
  it("the shipped LBF spec parses with the four indicators of the LBF partial agreement", () => {
    const spec = parseIndicatorSpec(raw(), "lbf.json");
    expect(spec.indicators.map((i) => i.id)).toHaveLength(4);
    const [a, b, c, d] = spec.indicators;
    expect([a.area_baseline?.value, a.comparison_baseline?.value, a.area_baseline?.year, a.target?.value, a.target?.year]).toEqual([0.75, 0.95, 2023, 0.92, 2025]);
    expect([b.area_baseline?.value, b.comparison_baseline?.value, b.direction]).toEqual([0.31, 0.16, "lower"]);
    expect([c.status, d.status]).toEqual(["pending", "pending"]);
  });
  it("an unknown direction is refused naming the file and field", () => {
    const j = raw();
    j.indicators[1].direction = "up";
    expect(() => parseIndicatorSpec(j, "lbf.json")).toThrow(UserError);
    expect(() => parseIndicatorSpec(j, "lbf.json")).toThrow(/^lbf\.json: indicators\[1\]\.direction: must be "higher" or "lower"/);
  });
  it("an active indicator without baseline is refused; a share given in percent is refused", () => {
    const j = raw();
    delete j.indicators[0].area_baseline;
    expect(() => parseIndicatorSpec(j, "x.json")).toThrow(/indicators\[0\]\.area_baseline: is required unless status is "pending"/);
    const k = raw();
    k.indicators[0].target.value = 92;
    expect(() => parseIndicatorSpec(k, "x.json")).toThrow(/indicators\[0\]\.target\.value: must be a proportion/);
  });
  it("value rows: null is pending, negative n refused", () => {
    expect(parseIndicatorValues([{ indicator: "a", area: "b", year: 2024, value: null }], "v.json")[0].value).toBeNull();
    expect(() => parseIndicatorValues([{ indicator: "a", area: "b", year: 2024, value: 0.1, n: -1 }], "v.json")).toThrow(/v\.json: \[0\]\.n:/);
  });
  it("a file broken in many places names the first 20 problems, one per line, and counts the rest (the shape of every reader's problems)", () => {
    const rows = Array.from({ length: 40 }, () => ({ indicator: "a", area: "b", year: "x", value: "y" }));
    let message = "";
    try {
      parseIndicatorValues(rows, "v.json");
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split("\n");
    expect(lines[0]).toBe("v.json has 80 problems (the first 20 below); fix them and run again:");
    expect(lines[1]).toMatch(/^ {2}v\.json: \[0\]\.year: /);
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe("  ... and 60 more");
  });
});
