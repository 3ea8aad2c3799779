import { requireInputFile } from "./outputGuard.js";
import { describeNames, InputError, UserError } from "../errors.js";
import { makeAssignment, type Assignment } from "../estimate/pipeline/assignment.js";
import type { PersonFrame } from "../estimate/pipeline/analysisData.js";
import { readAllocationFile } from "./allocationFile.js";
import { booleanColumn, idColumn, isMissing, numberColumn } from "./columns.js";
import { rawColumn, readCsv } from "./csv.js";
import type { Pseudonymiser } from "./pseudonym.js";
import { committedManifests, readManifests, readRegister } from "./register.js";
import { checkPseudonymKey } from "./waveFiles.js";

/**
 * Reading the inputs of `effekt estimate` (persons, take-up, the assignment) into the pipeline's types.
 * `pseudonyms` (`--allow-cpr-like-ids --pseudonym-key FILE`) replaces CPR-like ids by keyed pseudonyms as they
 * are read; without it such ids are refused (io/columns.ts `idColumn`).
 */

export function requireFile(path: string | undefined, flag: string): void {
  requireInputFile(path, flag);
}

/** The assignment from effekt's register (`--register`) or an external allocation file (`--allocation`). */
export function readAssignment(opts: { register?: string; allocation?: string; drawDate?: string }, pseudonyms?: Pseudonymiser): Assignment {
  if ((opts.register === undefined) === (opts.allocation === undefined)) {
    throw new UserError("give exactly one of --register FILE (written by effekt draw) and --allocation FILE (made by another tool)");
  }
  if (opts.register !== undefined) {
    requireFile(opts.register, "--register");
    if (opts.drawDate !== undefined) throw new UserError("--draw-date goes with --allocation; the register has each household's draw date");
    const rows = readRegister(opts.register);
    if (rows.length === 0) throw new UserError(`${opts.register} holds no drawn households`);
    // a key other than the one the waves were drawn with gives other pseudonyms: nothing would join
    if (pseudonyms) for (const s of committedManifests(rows, readManifests(opts.register)).committed.values()) checkPseudonymKey(s.manifest.definition, { pseudonyms });
    return makeAssignment("effekt", rows.map((r) => ({
      householdId: r.householdId, wave: r.wave, stratum: r.stratum, arm: r.arm, pTreatment: r.pNumerator / r.pDenominator, drawDate: r.drawDate,
    })));
  }
  requireFile(opts.allocation, "--allocation");
  return makeAssignment("external", readAllocationFile(opts.allocation!, opts.drawDate, pseudonyms));
}

/**
 * persons.csv with the named numeric covariates and subgroup columns. A named column that is not in the file
 * stops with exit 2 naming file and column. `age` (when persons.csv has no such column) is derived as the draw
 * year minus `birth_year`; `wave` and `stratum` subgroups (when not columns of persons.csv) come from the assignment.
 */
export function readPersons(path: string, covariates: readonly string[], subgroups: readonly string[], assignment: Assignment, required: readonly string[] = [], pseudonyms?: Pseudonymiser): PersonFrame & { birthYear: Float64Array; role: string[] } {
  requireFile(path, "--persons");
  const table = readCsv(path);
  const personIds = idColumn(table, "person_id", { unique: true, pseudonyms });
  const householdIds = idColumn(table, "household_id", { pseudonyms });
  const has = (c: string) => table.header.includes(c);
  for (const c of required) {
    if (!has(c)) throw new InputError({ file: table.file, line: 1, column: c }, "is missing", `a column named "${c}" (the analysis plan's populations need it; the header has: ${describeNames(table.header)})`);
  }
  const birthYear = has("birth_year") ? numberColumn(table, "birth_year", { allowMissing: true, integer: true }) : new Float64Array(personIds.length).fill(NaN);
  const role = has("role") ? rawColumn(table, "role") : personIds.map(() => "");
  const covs = new Map<string, Float64Array>();
  for (const c of covariates) {
    if (!has(c) && c === "age") {
      if (!has("birth_year")) throw new InputError({ file: table.file, line: 1, column: "birth_year" }, "is missing", 'a birth_year column (the covariate "age" is derived from it)');
      covs.set(c, Float64Array.from(householdIds, (h, i) => {
        const d = assignment.byId.get(h)?.drawDate;
        return d ? Number(d.slice(0, 4)) - birthYear[i] : NaN;
      }));
      continue;
    }
    if (!has(c)) throw new InputError({ file: table.file, line: 1, column: c }, "is missing", `a numeric covariate column named "${c}" (the header has: ${describeNames(table.header)})`);
    covs.set(c, numberColumn(table, c, { allowMissing: true }));
  }
  const groups = new Map<string, string[]>();
  for (const s of subgroups) {
    if (!has(s) && (s === "wave" || s === "stratum" || s === "area")) {
      groups.set(s, householdIds.map((h) => {
        const a = assignment.byId.get(h);
        return a === undefined ? "" : s === "wave" ? String(a.wave) : a.stratum;
      }));
      continue;
    }
    if (!has(s)) throw new InputError({ file: table.file, line: 1, column: s }, "is missing", `a subgroup column named "${s}" (the header has: ${describeNames(table.header)})`);
    groups.set(s, rawColumn(table, s).map((v) => (isMissing(v) ? "" : v)));
  }
  return { file: table.file, personIds, householdIds, covariates: covs, subgroups: groups, birthYear, role };
}

/** takeup.csv: household -> 1 (took up) or 0. */
export function readTakeup(path: string, pseudonyms?: Pseudonymiser): Map<string, number> {
  requireFile(path, "--takeup");
  const t = readCsv(path);
  const ids = idColumn(t, "household_id", { unique: true, pseudonyms });
  const took = booleanColumn(t, "took_up");
  return new Map(ids.map((id, i) => [id, took[i]]));
}
