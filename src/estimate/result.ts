import { EstimationError } from "./errors.js";
import { qt, twoSidedP } from "./distributions.js";
import { t } from "../i18n/catalogue.js";
import { stored } from "../i18n/storedText.js";

/** One estimated quantity with t-based inference, as a row of estimatr's tidy() output. */
export interface EstimateResult {
  term: string;
  estimate: number;
  std_error: number;
  df: number;
  /** estimate / std_error */
  statistic: number;
  /** two-sided: 2 P(T_df > |statistic|) */
  p_value: number;
  ci_low: number;
  ci_high: number;
  alpha: number;
  /** set when this term's inference failed (its other fields are then NaN); getTerm throws it */
  problem?: EstimationError;
}

/**
 * t inference as estimatr's add_cis_pvals: statistic = b / se, p = 2 pt(|t|, df, lower = FALSE),
 * CI = b -/+ qt(1 - alpha/2, df) se.
 */
export function tInference(term: string, estimate: number, stdError: number, df: number, alpha = 0.05): EstimateResult {
  if (!(alpha > 0 && alpha < 1)) throw new EstimationError("bad_input", `alpha must be in (0, 1), got ${alpha}`);
  if (!Number.isFinite(estimate)) throw new EstimationError("bad_input", `${term}: the estimate is not finite`);
  if (!(stdError > 0) || !Number.isFinite(stdError)) {
    throw new EstimationError("constant_outcome", stored((lang) => t(lang, "est_ee_se", { term, se: stdError })));
  }
  if (stdError <= 1e-14 * Math.abs(estimate)) {
    // rounding noise, not a standard error: the model leaves no variation to estimate it from (e.g. saturated)
    throw new EstimationError("constant_outcome", stored((lang) => t(lang, "est_ee_se_zero", { term, se: stdError })));
  }
  if (!(df > 0) || !Number.isFinite(df)) throw new EstimationError("too_few_units", stored((lang) => t(lang, "est_ee_df", { term, df })));
  const statistic = estimate / stdError;
  const crit = qt(1 - alpha / 2, df);
  return {
    term,
    estimate,
    std_error: stdError,
    df,
    statistic,
    p_value: twoSidedP(statistic, df),
    ci_low: estimate - crit * stdError,
    ci_high: estimate + crit * stdError,
    alpha,
  };
}
