import type { Covariate } from "../draw/balance.js";
import { lotteryRedraws, type LotteryHousehold } from "../draw/redraw.js";
import type { DesignColumn } from "./design.js";
import { EstimationError } from "./errors.js";
import { jointBalanceBasis } from "./balance_test.js";
import { RI_TIE_TOLERANCE } from "./ri_lottery.js";

/** The seed of the joint balance test's re-draws: fixed, so the balance files are reproducible to the byte. */
export const JOINT_BALANCE_SEED = "effekt-joint-balance";
/** Re-draws of the lottery for the joint balance test, unless told otherwise. */
export const JOINT_BALANCE_REDRAWS = 1000;

export interface JointBalanceRow {
  /** wave number, or "all" (pooled over the waves, blocks wave x stratum) once there are several waves */
  wave: string;
  /** households tested */
  households: number;
  /** linearly independent covariate columns after centring within blocks: the test's degrees of freedom (0: nothing to test) */
  columns: number;
  /** T = ||Q'z||^2 for the drawn assignment; NaN when there is nothing to test */
  statistic: number;
  /** share of re-draws with T_s >= T_obs (1 - 1e-9); NaN when there is nothing to test */
  p_value: number;
  redraws: number;
  seed: string;
}

/**
 * The joint test of balance (`balance_test.ts`: all baseline covariates at once, the randomisation distribution of
 * ri2's F statistic of lm(z ~ blocks + X)) on the actual lottery: the re-draws are the register's own lottery
 * re-run (`draw/redraw.ts`: every wave, its strata and its number treated per stratum, seeds
 * `${seed}/${s}`), one set shared by a test per wave (blocks: the wave's strata) and, with several waves, a pooled
 * test (blocks: wave x stratum, each wave's households with that wave's covariates).
 *
 * A categorical covariate enters as one indicator per level (one of them is redundant and drops out); a missing
 * value is mean-imputed with an indicator, within each test. Because each wave's re-draws depend only on the seed
 * and the wave, an earlier wave's row does not change when a later wave is drawn.
 *
 * `households[i]` and `covariates[*][i]` describe the same household; households may come in any order.
 */
export function lotteryJointBalance(args: { households: readonly LotteryHousehold[]; covariates: readonly Covariate[]; redraws: number; seed?: string }): JointBalanceRow[] {
  const { households, covariates } = args;
  const S = args.redraws;
  const seed = args.seed ?? JOINT_BALANCE_SEED;
  if (!Number.isInteger(S) || S < 1) throw new EstimationError("bad_input", `re-draws must be a positive whole number, got ${S}`);
  const n = households.length;
  if (n === 0) return [];
  const columns = indicatorColumns(covariates, n);
  const waves = [...new Set(households.map((h) => h.wave))].sort((a, b) => a - b);
  // subsets: one per wave, then the pooled one
  const subsets: { wave: string; members: number[] }[] = waves.map((w) => ({ wave: String(w), members: [] as number[] }));
  const subsetOfWave = new Map(waves.map((w, k) => [w, k]));
  households.forEach((h, i) => subsets[subsetOfWave.get(h.wave)!].members.push(i));
  if (waves.length > 1) subsets.push({ wave: "all", members: households.map((_, i) => i) });
  const blockKey = new Map<string, number>();
  const blockOf = Int32Array.from(households, (h) => {
    const key = `${h.wave}\u0000${h.stratum}`;
    let b = blockKey.get(key);
    if (b === undefined) blockKey.set(key, (b = blockKey.size));
    return b;
  });
  // local position of household i in its wave's subset (the pooled subset's local position is i itself)
  const local = new Int32Array(n);
  const tests = subsets.map((sub) => {
    if (sub.wave !== "all") sub.members.forEach((i, k) => (local[i] = k));
    const cols: DesignColumn[] = columns.map((c) => ({ name: c.name, values: Float64Array.from(sub.members, (i) => c.values[i]) }));
    const basis = jointBalanceBasis(cols, Int32Array.from(sub.members, (i) => blockOf[i]));
    return { sub, basis };
  });
  const pooled = waves.length > 1 ? tests.length - 1 : -1;
  const redraws = lotteryRedraws(households, seed);
  const at = new Map(households.map((h, i) => [h.householdId, i]));
  const position = Int32Array.from(redraws.households, (id) => at.get(id)!);
  const sums = tests.map((t) => new Float64Array(t.basis.length));
  const statisticOf = (treatedPositions: ArrayLike<number>, count: number): Float64Array => {
    for (const s of sums) s.fill(0);
    for (let k = 0; k < count; k++) {
      const i = treatedPositions[k];
      const w = subsetOfWave.get(households[i].wave)!;
      const bw = tests[w].basis;
      const li = local[i];
      for (let j = 0; j < bw.length; j++) sums[w][j] += bw[j][li];
      if (pooled >= 0) {
        const bp = tests[pooled].basis;
        for (let j = 0; j < bp.length; j++) sums[pooled][j] += bp[j][i];
      }
    }
    return Float64Array.from(sums, (d) => d.reduce((a, x) => a + x * x, 0));
  };
  const observedTreated = households.flatMap((h, i) => (h.arm === "treatment" ? [i] : []));
  const observed = statisticOf(observedTreated, observedTreated.length);
  const thresholds = observed.map((t) => t * (1 - RI_TIE_TOLERANCE));
  const extreme = new Float64Array(tests.length);
  const treated = new Uint8Array(n);
  const treatedList = new Int32Array(n);
  for (let s = 0; s < S; s++) {
    const count = redraws.draw(s, treated, treatedList);
    for (let k = 0; k < count; k++) treatedList[k] = position[treatedList[k]];
    const t = statisticOf(treatedList, count);
    for (let k = 0; k < tests.length; k++) if (t[k] >= thresholds[k]) extreme[k]++;
  }
  return tests.map((t, k) => {
    const empty = t.basis.length === 0;
    return {
      wave: t.sub.wave,
      households: t.sub.members.length,
      columns: t.basis.length,
      statistic: empty ? NaN : observed[k],
      p_value: empty ? NaN : extreme[k] / S,
      redraws: S,
      seed,
    };
  });
}

/** Numeric covariates as they are; a categorical one as an indicator per level (NaN where the level is missing). */
function indicatorColumns(covariates: readonly Covariate[], n: number): DesignColumn[] {
  const out: DesignColumn[] = [];
  for (const c of covariates) {
    if (c.kind === "numeric") {
      if (c.values.length !== n) throw new EstimationError("bad_input", `covariate ${c.name} has ${c.values.length} values, there are ${n} households`);
      out.push({ name: c.name, values: c.values });
      continue;
    }
    if (c.levels.length !== n) throw new EstimationError("bad_input", `covariate ${c.name} has ${c.levels.length} values, there are ${n} households`);
    const levels = [...new Set(c.levels.filter((l): l is string => l !== undefined))].sort();
    for (const level of levels) out.push({ name: `${c.name}=${level}`, values: Float64Array.from(c.levels, (l) => (l === undefined ? NaN : l === level ? 1 : 0)) });
  }
  return out;
}
