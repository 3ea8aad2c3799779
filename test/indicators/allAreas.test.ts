import { describe, expect, it } from "vitest";
import { withAllAreas } from "../../src/indicators/allAreas.js";
import type { IndicatorSpec } from "../../src/schemas/indicatorSpec.js";

const spec = { indicators: [{ id: "g9", unit: "share" }, { id: "m", unit: "mean" }] } as unknown as IndicatorSpec;

describe("withAllAreas", () => {
  it("adds the pooled share when every area has a value and n", () => {
    const out = withAllAreas(spec, [
      { indicator: "g9", area: "Houlkær", year: 2024, value: 0.8, n: 40 },
      { indicator: "g9", area: "Ellekonebakken", year: 2024, value: 0.75, n: 36 },
    ]);
    expect(out[2]).toEqual({ indicator: "g9", area: "all areas", year: 2024, value: (32 + 27) / 76, n: 76 });
  });
  it("adds nothing when the file has the total, an area is pending, an n is missing, or the unit is not a share", () => {
    expect(withAllAreas(spec, [{ indicator: "g9", area: "Houlkær", year: 2024, value: 0.8, n: 40 }, { indicator: "g9", area: "all areas", year: 2024, value: 0.7, n: 90 }])).toHaveLength(2);
    expect(withAllAreas(spec, [{ indicator: "g9", area: "Houlkær", year: 2024, value: 0.8, n: 40 }, { indicator: "g9", area: "Karup Kølvrå", year: 2024, value: null }])).toHaveLength(2);
    expect(withAllAreas(spec, [{ indicator: "g9", area: "Houlkær", year: 2024, value: 0.8 }])).toHaveLength(1);
    expect(withAllAreas(spec, [{ indicator: "m", area: "Houlkær", year: 2024, value: 3, n: 10 }])).toHaveLength(1);
  });
});
