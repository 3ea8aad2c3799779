import { describe, it, expect } from "vitest";
import seedrandom from "seedrandom";
import { drawWave } from "../../src/draw/wave.js";
import type { RegisterRow } from "../../src/io/register.js";
import { differenceInMeans } from "../../src/estimate/difference_in_means.js";
import { lotteryRedraws } from "../../src/draw/redraw.js";
import { leanDifferenceInMeans, riPValues, RI_TIE_TOLERANCE, type RiDataset } from "../../src/estimate/ri_lottery.js";

/** A register from real draws: `waves` waves, unequal strata, households in shuffled order. */
function makeRegister(rand: () => number, opts: { waves: number; strata: number; maxSize: number; interior?: boolean }): RegisterRow[] {
  const rows: RegisterRow[] = [];
  let next = 0;
  for (let w = 1; w <= opts.waves; w++) {
    const ids: string[] = [];
    const strata: string[] = [];
    const places: Record<string, number> = {};
    const nStrata = 1 + Math.floor(rand() * opts.strata);
    for (let k = 0; k < nStrata; k++) {
      const name = ["Houlkær", "Ellekonebakken", "Karup Kølvrå", "a", "B", "æ"][k % 6] + (k >= 6 ? k : "");
      // 0 .. size places, including none and all; `interior`: at least two of each arm
      const size = opts.interior ? 4 + Math.floor(rand() * (opts.maxSize - 3)) : 1 + Math.floor(rand() * opts.maxSize);
      places[name] = opts.interior ? 2 + Math.floor(rand() * (size - 3)) : Math.floor(rand() * (size + 1));
      for (let i = 0; i < size; i++) {
        ids.push(`H${String(Math.floor(rand() * 1e9)).padStart(9, "0")}-${next++}`);
        strata.push(name);
      }
    }
    // shuffle input order: the draw must not depend on it
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    const d = drawWave({ householdIds: ids, strata, wave: w, seed: `origin-${rand()}`, treat: { kind: "perStratum", places }, drawDate: "2025-03-01" });
    for (const a of d.allocations) rows.push({ ...a, seal: "x" });
  }
  // register rows in shuffled order too
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** The slow reference: drawWave for every wave with the re-draw's seed, as a map household -> 0/1. */
function slowRedraw(register: RegisterRow[], seed: string): Map<string, number> {
  const waves = new Map<number, RegisterRow[]>();
  for (const r of register) {
    if (!waves.has(r.wave)) waves.set(r.wave, []);
    waves.get(r.wave)!.push(r);
  }
  const arm = new Map<string, number>();
  for (const [wave, rows] of waves) {
    const places: Record<string, number> = {};
    for (const r of rows) places[r.stratum] = (places[r.stratum] ?? 0) + (r.arm === "treatment" ? 1 : 0);
    const d = drawWave({ householdIds: rows.map((r) => r.householdId), strata: rows.map((r) => r.stratum), wave, seed, treat: { kind: "perStratum", places }, drawDate: rows[0].drawDate });
    for (const a of d.allocations) arm.set(a.householdId, a.arm === "treatment" ? 1 : 0);
  }
  return arm;
}

/** Persons (1-4 per household) with an outcome; blocks = wave x stratum, clusters = households. */
function makeDataset(rand: () => number, register: RegisterRow[], design: ReturnType<typeof lotteryRedraws>, effect = 0, keep = 1): RiDataset & { z: Float64Array } {
  const y: number[] = [];
  const household: number[] = [];
  const blocks: number[] = [];
  const clusters: number[] = [];
  const z: number[] = [];
  const blockCode = new Map<string, number>();
  for (const r of register) {
    const h = design.indexOf.get(r.householdId)!;
    const re = rand() * 2 - 1;
    const persons = 1 + Math.floor(rand() * 4);
    for (let p = 0; p < persons; p++) {
      if (rand() > keep) continue;
      const key = `${r.wave}\t${r.stratum}`;
      if (!blockCode.has(key)) blockCode.set(key, blockCode.size);
      const treated = r.arm === "treatment" ? 1 : 0;
      y.push(10 + re + rand() * 3 + effect * treated + r.wave);
      household.push(h);
      blocks.push(blockCode.get(key)!);
      clusters.push(h);
      z.push(treated);
    }
  }
  return { y: Float64Array.from(y), household: Int32Array.from(household), blocks: Int32Array.from(blocks), clusters: Int32Array.from(clusters), z: Float64Array.from(z) };
}

describe("lottery re-draws", () => {
  it("give drawWave's assignment exactly, for hundreds of seeds and designs (several waves, unequal strata, 0 and all places)", () => {
    const rand = seedrandom("ri-lottery-identity");
    let compared = 0;
    for (let design = 0; design < 40; design++) {
      const register = makeRegister(rand, { waves: 1 + (design % 4), strata: 5, maxSize: 30 });
      const seed = `ri-${design}`;
      const lean = lotteryRedraws(register, seed);
      const treated = new Uint8Array(lean.households.length);
      for (let s = 0; s < 10; s++) {
        lean.draw(s, treated);
        const slow = slowRedraw(register, `${seed}/${s}`);
        for (const [h, a] of slow) expect(treated[lean.indexOf.get(h)!]).toBe(a);
        compared++;
      }
      // the observed assignment is the register's
      for (const r of register) expect(lean.observed[lean.indexOf.get(r.householdId)!]).toBe(r.arm === "treatment" ? 1 : 0);
    }
    expect(compared).toBe(400);
  });

  it("do not depend on the register's row order", () => {
    const rand = seedrandom("ri-order");
    const register = makeRegister(rand, { waves: 3, strata: 4, maxSize: 20 });
    const a = lotteryRedraws(register, "s");
    const b = lotteryRedraws([...register].reverse(), "s");
    expect(b.households).toEqual(a.households);
    const ta = new Uint8Array(a.households.length);
    const tb = new Uint8Array(a.households.length);
    for (let s = 0; s < 20; s++) {
      a.draw(s, ta);
      b.draw(s, tb);
      expect(tb).toEqual(ta);
    }
  });
});

describe("lean difference in means", () => {
  it("equals differenceInMeans(...).estimate to 1e-12 on random re-draws (from the 0/1 vector and from the treated list)", () => {
    const rand = seedrandom("ri-lean-dim");
    let checked = 0;
    for (let k = 0; k < 30; k++) {
      const register = makeRegister(rand, { waves: 1 + (k % 3), strata: 3, maxSize: 25 });
      const design = lotteryRedraws(register, `lean-${k}`);
      const data = makeDataset(rand, register, design, 0, 0.8);
      const lean = leanDifferenceInMeans(data, design.households.length);
      const treated = new Uint8Array(design.households.length);
      const list = new Int32Array(design.households.length);
      for (let s = 0; s < 20; s++) {
        const count = design.draw(s, treated, list);
        expect(count).toBe(treated.reduce((a, b) => a + b, 0));
        for (let t = 0; t < count; t++) expect(treated[list[t]]).toBe(1);
        const fromList = lean.statisticOfTreated(list, count);
        const z = Float64Array.from(data.household as Int32Array, (h) => treated[h]);
        let full: number;
        try {
          full = differenceInMeans(data.y, z, { blocks: data.blocks, clusters: data.clusters }).estimate;
        } catch (e) {
          // one block with a lone treated or control household: the estimate exists, its variance does not
          if (e instanceof Error && /at least two pairs/.test(e.message)) continue;
          full = NaN;
        }
        const t = lean.statistic(treated);
        if (Number.isNaN(full)) {
          expect(t).toBeNaN();
          expect(fromList).toBeNaN();
        } else {
          expect(Math.abs(t - full)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(full)));
          expect(Math.abs(fromList - full)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(full)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe("riPValues", () => {
  it("equals the slow reference (drawWave + differenceInMeans) exactly, for several outcomes sharing one set of re-draws", () => {
    const rand = seedrandom("ri-slow-reference");
    for (let k = 0; k < 6; k++) {
      const register = makeRegister(rand, { waves: 2, strata: 3, maxSize: 20, interior: true });
      const design = lotteryRedraws(register, "x");
      const datasets = [makeDataset(rand, register, design, 0), makeDataset(rand, register, design, 0.5, 0.7), makeDataset(rand, register, design, 2)];
      // the second dataset loses 30% of persons: a block of it may lose one arm, and then has no estimate
      const valid = datasets.filter((d) => {
        try {
          differenceInMeans(d.y, d.z, { blocks: d.blocks, clusters: d.clusters });
          return true;
        } catch {
          return false;
        }
      });
      expect(valid.length).toBeGreaterThanOrEqual(2);
      const S = 150;
      const seed = `ref-${k}`;
      const fast = riPValues({ register, seed, permutations: S, datasets: valid });
      const slowExtreme = valid.map(() => 0);
      const observed = valid.map((d) => differenceInMeans(d.y, d.z, { blocks: d.blocks, clusters: d.clusters }).estimate);
      for (let s = 0; s < S; s++) {
        const arm = slowRedraw(register, `${seed}/${s}`);
        valid.forEach((d, j) => {
          const z = Float64Array.from(d.household as Int32Array, (h) => arm.get(design.households[h])!);
          try {
            const t = differenceInMeans(d.y, z, { blocks: d.blocks, clusters: d.clusters }).estimate;
            if (Math.abs(t) >= Math.abs(observed[j]) * (1 - RI_TIE_TOLERANCE)) slowExtreme[j]++;
          } catch {
            slowExtreme[j]++;
          }
        });
      }
      expect(fast.extreme).toEqual(slowExtreme);
      expect(fast.p_value).toEqual(slowExtreme.map((e) => e / S));
      valid.forEach((_, j) => expect(Math.abs(fast.observed[j] - observed[j])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(observed[j]))));
    }
  });

  it("re-draws as extreme as the observed one count (p = 1 when every re-draw has the same |T|)", () => {
    // two pairs of households, one treated in each; the second pair's outcomes are equal, so every re-draw is
    // the observed assignment or a mirror of it in the first pair, with the same |T|
    const row = (householdId: string, stratum: string, arm: "treatment" | "control"): RegisterRow => ({ householdId, wave: 1, stratum, arm, pNumerator: 1, pDenominator: 2, drawDate: "2025-01-01", seal: "x" });
    const register = [row("A", "s", "treatment"), row("B", "s", "control"), row("C", "t", "treatment"), row("D", "t", "control")];
    const design = lotteryRedraws(register, "tie");
    const [a, b, c, d] = ["A", "B", "C", "D"].map((h) => design.indexOf.get(h)!);
    const data: RiDataset = { y: [0.1, 0.2, 0.7, 0.3, 5, 5], household: [a, a, b, b, c, d], blocks: [0, 0, 0, 0, 1, 1], clusters: [a, a, b, b, c, d] };
    const r = riPValues({ register, seed: "tie", permutations: 50, datasets: [data] });
    expect(r.p_value[0]).toBe(1);
    expect(r.undefined_redraws[0]).toBe(0);
  });

  it("is about uniform under a true null (300 seeded lotteries, Monte Carlo bounds) and ~0 for a big effect", () => {
    const rand = seedrandom("ri-null");
    const ps: number[] = [];
    for (let rep = 0; rep < 300; rep++) {
      // the outcome is fixed first; the lottery is then drawn, so the sharp null holds exactly
      const ids = Array.from({ length: 60 }, (_, i) => `h${i}`);
      const strata = ids.map((_, i) => (i % 3 === 0 ? "a" : "b"));
      const d = drawWave({ householdIds: ids, strata, wave: 1, seed: `null-${rep}`, treat: { kind: "perStratum", places: { a: 8, b: 15 } }, drawDate: "2025-01-01" });
      const register = d.allocations.map((x) => ({ ...x, seal: "x" }));
      const design = lotteryRedraws(register, `ri-${rep}`);
      const y: number[] = [];
      const household: number[] = [];
      const blocks: number[] = [];
      for (const id of ids) {
        const h = design.indexOf.get(id)!;
        const re = rand();
        for (let p = 0; p < 2; p++) {
          y.push(re + rand());
          household.push(h);
          blocks.push(strata[Number(id.slice(1))] === "a" ? 0 : 1);
        }
      }
      const r = riPValues({ register, seed: `ri-${rep}`, permutations: 200, datasets: [{ y, household, blocks, clusters: household }] });
      ps.push(r.p_value[0]);
    }
    // P(p <= a) is a for a randomisation test under the sharp null (up to the discreteness of 200 re-draws);
    // with 300 replications the share's standard error is at most 0.029, so 3.5 standard errors allow 0.1
    for (const a of [0.05, 0.1, 0.25, 0.5, 0.75]) {
      const share = ps.filter((p) => p <= a).length / ps.length;
      const se = Math.sqrt((a * (1 - a)) / ps.length);
      expect(Math.abs(share - a)).toBeLessThanOrEqual(3.5 * se + 0.005);
    }
    // a big effect
    const rand2 = seedrandom("ri-big");
    const register = makeRegister(rand2, { waves: 2, strata: 2, maxSize: 40, interior: true });
    const design = lotteryRedraws(register, "big");
    const data = makeDataset(rand2, register, design, 5);
    const r = riPValues({ register, seed: "big", permutations: 500, datasets: [data] });
    expect(r.p_value[0]).toBeLessThan(0.01);
  });

  it("rejects a bad number of permutations and a dataset whose observed estimate is undefined", () => {
    const register: RegisterRow[] = [
      { householdId: "A", wave: 1, stratum: "s", arm: "treatment", pNumerator: 1, pDenominator: 2, drawDate: "2025-01-01", seal: "x" },
      { householdId: "B", wave: 1, stratum: "s", arm: "control", pNumerator: 1, pDenominator: 2, drawDate: "2025-01-01", seal: "x" },
    ];
    const ok: RiDataset = { y: [1, 2], household: [0, 1], blocks: [0, 0], clusters: [0, 1] };
    expect(() => riPValues({ register, seed: "s", permutations: 0, datasets: [ok] })).toThrow(/permutations/);
    const constant: RiDataset = { y: [1, 1], household: [0, 1], blocks: [0, 0], clusters: [0, 1] };
    expect(() => riPValues({ register, seed: "s", permutations: 5, datasets: [constant] })).toThrow(/constant/);
  });
});
