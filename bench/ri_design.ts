/**
 * The randomisation-inference benchmark's design: 2,000 households in two waves and four areas (unequal strata),
 * 5,000 persons (1-4 per household), three outcomes with household random effects; seeded, so every run and the
 * R comparison see the same data.
 */
import seedrandom from "seedrandom";
import { drawWave } from "../src/draw/wave.js";
import type { RegisterRow } from "../src/io/register.js";

export interface RiBenchData {
  register: RegisterRow[];
  /** per person: household id, block (wave x stratum) label and three outcomes */
  persons: { household: string; block: string; y: [number, number, number] }[];
}

export function riBenchData(households = 2000, persons = 5000): RiBenchData {
  const rand = seedrandom("effekt-bench-ri");
  const areas = ["Houlkær", "Ellekonebakken", "Karup Kølvrå", "Bruunshåb"];
  const register: RegisterRow[] = [];
  for (const wave of [1, 2]) {
    const ids: string[] = [];
    const strata: string[] = [];
    const half = households / 2;
    for (let i = 0; i < half; i++) {
      ids.push(`H${String((wave - 1) * half + i).padStart(6, "0")}`);
      const u = rand(); // unequal strata: 40%, 30%, 20%, 10%
      strata.push(areas[u < 0.4 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3]);
    }
    const d = drawWave({ householdIds: ids, strata, wave, seed: `bench-wave-${wave}`, treat: { kind: "total", places: Math.round(half * 0.4) }, drawDate: `2025-0${wave * 3}-01` });
    for (const a of d.allocations) register.push({ ...a, seal: "bench" });
  }
  // persons: every household has one, the rest spread at random (1-4 per household on average 2.5)
  const size = new Array<number>(register.length).fill(1);
  for (let k = register.length; k < persons; k++) size[Math.floor(rand() * register.length)]++;
  const out: RiBenchData["persons"] = [];
  register.forEach((r, h) => {
    const re = [rand() - 0.5, rand() - 0.5, rand() - 0.5];
    for (let p = 0; p < size[h]; p++) {
      const t = r.arm === "treatment" ? 1 : 0;
      out.push({
        household: r.householdId,
        block: `${r.wave}\t${r.stratum}`,
        y: [0.5 + 0.3 * re[0] + 0.2 * (rand() - 0.5) + 0.03 * t, 0.1 + 0.05 * re[1] + 0.05 * rand(), 52 + 20 * re[2] + 14 * (rand() - 0.5) + 3 * t],
      });
    }
  });
  return { register, persons: out };
}
