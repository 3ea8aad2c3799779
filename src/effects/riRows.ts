import {
  absoluteDraws,
  blockCovariates,
  observedStatistic,
  recordLinRedraws,
  riConfidenceInterval,
  riGrid,
  riPValueAt,
  westfallYoungMinP,
  type DesignColumn,
  type LeanLinInput,
  type LotteryRedraws,
  type RiLinearRecord,
} from "../estimate/index.js";
import type { AnalysisData } from "./analysisData.js";
import type { FamilySpec } from "./adjust.js";
import type { EffectRow, Estimator, Role } from "../io/effectTable.js";
import { t as message } from "../i18n/index.js";
import { stored } from "../i18n/storedText.js";
import { outcomeLabel } from "./analysisData.js";

/**
 * Randomisation inference on the rows that are reported, from the lottery's re-draws (the same seeds, so the same
 * re-draws, as the difference-in-means p_ri of `ri_lottery.ts`):
 *
 * - `p_ri` of the `lm_lin` rows: Lin's regression re-fitted on every re-draw with the covariates the row used
 *   (`ri_lin.ts`); of the CACE rows: the Imbens-Rosenbaum test of no complier effect, whose statistic is the
 *   blocked, size-weighted ITT of the outcome (the CACE's numerator), so at no effect its p equals the ITT's;
 * - with `statistic: "studentised"` (the plan's `randomisation_inference.statistic`) every row's statistic is
 *   divided by its CR0 standard error (the difference in means then by that of the regression on the block
 *   dummies alone, which gives the same estimate), valid also for the weak null of no average effect;
 * - `p_ri_wy`: the RI p-values of the whole-sample rows of the adjusted estimator, adjusted by Westfall-Young
 *   step-down min-p on the shared re-draws (`westfall_young.ts`) within the same families as Holm/BH: in plan mode
 *   the plan's, fixed per evaluation point (`testFamilies`), a member without a row or an estimate counted as
 *   pending (`WY_PENDING_RULE`), rows in no family left empty; in quick mode one family per role;
 * - `ri_ci_low`, `ri_ci_high`: for the primary rows (whole sample, the adjusted estimator and the CACE), the
 *   1 - alpha interval of constant effects not rejected (`ri_inversion.ts`) on a grid of 81 values over the
 *   estimate +- 4 standard errors, widened (x4, twice) when the interval reaches its edge; still open, the
 *   cells stay empty and a warning says so (a CACE with a weak first stage can have an unbounded interval).
 */
export interface RiItem {
  /** the whole-sample data the rows were estimated on */
  data: AnalysisData;
  /** its whole-sample rows */
  rows: EffectRow[];
  /** the covariate columns the lm_lin row used (block dummies first) */
  linCovariates?: readonly DesignColumn[];
}

export interface RiRowsOptions {
  redraws: LotteryRedraws;
  permutations: number;
  statistic: "estimate" | "studentised";
  alpha: number;
  adjustEstimator: Estimator;
  /** plan mode: the plan's families (as Holm/BH); quick mode: undefined (one family per role) */
  families?: readonly FamilySpec[];
  onProgress?: (done: number, total: number) => void;
}

/** Grid points of an RI interval, its half width in standard errors, and how often it is widened. */
const GRID_POINTS = 81;
const GRID_HALF_WIDTH_SE = 4;
const GRID_WIDENINGS = 2;

export function fillRiRows(items: readonly RiItem[], options: RiRowsOptions): string[] {
  const warnings: string[] = [];
  const { redraws, statistic } = options;
  const studentised = statistic === "studentised";
  const datasets: LeanLinInput[] = [];
  const targets: { row: EffectRow; dataset: number }[] = [];
  for (const item of items) {
    const { data } = item;
    const household = Int32Array.from(data.clusters, (c) => redraws.indexOf.get(data.clusterHouseholds[c].householdId)!);
    const blocks = blockCovariates(data.blocks);
    const add = (row: EffectRow, d: ArrayLike<number>, covariates: readonly DesignColumn[]) => {
      targets.push({ row, dataset: datasets.length });
      datasets.push({ outcomes: [data.y, d], household, covariates, nHouseholds: redraws.households.length });
    };
    for (const row of item.rows) {
      if (row.estimate === undefined) continue;
      if (row.estimator === "lm_lin" && item.linCovariates) add(row, data.z, item.linCovariates);
      else if (row.estimand === "CACE" && data.takeup) add(row, data.takeup, blocks);
      // the difference in means: its p_ri stays that of ri_lottery unless studentised; its record serves the
      // Westfall-Young family and the interval when it is the adjusted estimator (quick mode)
      else if (row.estimator === "difference_in_means" && (studentised || options.adjustEstimator === "difference_in_means")) add(row, data.z, blocks);
    }
  }
  if (datasets.length === 0) return warnings;
  const records = recordLinRedraws({ source: { nHouseholds: redraws.households.length, observed: redraws.observed, draw: redraws.draw }, permutations: options.permutations, datasets, studentised, onProgress: options.onProgress });
  const recordOf = new Map<EffectRow, RiLinearRecord>();
  for (const t of targets) {
    recordOf.set(t.row, records[t.dataset]);
    if (t.row.estimator !== "difference_in_means" || studentised) t.row.p_ri = riPValueAt(records[t.dataset], 0).p_value;
  }
  // Westfall-Young within each Holm family
  const adjusted = targets.map((t) => t.row).filter((r) => r.subgroup === "" && r.estimator === options.adjustEstimator);
  const families: { rows: EffectRow[]; pending: number }[] = [];
  if (options.families) {
    for (const f of options.families) {
      const rows = f.members.map((m) => adjusted.find((r) => r.outcome === m.outcome && r.horizon === m.horizon));
      const present = rows.filter((r): r is EffectRow => r !== undefined);
      families.push({ rows: present, pending: rows.length - present.length });
    }
  } else {
    const byRole = new Map<Role, EffectRow[]>();
    for (const r of adjusted) {
      let f = byRole.get(r.role);
      if (!f) byRole.set(r.role, (f = []));
      f.push(r);
    }
    for (const rows of byRole.values()) families.push({ rows, pending: 0 });
  }
  for (const family of families) {
    if (family.rows.length === 0) continue;
    const rec = family.rows.map((r) => recordOf.get(r)!);
    const wy = westfallYoungMinP(rec.map((r) => observedStatistic(r, 0)), rec.map((r) => absoluteDraws(r, 0)), family.pending);
    family.rows.forEach((r, i) => (r.p_ri_wy = wy.p_adjusted[i]));
  }
  // intervals for the primary rows
  for (const t of targets) {
    const r = t.row;
    const primary = r.role === "primary" && r.subgroup === "" && (r.estimator === options.adjustEstimator || r.estimand === "CACE");
    if (!primary || r.std_error === undefined || !(r.std_error > 0)) continue;
    const rec = recordOf.get(r)!;
    let half = GRID_HALF_WIDTH_SE * r.std_error;
    let ci = riConfidenceInterval(rec, riGrid(r.estimate!, half, GRID_POINTS), options.alpha);
    for (let k = 0; k < GRID_WIDENINGS && (ci.open_low || ci.open_high); k++) {
      half *= 4;
      ci = riConfidenceInterval(rec, riGrid(r.estimate!, half, GRID_POINTS), options.alpha);
    }
    if (ci.low === undefined || ci.open_low || ci.open_high) {
      const k = (half / r.std_error).toFixed(0);
      warnings.push(stored((lang) => message(lang, "est_ri_unbounded", { label: outcomeLabel(lang, r.outcome, r.horizon), estimator: r.estimator, k })));
      continue;
    }
    r.ri_ci_low = ci.low;
    r.ri_ci_high = ci.high;
  }
  return warnings;
}
