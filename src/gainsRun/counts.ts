import { basename } from "node:path";
import { UserError } from "../errors.js";
import type { Cohort, CountBasis, GainsInput } from "../gains/index.js";
import { readAssignment } from "../io/assignment.js";
import { readPersons } from "../io/persons.js";
import { readTakeup } from "../io/takeup.js";
import { parseDay } from "../days.js";
import { populationMask } from "../plan/population.js";
import type { AnalysisPlan, Population } from "../schemas/analysisPlan.js";
import type { GainsModel } from "../schemas/gainsModel.js";
import { tm } from "../i18n/messageLang.js";

/**
 * The persons each effect is multiplied by, counted from the allocation register, the persons file and the
 * analysis plan: one cohort per wave (dated by its draw date); for outcome o, the persons of the wave's households
 * assigned to treatment who are in o's population (the plan outcome whose `gains_outcome` is o, else the model's
 * `outcomes[].population`: role, and age at the draw = draw year - birth year within [age_min, age_max]). With a
 * CACE effect, only those whose household took up the offer (`--takeup`) count: the compliers.
 */
export interface RegisterFiles {
  register: string;
  persons: string;
  takeup?: string;
}

export function populationOf(model: GainsModel, plan: AnalysisPlan | undefined, planFile: string | undefined, outcomeId: string): { population: Population; source: string } {
  const fromPlan = plan?.outcomes.find((o) => o.gains_outcome === outcomeId);
  if (fromPlan) return { population: fromPlan.population, source: `the population of plan outcome "${fromPlan.name}" (${basename(planFile ?? "plan")})` };
  const o = model.outcomes.find((x) => x.id === outcomeId)!;
  if (o.population) {
    const { source, ...population } = o.population;
    return { population, source: `the model's outcomes.${outcomeId}.population (${source})` };
  }
  throw new UserError(tm("res_no_population", { outcome: outcomeId }));
}

function describePopulation(p: Population): string {
  const parts: string[] = [];
  if (p.role !== undefined) parts.push(`role ${p.role}`);
  if (p.age_min !== undefined || p.age_max !== undefined) parts.push(`age at the draw ${p.age_min ?? 0}-${p.age_max ?? "any"}`);
  return parts.length ? parts.join(", ") : "everyone";
}

export function registerInput(model: GainsModel, files: RegisterFiles, plan: AnalysisPlan | undefined, planFile: string | undefined): GainsInput {
  const assignment = readAssignment({ register: files.register });
  const persons = readPersons(files.persons, [], [], assignment);
  const takeup = files.takeup !== undefined ? readTakeup(files.takeup) : undefined;
  const needsTakeup = model.outcomes.filter((o) => o.effect.estimand === "CACE").map((o) => o.id);
  if (needsTakeup.length > 0 && !takeup) throw new UserError(tm("res_cace_needs_takeup", { outcomes: needsTakeup.join(", ") }));
  const waves = new Map<number, { drawDate: string; units: number }>();
  for (const h of assignment.households) {
    if (h.drawDate === "") throw new UserError(tm("res_no_draw_date", { file: basename(files.register), wave: h.wave }));
    const w = waves.get(h.wave) ?? { drawDate: h.drawDate, units: 0 };
    if (w.drawDate !== h.drawDate) throw new UserError(tm("res_two_draw_dates", { file: basename(files.register), wave: h.wave, first: w.drawDate, second: h.drawDate }));
    if (h.arm === "treatment") w.units++;
    waves.set(h.wave, w);
  }
  const waveList = [...waves.keys()].sort((a, b) => a - b);
  const n = persons.personIds.length;
  const drawDay = new Int32Array(n).fill(-1);
  const wave = new Int32Array(n).fill(-1);
  const treated = new Uint8Array(n);
  const tookUp = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = assignment.byId.get(persons.householdIds[i]);
    if (!h) continue;
    drawDay[i] = parseDay(h.drawDate);
    wave[i] = h.wave;
    treated[i] = h.arm === "treatment" ? 1 : 0;
    tookUp[i] = takeup?.get(persons.householdIds[i]) === 1 ? 1 : 0;
  }
  const cohorts: Cohort[] = waveList.map((w) => ({ label: `wave ${w}`, draw_date: waves.get(w)!.drawDate, treatment_units: waves.get(w)!.units, counts: {} }));
  const counts: CountBasis[] = [];
  for (const o of model.outcomes) {
    const { population, source } = populationOf(model, plan, planFile, o.id);
    const mask = populationMask({ personIds: persons.personIds, drawDay, birthYear: persons.birthYear, role: persons.role }, population);
    const cace = o.effect.estimand === "CACE";
    for (const c of cohorts) c.counts[o.id] = 0;
    for (let i = 0; i < n; i++) {
      if (!mask[i] || !treated[i] || (cace && !tookUp[i])) continue;
      cohorts[waveList.indexOf(wave[i])].counts[o.id]++;
    }
    counts.push({
      outcome: o.id,
      estimand: o.effect.estimand,
      basis: cace
        ? `compliers: persons assigned to treatment in the population (${describePopulation(population)}) whose household took up the offer`
        : `persons assigned to treatment in the population (${describePopulation(population)})`,
      source: `${basename(files.register)} and ${basename(files.persons)}${cace ? ` and ${basename(files.takeup!)}` : ""}; population: ${source}`,
      from: [`counts.${o.id}`],
    });
  }
  return { model, cohorts, counts, cohorts_from: "register" };
}
