import { blockCovariates, blocksWithBothArms, complierAverageCausalEffect, differenceInMeans, EstimationError, getTerm, imputeMissingCovariates, lmLin, type DesignColumn, type EstimateResult } from "../estimate/index.js";
import { outcomeLabel, subsetAnalysisData, type AnalysisData } from "./analysisData.js";
import { t, type Lang } from "../i18n/index.js";
import { stored, storedIn } from "../i18n/storedText.js";
import type { EffectRow, Estimator, Role } from "../io/effectTable.js";

/**
 * Runs the design's estimators on one analysis dataset (one outcome x horizon, whole sample or one subgroup level):
 *
 * - `difference_in_means` (ITT): blocked by wave x stratum, each block weighted by its size, CR2 clustered by
 *   household (estimatr::difference_in_means(blocks =, clusters =));
 * - `lm_lin` (ITT): Lin (2013) regression on the block dummies and the covariates, centred and interacted,
 *   CR2 by household with Bell-McCaffrey df (estimatr::lm_lin(se_type = "CR2"));
 * - `cace_ratio` (CACE, with take-up): the blocked ITT on the outcome over the blocked ITT on take-up (the first
 *   stage, shown in the row), both size-weighted as the ITT rows, delta-method CR2 standard error
 *   (`src/estimate/cace.ts`). It estimates the complier effect averaged with the ITT's block weights; 2SLS with
 *   block fixed effects (estimatr::iv_robust(y ~ took_up + blocks | z + blocks)) would weight block b by
 *   N_b p_b (1 - p_b) times its first stage instead.
 *
 * Which average each row estimates: `difference_in_means` and `cace_ratio` weight each wave x stratum block by its
 * number of analysed persons. `lm_lin` interacts assignment with the centred block dummies, so its coefficient is
 * also the size-weighted average of the within-block effects (Lin 2013), adjusted for the covariates.
 *
 * When every household has one analysed person, clustering adds nothing: `lm_lin` uses HC2 with df N - k
 * (estimatr without `clusters`), whose standard errors equal CR2's on singleton clusters.
 *
 * The same persons in every row: a wave x stratum block without both arms among these persons is left out of
 * every estimator, with a warning naming the blocks and counting their households and persons
 * (`blocksWithBothArms`); a block with a single treated or control household stays, and the difference in means
 * then takes the matched-pairs variance. Missing baseline covariates are mean-imputed over these persons with a
 * missingness indicator (`imputeMissingCovariates`, Lin's rule), so nobody is dropped for a covariate.
 *
 * A quantity that cannot be estimated (constant outcome, a block without treated or control units, too few
 * clusters: an `EstimationError`) leaves the row's numbers empty and adds a warning saying why; never NaN. Any
 * other error is a bug and propagates.
 */
export interface EstimatorOptions {
  alpha: number;
  role: Role;
  allocation: string;
  subgroup?: { name: string; level: string };
  /** the randomisation-inference p-value of the difference in means, if asked for */
  riPValue?: (data: AnalysisData) => number | undefined;
  /** fewer clusters than this in an arm: the row is left empty (subgroups) */
  minClustersPerArm?: number;
}

export interface EstimatorOutput {
  rows: EffectRow[];
  /** every warning, in full (the meta keeps these) */
  warnings: string[];
  /** the rows left empty, with the estimator's reason (also among `warnings`) */
  notEstimated: NotEstimated[];
  /** the persons the rows analysed (without blocks that lack an arm) */
  data: AnalysisData;
  /** the covariate columns the lm_lin row used (block dummies first), for its randomisation inference */
  linCovariates: DesignColumn[];
}

/** A row left empty: which estimator, and why (the estimator's own message). */
export interface NotEstimated {
  estimator: Estimator;
  reason: string;
  /** the full warning line, as in `warnings` */
  warning: string;
}

export function runEstimators(given: AnalysisData, options: EstimatorOptions): EstimatorOutput {
  const warnings: string[] = [];
  const notEstimated: NotEstimated[] = [];
  // warnings: in English (the meta's), each also in the run's language for the terminal (storedText.ts)
  const label = (lang: Lang) => {
    const at = outcomeLabel(lang, given.outcome, given.horizon);
    return options.subgroup ? t(lang, "est_label_subgroup_level", { label: at, subgroup: options.subgroup.name, level: options.subgroup.level }) : at;
  };
  const armWord = (lang: Lang, arm: "treatment" | "control") => t(lang, arm === "treatment" ? "est_arm_treatment" : "est_arm_control");
  const arms = blocksWithBothArms(given.z, given.blocks, given.clusters);
  let data = given;
  if (arms.dropped.length > 0) {
    const where = (lang: Lang) => arms.dropped.map((b) => {
      const i = given.blocks.indexOf(b.block);
      const h = given.clusterHouseholds[given.clusters[i]];
      return t(lang, "est_block_where", { wave: h.wave, stratum: h.stratum, n: b.households, arm: armWord(lang, b.arm), persons: b.persons });
    }).join("; ");
    const dropped = arms.dropped.length;
    warnings.push(stored((lang) => t(lang, dropped === 1 ? "est_blocks_dropped_one" : "est_blocks_dropped_many", { label: label(lang), n: dropped, where: where(lang) })));
    data = subsetAnalysisData(given, (i) => arms.keep[i] === 1);
  }
  const n = data.y.length;
  let nT = 0;
  let sumC = 0;
  const clustersT = new Set<number>();
  const clustersC = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (data.z[i] === 1) {
      nT++;
      clustersT.add(data.clusters[i]);
    } else {
      sumC += data.y[i];
      clustersC.add(data.clusters[i]);
    }
  }
  const nC = n - nT;
  const base = {
    outcome: data.outcome,
    horizon: data.horizon,
    subgroup: options.subgroup?.name ?? "",
    subgroup_level: options.subgroup?.level ?? "",
    n_treatment: nT,
    n_control: nC,
    n_clusters: clustersT.size + clustersC.size,
    control_mean: nC > 0 ? sumC / nC : undefined,
    role: options.role,
    allocation: options.allocation,
  };
  // every cluster one person: HC2 (df N - k) instead of CR2 (Bell-McCaffrey df), as estimatr does
  const singletons = clustersT.size + clustersC.size === n;
  const regressionSe = singletons ? { seType: "HC2" as const } : { clusters: data.clusters, seType: "CR2" as const };
  const minClusters = options.minClustersPerArm ?? 1;
  const tooFew = clustersT.size < minClusters || clustersC.size < minClusters
    ? stored((lang) => t(lang, "est_too_few_households", { treatment: clustersT.size, control: clustersC.size, min: minClusters }))
    : undefined;

  const row = (estimator: Estimator, estimand: "ITT" | "CACE", fit: () => EstimateResult, pRi?: () => number | undefined): EffectRow => {
    try {
      if (tooFew) throw new EstimationError("too_few_clusters", tooFew);
      const e = fit();
      const p_ri = pRi ? pRi() : undefined;
      return { ...base, estimator, estimand, estimate: e.estimate, std_error: e.std_error, df: e.df, ci_low: e.ci_low, ci_high: e.ci_high, p_value: e.p_value, p_ri };
    } catch (err) {
      // only an expected estimation error leaves the row empty; anything else is a bug and fails loudly
      if (!(err instanceof EstimationError)) throw err;
      const reason = err.message;
      const warning = stored((lang) => t(lang, "est_not_estimated", { label: label(lang), estimator, reason: storedIn(lang, reason) }));
      warnings.push(warning);
      notEstimated.push({ estimator, reason: err.message, warning });
      return { ...base, estimator, estimand };
    }
  };

  const rows: EffectRow[] = [];
  rows.push(row("difference_in_means", "ITT",
    () => differenceInMeans(data.y, data.z, { blocks: data.blocks, clusters: data.clusters, alpha: options.alpha }),
    options.riPValue ? () => options.riPValue!(data) : undefined));
  const blockDummies = blockCovariates(data.blocks);
  // a covariate without variation among these persons (e.g. within a subgroup) carries no information and would
  // make the design rank deficient; R's lm drops such an aliased column, so do we, and say so
  const covariates = imputeMissingCovariates(data.covariates).columns.filter((c) => {
    let varies = false;
    for (let i = 1; i < c.values.length && !varies; i++) varies = c.values[i] !== c.values[0];
    if (!varies && n > 0) warnings.push(stored((lang) => t(lang, "est_constant_covariate", { label: label(lang), name: c.name })));
    return varies;
  });
  const covColumns: DesignColumn[] = [...blockDummies, ...covariates];
  rows.push(row("lm_lin", "ITT", () => {
    if (covColumns.length === 0) throw new EstimationError("bad_input", stored((lang) => t(lang, "est_nothing_to_adjust")));
    // only z's Bell-McCaffrey df is reported: computing it alone saves O(J k^3) work on large designs
    const r = lmLin(data.y, data.z, covColumns, { ...regressionSe, alpha: options.alpha, dfFor: ["z"] });
    return getTerm(r, "z");
  }));
  if (data.takeup) {
    const takeup = data.takeup;
    let firstStage: number | undefined;
    const cace = row("cace_ratio", "CACE", () => {
      const r = complierAverageCausalEffect(data.y, takeup, data.z, { blocks: data.blocks, clusters: data.clusters, alpha: options.alpha });
      firstStage = r.first_stage.estimate;
      return r;
    });
    if (firstStage === undefined && !tooFew) {
      // the ratio failed (e.g. no first stage): still show the first stage when it exists
      try {
        firstStage = differenceInMeans(takeup, data.z, { blocks: data.blocks, clusters: data.clusters }).estimate;
      } catch (err) {
        if (!(err instanceof EstimationError)) throw err;
        firstStage = undefined;
      }
    }
    rows.push({ ...cace, first_stage: firstStage });
  }
  return { rows, warnings, notEstimated, data, linCovariates: covColumns };
}

/** Take-up per arm over all assigned households (a household missing from the take-up file counts as not taking up). */
export function takeupByArm(households: readonly { householdId: string; arm: "treatment" | "control" }[], takeup: ReadonlyMap<string, number>): { arm: "treatment" | "control"; households: number; took_up: number }[] {
  const out = { treatment: { households: 0, took_up: 0 }, control: { households: 0, took_up: 0 } };
  for (const h of households) {
    out[h.arm].households++;
    out[h.arm].took_up += takeup.get(h.householdId) ?? 0;
  }
  return (["treatment", "control"] as const).map((arm) => ({ arm, ...out[arm] }));
}
