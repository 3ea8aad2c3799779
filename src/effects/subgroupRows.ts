import { imputeMissingCovariates } from "../estimate/missing_covariates.js";
import { subgroupEffects } from "../estimate/subgroups.js";
import { subsetAnalysisData, type AnalysisData } from "./analysisData.js";
import type { EffectRow } from "../io/effectTable.js";
import { runEstimators, type EstimatorOptions, type NotEstimated } from "./estimators.js";
import { outcomeLabel } from "./analysisData.js";
import { t, type Lang } from "../i18n/index.js";
import { stored, storedIn } from "../i18n/storedText.js";

/**
 * The rows of one subgroup variable: every estimator within each level (persons whose level is missing are left
 * out), and the treatment x subgroup interaction test of `src/estimate/subgroups.ts` (pooled CR2 regression
 * y ~ z * group + blocks + covariates, clubSandwich's HTZ Wald test; over the levels where the difference in
 * means has an estimate) as `p_interaction` on the level rows of the ITT estimators. CACE rows carry none.
 *
 * Nothing is suppressed here (the report suppresses small cells), but a level with fewer than 2 households in an
 * arm gets empty numbers and a warning.
 */
export function subgroupRows(data: AnalysisData, name: string, levelOf: (personIndex: number) => string, options: Omit<EstimatorOptions, "subgroup" | "riPValue">): { rows: EffectRow[]; warnings: string[]; notEstimated: (NotEstimated & { level: string })[] } {
  const warnings: string[] = [];
  const notEstimated: (NotEstimated & { level: string })[] = [];
  const label = (lang: Lang) => t(lang, "est_label_subgroup", { label: outcomeLabel(lang, data.outcome, data.horizon), subgroup: name });
  const withLevel = subsetAnalysisData(data, (i) => levelOf(data.persons[i]) !== "");
  const levels = [...new Set(Array.from(withLevel.persons, levelOf))].sort();
  const rows: EffectRow[] = [];
  for (const level of levels) {
    const sub = subsetAnalysisData(withLevel, (i) => levelOf(withLevel.persons[i]) === level);
    const r = runEstimators(sub, { ...options, subgroup: { name, level }, minClustersPerArm: 2 });
    warnings.push(...r.warnings);
    notEstimated.push(...r.notEstimated.map((x) => ({ ...x, level })));
    rows.push(...r.rows);
  }
  if (levels.length >= 2) {
    const code = new Map(levels.map((l, i) => [l, i]));
    const result = subgroupEffects({
      y: withLevel.y,
      z: withLevel.z,
      blocks: withLevel.blocks,
      clusters: withLevel.clusters,
      group: Int32Array.from(withLevel.persons, (p) => code.get(levelOf(p))!),
      levels,
      covariates: imputeMissingCovariates(withLevel.covariates).columns,
      estimator: "difference_in_means",
      alpha: options.alpha,
    });
    if ("reason" in result.interaction) {
      const reason = result.interaction.reason;
      warnings.push(stored((lang) => t(lang, "est_no_interaction", { label: label(lang), reason: storedIn(lang, reason) })));
    }
    else {
      const p = result.interaction.p_value;
      for (const r of rows) if (r.estimand === "ITT") r.p_interaction = p;
    }
  }
  return { rows, warnings, notEstimated };
}
