import { lotteryRedraws, type LotteryRedraws } from "../draw/redraw.js";
import { riPValues, type RiDataset } from "../estimate/ri_lottery.js";
import { adjustPValues, type FamilyReport, type FamilySpec } from "./adjust.js";
import { buildAnalysisData, type AnalysisData, type ArmAttrition, type AttritionBounds, type OutcomeExposure, type OutcomeValues } from "./analysisData.js";
import type { PersonFrame } from "../io/persons.js";
import { allocationLabel, type Assignment } from "../draw/assignment.js";
import { sortRows, type EffectRow, type Estimator, type Role } from "../io/effectTable.js";
import { runEstimators } from "./estimators.js";
import { fillRiRows, type RiItem } from "./riRows.js";
import { subgroupRows } from "./subgroupRows.js";
import { summariseSubgroupNotEstimated, type SubgroupNotEstimated } from "./subgroupWarnings.js";

/** What `estimateEffects` takes: the analysis values, the persons and the assignment, and the plan's settings. */
export interface EffectsInput {
  values: readonly OutcomeValues[];
  persons: PersonFrame;
  assignment: Assignment;
  covariates: (outcome: string) => readonly string[];
  /** subgroup name and persons.csv column (after `readPersons`' derived columns) per outcome */
  subgroups: (outcome: string) => readonly { name: string; column: string }[];
  role: (outcome: string) => Role;
  outcomeOrder: readonly string[];
  subgroupOrder: readonly string[];
  alpha: number;
  permutations: number;
  seed: string;
  /** the RI statistic of the lm_lin and CACE rows (and Westfall-Young, intervals): the estimate (default) or studentised */
  riStatistic?: "estimate" | "studentised";
  adjustEstimator: Estimator;
  multiplicity: "holm" | "bh" | "both";
  /** plan mode: the Holm/BH families the plan fixes, and the outcome x horizons pending; quick mode: undefined */
  families?: readonly FamilySpec[];
  pending?: readonly { outcome: string; horizon: number }[];
  takeup?: ReadonlyMap<string, number>;
  takeupFile?: string;
  /** terminal lines: each warning as it arises; subgroup rows not estimated summarised per level at the end */
  onWarning?: (warning: string) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface EffectsOutput {
  rows: EffectRow[];
  attrition: ({ outcome: string; horizon: number | null } & ArmAttrition)[];
  /** Lee bounds per outcome x horizon whose attrition differs between arms */
  attritionBounds: ({ outcome: string; horizon: number | null } & AttritionBounds)[];
  /** the observed share of the window per outcome x horizon whose plan outcome gives periods_per_year */
  exposure: ({ outcome: string; horizon: number | null } & OutcomeExposure)[];
  /** plan mode: each family's members and their status */
  families: FamilyReport[];
  warnings: string[];
}

/**
 * The whole estimation, from one value per counted person (per outcome x horizon) to the sorted effect table:
 * analysis data per outcome x horizon -> the estimators on the whole sample and per subgroup level ->
 * randomisation inference for the whole-sample difference in means (one set of lottery re-draws shared by all
 * outcomes, `ri_lottery.ts`) -> Holm/BH within role families -> deterministic row order. Pure: warnings are
 * returned in full, and passed to `onWarning` (the terminal) as they arise, except subgroup rows left empty:
 * those reach `onWarning` at the end as one line per subgroup level (`subgroupWarnings.ts`). Progress goes to
 * `onProgress`.
 */
export function estimateEffects(input: EffectsInput): EffectsOutput {
  const warnings: string[] = [];
  const note = (w: string) => {
    warnings.push(w);
    input.onWarning?.(w);
  };
  const allocation = allocationLabel(input.assignment.source, input.assignment.verified);
  const subgroupNotEstimated: SubgroupNotEstimated[] = [];
  const attrition: EffectsOutput["attrition"] = [];
  const attritionBounds: EffectsOutput["attritionBounds"] = [];
  const exposure: EffectsOutput["exposure"] = [];
  const rows: EffectRow[] = [];
  const riData: { data: AnalysisData; row: EffectRow }[] = [];
  const riItems: RiItem[] = [];
  for (const v of input.values) {
    const data = buildAnalysisData(v, input.persons, input.assignment, { covariates: input.covariates(v.outcome), takeup: input.takeup, takeupFile: input.takeupFile });
    data.warnings.forEach(note);
    for (const a of data.attrition) attrition.push({ outcome: v.outcome, horizon: v.horizon ?? null, ...a });
    if (data.exposure) exposure.push({ outcome: v.outcome, horizon: v.horizon ?? null, ...data.exposure });
    if (data.leeBounds) attritionBounds.push({ outcome: v.outcome, horizon: v.horizon ?? null, ...data.leeBounds });
    const base = { alpha: input.alpha, role: input.role(v.outcome), allocation };
    const whole = runEstimators(data, base);
    whole.warnings.forEach(note);
    rows.push(...whole.rows);
    const dim = whole.rows.find((r) => r.estimator === "difference_in_means");
    if (dim && dim.estimate !== undefined) riData.push({ data: whole.data, row: dim });
    riItems.push({ data: whole.data, rows: whole.rows, linCovariates: whole.linCovariates });
    for (const sg of input.subgroups(v.outcome)) {
      const column = input.persons.subgroups.get(sg.column);
      if (!column) throw new Error(`subgroup column ${sg.column} was not read from ${input.persons.file}`);
      const r = subgroupRows(data, sg.name, (p) => column[p], base);
      const summarised = new Set(r.notEstimated.map((x) => x.warning));
      for (const w of r.warnings) {
        if (summarised.has(w)) warnings.push(w);
        else note(w);
      }
      for (const x of r.notEstimated) subgroupNotEstimated.push({ ...x, outcome: v.outcome, horizon: v.horizon, subgroup: sg.name });
      rows.push(...r.rows);
    }
  }
  for (const line of summariseSubgroupNotEstimated(subgroupNotEstimated)) input.onWarning?.(line);
  if (input.permutations > 0 && riData.length > 0) {
    // two passes over the same re-draws (same seeds): the difference in means (ri_lottery), then the re-fits
    // (riRows); the progress bar counts each pass as half the re-draws
    const S = input.permutations;
    const half = (offset: number) => (done: number) => input.onProgress?.(Math.floor((offset + done) / 2), S);
    const redraws = fillRandomisationInference(riData, input.assignment, input.seed, S, half(0));
    for (const w of fillRiRows(riItems, { redraws, permutations: S, statistic: input.riStatistic ?? "estimate", alpha: input.alpha, adjustEstimator: input.adjustEstimator, families: input.families, onProgress: half(S) })) note(w);
  }
  const families = adjustPValues(rows, input.adjustEstimator, input.families, input.pending);
  if (input.multiplicity === "holm") for (const r of rows) r.p_bh = undefined;
  if (input.multiplicity === "bh") for (const r of rows) r.p_holm = undefined;
  return { rows: sortRows(rows, input.outcomeOrder, input.subgroupOrder), attrition, attritionBounds, exposure, families, warnings };
}

/**
 * p_ri of the whole-sample difference-in-means rows. The assignment's households are handed to ri_lottery: it
 * re-draws each wave x stratum by complete randomisation of the observed number treated with the lottery's own
 * generator, which is effekt's draw for a register and the documented re-draw for an external allocation file.
 */
function fillRandomisationInference(items: { data: AnalysisData; row: EffectRow }[], assignment: Assignment, seed: string, permutations: number, onProgress?: (done: number, total: number) => void): LotteryRedraws {
  const register = assignment.households;
  const redraws = lotteryRedraws(register, seed);
  const datasets: RiDataset[] = items.map(({ data }) => ({
    y: data.y,
    household: Int32Array.from(data.clusters, (c) => redraws.indexOf.get(data.clusterHouseholds[c].householdId)!),
    blocks: data.blocks,
    clusters: data.clusters,
  }));
  const result = riPValues({ register, seed, permutations, datasets, redraws, onProgress });
  items.forEach(({ row }, j) => (row.p_ri = result.p_value[j]));
  return redraws;
}
