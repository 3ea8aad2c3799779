import { completeAssignment } from "../../draw/complete.js";
import { waveRng } from "../../draw/rng.js";
import { byCodeUnit, drawWave } from "../../draw/wave.js";
import { differenceInMeans } from "../index.js";
import type { AnalysisData } from "./analysisData.js";
import type { Assignment } from "./assignment.js";

/**
 * Re-draws of the lottery for randomisation inference, shared by every outcome (re-draw k is the same
 * assignment for all outcomes and horizons, as in ri2 with one declared design).
 *
 * - effekt's register: each wave is drawn again with `drawWave` (the lottery's own algorithm: same households,
 *   strata and number of treatment places per stratum), seed `<seed>/<k>`.
 * - an external allocation file: effekt does not know the other tool's procedure, so each wave x stratum is
 *   re-drawn by complete randomisation with the observed number treated (`completeAssignment`, seed `<seed>/<k>`).
 */
export function lotteryRedraws(assignment: Assignment, seed: string): { index: ReadonlyMap<string, number>; draw: (k: number) => Uint8Array } {
  const households = assignment.households;
  const index = new Map(households.map((h, i) => [h.householdId, i]));
  const waves = new Map<number, number[]>();
  households.forEach((h, i) => {
    let w = waves.get(h.wave);
    if (!w) waves.set(h.wave, (w = []));
    w.push(i);
  });
  const waveList = [...waves.keys()].sort((a, b) => a - b);
  const cache = new Map<number, Uint8Array>();
  const draw = (k: number): Uint8Array => {
    const hit = cache.get(k);
    if (hit) return hit;
    const treated = new Uint8Array(households.length);
    for (const wave of waveList) {
      const members = waves.get(wave)!;
      if (assignment.source === "effekt") {
        const places: Record<string, number> = {};
        for (const i of members) places[households[i].stratum] = (places[households[i].stratum] ?? 0) + (households[i].arm === "treatment" ? 1 : 0);
        const d = drawWave({
          householdIds: members.map((i) => households[i].householdId),
          strata: members.map((i) => households[i].stratum),
          wave,
          seed: `${seed}/${k}`,
          treat: { kind: "perStratum", places },
          drawDate: households[members[0]].drawDate,
        });
        for (const a of d.allocations) if (a.arm === "treatment") treated[index.get(a.householdId)!] = 1;
      } else {
        const rng = waveRng(`${seed}/${k}`, wave);
        const strata = new Map<string, number[]>();
        for (const i of members) {
          let s = strata.get(households[i].stratum);
          if (!s) strata.set(households[i].stratum, (s = []));
          s.push(i);
        }
        for (const name of [...strata.keys()].sort(byCodeUnit)) {
          const ids = strata.get(name)!.sort((a, b) => byCodeUnit(households[a].householdId, households[b].householdId));
          const m = ids.filter((i) => households[i].arm === "treatment").length;
          const t = completeAssignment(ids.length, m, rng);
          ids.forEach((i, r) => { if (t[r]) treated[i] = 1; });
        }
      }
    }
    cache.set(k, treated);
    return treated;
  };
  return { index, draw };
}

/**
 * Randomisation-inference p-value of the blocked, clustered difference in means under the sharp null of no
 * effect: p = (1 + #{k : |d_k| >= |d|}) / (1 + K) over K re-draws (a re-draw on which the estimate cannot be
 * computed counts as extreme, the conservative choice).
 */
export function riPValue(data: AnalysisData, redraws: ReturnType<typeof lotteryRedraws>, permutations: number, onStep?: () => void): number {
  const opts = { blocks: data.blocks, clusters: data.clusters };
  const observed = differenceInMeans(data.y, data.z, opts).estimate;
  const clusterIndex = Int32Array.from(data.clusterHouseholds, (h) => redraws.index.get(h.householdId)!);
  const zs = new Float64Array(data.y.length);
  let extreme = 0;
  for (let k = 0; k < permutations; k++) {
    const treated = redraws.draw(k);
    for (let i = 0; i < zs.length; i++) zs[i] = treated[clusterIndex[data.clusters[i]]];
    try {
      const d = differenceInMeans(data.y, zs, opts).estimate;
      if (Math.abs(d) >= Math.abs(observed) - 1e-12) extreme++;
    } catch {
      extreme++;
    }
    onStep?.();
  }
  return (1 + extreme) / (1 + permutations);
}
