/**
 * The CR2 benchmark's data: `persons` persons in `households` households (1-5 persons each), household-level
 * assignment, 10 person covariates and an outcome with a household random effect; seeded.
 */
import seedrandom from "seedrandom";

export interface Cr2BenchData {
  y: Float64Array;
  z: Float64Array;
  clusters: Int32Array;
  covariates: { name: string; values: Float64Array }[];
}

export function cr2BenchData(persons: number, households: number): Cr2BenchData {
  const rand = seedrandom(`effekt-bench-cr2-${persons}-${households}`);
  const clusters = new Int32Array(persons);
  // every household gets one person, the rest spread at random; then sorted so households are contiguous
  const size = new Int32Array(households).fill(1);
  for (let i = households; i < persons; i++) size[Math.floor(rand() * households)]++;
  let i = 0;
  for (let h = 0; h < households; h++) for (let s = 0; s < size[h]; s++) clusters[i++] = h;
  const zh = Float64Array.from({ length: households }, () => (rand() < 0.4 ? 1 : 0));
  const uh = Float64Array.from({ length: households }, () => rand() - 0.5);
  const covariates = Array.from({ length: 10 }, (_, k) => ({ name: `x${k + 1}`, values: new Float64Array(persons) }));
  const y = new Float64Array(persons);
  const z = new Float64Array(persons);
  for (let p = 0; p < persons; p++) {
    const h = clusters[p];
    z[p] = zh[h];
    let lin = 0;
    for (let k = 0; k < 10; k++) {
      const x = k % 3 === 0 ? (rand() < 0.3 ? 1 : 0) : rand() * 2 - 1 + 0.1 * k;
      covariates[k].values[p] = x;
      lin += 0.1 * (k + 1) * x;
    }
    y[p] = 1 + 0.2 * z[p] + lin + uh[h] + (rand() - 0.5);
  }
  return { y, z, clusters, covariates };
}
