import { describe, it, expect } from "vitest";
import { jointBalanceTest } from "../../src/estimate/balance_test.js";
import { expectClose, loadFixture } from "./helpers.js";

const fx = loadFixture("balance_test");
const d = fx.data;
const covariates = [
  { name: "x1", values: Float64Array.from(d.x1, (v: number | null) => (v === null ? NaN : v)) },
  { name: "x2", values: Float64Array.from(d.x2) },
  ...[0, 1, 2].map((l) => ({ name: `cat=${l}`, values: Float64Array.from(d.cat, (v: number) => (v === l ? 1 : 0)) })),
];
const perms: number[][] = fx.permutations;

describe("joint balance test by randomisation inference against R (ri2's F test of lm(z ~ blocks + X))", () => {
  it("the statistic is the explained sum of squares, its p-value R's over the same re-draws", () => {
    const r = jointBalanceTest({
      covariates, blocks: d.block, observed: d.z, redraws: perms.length,
      draw: (s, treated) => perms[s].forEach((v, i) => (treated[i] = v)),
    });
    expectClose(r.statistic, fx.T[0], 1e-8, 1e-300, "T");
    expect(r.columns).toBe(fx.df[0]);
    expect(r.p_value).toBe(fx.p_value[0]);
  });
  it("each re-draw's statistic equals R's", () => {
    for (let s = 0; s < 20; s++) {
      const r = jointBalanceTest({ covariates, blocks: d.block, observed: perms[s], redraws: 1, draw: (_, t) => t.fill(0) });
      expectClose(r.statistic, fx.T_sims[s], 1e-8, 1e-300, `T ${s}`);
    }
  });
});
