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
  const cols = drawWaveColumns(args);
  const lines: string[] = [];
  cols.strata.forEach((st, k) => {
    for (const id of cols.ids[k]) lines.push(`${st.stratum}\t${id}\n`);
  });
  return { allocations: allocationsOf(cols, args.wave, args.drawDate), strata: cols.strata, canonicalEligible: lines.join("") };
}

/** A drawn wave's allocations as objects, in register order (stratum, then household id). */
export function allocationsOf(cols: Pick<WaveColumns, "strata" | "ids" | "treated">, wave: number, drawDate: string): Allocation[] {
  const allocations: Allocation[] = [];
  cols.strata.forEach((st, k) => {
    const ids = cols.ids[k];
    const treated = cols.treated[k];
    for (let r = 0; r < st.eligible; r++) {
      allocations.push({
        householdId: ids[r],
        wave,
        stratum: st.stratum,
        arm: treated[r] ? "treatment" : "control",
        pNumerator: st.pNumerator,
        pDenominator: st.pDenominator,
        drawDate,
      });
    }
  });
  return allocations;
}

/** `drawWave`'s result as columns, one entry per stratum in stratum order (no object per household). */
export interface WaveColumns {
  strata: StratumPlaces[];
  /** The stratum's household ids in code-unit order. */
  ids: string[][];
  /** For each of those ids, its position in the `householdIds` given to the draw. */
  positions: Int32Array[];
  /** 1 if the household at that place is treated, else 0. */
  treated: Uint8Array[];
}

/** The same draw as `drawWave` (same algorithm, same stream), as columns. */
export function drawWaveColumns(args: { householdIds: readonly string[]; strata: readonly string[]; wave: number; seed: string; treat: TreatSpec }): WaveColumns {
  // Group by stratum, keeping each household's position.
  const groups = new Map<string, { ids: string[]; positions: number[] }>();
  for (let i = 0; i < args.householdIds.length; i++) {
    const s = args.strata[i];
    let g = groups.get(s);
    if (!g) groups.set(s, (g = { ids: [], positions: [] }));
    g.ids.push(args.householdIds[i]);
    g.positions.push(i);
  }
  const stratumNames = [...groups.keys()].sort();
  const ids: string[][] = [];
  const positions: Int32Array[] = [];
  for (const name of stratumNames) {
    const g = groups.get(name)!;
    const sorted = sortWithPositions(g.ids, g.positions);
    ids.push(sorted.ids);
    positions.push(sorted.positions);
  }
  const sizes = ids.map((g) => g.length);
  const rng = waveRng(args.seed, args.wave);
  const strata = allocatePlaces(stratumNames, sizes, args.treat, rng);
  const treated = strata.map((st) => completeAssignment(st.eligible, st.places, rng));
  return { strata, ids, positions, treated };
}

/**
 * Ids in code-unit order with their positions (ids are unique within a wave). Files are usually exported in id
 * order, so an already sorted group is taken as it is; otherwise the default sort, which compares UTF-16 code
 * units exactly like byCodeUnit but without a callback per comparison, and the positions looked up afterwards.
 */
function sortWithPositions(ids: string[], positions: number[]): { ids: string[]; positions: Int32Array } {
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) if (!(ids[i - 1] < ids[i])) sorted = false;
  if (sorted) return { ids, positions: Int32Array.from(positions) };
  const positionOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) positionOf.set(ids[i], positions[i]);
  const order = ids.slice().sort();
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = positionOf.get(order[i])!;
  return { ids: order, positions: out };
}
