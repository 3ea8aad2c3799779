import { describeNames, InputError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import type { Assignment } from "../draw/assignment.js";
import { idColumn, isMissing, numberColumn } from "./columns.js";
import { rawColumn, readCsv, throwProblems } from "./csv.js";
import { requireInputFile } from "./outputGuard.js";
import type { Pseudonymiser } from "./pseudonym.js";

/**
 * persons.csv (data-schemas/persons.md): one row per person, the join from an outcome value to a household (and
 * so to the lottery). `pseudonyms` (`--allow-cpr-like-ids --pseudonym-key FILE`) replaces CPR-like ids by keyed
 * pseudonyms as they are read; without it such ids are refused (io/columns.ts `idColumn`).
 */

/**
 * The persons of persons.csv, held as columns, plus the baseline covariates and subgroup columns the analysis
 * names.
 */
export interface PersonFrame {
  file: string;
  personIds: readonly string[];
  householdIds: readonly string[];
  /** numeric baseline covariates by name (NaN = missing) */
  covariates: ReadonlyMap<string, Float64Array>;
  /** subgroup columns by name, as text ("" or NA = missing) */
  subgroups: ReadonlyMap<string, readonly string[]>;
}

/**
 * persons.csv with the named numeric covariates and subgroup columns. A named column that is not in the file
 * stops with exit 2 naming file and column. `age` (when persons.csv has no such column) is derived as the draw
 * year minus `birth_year`; `wave` and `stratum` subgroups (when not columns of persons.csv) come from the assignment.
 */
export function readPersons(path: string, covariates: readonly string[], subgroups: readonly string[], assignment: Assignment, required: readonly string[] = [], pseudonyms?: Pseudonymiser): PersonFrame & { birthYear: Float64Array; role: string[] } {
  requireInputFile(path, "--persons");
  // Every problem of the file's values in one run (the first 20 and a count of the rest); a missing column stops first.
  const table = readCsv(path, { required: ["person_id", "household_id"], format: "persons", collectProblems: true });
  const has = (c: string) => table.header.includes(c);
  for (const c of required) {
    if (!has(c)) throw new InputError({ file: table.file, line: 1, column: c }, tm("err_column_missing"), tm("in_exp_population_column", { name: c, header: describeNames(table.header) }));
  }
  for (const c of covariates) {
    if (!has(c) && c === "age") {
      if (!has("birth_year")) throw new InputError({ file: table.file, line: 1, column: "birth_year" }, tm("err_column_missing"), tm("in_exp_birth_year"));
    } else if (!has(c)) throw new InputError({ file: table.file, line: 1, column: c }, tm("err_column_missing"), tm("in_exp_covariate_column", { name: c, header: describeNames(table.header) }));
  }
  for (const s of subgroups) {
    if (!has(s) && s !== "wave" && s !== "stratum" && s !== "area") throw new InputError({ file: table.file, line: 1, column: s }, tm("err_column_missing"), tm("in_exp_subgroup_column", { name: s, header: describeNames(table.header) }));
  }
  const personIds = idColumn(table, "person_id", { unique: true, pseudonyms });
  const householdIds = idColumn(table, "household_id", { pseudonyms });
  const birthYear = has("birth_year") ? numberColumn(table, "birth_year", { allowMissing: true, integer: true }) : new Float64Array(personIds.length).fill(NaN);
  const role = has("role") ? rawColumn(table, "role") : personIds.map(() => "");
  const covs = new Map<string, Float64Array>();
  for (const c of covariates) {
    if (!has(c) && c === "age") {
      if (!has("birth_year")) throw new InputError({ file: table.file, line: 1, column: "birth_year" }, tm("err_column_missing"), tm("in_exp_birth_year"));
      covs.set(c, Float64Array.from(householdIds, (h, i) => {
        const d = assignment.byId.get(h)?.drawDate;
        return d ? Number(d.slice(0, 4)) - birthYear[i] : NaN;
      }));
      continue;
    }
    if (!has(c)) throw new InputError({ file: table.file, line: 1, column: c }, tm("err_column_missing"), tm("in_exp_covariate_column", { name: c, header: describeNames(table.header) }));
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
    if (!has(s)) throw new InputError({ file: table.file, line: 1, column: s }, tm("err_column_missing"), tm("in_exp_subgroup_column", { name: s, header: describeNames(table.header) }));
    groups.set(s, rawColumn(table, s).map((v) => (isMissing(v) ? "" : v)));
  }
  throwProblems(table);
  return { file: table.file, personIds, householdIds, covariates: covs, subgroups: groups, birthYear, role };
}
