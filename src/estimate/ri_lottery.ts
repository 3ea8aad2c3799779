import { lotteryRedraws, type LotteryHousehold, type LotteryRedraws } from "../draw/redraw.js";
import { differenceInMeans } from "./difference_in_means.js";
import { EstimationError } from "./errors.js";
import { groupRows } from "./grouping.js";

/**
 * Randomisation inference by re-running the lottery (ri2::conduct_ri with the lottery as the declared design).
 *
 * Re-draw s re-runs the lottery with the seed `${seed}/${s}` (`lotteryRedraws` in draw/redraw.ts: every wave by
 * `drawWave`'s algorithm, the number treated per wave x stratum held fixed, so the inference is conditional on it).
 *
 * One set of re-draws is shared by all outcomes (as ri2 uses one permutation matrix). The statistic is the
 * blocked, clustered difference in means, T = sum_b (N_b / N) (mean_b(y | z = 1) - mean_b(y | z = 0)), equal
 * to `differenceInMeans(y, z, { blocks, clusters }).estimate` (the test checks 1e-12). Two-sided p-value as ri2:
 *
 *   p = #{ s : |T_s| >= |T_obs| (1 - 1e-9) } / S,
 *
 * the relative tolerance 1e-9 counting as ties re-draws that differ from the observed statistic only by
 * floating-point rounding (e.g. the observed assignment drawn again, summed in another order). A re-draw under
 * which the statistic is undefined (a block of this outcome's sample with no treated or no control person, where
 * `differenceInMeans` throws) counts as extreme, which can only
 * raise p; their number is reported. Note: effekt's first CLI used (1 + k) / (1 + S); this is ri2's k / S.
 * Gerber and Green (2012), ch. 3.4; Coppock, ri2 (2020).
 */

/** Relative tolerance for ties between a re-drawn and the observed statistic. */
export const RI_TIE_TOLERANCE = 1e-9;

/** One outcome's sample: persons with their outcome, household (index into the design's households), block and cluster. */
export interface RiDataset {
  y: ArrayLike<number>;
  /** index into `LotteryRedraws.households` */
  household: ArrayLike<number>;
  blocks: ArrayLike<number>;
  clusters: ArrayLike<number>;
}

/**
 * The blocked difference in means of one dataset as a function of the household assignment, with the
 * per-(household, block) sums of y precomputed so each evaluation is one pass over those units.
 */
export interface LeanDifferenceInMeans {
  /** T for this assignment, or NaN when a block lacks treated or control persons */
  statistic(treated: Uint8Array): number;
  /** the same from the list of treated households (`treatedList[0 .. count)`), visiting only their persons */
  statisticOfTreated(treatedList: Int32Array, count: number): number;
}

export function leanDifferenceInMeans(data: RiDataset, nHouseholds: number): LeanDifferenceInMeans {
  const n = data.y.length;
  if (data.household.length !== n || data.blocks.length !== n || data.clusters.length !== n) {
    throw new EstimationError("bad_input", "y, household, blocks and clusters must have the same length");
  }
  const blocks = groupRows(data.blocks);
  const nBlocks = blocks.nGroups;
  // units: distinct (household, block) pairs, in order of first appearance
  const unitOf = new Map<number, number>();
  const unitHousehold: number[] = [];
  const unitBlock: number[] = [];
  const unitSum: number[] = [];
  const unitCount: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = data.household[i];
    if (!(Number.isInteger(h) && h >= 0 && h < nHouseholds)) throw new EstimationError("bad_input", `household index ${h} is not in the register`);
    const b = blocks.groupOf[i];
    const key = h * nBlocks + b;
    let u = unitOf.get(key);
    if (u === undefined) {
      u = unitHousehold.length;
      unitOf.set(key, u);
      unitHousehold.push(h);
      unitBlock.push(b);
      unitSum.push(0);
      unitCount.push(0);
    }
    unitSum[u] += data.y[i];
    unitCount[u]++;
  }
  const uH = Int32Array.from(unitHousehold);
  const uB = Int32Array.from(unitBlock);
  const uS = Float64Array.from(unitSum);
  const uC = Int32Array.from(unitCount);
  const blockN = new Int32Array(nBlocks);
  for (let g = 0; g < nBlocks; g++) blockN[g] = blocks.offsets[g + 1] - blocks.offsets[g];
  // blocks in differenceInMeans's order (sorted block code), so the weighted sum adds in the same order
  const order = Int32Array.from(Array.from({ length: nBlocks }, (_, g) => g).sort((a, b) => blocks.codes[a] - blocks.codes[b]));
  // the units of each household (CSR) and each block's total, for the statistic from the treated list
  const unitStart = new Int32Array(nHouseholds + 1);
  for (let u = 0; u < uH.length; u++) unitStart[uH[u] + 1]++;
  for (let h = 0; h < nHouseholds; h++) unitStart[h + 1] += unitStart[h];
  const fill = unitStart.slice(0, nHouseholds);
  const unitsByHousehold = new Int32Array(uH.length);
  for (let u = 0; u < uH.length; u++) unitsByHousehold[fill[uH[u]]++] = u;
  const blockSum = new Float64Array(nBlocks);
  for (let u = 0; u < uH.length; u++) blockSum[uB[u]] += uS[u];
  const s1 = new Float64Array(nBlocks);
  const s0 = new Float64Array(nBlocks);
  const n1 = new Int32Array(nBlocks);
  const combine = (): number => {
    let t = 0;
    for (let k = 0; k < nBlocks; k++) {
      const b = order[k];
      const m1 = n1[b];
      const m0 = blockN[b] - m1;
      // a block with a lone treated or control household has an estimate (differenceInMeans then takes the
      // matched-pairs variance); only a block without one arm leaves the statistic undefined
      if (m1 === 0 || m0 === 0) return NaN;
      t += ((s1[b] / m1 - s0[b] / m0) * blockN[b]) / n;
    }
    return t;
  };
  return {
    statistic(treated: Uint8Array): number {
      s1.fill(0);
      s0.fill(0);
      n1.fill(0);
      for (let u = 0; u < uH.length; u++) {
        const b = uB[u];
        if (treated[uH[u]] === 1) {
          s1[b] += uS[u];
          n1[b] += uC[u];
        } else s0[b] += uS[u];
      }
      return combine();
    },
    statisticOfTreated(treatedList: Int32Array, count: number): number {
      s1.fill(0);
      n1.fill(0);
      for (let t = 0; t < count; t++) {
        const h = treatedList[t];
        for (let k = unitStart[h]; k < unitStart[h + 1]; k++) {
          const u = unitsByHousehold[k];
          s1[uB[u]] += uS[u];
          n1[uB[u]] += uC[u];
        }
      }
      // the control sums by subtraction: within rounding of the direct sums (the test checks 1e-12 against
      // differenceInMeans), and it visits only the treated households' persons
      for (let b = 0; b < nBlocks; b++) s0[b] = blockSum[b] - s1[b];
      return combine();
    },
  };
}

export interface RiPValuesInput {
  register: readonly LotteryHousehold[];
  seed: string;
  permutations: number;
  datasets: readonly RiDataset[];
  /** `lotteryRedraws(register, seed)` when the caller already made it (to number the households); else built here */
  redraws?: LotteryRedraws;
  /** called about every 1% of the re-draws and at the end */
  onProgress?: (done: number, total: number) => void;
}

export interface RiPValuesResult {
  /** per dataset: #{|T_s| >= |T_obs|} / S */
  p_value: number[];
  /** per dataset: the count of re-draws at least as extreme (including undefined ones) */
  extreme: number[];
  /** per dataset: the observed statistic (the blocked, clustered difference in means) */
  observed: number[];
  /** per dataset: re-draws under which the statistic was undefined (counted as extreme) */
  undefined_redraws: number[];
}

/** Randomisation-inference p-values of several outcomes from one shared set of lottery re-draws. */
export function riPValues(input: RiPValuesInput): RiPValuesResult {
  const { register, seed, permutations: S, datasets, onProgress } = input;
  if (!Number.isInteger(S) || S < 1) throw new EstimationError("bad_input", `permutations must be a positive whole number, got ${S}`);
  const design = input.redraws ?? lotteryRedraws(register, seed);
  const H = design.households.length;
  const stats = datasets.map((d) => leanDifferenceInMeans(d, H));
  const observed = datasets.map((d, j) => {
    // the full estimator validates the observed sample (throws if it has no estimate); the lean one must agree
    const z = Float64Array.from(Array.from(d.household, (h) => design.observed[h]));
    const full = differenceInMeans(d.y, z, { blocks: d.blocks, clusters: d.clusters }).estimate;
    const lean = stats[j].statistic(design.observed);
    if (!(Math.abs(lean - full) <= 1e-9 * Math.max(1, Math.abs(full)))) {
      throw new EstimationError("bad_input", `dataset ${j + 1}: internal check failed (lean statistic ${lean}, differenceInMeans ${full})`);
    }
    return lean;
  });
  const thresholds = observed.map((t) => Math.abs(t) * (1 - RI_TIE_TOLERANCE));
  const extreme = new Array<number>(datasets.length).fill(0);
  const undef = new Array<number>(datasets.length).fill(0);
  const treated = new Uint8Array(H);
  const treatedList = new Int32Array(H);
  const step = Math.max(1, Math.floor(S / 100));
  for (let s = 0; s < S; s++) {
    const count = design.draw(s, treated, treatedList);
    for (let j = 0; j < stats.length; j++) {
      const t = stats[j].statisticOfTreated(treatedList, count);
      if (Number.isNaN(t)) {
        undef[j]++;
        extreme[j]++;
      } else if (Math.abs(t) >= thresholds[j]) extreme[j]++;
    }
    if (onProgress && ((s + 1) % step === 0 || s + 1 === S)) onProgress(s + 1, S);
  }
  return { p_value: extreme.map((k) => k / S), extreme, observed, undefined_redraws: undef };
}
