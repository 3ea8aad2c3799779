import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import type { AssignedHousehold } from "./assignment.js";
import { LotteryStream } from "./arc4.js";
import { partialShuffle } from "./complete.js";

/** What a re-draw needs of each household of the lottery: its id, wave, stratum and drawn arm. */
export type LotteryHousehold = Pick<AssignedHousehold, "householdId" | "wave" | "stratum" | "arm">;

/** The lottery's re-draws, as randomisation inference uses them (`estimate/ri_lottery.ts`). */
export interface LotteryRedraws {
  /** every household of the register, sorted by (wave, stratum, household_id) */
  households: string[];
  indexOf: Map<string, number>;
  /** the register's assignment (1 = treatment), by household index */
  observed: Uint8Array;
  /**
   * Writes re-draw s's assignment (1 = treatment) into `treated`, by household index, and, when given, the treated
   * households' indices into `treatedList`; returns how many are treated.
   */
  draw(s: number, treated: Uint8Array, treatedList?: Int32Array): number;
}

interface StratumPlan {
  places: number;
  /** household indices in the stratum's sorted order */
  members: Int32Array;
}

interface WavePlan {
  wave: number;
  strata: StratumPlan[];
}

/**
 * Re-runs the lottery of a register: re-draw s (s = 0, 1, ..., S-1) re-runs every wave with `drawWave`'s algorithm
 * (`effekt-block-complete-v1`) under the seed `${seed}/${s}`: per wave, the households sorted by (stratum,
 * household_id) in code-unit order, one stream keyed by that seed and the wave number (`waveRng`), and in each
 * stratum in sorted order a complete random assignment (`partialShuffle`, as `completeAssignment`) of exactly as
 * many households as the register has treated in that wave x stratum (`drawWave` with `treat: perStratum`). The
 * realised number treated per wave x stratum is held fixed, so inference is conditional on it; with a total spread
 * over strata the design is the same up to that conditioning.
 *
 * Households, strata and places are fixed once here; each re-draw re-keys one reused stream and shuffles in place
 * on one reused buffer, without `drawWave`'s sorting and string building. `test/estimate/ri_lottery.test.ts`
 * checks it gives `drawWave`'s assignment for hundreds of seeds and designs.
 */
export function lotteryRedraws(register: readonly LotteryHousehold[], seed: string): LotteryRedraws {
  const byWave = new Map<number, Map<string, LotteryHousehold[]>>();
  for (const r of register) {
    let w = byWave.get(r.wave);
    if (!w) byWave.set(r.wave, (w = new Map()));
    let st = w.get(r.stratum);
    if (!st) w.set(r.stratum, (st = []));
    st.push(r);
  }
  const households: string[] = [];
  const observed: number[] = [];
  const waves: WavePlan[] = [];
  for (const wave of [...byWave.keys()].sort((a, b) => a - b)) {
    const strata = byWave.get(wave)!;
    const plans: StratumPlan[] = [];
    // default sort = UTF-16 code-unit order, as drawWave sorts stratum names and household ids
    for (const name of [...strata.keys()].sort()) {
      const rows = [...strata.get(name)!].sort((a, b) => (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0));
      const members = new Int32Array(rows.length);
      let places = 0;
      rows.forEach((r, i) => {
        members[i] = households.length;
        households.push(r.householdId);
        observed.push(r.arm === "treatment" ? 1 : 0);
        if (r.arm === "treatment") places++;
      });
      plans.push({ places, members });
    }
    waves.push({ wave, strata: plans });
  }
  const indexOf = new Map<string, number>();
  households.forEach((h, i) => {
    if (indexOf.has(h)) throw new UserError(tm("draw_household_twice", { household: h }));
    indexOf.set(h, i);
  });
  let largest = 0;
  for (const w of waves) for (const st of w.strata) largest = Math.max(largest, st.members.length);
  const order = new Int32Array(largest);
  const stream = new LotteryStream();
  const draw = (s: number, treated: Uint8Array, treatedList?: Int32Array): number => {
    if (treated.length !== households.length) throw new UserError(tm("draw_treated_length", { n: treated.length, households: households.length }));
    treated.fill(0);
    let count = 0;
    for (const w of waves) {
      stream.reset(`${seed}/${s}`, w.wave);
      for (const st of w.strata) {
        // the first `places` positions of the shuffle are treated, in the order completeAssignment treats them
        partialShuffle(st.members.length, st.places, stream, order);
        for (let i = 0; i < st.places; i++) {
          const h = st.members[order[i]];
          treated[h] = 1;
          if (treatedList) treatedList[count] = h;
          count++;
        }
      }
    }
    return count;
  };
  return { households, indexOf, observed: Uint8Array.from(observed), draw };
}
