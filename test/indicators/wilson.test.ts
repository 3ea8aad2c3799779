import { describe, expect, it } from "vitest";
import { wilson, Z95 } from "../../src/indicators/wilson.js";
import { qnorm } from "../../src/estimate/distributions.js";

// Expected values from R 4: prop.test(x, n, correct = FALSE)$conf.int, printed with digits = 17.
const cases: Array<[number, number, number, number]> = [
  [81, 263, 0.25528851987827428, 0.36620957698280016],
  [7, 10, 0.39677814746114537, 0.89220873259369904],
  [0, 20, 0, 0.1611251580528193],
  [20, 20, 0.83887484194718065, 1],
  [150, 200, 0.68565901687954178, 0.80491831993182494],
];

describe("wilson", () => {
  it.each(cases)("matches R prop.test(%d, %d, correct = FALSE) to 1e-12", (x, n, lo, hi) => {
    const w = wilson(x, n);
    expect(Math.abs(w.lower - lo)).toBeLessThan(1e-12);
    expect(Math.abs(w.upper - hi)).toBeLessThan(1e-12);
    expect(w.estimate).toBe(x / n);
  });
  it("uses the given z (90%: R conf.level = 0.9)", () => {
    const w = wilson(81, 263, qnorm(0.95));
    expect(Math.abs(w.lower - 0.26331361718848145)).toBeLessThan(1e-12);
    expect(Math.abs(w.upper - 0.35656634960848815)).toBeLessThan(1e-12);
  });
  it("refuses n = 0 and successes outside [0, n]", () => {
    expect(() => wilson(0, 0)).toThrow(RangeError);
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
  });
});

// The Wilson z comes from effekt's one normal quantile (src/estimate/distributions.ts).
describe("qnorm for the Wilson interval's z", () => {
  it("matches R qnorm to 1e-12", () => {
    expect(Math.abs(qnorm(0.975) - 1.9599639845400536)).toBeLessThan(1e-12);
    expect(Math.abs(qnorm(0.95) - 1.6448536269514715)).toBeLessThan(1e-12);
    expect(Math.abs(qnorm(0.995) - 2.5758293035488999)).toBeLessThan(1e-12);
    expect(Math.abs(qnorm(0.001) - -3.0902323061678132)).toBeLessThan(1e-12);
    expect(Math.abs(qnorm(1e-10) - -6.3613409024040557)).toBeLessThan(1e-9);
    expect(Math.abs(qnorm(0.975) - Z95)).toBeLessThan(1e-12);
  });
});
