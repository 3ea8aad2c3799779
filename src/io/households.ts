import { InputError, looksLikeCpr, UserError } from "../errors.js";
import { activeCasesOn } from "../draw/eligibility.js";
import type { Covariate } from "../draw/balance.js";
import { readCsv, rawColumn, throwProblems, type RawTable } from "./csv.js";
import type { Pseudonymiser } from "./pseudonym.js";
import { tm } from "../i18n/messageLang.js";
import type { FormatSettings } from "./inputSettings.js";
import { columnDecimalComma, dateColumn, fail, formatDay, idColumn, isMissing, numberColumn, parseNumberText, textColumn, uniqueIndex, where } from "./columns.js";

export interface Households {
  table: RawTable;
  ids: string[];
  /** Each household id's row in the file (built when first asked for). */
  readonly rowOf: Map<string, number>;
  areas: string[];
  activeCases: ArrayLike<number>;
  strata: string[];
  covariates: Covariate[];
}

const MAX_LEVELS = 20;

/**
 * Reads `households.csv` (contract: data-schemas/households.md). Active cases come from the file's
 * `active_cases` column, or from `cases.csv` on `casesDate` when a case file is given. Every other column is a
 * baseline covariate: numeric when every non-missing value is a number, otherwise categorical.
 */
export function loadHouseholds(args: {
  path: string;
  casesPath?: string;
  casesDate?: number;
  strataColumn: string;
  allowCprLikeIds?: boolean;
  /** Replace CPR-like ids by keyed pseudonyms (`--allow-cpr-like-ids --pseudonym-key`). */
  pseudonyms?: Pseudonymiser;
  /** How to read each file (default: the run's settings, see inputSettings.ts); verify passes what the manifest recorded. */
  read?: { households?: FormatSettings; cases?: FormatSettings };
}): Households {
  const required = ["household_id", "area", ...(args.casesPath ? [] : ["active_cases"])];
  // Every problem of the file in one run: the typed readers collect them, and they are listed before any is used.
  const table = readCsv(args.path, { required, format: "households", collectProblems: true, settings: args.read?.households });
  if (!table.header.includes(args.strataColumn)) {
    throw new InputError({ file: table.file, line: 1, column: args.strataColumn }, tm("in_strata_missing"), tm("exp_column", { name: args.strataColumn }));
  }
  const ids = idColumn(table, "household_id", { allowCpr: args.allowCprLikeIds, pseudonyms: args.pseudonyms });
  // Ids in ascending order (as exports usually are) are unique without an index; otherwise the index checks them.
  let rowOf = isAscending(ids) ? undefined : uniqueIndex(table, "household_id", ids);
  const normalised = new Map<string, string>();
  const areas = textColumn(table, "area", { expected: tm("exp_area"), plainName: true }).map((a) => {
    let n = normalised.get(a);
    if (n === undefined) normalised.set(a, (n = a.normalize("NFC")));
    return n;
  });
  const activeFromFile = args.casesPath ? undefined : numberColumn(table, "active_cases", { integer: true, min: 0, expected: tm("exp_active_cases") });
  const strata = args.strataColumn === "area" ? areas : textColumn(table, args.strataColumn, { expected: tm("exp_stratum"), plainName: true });
  throwProblems(table);
  let activeCases: ArrayLike<number>;
  if (args.casesPath) {
    if (args.casesDate === undefined) throw new UserError(tm("in_cases_need_date"));
    const cases = readCsv(args.casesPath, { required: ["case_id", "household_id", "opened", "closed"], allowEmpty: true, format: "cases", collectProblems: true, settings: args.read?.cases });
    idColumn(cases, "case_id", { unique: true, allowCpr: args.allowCprLikeIds, pseudonyms: args.pseudonyms });
    const caseHouseholds = idColumn(cases, "household_id", { allowCpr: args.allowCprLikeIds, pseudonyms: args.pseudonyms });
    const opened = dateColumn(cases, "opened");
    const closed = dateColumn(cases, "closed", { allowMissing: true });
    for (let c = 0; c < cases.nRows; c++) {
      if (closed[c] < opened[c]) {
        fail(cases, new InputError(where(cases, c, "closed"), tm("in_case_closed_before", { opened: formatDay(opened[c]) }), tm("in_exp_closed_after"), rawColumn(cases, "closed")[c]));
      }
    }
    throwProblems(cases);
    activeCases = activeCasesOn(ids, caseHouseholds, opened, closed, args.casesDate);
  } else {
    activeCases = activeFromFile!;
  }
  const skip = new Set(["household_id", "area", args.strataColumn]);
  const covariates: Covariate[] = [];
  if (!table.header.includes("active_cases")) covariates.push({ name: "active_cases", kind: "numeric", values: Float64Array.from(activeCases) });
  for (const name of table.header) {
    if (skip.has(name)) continue;
    // active_cases read from the file is already parsed, every value a number: the same covariate, without parsing again.
    const cov = name === "active_cases" && !args.casesPath ? { name, kind: "numeric" as const, values: Float64Array.from(activeCases) } : covariateOf(table, name);
    if (cov) covariates.push(cov);
  }
  return {
    table, ids, areas, activeCases, strata, covariates,
    get rowOf() { return (rowOf ??= uniqueIndex(table, "household_id", ids)); },
  };
}

/** True when every id is greater than the one before (code-unit order), so no id appears twice. */
function isAscending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1] < ids[i])) return false;
  return true;
}

function covariateOf(table: RawTable, name: string): Covariate | undefined {
  const raw = rawColumn(table, name);
  const values = new Float64Array(raw.length);
  let numeric = true;
  let decimalComma = table.decimalComma;
  try { decimalComma = columnDecimalComma(table, name, raw); } catch (err) {
    // a text column (area names, "1.234 kr.") is not numeric; a numeric one with an unsettled mark is refused
    if (raw.every((v) => isMissing(v) || parseNumberText(v, true) !== undefined || parseNumberText(v, false) !== undefined)) throw err;
  }
  for (let i = 0; i < raw.length && numeric; i++) {
    if (isMissing(raw[i])) { values[i] = NaN; continue; }
    const v = parseNumberText(raw[i], decimalComma);
    if (v === undefined) numeric = false;
    else values[i] = v;
  }
  if (numeric) return { name, kind: "numeric", values };
  // A column holding CPR-like values is personal data, not a covariate: its levels would be written to the balance table.
  if (raw.some((v) => looksLikeCpr(v))) return undefined;
  const levels = [...new Set(raw.filter((v) => !isMissing(v)))].sort();
  if (levels.length > MAX_LEVELS) return undefined; // free text or an identifier, not a covariate to balance on
  return { name, kind: "categorical", levels: raw.map((v) => (isMissing(v) ? undefined : v)) };
}

/**
 * Reads the households' area names as the selected areas they stand for (`area_names` of a wave's definition, see
 * draw/areaNames.ts), in place; the strata follow when they are the areas.
 */
export function applyAreaNames(households: Households, names: Readonly<Record<string, string>> | undefined): void {
  if (names === undefined || Object.keys(names).length === 0) return;
  const map = new Map(Object.entries(names));
  const { areas, strata } = households;
  for (let i = 0; i < areas.length; i++) {
    const to = map.get(areas[i]);
    if (to !== undefined) {
      areas[i] = to;
    }
  }
}
