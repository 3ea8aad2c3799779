import { describe, expect, it } from "vitest";
import { allocatePlaces } from "../../src/draw/places.js";
import { completeAssignment } from "../../src/draw/complete.js";
import { waveRng } from "../../src/draw/rng.js";
import { drawWave } from "../../src/draw/wave.js";

function population(sizes: Record<string, number>) {
  const ids: string[] = [];
  const strata: string[] = [];
  for (const [s, n] of Object.entries(sizes)) for (let i = 0; i < n; i++) { ids.push(`${s}-${i}`); strata.push(s); }
  return { ids, strata };
}

describe("completeAssignment", () => {
  it("treats exactly m of n", () => {
    for (const [n, m] of [[10, 0], [10, 3], [10, 10], [1, 1], [97, 50]]) {
      const t = completeAssignment(n, m, waveRng("c", n * 100 + m));
      expect(t.reduce((a, b) => a + b, 0)).toBe(m);
    }
  });
});

describe("allocatePlaces", () => {
  it("splits a total proportionally, remainders to strata with probability equal to their fractional parts", () => {
    const sizes = [10, 7, 4];
    const total = 8; // quotas 3.81, 2.67, 1.52
    const sums = [0, 0, 0];
    const reps = 20_000;
    for (let r = 0; r < reps; r++) {
      const p = allocatePlaces(["a", "b", "c"], sizes, { kind: "total", places: total }, waveRng(`s${r}`, 1));
      expect(p.reduce((a, s) => a + s.places, 0)).toBe(total);
      p.forEach((s, k) => {
        expect(s.places).toBeGreaterThanOrEqual(Math.floor((total * sizes[k]) / 21));
        expect(s.places).toBeLessThanOrEqual(Math.floor((total * sizes[k]) / 21) + 1);
        expect(s.pNumerator / s.pDenominator).toBe(8 / 21);
        sums[k] += s.places;
      });
    }
    sizes.forEach((n, k) => {
      const quota = (total * n) / 21;
      const frac = quota - Math.floor(quota);
      expect(Math.abs(sums[k] / reps - quota)).toBeLessThan(4.5 * Math.sqrt((frac * (1 - frac)) / reps));
    });
  });
  it("takes per-stratum places as given and refuses too many or a missing stratum", () => {
    const p = allocatePlaces(["a", "b"], [5, 4], { kind: "perStratum", places: { a: 2, b: 4 } }, waveRng("x", 1));
    expect(p.map((s) => [s.places, s.pNumerator, s.pDenominator])).toEqual([[2, 2, 5], [4, 4, 4]]);
    expect(() => allocatePlaces(["a", "b"], [5, 4], { kind: "perStratum", places: { a: 6, b: 1 } }, waveRng("x", 1))).toThrow(/only 5 eligible/);
    expect(() => allocatePlaces(["a", "b"], [5, 4], { kind: "perStratum", places: { a: 1 } }, waveRng("x", 1))).toThrow(/no number of places for stratum "b"/);
    expect(() => allocatePlaces(["a"], [5], { kind: "total", places: 6 }, waveRng("x", 1))).toThrow(/only 5 households/);
  });
});

describe("drawWave", () => {
  const pop = population({ Houlkær: 13, Ellekonebakken: 9, "Karup Kølvrå": 5 });
  const draw = (seed: string, ids = pop.ids, strata = pop.strata) =>
    drawWave({ householdIds: ids, strata, wave: 1, seed, treat: { kind: "total", places: 10 }, drawDate: "2025-03-01" });

  it("is deterministic and does not depend on input row order", () => {
    const a = draw("seed-1");
    const order = pop.ids.map((_, i) => i).reverse();
    const shuffled = draw("seed-1", order.map((i) => pop.ids[i]), order.map((i) => pop.strata[i]));
    expect(shuffled.allocations).toEqual(a.allocations);
    expect(shuffled.canonicalEligible).toBe(a.canonicalEligible);
    expect(draw("seed-2").allocations).not.toEqual(a.allocations);
  });

  it("treats exactly the places of each stratum", () => {
    const d = draw("seed-3");
    for (const s of d.strata) {
      expect(d.allocations.filter((a) => a.stratum === s.stratum && a.arm === "treatment").length).toBe(s.places);
    }
    expect(d.allocations.filter((a) => a.arm === "treatment").length).toBe(10);
  });

  it("is fair: over 2,000 seeds each household is treated as often as its p_treatment says (binomial bounds)", () => {
    const reps = 2000;
    const counts = new Map<string, number>();
    let p = 0;
    for (let r = 0; r < reps; r++) {
      for (const a of draw(`fair-${r}`).allocations) {
        p = a.pNumerator / a.pDenominator;
        if (a.arm === "treatment") counts.set(a.householdId, (counts.get(a.householdId) ?? 0) + 1);
      }
    }
    expect(p).toBeCloseTo(10 / 27, 15);
    const sd = Math.sqrt((p * (1 - p)) / reps);
    for (const id of pop.ids) expect(Math.abs((counts.get(id) ?? 0) / reps - p)).toBeLessThan(4.5 * sd);
  });
});
