import { buildDesign, dummyColumns, type DesignColumn } from "./design.js";
import { differenceInMeans } from "./difference_in_means.js";
import { EstimationError } from "./errors.js";
import { blockCovariates, lmLin } from "./lm_lin.js";
import { getTerm } from "./lm_robust.js";
import { clusterWaldTest } from "./cluster_wald.js";
import { t } from "../i18n/catalogue.js";
import { stored } from "../i18n/storedText.js";

/**
 * Effects within the levels of a subgroup variable (area, target group, ...) and a test of the treatment x
 * subgroup interaction.
 *
 * - Per level: the whole-sample estimator on that level's persons: the blocked, clustered difference in means
 *   (estimatr difference_in_means(y ~ z, blocks, clusters)) or Lin's regression with the level's block dummies and
 *   the covariates, CR2 by household (estimatr lm_lin(y ~ z, covariates = ~ factor(block) + x, clusters,
 *   se_type = "CR2")). A level with no treated or no control person, or where the estimator has no estimate
 *   (e.g. a block of the level with one arm only), gets a reason instead of numbers.
 * - Interaction: one pooled regression on the persons of the levels that have an estimate,
 *     y ~ z * group + factor(block) + (covariates - their means),
 *   CR2 by household, testing that all z:group coefficients are 0 with the HTZ Wald test (clubSandwich
 *   Wald_test(..., vcov = "CR2", test = "HTZ")); with two levels this is the t-test of the one z:group
 *   coefficient with Satterthwaite (Bell-McCaffrey) df, F = t^2 (clubSandwich coef_test(..., test =
 *   "Satterthwaite")). Block dummies aliased with the group dummies (a subgroup that is the stratum) are dropped,
 *   as R's lm does; that leaves the interaction coefficients unchanged.
 * Checked against R in test/oracle/subgroups.R.
 */
export type SubgroupEstimator = "difference_in_means" | "lm_lin";

export interface SubgroupInput {
  y: Float64Array;
  /** 0/1 assignment */
  z: ArrayLike<number>;
  blocks: ArrayLike<number>;
  clusters: ArrayLike<number>;
  /** per person: index into `levels` */
  group: ArrayLike<number>;
  levels: readonly string[];
  /** pre-treatment covariates (Lin per level, centred in the interaction regression) */
  covariates?: readonly DesignColumn[];
  estimator: SubgroupEstimator;
  alpha?: number;
}

export interface SubgroupCounts {
  level: string;
  n_treatment: number;
  n_control: number;
  n_clusters: number;
}

export type SubgroupLevelResult =
  | (SubgroupCounts & { estimate: number; std_error: number; df: number; ci_low: number; ci_high: number; p_value: number; control_mean: number })
  | (SubgroupCounts & { reason: string });

export type InteractionTestResult =
  | { test: "HTZ"; statistic: number; df1: number; df2: number; p_value: number; levels: string[]; terms: string[]; estimates: number[]; std_errors: number[] }
  | { reason: string };

export interface SubgroupResult {
  estimator: SubgroupEstimator;
  levels: SubgroupLevelResult[];
  interaction: InteractionTestResult;
}

function rowsOfLevel(group: ArrayLike<number>, level: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < group.length; i++) if (group[i] === level) out.push(i);
  return Int32Array.from(out);
}

function pick(v: ArrayLike<number>, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (i) => v[i]);
}

function message(err: unknown): string {
  if (err instanceof EstimationError) return err.message;
  throw err;
}

function levelEffect(input: SubgroupInput, level: number): SubgroupLevelResult {
  const rows = rowsOfLevel(input.group, level);
  const y = pick(input.y, rows);
  const z = pick(input.z, rows);
  const blocks = pick(input.blocks, rows);
  const clusters = pick(input.clusters, rows);
  let nT = 0;
  let control = 0;
  for (let i = 0; i < rows.length; i++) if (z[i] === 1) nT++;
  const nC = rows.length - nT;
  for (let i = 0; i < rows.length; i++) if (z[i] !== 1) control += y[i];
  const counts: SubgroupCounts = { level: input.levels[level], n_treatment: nT, n_control: nC, n_clusters: new Set(clusters).size };
  if (rows.length === 0) return { ...counts, reason: stored((lang) => t(lang, "est_ee_sg_no_person")) };
  if (nT === 0 || nC === 0) return { ...counts, reason: stored((lang) => t(lang, nT === 0 ? "est_ee_sg_no_treated" : "est_ee_sg_no_control")) };
  try {
    let r;
    if (input.estimator === "difference_in_means") r = differenceInMeans(y, z, { blocks, clusters, alpha: input.alpha });
    else {
      const covs = [...blockCovariates(blocks), ...(input.covariates ?? []).map((c) => ({ name: c.name, values: pick(c.values, rows) }))];
      if (covs.length === 0) return { ...counts, reason: stored((lang) => t(lang, "est_ee_sg_nothing_to_adjust")) };
      const fit = lmLin(y, z, covs, { clusters, seType: "CR2", alpha: input.alpha });
      r = getTerm(fit, "z");
    }
    return { ...counts, estimate: r.estimate, std_error: r.std_error, df: r.df, ci_low: r.ci_low, ci_high: r.ci_high, p_value: r.p_value, control_mean: control / nC };
  } catch (err) {
    return { ...counts, reason: message(err) };
  }
}

/**
 * Keeps the columns in order, dropping each that is (numerically) a linear combination of those kept before it,
 * as R's lm aliases later collinear columns: modified Gram-Schmidt with a relative tolerance of 1e-9.
 */
function dropAliased(columns: readonly DesignColumn[], keep: (c: DesignColumn) => boolean): DesignColumn[] {
  const basis: Float64Array[] = [];
  const out: DesignColumn[] = [];
  for (const c of columns) {
    const v = Float64Array.from(c.values);
    let norm0 = 0;
    for (const x of v) norm0 += x * x;
    for (const u of basis) {
      let d = 0;
      for (let i = 0; i < v.length; i++) d += u[i] * v[i];
      for (let i = 0; i < v.length; i++) v[i] -= d * u[i];
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    if (norm0 === 0 || norm <= 1e-18 * norm0) {
      if (keep(c)) throw new EstimationError("rank_deficient", stored((lang) => t(lang, "est_ee_sg_collinear", { name: c.name })));
      continue;
    }
    const s = Math.sqrt(norm);
    for (let i = 0; i < v.length; i++) v[i] /= s;
    basis.push(v);
    out.push(c);
  }
  return out;
}

/** The pooled interaction test over the given levels (see the file comment). */
export function interactionTest(input: Omit<SubgroupInput, "estimator">, levelIndices: readonly number[]): InteractionTestResult {
  if (levelIndices.length < 2) return { reason: stored((lang) => t(lang, levelIndices.length === 0 ? "est_ee_sg_none_estimated" : "est_ee_sg_one_estimated")) };
  const wanted = new Set(levelIndices);
  const rowList: number[] = [];
  for (let i = 0; i < input.group.length; i++) if (wanted.has(input.group[i])) rowList.push(i);
  const rows = Int32Array.from(rowList);
  const n = rows.length;
  const y = pick(input.y, rows);
  const z = pick(input.z, rows);
  const g = pick(input.group, rows);
  const ordered = [...levelIndices].sort((a, b) => a - b);
  const groupDummies: DesignColumn[] = ordered.slice(1).map((l) => ({ name: `group${input.levels[l]}`, values: Float64Array.from(g, (v) => (v === l ? 1 : 0)) }));
  const interactions: DesignColumn[] = groupDummies.map((d) => ({ name: `z:${d.name}`, values: Float64Array.from(d.values, (v, i) => v * z[i]) }));
  const covs: DesignColumn[] = (input.covariates ?? []).map((c) => {
    const v = pick(c.values, rows);
    let m = 0;
    for (const x of v) m += x;
    m /= n;
    return { name: `${c.name}_c`, values: v.map((x) => x - m) };
  });
  const interactionNames = new Set(interactions.map((c) => c.name));
  try {
    const columns = dropAliased(
      [{ name: "(Intercept)", values: new Float64Array(n).fill(1) }, { name: "z", values: z }, ...groupDummies, ...interactions, ...dummyColumns(pick(input.blocks, rows)), ...covs],
      (c) => interactionNames.has(c.name) || c.name === "z" || c.name === "(Intercept)",
    );
    const d = buildDesign(columns, false);
    const tested = d.names.flatMap((name, i) => (interactionNames.has(name) ? [i] : []));
    const r = clusterWaldTest({ X: d.X, n: d.n, k: d.k, y, clusters: pick(input.clusters, rows), coefficients: tested, names: d.names });
    return { test: "HTZ", statistic: r.statistic, df1: r.df1, df2: r.df2, p_value: r.p_value, levels: ordered.map((l) => input.levels[l]), terms: tested.map((i) => d.names[i]), estimates: r.estimates, std_errors: r.std_errors };
  } catch (err) {
    return { reason: message(err) };
  }
}

export function subgroupEffects(input: SubgroupInput): SubgroupResult {
  const n = input.y.length;
  for (const [name, v] of [["z", input.z], ["blocks", input.blocks], ["clusters", input.clusters], ["group", input.group]] as const) {
    if (v.length !== n) throw new EstimationError("bad_input", `${name} has ${v.length} values, the outcome ${n}`);
  }
  for (let i = 0; i < n; i++) {
    const l = input.group[i];
    if (!(Number.isInteger(l) && l >= 0 && l < input.levels.length)) throw new EstimationError("bad_input", `group code ${l} is not an index into the ${input.levels.length} levels`);
  }
  const levels = input.levels.map((_, l) => levelEffect(input, l));
  const estimated = levels.flatMap((r, l) => ("reason" in r ? [] : [l]));
  return { estimator: input.estimator, levels, interaction: interactionTest(input, estimated) };
}
