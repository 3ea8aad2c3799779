import { describe, it, expect } from "vitest";
import { randomizationPValue } from "../../src/estimate/randomization_inference.js";

/** All ways to choose k of n units, as 0/1 vectors. */
function allAssignments(n: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, chosen: number[]): void => {
    if (chosen.length === k) {
      const z = new Array(n).fill(0);
      for (const c of chosen) z[c] = 1;
      out.push(z);
      return;
    }
    for (let i = start; i < n; i++) rec(i + 1, [...chosen, i]);
  };
  rec(0, []);
  return out;
}

describe("randomisation inference p-value", () => {
  const y = [3.1, 4.0, 2.2, 5.5, 6.1, 1.0];
  const zObs = [0, 1, 0, 1, 1, 0];
  const diff = (z: number[]): number => {
    let s1 = 0;
    let s0 = 0;
    for (let i = 0; i < y.length; i++) (z[i] === 1 ? (s1 += y[i]) : (s0 += y[i]));
    return s1 / 3 - s0 / 3;
  };
  const all = allAssignments(6, 3);

  it("exact two-sided p over the full permutation distribution", () => {
    const obs = diff(zObs);
    const r = randomizationPValue({ observed: obs, sims: all.length, draw: (s) => all[s], statistic: diff });
    const expected = all.filter((z) => Math.abs(diff(z)) >= Math.abs(obs)).length / all.length;
    expect(r.p_value).toBe(expected);
    expect(r.sims).toBe(20);
    // the observed assignment and its mirror image are the two most extreme: p = 2/20
    expect(r.p_value).toBeCloseTo(0.1, 15);
    expect(r.null_distribution.length).toBe(20);
  });
  it("one-sided alternatives", () => {
    const obs = diff(zObs);
    const g = randomizationPValue({ observed: obs, sims: 20, draw: (s) => all[s], statistic: diff, alternative: "greater" });
    expect(g.p_value).toBeCloseTo(1 / 20, 15);
    const l = randomizationPValue({ observed: obs, sims: 20, draw: (s) => all[s], statistic: diff, alternative: "less" });
    expect(l.p_value).toBe(1);
  });
  it("rejects bad input", () => {
    expect(() => randomizationPValue({ observed: 1, sims: 0, draw: () => zObs, statistic: diff })).toThrow();
    expect(() => randomizationPValue({ observed: NaN, sims: 5, draw: () => zObs, statistic: diff })).toThrow();
  });
});
