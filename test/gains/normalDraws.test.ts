import { describe, expect, it } from "vitest";
import { normalStream } from "../../src/gains/normalDraws.js";

describe("normalStream", () => {
  it("is reproducible and standard normal (mean 0, variance 1, 2.5% below -1.96)", () => {
    const a = normalStream("x");
    const b = normalStream("x");
    const n = 100_000;
    let s = 0, s2 = 0, below = 0, same = 0;
    for (let i = 0; i < n; i++) {
      const z = a.next();
      if (z === b.next()) same++;
      s += z;
      s2 += z * z;
      if (z < -1.959963984540054) below++;
    }
    expect(same).toBe(n);
    expect(Math.abs(s / n)).toBeLessThan(0.015);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(below / n - 0.025)).toBeLessThan(0.002);
  });
  it("different seeds give different streams", () => {
    expect(normalStream("a").next()).not.toBe(normalStream("b").next());
  });
});
