import { EstimationError } from "./errors.js";

/**
 * Randomisation-inference p-value under the sharp null of no effect for any unit, as ri2::conduct_ri
 * (two-sided, the default): the share of re-drawn assignments whose statistic is at least as extreme,
 *
 *   p = #{ s : |T(Z_s)| >= |T_obs| } / S.
 *
 * Pure: the caller supplies `draw(s)`, a function returning the s-th permuted assignment (it must re-run the
 * design's own randomisation, e.g. with the lottery's seeded generator and strata), and `statistic(Z)`,
 * the test statistic recomputed on the observed outcomes with that assignment.
 * Gerber and Green (2012), ch. 3.4; Coppock, ri2 (2020).
 */
export type Alternative = "two.sided" | "greater" | "less";

export interface RandomizationInferenceInput<A> {
  observed: number;
  sims: number;
  draw: (s: number) => A;
  statistic: (assignment: A) => number;
  alternative?: Alternative;
}

export interface RandomizationInferenceResult {
  p_value: number;
  observed: number;
  sims: number;
  /** how many simulated statistics were at least as extreme */
  extreme: number;
  /** the simulated statistics, in draw order */
  null_distribution: Float64Array;
  alternative: Alternative;
}

export function randomizationPValue<A>(input: RandomizationInferenceInput<A>): RandomizationInferenceResult {
  const { observed, sims, draw, statistic, alternative = "two.sided" } = input;
  if (!Number.isInteger(sims) || sims < 1) throw new EstimationError("bad_input", `sims must be a positive integer, got ${sims}`);
  if (!Number.isFinite(observed)) throw new EstimationError("bad_input", "the observed statistic is not finite");
  const dist = new Float64Array(sims);
  let extreme = 0;
  for (let s = 0; s < sims; s++) {
    const t = statistic(draw(s));
    if (!Number.isFinite(t)) throw new EstimationError("bad_input", `the statistic of permutation ${s + 1} is not finite`);
    dist[s] = t;
    const hit = alternative === "two.sided" ? Math.abs(t) >= Math.abs(observed) : alternative === "greater" ? t >= observed : t <= observed;
    if (hit) extreme++;
  }
  return { p_value: extreme / sims, observed, sims, extreme, null_distribution: dist, alternative };
}
