import { completeAssignment } from "./complete.js";
import { allocatePlaces, type StratumPlaces, type TreatSpec } from "./places.js";
import { waveRng } from "./rng.js";

export const ALGORITHM = "effekt-block-complete-v1";

export type Arm = "treatment" | "control";

export interface Allocation {
  householdId: string;
  wave: number;
  stratum: string;
  arm: Arm;
  /** Exact ex-ante probability of treatment as a fraction; `p_treatment` in the register is its decimal value. */
  pNumerator: number;
  pDenominator: number;
  drawDate: string;
}

export interface WaveDraw {
  allocations: Allocation[];
  strata: StratumPlaces[];
  /** The canonical eligible list, one `stratum<TAB>household_id` line each, sorted; its SHA-256 goes in the manifest. */
  canonicalEligible: string;
}

/** Compares strings by UTF-16 code units: the same on every machine and locale (unlike localeCompare). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Draws one wave (algorithm `effekt-block-complete-v1`):
 * 1. sort the eligible households by (stratum, household_id) in code-unit order, so input row order cannot matter;
 * 2. one ARC4 stream per wave, keyed by seed and wave number;
 * 3. split the places across strata (`allocatePlaces`, which uses the stream only when a total must be split);
 * 4. in each stratum, in sorted order, complete random assignment of exactly its places (`completeAssignment`).
 */
export function drawWave(args: {
  householdIds: readonly string[];
  strata: readonly string[];
  wave: number;
  seed: string;
  treat: TreatSpec;
  drawDate: string;
}): WaveDraw {
  // Group by stratum, then sort each group's ids with the default sort, which compares UTF-16 code units
  // exactly like byCodeUnit but without a callback per comparison (ids are unique within a wave).
  const groups = new Map<string, string[]>();
  for (let i = 0; i < args.householdIds.length; i++) {
    const s = args.strata[i];
    let g = groups.get(s);
    if (!g) groups.set(s, (g = []));
    g.push(args.householdIds[i]);
  }
  const stratumNames = [...groups.keys()].sort();
  const sortedIds = stratumNames.map((s) => groups.get(s)!.sort());
  const sizes = sortedIds.map((g) => g.length);
  const rng = waveRng(args.seed, args.wave);
  const strata = allocatePlaces(stratumNames, sizes, args.treat, rng);
  const allocations: Allocation[] = [];
  const lines: string[] = [];
  strata.forEach((st, k) => {
    const treated = completeAssignment(st.eligible, st.places, rng);
    const ids = sortedIds[k];
    for (let r = 0; r < st.eligible; r++) {
      allocations.push({
        householdId: ids[r],
        wave: args.wave,
        stratum: st.stratum,
        arm: treated[r] ? "treatment" : "control",
        pNumerator: st.pNumerator,
        pDenominator: st.pDenominator,
        drawDate: args.drawDate,
      });
      lines.push(`${st.stratum}\t${ids[r]}\n`);
    }
  });
  return { allocations, strata, canonicalEligible: lines.join("") };
}
