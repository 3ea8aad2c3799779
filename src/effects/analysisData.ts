import type { DesignColumn } from "../estimate/design.js";
import { EstimationError } from "../estimate/errors.js";
import { leeBounds } from "../estimate/lee_bounds.js";
import { blockKey, type Assignment, type AssignedHousehold } from "../draw/assignment.js";
import type { PersonFrame } from "../io/persons.js";
import { byCodeUnit } from "../io/effectTable.js";
import { t as message, type Lang } from "../i18n/index.js";
import { stored, storedIn } from "../i18n/storedText.js";

/** An outcome at a horizon as warnings name it ("employment year 3"), in `lang`. */
export function outcomeLabel(lang: Lang, outcome: string, horizon: number | undefined): string {
  return horizon === undefined ? outcome : message(lang, "est_label_year", { outcome, horizon });
}

/** One value per counted person for one outcome and horizon (NaN = the person counts but the value is missing). */
export interface OutcomeValues {
  outcome: string;
  horizon?: number;
  personIndex: ArrayLike<number>;
  value: ArrayLike<number>;
  /** plan mode, an outcome with `periods_per_year`: each person's observed share of the window (`planValues.ts`) */
  exposure?: { observedShare: ArrayLike<number>; periodsPerYear: number; minObservedShare?: number };
}

/** Per arm: the mean observed share of the window over the persons counted, and how many fell below the plan's minimum. */
export interface ArmExposure {
  arm: "treatment" | "control";
  persons_counted: number;
  /** mean over the persons counted of their observed share (0 for a person with no value in the window) */
  mean_observed_share: number;
  /** persons with a value whose observed share is below `min_observed_share`: counted as missing */
  persons_below_minimum: number;
}

export interface OutcomeExposure {
  periods_per_year: number;
  min_observed_share: number | null;
  arms: ArmExposure[];
}

export interface ArmAttrition {
  arm: "treatment" | "control";
  persons_counted: number;
  persons_with_value: number;
}

/** Lee (2009) bounds on the ITT when the outcome is missing at different rates in the two arms (`lee_bounds.ts`). */
export interface AttritionBounds {
  lower: number;
  upper: number;
  /** per wave x stratum block: the arm trimmed and the share trimmed from it */
  blocks: { wave: number; stratum: string; trimmed: "treatment" | "control" | ""; trimming_share: number }[];
}

/** The arrays the estimators take, for one outcome x horizon, in a canonical order (household id, person id). */
export interface AnalysisData {
  outcome: string;
  horizon?: number;
  y: Float64Array;
  /** 1 = assigned to treatment */
  z: Float64Array;
  /** wave x stratum, numbered in sorted order */
  blocks: Int32Array;
  /** household, numbered in sorted order */
  clusters: Int32Array;
  /** cluster number -> its household */
  clusterHouseholds: readonly AssignedHousehold[];
  /** person index (row of the person frame) of each analysed person */
  persons: Int32Array;
  covariates: DesignColumn[];
  /** took up the offer (0/1), when a take-up file is given */
  takeup?: Float64Array;
  attrition: ArmAttrition[];
  /** the observed share of the window per arm, when the plan gives the outcome's periods_per_year */
  exposure?: OutcomeExposure;
  /** when the share with a value differs between the arms; undefined otherwise or when an arm has no value in a block */
  leeBounds?: AttritionBounds;
  warnings: string[];
}

export interface BuildOptions {
  covariates: readonly string[];
  /** household -> took up (1) or not (0) */
  takeup?: ReadonlyMap<string, number>;
  takeupFile?: string;
}

/**
 * Joins outcome values to households and their assignment. A person is analysed when the household was drawn
 * and the value is not missing; a missing covariate is NaN here (the estimators impute it, Lin's rule). Persons of never-drawn households are left out
 * (a warning); persons with a missing value count in the attrition figures. The canonical sort makes every
 * sum run in the same order whatever the order of the input rows, so outputs are byte-identical.
 */
export function buildAnalysisData(values: OutcomeValues, persons: PersonFrame, assignment: Assignment, options: BuildOptions): AnalysisData {
  // warnings: in English (the meta's), each also in the run's language for the terminal (storedText.ts)
  const label = (lang: Lang) => outcomeLabel(lang, values.outcome, values.horizon);
  const warnings: string[] = [];
  const counted = { treatment: 0, control: 0 };
  const withValue = { treatment: 0, control: 0 };
  const undrawn = new Set<string>();
  let missingCovariate = 0;
  const covs = options.covariates.map((c) => {
    const col = persons.covariates.get(c);
    if (!col) throw new Error(`covariate ${c} was not read from ${persons.file}`);
    return col;
  });
  const kept: { p: number; v: number; h: AssignedHousehold }[] = [];
  // every counted person, with or without a value (for the bounds on attrition)
  const countedAll: { v: number; h: AssignedHousehold }[] = [];
  const ex = values.exposure;
  const shareSum = { treatment: 0, control: 0 };
  const below = { treatment: 0, control: 0 };
  for (let i = 0; i < values.personIndex.length; i++) {
    const p = values.personIndex[i];
    const h = assignment.byId.get(persons.householdIds[p]);
    if (!h) {
      undrawn.add(persons.householdIds[p]);
      continue;
    }
    counted[h.arm]++;
    let v = values.value[i];
    if (ex) {
      const share = ex.observedShare[i];
      shareSum[h.arm] += share;
      // the plan's minimum observed share: a person observed for less counts as missing (attrition), never imputed
      if (ex.minObservedShare !== undefined && Number.isFinite(v) && share < ex.minObservedShare) {
        below[h.arm]++;
        v = NaN;
      }
    }
    countedAll.push({ v, h });
    if (!Number.isFinite(v)) continue;
    withValue[h.arm]++;
    if (covs.some((c) => !Number.isFinite(c[p]))) missingCovariate++;
    kept.push({ p, v, h });
  }
  if (undrawn.size > 0) warnings.push(stored((lang) => message(lang, "est_undrawn", { label: label(lang), n: undrawn.size })));
  if (missingCovariate > 0) warnings.push(stored((lang) => message(lang, "est_missing_covariate", { label: label(lang), n: missingCovariate })));

  kept.sort((a, b) => byCodeUnit(a.h.householdId, b.h.householdId) || byCodeUnit(persons.personIds[a.p], persons.personIds[b.p]));
  const blockKeys = [...new Set(kept.map((k) => blockKey(k.h)))].sort((a, b) => {
    const [wa, sa] = a.split("\u0000");
    const [wb, sb] = b.split("\u0000");
    return Number(wa) - Number(wb) || byCodeUnit(sa, sb);
  });
  const blockCode = new Map(blockKeys.map((k, i) => [k, i]));
  const n = kept.length;
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  const blocks = new Int32Array(n);
  const clusters = new Int32Array(n);
  const personIdx = new Int32Array(n);
  const clusterHouseholds: AssignedHousehold[] = [];
  for (let i = 0; i < n; i++) {
    const k = kept[i];
    if (clusterHouseholds.length === 0 || clusterHouseholds[clusterHouseholds.length - 1] !== k.h) clusterHouseholds.push(k.h);
    y[i] = k.v;
    z[i] = k.h.arm === "treatment" ? 1 : 0;
    blocks[i] = blockCode.get(blockKey(k.h))!;
    clusters[i] = clusterHouseholds.length - 1;
    personIdx[i] = k.p;
  }
  const covariates: DesignColumn[] = options.covariates.map((name, j) => ({ name, values: Float64Array.from(personIdx, (p) => covs[j][p]) }));
  let takeup: Float64Array | undefined;
  if (options.takeup) {
    const t = options.takeup;
    const missing = clusterHouseholds.filter((h) => !t.has(h.householdId)).length;
    if (missing > 0) warnings.push(stored((lang) => message(lang, "est_takeup_missing", { label: label(lang), n: missing, file: options.takeupFile ?? message(lang, "est_takeup_file") })));
    takeup = Float64Array.from(clusters, (c) => t.get(clusterHouseholds[c].householdId) ?? 0);
  }
  const attrition: ArmAttrition[] = (["treatment", "control"] as const).map((arm) => ({ arm, persons_counted: counted[arm], persons_with_value: withValue[arm] }));
  const exposure: OutcomeExposure | undefined = ex
    ? {
        periods_per_year: ex.periodsPerYear,
        min_observed_share: ex.minObservedShare ?? null,
        arms: (["treatment", "control"] as const).map((arm) => ({ arm, persons_counted: counted[arm], mean_observed_share: counted[arm] > 0 ? shareSum[arm] / counted[arm] : 0, persons_below_minimum: below[arm] })),
      }
    : undefined;
  if (exposure && exposure.min_observed_share !== null && below.treatment + below.control > 0) {
    const share = exposure.min_observed_share;
    warnings.push(stored((lang) => message(lang, "est_below_min_share", { label: label(lang), treatment: below.treatment, control: below.control, share })));
  }
  const share = (a: ArmAttrition) => (a.persons_counted > 0 ? a.persons_with_value / a.persons_counted : NaN);
  const [st, sc] = [share(attrition[0]), share(attrition[1])];
  if (Number.isFinite(st) && Number.isFinite(sc) && Math.abs(st - sc) > 0.05) {
    warnings.push(stored((lang) => message(lang, "est_differential_attrition", { label: label(lang), treatment: (100 * st).toFixed(1), control: (100 * sc).toFixed(1) })));
  }
  let bounds: AttritionBounds | undefined;
  if (Number.isFinite(st) && Number.isFinite(sc) && st !== sc) {
    const keys = [...new Set(countedAll.map((c) => blockKey(c.h)))];
    const code = new Map(keys.map((k, i) => [k, i]));
    try {
      const lee = leeBounds(
        Float64Array.from(countedAll, (c) => c.v),
        Float64Array.from(countedAll, (c) => (c.h.arm === "treatment" ? 1 : 0)),
        Int32Array.from(countedAll, (c) => code.get(blockKey(c.h))!),
      );
      bounds = {
        lower: lee.lower,
        upper: lee.upper,
        blocks: lee.blocks.map((b) => {
          const [wave, stratum] = keys[b.block].split("\u0000");
          return { wave: Number(wave), stratum, trimmed: b.trimmed, trimming_share: b.trimming_share };
        }),
      };
    } catch (e) {
      if (!(e instanceof EstimationError)) throw e;
      const reason = e.message;
      warnings.push(stored((lang) => message(lang, "est_no_bounds", { label: label(lang), reason: storedIn(lang, reason) })));
    }
  }
  return { outcome: values.outcome, horizon: values.horizon, y, z, blocks, clusters, clusterHouseholds, persons: personIdx, covariates, takeup, attrition, exposure, leeBounds: bounds, warnings };
}

/** The rows of `data` where `keep` is true, renumbering blocks and clusters (for subgroups). */
export function subsetAnalysisData(data: AnalysisData, keep: (i: number) => boolean): AnalysisData {
  const idx: number[] = [];
  for (let i = 0; i < data.y.length; i++) if (keep(i)) idx.push(i);
  const renumber = (codes: Int32Array) => {
    const m = new Map<number, number>();
    return Int32Array.from(idx, (i) => {
      const c = codes[i];
      if (!m.has(c)) m.set(c, m.size);
      return m.get(c)!;
    });
  };
  const clusterMap = new Map<number, number>();
  const clusterHouseholds: AssignedHousehold[] = [];
  for (const i of idx) {
    const c = data.clusters[i];
    if (!clusterMap.has(c)) {
      clusterMap.set(c, clusterMap.size);
      clusterHouseholds.push(data.clusterHouseholds[c]);
    }
  }
  return {
    ...data,
    y: Float64Array.from(idx, (i) => data.y[i]),
    z: Float64Array.from(idx, (i) => data.z[i]),
    blocks: renumber(data.blocks),
    clusters: Int32Array.from(idx, (i) => clusterMap.get(data.clusters[i])!),
    clusterHouseholds,
    persons: Int32Array.from(idx, (i) => data.persons[i]),
    covariates: data.covariates.map((c) => ({ name: c.name, values: Float64Array.from(idx, (i) => c.values[i]) })),
    takeup: data.takeup ? Float64Array.from(idx, (i) => data.takeup![i]) : undefined,
    warnings: [],
  };
}
