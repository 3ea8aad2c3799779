import { DERIVED_COVARIATES, REGISTER_SUBGROUP_COLUMNS, outcomeCovariates, type AnalysisPlan, type PlanOutcome } from "../schemas/analysisPlan.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Checks of a plan against the data it will be run on, for `estimate --plan` to call before the analysis. Pure: the
 * caller passes the persons file's column names, and for covariates the values of the persons who count.
 */

/**
 * Problems with the plan's names given persons.csv's columns: a covariate that is neither a persons.csv column nor a
 * derived covariate (`age`); a subgroup column that is neither a persons.csv column nor `area` / `wave` from the
 * register. One plain sentence each; empty when all is well.
 */
export function planColumnProblems(plan: AnalysisPlan, personsColumns: readonly string[], personsFile = "persons.csv"): string[] {
  const columns = new Set(personsColumns);
  const derived = new Set<string>(DERIVED_COVARIATES);
  const problems: string[] = [];
  const listed = (names: Iterable<string>) => [...names].join(", ");
  const check = (covariate: string, path: string) => {
    if (!columns.has(covariate) && !derived.has(covariate)) {
      problems.push(tm("est_plan_covariate_unknown", { path, covariate, file: personsFile, columns: listed(columns), derived: listed(derived) }));
    }
  };
  plan.covariates.forEach((c) => check(c, "covariates"));
  for (const o of plan.outcomes) o.covariates?.forEach((c) => check(c, `outcomes[${o.name}].covariates`));
  plan.subgroups.forEach((s) => {
    if (!columns.has(s.column) && !(REGISTER_SUBGROUP_COLUMNS as readonly string[]).includes(s.column)) {
      problems.push(tm("est_plan_subgroup_unknown", { name: s.name, column: s.column, file: personsFile, columns: listed(columns), register: listed(REGISTER_SUBGROUP_COLUMNS) }));
    }
  });
  return problems;
}

/**
 * The covariates of an outcome that cannot be used because they are missing (NaN) for every person who counts:
 * e.g. `employed_baseline` for children. Lin's regression needs a value; name these in an error rather than drop them.
 */
export function covariatesMissingForAll(
  plan: AnalysisPlan,
  outcome: PlanOutcome,
  counted: Uint8Array,
  valuesOf: (covariate: string) => Float64Array,
): string[] {
  return outcomeCovariates(plan, outcome).filter((c) => {
    const v = valuesOf(c);
    for (let i = 0; i < counted.length; i++) if (counted[i] === 1 && !Number.isNaN(v[i])) return false;
    return true;
  });
}

/** Whether a value fits the outcome's type: a `binary` outcome takes 0/1 or a share in [0, 1]; NaN (missing) always fits. */
export function valueFitsType(outcome: PlanOutcome, value: number): boolean {
  if (Number.isNaN(value)) return true;
  if (!Number.isFinite(value)) return false;
  return outcome.type === "continuous" || (value >= 0 && value <= 1);
}
