import { normalStream } from "../gains/normalDraws.js";
import { qnorm } from "./distributions.js";
import { EstimationError } from "./errors.js";
import { tm } from "../i18n/messageLang.js";
import type { RedrawSource } from "./ri_redraws.js";

/**
 * Power by simulating the design as it is, as DeclareDesign's diagnose_design does (Blair, Cooper, Coppock and
 * Humphreys 2019, APSR 113(3)): the actual lottery re-run (its waves, strata and places, `source.draw(s)`), an
 * outcome model, the plan's estimators, and per estimator the diagnosands over the simulations
 *
 *   bias = mean(est - estimand),  RMSE = sqrt(mean((est - estimand)^2)),  power = mean(p < alpha),
 *   coverage = mean(ci_low <= estimand <= ci_high),  sd_estimate = sd(est),  mean_se = mean(se).
 *
 * Outcome model (standard deviation sd, intra-household correlation icc, a baseline covariate explaining r2 at
 * both levels, households complying with probability takeup, missing at random with probability attrition):
 *
 *   y0_i = sd (sqrt(r2) x_i + sqrt(1 - r2) e_i),  x_i = sqrt(icc) v_h + sqrt(1 - icc) w_i,
 *                                                  e_i = sqrt(icc) u_h + sqrt(1 - icc) n_i,
 *   y_i  = y0_i + effect * c_h z_h,   c_h ~ Bernoulli(takeup),   household observed ~ Bernoulli(1 - attrition)
 *
 * with v, w, u, n independent standard normals (seeded, `normalStream`). The effect is the complier effect; the
 * ITT estimand of a simulation is effect x sum_b (N_b / N) (share of block b's analysed persons in complying
 * households), the size-weighted average the blocked estimators target, and the CACE estimand is the effect.
 * Households with no analysed person do not enter; a simulation whose estimator cannot estimate counts in
 * `not_estimated` and in no diagnosand.
 */
export interface OutcomeModel {
  /** complier effect (ITT = effect x take-up), in the outcome's units */
  effect: number;
  sd: number;
  icc: number;
  /** outcome variance explained by the baseline covariate x; default 0 */
  r2?: number;
  /** share of households complying when offered; default 1 */
  takeup?: number;
  /** share of households whose outcome is missing; default 0 */
  attrition?: number;
}

/** One simulated dataset, in the estimators' shape. */
export interface SimulatedData {
  y: Float64Array;
  z: Float64Array;
  /** took up (0/1) */
  takeup: Float64Array;
  blocks: Int32Array;
  /** household index */
  clusters: Int32Array;
  /** the baseline covariate x */
  covariate: Float64Array;
}

export interface SimulatedEstimate {
  estimator: string;
  estimand: "ITT" | "CACE";
  /** undefined: not estimated in this simulation */
  estimate?: number;
  std_error?: number;
  ci_low?: number;
  ci_high?: number;
  p_value?: number;
}

export interface Diagnosis {
  estimator: string;
  estimand: "ITT" | "CACE";
  sims: number;
  not_estimated: number;
  mean_estimand: number;
  mean_estimate: number;
  bias: number;
  rmse: number;
  sd_estimate: number;
  mean_se: number;
  power: number;
  coverage: number;
}

export interface SimulationInput {
  source: RedrawSource;
  /** per household (the source's index): block code and number of persons */
  block: ArrayLike<number>;
  size: ArrayLike<number>;
  model: OutcomeModel;
  sims: number;
  seed: string;
  alpha: number;
  estimate: (data: SimulatedData) => SimulatedEstimate[];
  onProgress?: (done: number, total: number) => void;
}

function check(name: string, v: number, lo: number, hi: number, openHi = false): void {
  if (!(Number.isFinite(v) && v >= lo && (openHi ? v < hi : v <= hi))) throw new EstimationError("bad_input", tm("est_pw_range", { name, interval: `[${lo}, ${hi}${openHi ? ")" : "]"}`, value: v }));
}

export function simulatePower(input: SimulationInput): Diagnosis[] {
  const { source, block, size, model, sims, seed, alpha } = input;
  const H = source.nHouseholds;
  if (block.length !== H || size.length !== H) throw new EstimationError("bad_input", `block and size need one value per household (${H})`);
  if (!Number.isInteger(sims) || sims < 1) throw new EstimationError("bad_input", tm("est_pw_sims", { value: sims }));
  check("sd", model.sd, Number.MIN_VALUE, Infinity);
  check("icc", model.icc, 0, 1);
  const r2 = model.r2 ?? 0;
  const takeup = model.takeup ?? 1;
  const attrition = model.attrition ?? 0;
  check("r2", r2, 0, 1, true);
  check("takeup", takeup, 0, 1);
  check("attrition", attrition, 0, 1, true);
  if (!Number.isFinite(model.effect)) throw new EstimationError("bad_input", tm("est_pw_effect_finite", { value: model.effect }));
  let N = 0;
  for (let h = 0; h < H; h++) {
    // a household with no analysed person (size 0) is drawn but never enters the data
    if (!(Number.isInteger(size[h]) && size[h] >= 0)) throw new EstimationError("bad_input", `household ${h + 1}: size must be a whole number >= 0, got ${size[h]}`);
    N += size[h];
  }
  const normal = normalStream(`power\u0000${seed}`);
  // Bernoulli(p) as a standard normal below qnorm(p), from a second keyed stream (independent of the outcomes)
  const coin = normalStream(`power-bernoulli\u0000${seed}`);
  const qTakeup = qnorm(takeup);
  const qAttrition = qnorm(attrition);
  const bernoulli = (p: number, q: number) => (p >= 1 ? true : p <= 0 ? false : coin.next() < q);
  const treated = new Uint8Array(H);
  const sq = (a: number) => Math.sqrt(a);
  const y = new Float64Array(N);
  const z = new Float64Array(N);
  const d = new Float64Array(N);
  const bl = new Int32Array(N);
  const cl = new Int32Array(N);
  const x = new Float64Array(N);
  const acc = new Map<string, { estimand: "ITT" | "CACE"; n: number; miss: number; sumEst: number; sumEstimand: number; sumErr: number; sumErr2: number; sumEst2: number; sumSe: number; reject: number; cover: number }>();
  const step = Math.max(1, Math.floor(sims / 100));
  for (let s = 0; s < sims; s++) {
    source.draw(s, treated);
    let n = 0;
    const blockN = new Map<number, number>();
    const blockC = new Map<number, number>();
    for (let h = 0; h < H; h++) {
      const complies = bernoulli(takeup, qTakeup);
      const observed = !bernoulli(attrition, qAttrition);
      const v = normal.next();
      const u = normal.next();
      for (let k = 0; k < size[h]; k++) {
        const w = normal.next();
        const e = normal.next();
        if (!observed) continue;
        const xi = sq(model.icc) * v + sq(1 - model.icc) * w;
        const ei = sq(model.icc) * u + sq(1 - model.icc) * e;
        const took = complies && treated[h] === 1 ? 1 : 0;
        y[n] = model.sd * (sq(r2) * xi + sq(1 - r2) * ei) + model.effect * took;
        z[n] = treated[h];
        d[n] = took;
        bl[n] = block[h];
        cl[n] = h;
        x[n] = xi;
        blockN.set(block[h], (blockN.get(block[h]) ?? 0) + 1);
        if (complies) blockC.set(block[h], (blockC.get(block[h]) ?? 0) + 1);
        n++;
      }
    }
    let complierShare = 0;
    for (const [b, nb] of blockN) complierShare += ((blockC.get(b) ?? 0) / nb) * (nb / n);
    const data: SimulatedData = { y: y.slice(0, n), z: z.slice(0, n), takeup: d.slice(0, n), blocks: bl.slice(0, n), clusters: cl.slice(0, n), covariate: x.slice(0, n) };
    for (const r of input.estimate(data)) {
      const key = `${r.estimator}\u0000${r.estimand}`;
      let a = acc.get(key);
      if (!a) acc.set(key, (a = { estimand: r.estimand, n: 0, miss: 0, sumEst: 0, sumEstimand: 0, sumErr: 0, sumErr2: 0, sumEst2: 0, sumSe: 0, reject: 0, cover: 0 }));
      if (r.estimate === undefined || !Number.isFinite(r.estimate)) {
        a.miss++;
        continue;
      }
      const truth = r.estimand === "CACE" ? model.effect : model.effect * complierShare;
      a.n++;
      a.sumEst += r.estimate;
      a.sumEst2 += r.estimate * r.estimate;
      a.sumEstimand += truth;
      a.sumErr += r.estimate - truth;
      a.sumErr2 += (r.estimate - truth) ** 2;
      a.sumSe += r.std_error ?? NaN;
      if (r.p_value !== undefined && r.p_value < alpha) a.reject++;
      if (r.ci_low !== undefined && r.ci_high !== undefined && r.ci_low <= truth && truth <= r.ci_high) a.cover++;
    }
    if (input.onProgress && ((s + 1) % step === 0 || s + 1 === sims)) input.onProgress(s + 1, sims);
  }
  return [...acc.entries()].map(([key, a]) => {
    const mean = a.sumEst / a.n;
    return {
      estimator: key.split("\u0000")[0],
      estimand: a.estimand,
      sims,
      not_estimated: a.miss,
      mean_estimand: a.sumEstimand / a.n,
      mean_estimate: mean,
      bias: a.sumErr / a.n,
      rmse: Math.sqrt(a.sumErr2 / a.n),
      sd_estimate: Math.sqrt(Math.max(0, (a.sumEst2 - a.n * mean * mean) / (a.n - 1))),
      mean_se: a.sumSe / a.n,
      power: a.reject / a.n,
      coverage: a.cover / a.n,
    };
  });
}
