import { assertBinaryTreatment, assertVaries, buildDesign } from "./design.js";
import { EstimationError } from "./errors.js";
import { groupRows } from "./grouping.js";
import { olsFit } from "./ols.js";
import { robustVcov } from "./variance.js";
import { tInference, type EstimateResult } from "./result.js";
import { t } from "../i18n/catalogue.js";
import type { Lang } from "../i18n/types.js";
import { stored } from "../i18n/storedText.js";

/** Options of `differenceInMeans`: blocks, clusters, weights, alpha. */
export interface DifferenceInMeansOptions {
  blocks?: ArrayLike<number>;
  clusters?: ArrayLike<number>;
  /** positive weights (e.g. inverse probability of assignment); normalised to mean 1 */
  weights?: ArrayLike<number>;
  alpha?: number;
}

export type DimDesign = "Standard" | "Clustered" | "Blocked" | "Block-clustered" | "Matched-pair" | "Matched-pair clustered";

export interface DifferenceInMeansResult extends EstimateResult {
  design: DimDesign;
  /** units, or the sum of normalised weights when weighted */
  nobs: number;
  nblocks?: number;
  nclusters?: number;
  /** things a reader should know (e.g. matched-pair variance used because some block had two clusters) */
  notes: string[];
}

interface BlockEstimate {
  estimate: number;
  se: number;
  df: number;
  nobs: number;
  nclusters: number;
}

function mean(v: number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}
function sampleVar(v: number[]): number {
  const m = mean(v);
  let s = 0;
  for (const x of v) s += (x - m) * (x - m);
  return s / (v.length - 1);
}

function checkClusterTreatment(z: ArrayLike<number>, clusters: ArrayLike<number>): void {
  const seen = new Map<number, number>();
  for (let i = 0; i < z.length; i++) {
    const prev = seen.get(clusters[i]);
    if (prev === undefined) seen.set(clusters[i], z[i]);
    else if (prev !== z[i]) {
      throw new EstimationError("mixed_cluster_treatment", "all units within a cluster must have the same treatment condition");
    }
  }
}

function withinBlock(
  y: number[],
  z: number[],
  clusters: number[] | undefined,
  weights: number[] | undefined,
  pairMatched: boolean,
  /** where, for a message: "the sample" or "block 3", in a language */
  label: (lang: Lang) => string,
): BlockEstimate {
  const y1: number[] = [];
  const y0: number[] = [];
  for (let i = 0; i < y.length; i++) (z[i] === 1 ? y1 : y0).push(y[i]);
  const n1 = y1.length;
  const n0 = y0.length;
  if (n1 === 0 || n0 === 0) {
    throw new EstimationError(n1 === 0 ? "no_treated" : "no_control", stored((lang) => t(lang, "est_ee_both_conditions", { label: label(lang) })));
  }
  if (!pairMatched && (n1 === 1 || n0 === 1)) {
    throw new EstimationError("too_few_units", stored((lang) => t(lang, "est_ee_two_each", { label: label(lang) })));
  }
  const nclusters = clusters ? new Set(clusters).size : y.length;
  if (weights && pairMatched) throw new EstimationError("bad_input", "weights cannot be used with a matched-pairs design");
  if ((clusters || weights) && !pairMatched) {
    // the variance core directly, not lmRobust: a block whose outcome is constant legitimately contributes
    // variance 0 to a blocked estimate (estimatr does the same)
    const d = buildDesign([{ name: "z", values: z }]);
    const fit = olsFit(d.X, d.n, d.k, Float64Array.from(y), weights ? Float64Array.from(weights) : undefined, d.names);
    const v = robustVcov({
      X: fit.workingX,
      n: fit.n,
      k: fit.k,
      xtxInv: fit.xtxInv,
      residuals: fit.workingResiduals,
      seType: clusters ? "CR2" : "HC2",
      clusters,
      weights: fit.weights,
    });
    const nobs = weights ? weights.reduce((a, b) => a + b, 0) : y.length;
    return { estimate: fit.coefficients[1], se: Math.sqrt(v.vcov[3]), df: v.df[1], nobs, nclusters };
  }
  const estimate = mean(y1) - mean(y0);
  if (pairMatched) return { estimate, se: NaN, df: NaN, nobs: y.length, nclusters };
  const v1 = sampleVar(y1) / n1;
  const v0 = sampleVar(y0) / n0;
  const se = Math.sqrt(v1 + v0);
  const df = se ** 4 / ((v1 * v1) / (n1 - 1) + (v0 * v0) / (n0 - 1));
  return { estimate, se, df, nobs: y.length, nclusters };
}

/**
 * Difference in means, as estimatr::difference_in_means (version 1.0.0), for a 0/1 treatment.
 *
 * Within one block (or the whole sample when no blocks):
 * - unclustered: d = mean(Y1) - mean(Y0), se = sqrt(s1^2/N1 + s0^2/N0) (Neyman), Welch-Satterthwaite df
 *   se^4 / ((s1^2/N1)^2/(N1-1) + (s0^2/N0)^2/(N0-1));
 * - clustered: the coefficient of z in lm_robust(y ~ 1 + z, clusters, se_type = "CR2") with its
 *   Bell-McCaffrey df.
 * Blocked (block b with N_b units, N = sum N_b, B blocks, counting clusters as units when clustered):
 * - d = sum_b (N_b/N) d_b, se = sqrt(sum_b (N_b/N)^2 se_b^2), df = N - 2B (unclustered) or J - 2B
 *   (clustered, J = total clusters);
 * - when some block is small -- one treated or one control unit/cluster, so its own variance cannot be
 *   estimated (estimatr's matched pairs, and its rule for blocks of two mixed with larger ones, extended from
 *   pairs to every block with a lone unit in an arm): the matched-pairs variance over blocks,
 *   se = sqrt(1/(B(B-1)) sum_b (d_b - d)^2) (unclustered) or
 *   sqrt(B/((B-1) N^2) sum_b (N_b d_b - N d / B)^2) (clustered), df = B - 1, with a note naming the small blocks.
 *   estimatr itself stops on a lone unit in a larger unclustered block, and for a lone cluster of several persons
 *   returns CR2 with that cluster's residuals projected away (no variance from it); both are where effekt
 *   departs from it. A block without both arms is an error here; the orchestration drops such blocks from every
 *   estimator alike (`block_arms.ts`).
 * Weights (estimatr: normalised to mean 1 over the sample): within a block the coefficient of z in
 * lm_robust(y ~ 1 + z, weights) with HC2 (CR2 when clustered) and its df; N_b becomes the block's sum of
 * normalised weights; the blocked df stay N - 2B or J - 2B in unit counts. Matched pairs take no weights.
 * Imai, King and Nall (2009); Gerber and Green (2012), eq. 3.4 and 3.12.
 */
export function differenceInMeans(y: ArrayLike<number>, z: ArrayLike<number>, options: DifferenceInMeansOptions = {}): DifferenceInMeansResult {
  const { estimate, se, df, ...rest } = differenceInMeansParts(y, z, options);
  return { ...tInference("z", estimate, se, df, options.alpha ?? 0.05), ...rest };
}

/** The blocked difference in means before t inference: estimate, its standard error and df (see `differenceInMeans`). */
export interface DifferenceInMeansParts {
  estimate: number;
  se: number;
  df: number;
  design: DimDesign;
  nobs: number;
  nblocks?: number;
  nclusters?: number;
  notes: string[];
}

/**
 * `differenceInMeans` without the t inference, for estimators built from it (the CACE): a standard error of 0
 * (e.g. a take-up that is 1 for every treated and 0 for every control person) is a valid answer here.
 */
export function differenceInMeansParts(y: ArrayLike<number>, z: ArrayLike<number>, options: Omit<DifferenceInMeansOptions, "alpha"> = {}): DifferenceInMeansParts {
  const n = y.length;
  if (z.length !== n) throw new EstimationError("bad_input", `treatment has ${z.length} values, outcome has ${n}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new EstimationError("bad_input", "outcome contains a missing or infinite value");
  assertBinaryTreatment(z);
  assertVaries(y);
  const { blocks, clusters } = options;
  if (clusters) {
    if (clusters.length !== n) throw new EstimationError("bad_input", `clusters have ${clusters.length} values, outcome has ${n}`);
    checkClusterTreatment(z, clusters);
  }
  const yy = Array.from(y);
  const zz = Array.from(z);
  const cc = clusters ? Array.from(clusters) : undefined;
  let ww: number[] | undefined;
  if (options.weights) {
    const w = options.weights;
    if (w.length !== n) throw new EstimationError("bad_input", `weights have ${w.length} values, outcome has ${n}`);
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (!(w[i] > 0) || !Number.isFinite(w[i])) throw new EstimationError("bad_input", "weights must be positive and finite");
      s += w[i];
    }
    const m = s / n;
    ww = Array.from(w, (v) => v / m);
  }
  if (!blocks) {
    const b = withinBlock(yy, zz, cc, ww, false, (lang) => t(lang, "est_ee_sample"));
    return { estimate: b.estimate, se: b.se, df: b.df, design: cc ? "Clustered" : "Standard", nobs: b.nobs, nclusters: cc ? b.nclusters : undefined, notes: [] };
  }
  if (blocks.length !== n) throw new EstimationError("bad_input", `blocks have ${blocks.length} values, outcome has ${n}`);
  const groups = groupRows(blocks);
  // estimatr splits by sorted block level
  const order = Array.from({ length: groups.nGroups }, (_, g) => g).sort((a, b) => groups.codes[a] - groups.codes[b]);
  const parts = order.map((g) => {
    const rows = groups.rows.subarray(groups.offsets[g], groups.offsets[g + 1]);
    const treated = new Set<number>();
    const control = new Set<number>();
    for (const i of rows) (zz[i] === 1 ? treated : control).add(cc ? cc[i] : i);
    return { code: groups.codes[g], rows, units: treated.size + control.size, treated: treated.size, control: control.size };
  });
  const notes: string[] = [];
  if (parts.some((p) => p.units === 1)) {
    throw new EstimationError("too_few_units", stored((lang) => t(lang, "est_ee_blocks_multiple")));
  }
  const small = parts.filter((p) => p.treated === 1 || p.control === 1);
  const pairMatched = small.length > 0;
  if (pairMatched && small.length < parts.length) {
    const what = cc ? "cluster" : "unit";
    notes.push(`${small.length} of ${parts.length} blocks (${small.map((p) => p.code).join(", ")}) have a single treated or control ${what}, so their own variance cannot be estimated; the matched-pairs variance estimator is used`);
  }
  const est = parts.map((p) =>
    withinBlock(
      Array.from(p.rows, (i) => yy[i]),
      Array.from(p.rows, (i) => zz[i]),
      cc ? Array.from(p.rows, (i) => cc[i]) : undefined,
      ww ? Array.from(p.rows, (i) => ww[i]) : undefined,
      pairMatched,
      (lang) => t(lang, "est_ee_block", { code: p.code }),
    ),
  );
  const N = est.reduce((s, b) => s + b.nobs, 0);
  const nclusters = est.reduce((s, b) => s + b.nclusters, 0);
  const B = est.length;
  let diff = 0;
  for (const b of est) diff += (b.estimate * b.nobs) / N;
  let se: number;
  let df: number;
  let design: DimDesign;
  if (pairMatched) {
    if (B < 2) throw new EstimationError("too_few_units", "a matched-pair design needs at least two pairs");
    let s = 0;
    if (!cc) {
      for (const b of est) s += (b.estimate - diff) ** 2;
      se = Math.sqrt((1 / (B * (B - 1))) * s);
      design = "Matched-pair";
    } else {
      for (const b of est) s += (b.nobs * b.estimate - (N * diff) / B) ** 2;
      se = Math.sqrt((B / ((B - 1) * N * N)) * s);
      design = "Matched-pair clustered";
    }
    df = B - 1;
  } else {
    let s = 0;
    for (const b of est) s += b.se * b.se * (b.nobs / N) ** 2;
    se = Math.sqrt(s);
    if (!cc) {
      design = "Blocked";
      df = n - 2 * B;
    } else {
      design = "Block-clustered";
      df = nclusters - 2 * B;
    }
  }
  return { estimate: diff, se, df, design, nobs: N, nblocks: B, nclusters: cc ? nclusters : undefined, notes };
}
