import { describe, expect, it } from "vitest";
import { quantileSorted } from "../../src/gains/quantile.js";

describe("quantileSorted (type 7)", () => {
  it("matches R quantile(c(1,2,3,4,10), c(0, 0.3, 0.5, 0.975, 1))", () => {
    const x = [1, 2, 3, 4, 10];
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.3)).toBeCloseTo(2.2, 14);
    expect(quantileSorted(x, 0.5)).toBe(3);
    expect(quantileSorted(x, 0.975)).toBeCloseTo(9.4, 14);
    expect(quantileSorted(x, 1)).toBe(10);
  });
  it("refuses an empty sample", () => expect(() => quantileSorted([], 0.5)).toThrow(RangeError));
});
