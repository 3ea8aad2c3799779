import { describe, it, expect } from "vitest";
import { leeBounds, trimmedMean } from "../../src/estimate/lee_bounds.js";
import { EstimationError } from "../../src/estimate/errors.js";
import { expectClose, loadFixture } from "./helpers.js";

const fx = loadFixture("lee_bounds");
const withNaN = (v: (number | null)[]) => Float64Array.from(v, (x) => (x === null ? NaN : x));

describe("Lee (2009) trimming bounds against an independent R script", () => {
  for (const name of ["continuous", "binary"] as const) {
    it(`${name}: per-block trimming shares and bounds, size-weighted over blocks`, () => {
      const { data, bounds } = fx[name];
      const r = leeBounds(withNaN(data.y), data.z, data.block);
      expectClose(r.lower, bounds.lower[0], 1e-10, 1e-300, "lower");
      expectClose(r.upper, bounds.upper[0], 1e-10, 1e-300, "upper");
      r.blocks.forEach((b, k) => {
        expectClose(b.trimming_share, bounds.p[k], 1e-12, 1e-300, "p");
        expectClose(b.lower, bounds.block_lower[k], 1e-10, 1e-300, "block lower");
        expectClose(b.upper, bounds.block_upper[k], 1e-10, 1e-300, "block upper");
      });
      expect(r.lower).toBeLessThan(r.upper);
    });
  }
  it("the arm observed more often is the one trimmed", () => {
    const r = leeBounds(withNaN(fx.continuous.data.y), fx.continuous.data.z, fx.continuous.data.block);
    expect(r.blocks.map((b) => b.trimmed)).toEqual(["treatment", "treatment", "control"]);
  });
  it("trimmed means count the boundary value fractionally", () => {
    // keep 2.5 of 5: (1 + 2 + 0.5 x 3) / 2.5
    expect(trimmedMean([5, 3, 1, 4, 2], 0.5, "top")).toBeCloseTo(4.5 / 2.5, 14);
    expect(trimmedMean([5, 3, 1, 4, 2], 0.5, "bottom")).toBeCloseTo((5 + 4 + 1.5) / 2.5, 14);
  });
  it("no attrition difference: the bounds meet at the difference in means", () => {
    const r = leeBounds([1, 2, NaN, 4, 6, NaN], [0, 0, 0, 1, 1, 1]);
    expect(r.lower).toBe(3.5);
    expect(r.upper).toBe(3.5);
  });
  it("an arm with no value in a block has no bounds", () => {
    expect(() => leeBounds([NaN, NaN, 3, 4], [1, 1, 0, 0])).toThrow(EstimationError);
  });
});
