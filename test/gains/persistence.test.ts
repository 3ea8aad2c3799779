import { describe, expect, it } from "vitest";
import { persistenceFactor } from "../../src/gains/persistence.js";

const p = { measured: [{ year: 2, factor: 0.9 }, { year: 4, factor: 0.5 }], decay_after_last: 0.2, source: "t" };

describe("persistenceFactor", () => {
  it("holds the first factor before the first horizon", () => expect(persistenceFactor(p, 1)).toBe(0.9));
  it("is exact at measured horizons", () => {
    expect(persistenceFactor(p, 2)).toBe(0.9);
    expect(persistenceFactor(p, 4)).toBe(0.5);
  });
  it("interpolates linearly between horizons", () => expect(persistenceFactor(p, 3)).toBeCloseTo(0.7, 14));
  it("decays geometrically beyond the last", () => expect(persistenceFactor(p, 5)).toBeCloseTo(0.4, 14));
  it("refuses year 0", () => expect(() => persistenceFactor(p, 0)).toThrow(RangeError));
});
