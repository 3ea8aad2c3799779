import type { PlanOutcome, Population } from "../schemas/analysisPlan.js";
import { civilFromDays } from "../days.js";

/**
 * Who counts for an outcome (the plan's `population`): a person counts when their household was drawn, their
 * persons.csv `role` equals the population's `role` (if given), and their age at the household's draw date lies in
 * [age_min, age_max] (both ends inclusive, each optional).
 *
 * Age: persons.csv has only `birth_year`, so the age at the draw date is taken as draw year - birth year, the age the
 * person reaches in the calendar year of the draw (at most one year above the exact age). A person without a birth
 * year does not count when the population has an age limit.
 */

/** The person-level inputs the window code needs, one entry per person, in a fixed person order. */
export interface PopulationFrame {
  personIds: readonly string[];
  /** Days since 1970-01-01 of the household's draw date; -1 when the household was never drawn. */
  drawDay: Int32Array;
  /** 1 for each person who counts for the outcome (drawn and in its population), else 0. */
  eligible: (outcome: PlanOutcome) => Uint8Array;
}

export interface PersonAttributes {
  personIds: readonly string[];
  drawDay: Int32Array;
  /** persons.csv `birth_year`; NaN when missing. */
  birthYear: Float64Array;
  /** persons.csv `role` (e.g. "adult", "child"); "" when missing. */
  role: readonly string[];
}

/** Age in whole years at the draw date, as defined above; NaN when the household was never drawn or no birth year. */
export function ageAtDraw(birthYear: number, drawDay: number): number {
  if (drawDay < 0 || !Number.isFinite(birthYear)) return Number.NaN;
  return civilFromDays(drawDay)[0] - birthYear;
}

/** 1 for each person in the population (and drawn), else 0. */
export function populationMask(persons: PersonAttributes, population: Population): Uint8Array {
  const n = persons.personIds.length;
  const mask = new Uint8Array(n);
  const needsAge = population.age_min !== undefined || population.age_max !== undefined;
  const drawYearOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const day = persons.drawDay[i];
    if (day < 0) continue;
    if (population.role !== undefined && persons.role[i] !== population.role) continue;
    if (needsAge) {
      let drawYear = drawYearOf.get(day);
      if (drawYear === undefined) drawYearOf.set(day, (drawYear = civilFromDays(day)[0]));
      const by = persons.birthYear[i];
      if (!Number.isFinite(by)) continue;
      const age = drawYear - by;
      if (population.age_min !== undefined && age < population.age_min) continue;
      if (population.age_max !== undefined && age > population.age_max) continue;
    }
    mask[i] = 1;
  }
  return mask;
}

/** A `PopulationFrame` whose `eligible` applies each outcome's population (computed once per distinct population). */
export function createPopulationFrame(persons: PersonAttributes): PopulationFrame {
  const n = persons.personIds.length;
  if (persons.drawDay.length !== n || persons.birthYear.length !== n || persons.role.length !== n) {
    throw new RangeError("createPopulationFrame: personIds, drawDay, birthYear and role must have one entry per person");
  }
  const cache = new Map<string, Uint8Array>();
  return {
    personIds: persons.personIds,
    drawDay: persons.drawDay,
    eligible(outcome: PlanOutcome): Uint8Array {
      const key = JSON.stringify([outcome.population.role ?? null, outcome.population.age_min ?? null, outcome.population.age_max ?? null]);
      let mask = cache.get(key);
      if (!mask) cache.set(key, (mask = populationMask(persons, outcome.population)));
      return mask;
    },
  };
}
