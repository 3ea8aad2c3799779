import { UserError } from "../errors.js";
import type { GainsModel } from "../schemas/gainsModel.js";
import { tm } from "../i18n/messageLang.js";

/**
 * The persons the effects apply to, by cohort (a lottery wave, or a planned year of intake), each dated by its
 * draw date so that its gains and costs run from its own draw.
 *
 * `counts[o]` is the number the effect of outcome o is multiplied by: with an ITT effect, the persons assigned to
 * treatment in the outcome's population (ITT is per person assigned); with a CACE, the compliers among them (the
 * assigned whose household took up the offer). With one-sided non-compliance both give the same total effect:
 * ITT x assigned = CACE x compliers.
 */
export interface Cohort {
  label: string;
  draw_date: string;
  /** intake units (households or persons, the model's `intake.unit`) assigned to treatment */
  treatment_units: number;
  counts: Record<string, number>;
}

export interface CountBasis {
  outcome: string;
  estimand: "ITT" | "CACE";
  /** what was counted, in words */
  basis: string;
  /** where the count came from (files, plan outcome, model fields) */
  source: string;
  /** model fields (or `counts.<id>` for data) the count traces to */
  from: string[];
}

export interface GainsInput {
  model: GainsModel;
  cohorts: Cohort[];
  counts: CountBasis[];
  /** "register" (from the allocation register and persons file) or "planning" (the model's intake) */
  cohorts_from: "register" | "planning";
}

/** The planned draw date of an intake year: the model's, else 1 July (mid-year). */
export function plannedDrawDate(year: number, drawDate: string | undefined): string {
  return drawDate ?? `${year}-07-01`;
}

/**
 * Planning before any draw: one cohort per intake year, treatment_units from `intake.years[].treatment_units` and
 * counts = treatment_units x `outcomes[].planning_count.per_intake_unit` (x `takeup_share` for a CACE effect).
 */
export function planningInput(model: GainsModel): GainsInput {
  const cohorts: Cohort[] = model.intake.years.map((y) => {
    const counts: Record<string, number> = {};
    for (const o of model.outcomes) {
      const per = o.planning_count.per_intake_unit * (o.effect.estimand === "CACE" ? (o.planning_count.takeup_share ?? 1) : 1);
      counts[o.id] = y.treatment_units * per;
    }
    return { label: `intake ${y.year}`, draw_date: plannedDrawDate(y.year, y.draw_date), treatment_units: y.treatment_units, counts };
  });
  const counts: CountBasis[] = model.outcomes.map((o) => {
    const cace = o.effect.estimand === "CACE";
    if (cace && o.planning_count.takeup_share === undefined) throw new UserError(tm("res_planning_takeup", { outcome: o.id }));
    return {
      outcome: o.id,
      estimand: o.effect.estimand,
      basis: cace
        ? `planning: expected compliers = ${model.intake.unit} assigned to treatment x ${o.planning_count.per_intake_unit} persons in the population per unit x take-up ${o.planning_count.takeup_share}`
        : `planning: expected persons assigned to treatment in the outcome's population = ${model.intake.unit} assigned x ${o.planning_count.per_intake_unit} per unit`,
      source: `model intake (${model.intake.source}); outcomes.${o.id}.planning_count (${o.planning_count.source})`,
      from: ["intake", `outcomes.${o.id}.planning_count`],
    };
  });
  return { model, cohorts, counts, cohorts_from: "planning" };
}
