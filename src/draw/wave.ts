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
 * 1. sort the eligible households by (stratum, household_id), so input row order cannot matter;
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
  const order = args.householdIds.map((_, i) => i);
  order.sort((i, j) => byCodeUnit(args.strata[i], args.strata[j]) || byCodeUnit(args.householdIds[i], args.householdIds[j]));
  const stratumNames: string[] = [];
  const stratumStart: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const s = args.strata[order[k]];
    if (k === 0 || s !== stratumNames[stratumNames.length - 1]) {
      stratumNames.push(s);
      stratumStart.push(k);
    }
  }
  stratumStart.push(order.length);
  const sizes = stratumNames.map((_, k) => stratumStart[k + 1] - stratumStart[k]);
  const rng = waveRng(args.seed, args.wave);
  const strata = allocatePlaces(stratumNames, sizes, args.treat, rng);
  const allocations: Allocation[] = new Array(order.length);
  const lines: string[] = new Array(order.length);
  strata.forEach((st, k) => {
    const treated = completeAssignment(st.eligible, st.places, rng);
    for (let r = 0; r < st.eligible; r++) {
      const pos = stratumStart[k] + r;
      const i = order[pos];
      allocations[pos] = {
        householdId: args.householdIds[i],
        wave: args.wave,
        stratum: st.stratum,
        arm: treated[r] ? "treatment" : "control",
        pNumerator: st.pNumerator,
        pDenominator: st.pDenominator,
        drawDate: args.drawDate,
      };
      lines[pos] = `${st.stratum}\t${args.householdIds[i]}\n`;
    }
  });
  return { allocations, strata, canonicalEligible: lines.join("") };
}
