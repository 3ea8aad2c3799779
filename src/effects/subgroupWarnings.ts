import type { NotEstimated } from "./estimators.js";
import { tm } from "../i18n/messageLang.js";
import { shown } from "../i18n/storedText.js";

/**
 * Subgroup rows left empty, summarised for the terminal: one line per subgroup level instead of one per
 * outcome x horizon x estimator. Small subgroup levels often leave a wave x stratum block of the draw with no (or
 * one) treated or control household, and then every estimator fails for every outcome in the same way; twenty
 * such lines hide the warnings that matter. The full lines (with each estimator's own message) stay in the meta's
 * `warnings`; only the terminal gets the summary.
 *
 *   subgroup benefit-type = a-dagpenge: 6 rows not estimated (employment year 1: difference_in_means, lm_lin;
 *   wellbeing year 1: difference_in_means, lm_lin; ...): a wave x stratum block of the draw has too few treated or
 *   control households in this subgroup; the rows are left empty (each reason in the meta's warnings)
 */
export interface SubgroupNotEstimated extends NotEstimated {
  outcome: string;
  horizon: number | undefined;
  subgroup: string;
  level: string;
}

/** Reasons that all come from a block of the subgroup level lacking treated or control units. */
const BLOCK_REASON = /every block must|must have units with both treatment conditions|all blocks must have multiple units|collinear with earlier columns|column z:block|treatment and \d+ control households; at least/;

/** The estimator's message in words that hold for the whole level (block numbers are internal indices). */
function generalReason(reason: string): string {
  return BLOCK_REASON.test(reason) ? tm("est_subgroup_block_reason") : shown(reason);
}

/** One terminal line per subgroup x level with rows not estimated, in the order first seen. */
export function summariseSubgroupNotEstimated(items: readonly SubgroupNotEstimated[]): string[] {
  const byLevel = new Map<string, SubgroupNotEstimated[]>();
  for (const it of items) {
    const key = JSON.stringify([it.subgroup, it.level]);
    const list = byLevel.get(key);
    if (list) list.push(it);
    else byLevel.set(key, [it]);
  }
  const lines: string[] = [];
  for (const list of byLevel.values()) {
    const where = new Map<string, string[]>();
    for (const it of list) {
      const at = it.horizon !== undefined ? tm("est_label_year", { outcome: it.outcome, horizon: it.horizon }) : it.outcome;
      const estimators = where.get(at);
      if (estimators) estimators.push(it.estimator);
      else where.set(at, [it.estimator]);
    }
    const reasons = [...new Set(list.map((it) => generalReason(it.reason)))];
    const places = [...where].map(([at, estimators]) => `${at}: ${estimators.join(", ")}`).join("; ");
    const n = list.length;
    lines.push(tm(n === 1 ? "est_subgroup_not_estimated_one" : "est_subgroup_not_estimated_many", { subgroup: list[0].subgroup, level: list[0].level, n, places, reasons: reasons.join("; ") }));
  }
  return lines;
}
