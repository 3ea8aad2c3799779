import { describe, it, expect } from "vitest";
import { westfallYoungMinP } from "../../src/estimate/westfall_young.js";

/** Westfall-Young step-down min-p on small hand-checked cases (the R oracle is in ri_lin_oracle.test.ts). */
describe("westfallYoungMinP", () => {
  it("one hypothesis: the adjusted p is the raw RI p (k / S, ties within 1e-9 counted)", () => {
    const r = westfallYoungMinP([2], [[1, 2, 3, -2.5, 0.5]]);
    expect(r.p_raw).toEqual([3 / 5]);
    expect(r.p_adjusted).toEqual([3 / 5]);
  });

  it("perfectly dependent hypotheses are not penalised (Holm would double); independent ones are", () => {
    const a = [0.1, 0.5, 3, -0.2, 0.9, 1.5, -2.5, 0.3, -0.7, 1.1];
    const same = westfallYoungMinP([2.6, 2.6], [a, a]);
    expect(same.p_raw).toEqual([0.1, 0.1]);
    expect(same.p_adjusted).toEqual([0.1, 0.1]);
    // the second hypothesis's extremes fall on other re-draws: min-p over both is small twice as often
    const b = [3, 0.5, 0.1, -0.2, 0.9, 1.5, -0.3, 0.3, -0.7, 1.1];
    const apart = westfallYoungMinP([2.6, 2.6], [a, b]);
    expect(apart.p_raw).toEqual([0.1, 0.1]);
    expect(apart.p_adjusted).toEqual([0.2, 0.2]);
  });

  it("step-down: adjusted p-values are monotone in the raw order and at least the raw ones; undefined re-draws count as extreme", () => {
    const S = 50;
    const draws = [0, 1, 2].map((j) => Float64Array.from({ length: S }, (_, s) => Math.sin(s * (j + 1.3)) * (1 + j)));
    draws[2][7] = NaN;
    const r = westfallYoungMinP([0.9, 1.98, 2.9], draws);
    r.p_adjusted.forEach((p, j) => expect(p).toBeGreaterThanOrEqual(r.p_raw[j]));
    const order = [0, 1, 2].sort((x, y) => r.p_raw[x] - r.p_raw[y]);
    for (let i = 1; i < 3; i++) expect(r.p_adjusted[order[i]]).toBeGreaterThanOrEqual(r.p_adjusted[order[i - 1]]);
    // the NaN re-draw is at least as extreme as any observed value
    expect(westfallYoungMinP([1e9], [draws[2]]).p_raw).toEqual([1 / S]);
  });

  it("pending members of a plan's family (no re-draws yet) enter with p = 1 and the union bound m_p x p", () => {
    const a = [0.1, 0.5, 3, -0.2, 0.9, 1.5, -2.5, 0.3, -0.7, 1.1];
    const b = [3, 0.5, 0.1, -0.2, 0.9, 1.5, -0.3, 0.3, -0.7, 1.1];
    // one estimated member with one pending: 0.1 + 1 x 0.1
    expect(westfallYoungMinP([2.6], [a], 1).p_adjusted).toEqual([0.2]);
    // two estimated (min-p over both 0.2) and two pending: 0.2 + 2 x 0.1
    expect(westfallYoungMinP([2.6, 2.6], [a, b], 2).p_adjusted.map((p) => Math.round(p * 1e12) / 1e12)).toEqual([0.4, 0.4]);
    // capped at 1, and no pending member is the procedure without them
    expect(westfallYoungMinP([0.4], [a], 3).p_adjusted).toEqual([1]);
    expect(westfallYoungMinP([2.6, 2.6], [a, b], 0)).toEqual(westfallYoungMinP([2.6, 2.6], [a, b]));
    // step-down with pending: monotone in the raw order
    const r = westfallYoungMinP([2.9, 1.0], [a, b], 1);
    expect(r.p_raw).toEqual([0.1, 0.3]);
    expect(r.p_adjusted[1]).toBeGreaterThanOrEqual(r.p_adjusted[0]);
    expect(() => westfallYoungMinP([1], [a], -1)).toThrow(/pending/);
  });

  it("rejects re-draws of different lengths", () => {
    expect(() => westfallYoungMinP([1, 1], [[1, 2], [1]])).toThrow(/same re-draws/);
  });
});
