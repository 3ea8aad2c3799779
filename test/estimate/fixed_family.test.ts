import { describe, it, expect } from "vitest";
import { adjustFixedFamily } from "../../src/estimate/fixed_family.js";
import { holm } from "../../src/estimate/multiplicity.js";
import { expectClose, loadFixture } from "./helpers.js";

const fx = loadFixture("fixed_family");
const p = Float64Array.from(fx.p, (v: number | null) => (v === null ? NaN : v));

describe("Holm and BH over a family fixed by the plan (pending members count with p = 1), against R", () => {
  for (const method of ["holm", "BH"] as const) {
    it(method, () => {
      const r = adjustFixedFamily(p, method);
      fx[method].forEach((v: number | null, i: number) => {
        if (v === null) expect(r[i]).toBeNaN();
        else expectClose(r[i], v, 1e-12, 1e-300, `${method} ${i}`);
      });
    });
  }
  it("differs from dropping the pending members (the family would shrink with the data)", () => {
    const dropped = holm(p);
    const fixed = adjustFixedFamily(p, "holm");
    expectClose(dropped[0], fx.holm_dropped[0], 1e-12, 1e-300, "dropped");
    expect(fixed[0]).toBeGreaterThan(dropped[0]);
  });
});
