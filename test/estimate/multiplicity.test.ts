import { describe, it, expect } from "vitest";
import { benjaminiHochberg, holm, pAdjust } from "../../src/estimate/multiplicity.js";
import { expectClose, loadFixture } from "./helpers.js";

describe("p-value adjustment against R's p.adjust", () => {
  const fx = loadFixture("distributions").padjust;
  it("Holm", () => {
    const h = holm(fx.p);
    fx.holm.forEach((v: number, i: number) => expectClose(h[i], v, 1e-12, 1e-300, `holm ${i}`));
  });
  it("Benjamini-Hochberg", () => {
    const b = pAdjust(fx.p, "BH");
    fx.BH.forEach((v: number, i: number) => expectClose(b[i], v, 1e-12, 1e-300, `BH ${i}`));
  });
  it("leaves NaN out of the count", () => {
    const b = benjaminiHochberg([0.01, NaN, 0.04]);
    expect(Number.isNaN(b[1])).toBe(true);
    expect(b[0]).toBeCloseTo(0.02, 15);
    expect(b[2]).toBeCloseTo(0.04, 15);
    expect(() => holm([0.5, 1.2])).toThrow();
  });
});
