import { InputError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { ALL_AREAS, shareByAreaYear, shareCellsToValueRows } from "../indicators/index.js";
import { withAllAreas } from "../indicators/allAreas.js";
import type { IndicatorSpec, IndicatorValueRow } from "../schemas/indicatorSpec.js";
import { FALSE, fail, isMissing, numberColumn, textColumn, TRUE, where } from "./columns.js";
import { rawColumn, readCsv, throwProblems, type RawTable } from "./csv.js";

/**
 * The inputs of `effekt indicators`: aggregated values (data-schemas/indicator-values.md) or person-level rows
 * (data-schemas/indicator-persons.md), checked against the indicator spec, as value rows per indicator, area and
 * year with the "all areas" rows.
 */

function checkIndicatorColumn(table: RawTable, spec: IndicatorSpec): string[] {
  const ids = textColumn(table, "indicator", { expected: tm("in_exp_indicator_id") });
  const known = new Set(spec.indicators.map((i) => i.id));
  ids.forEach((id, i) => {
    if (!known.has(id) && id !== "") {
      fail(table, new InputError(where(table, i, "indicator"), tm("in_not_indicator", { spec: spec.name }), tm("in_exp_one_of", { list: [...known].join(", ") }), id));
    }
  });
  return ids;
}

/** Aggregated values CSV -> value rows. Empty `value` = data pending. */
export function readIndicatorValues(path: string, spec: IndicatorSpec): IndicatorValueRow[] {
  // Every problem of the file in one run: the first 20 with their cells and a count of the rest.
  const table = readCsv(path, { required: ["indicator", "area", "year", "value"], format: "indicator-values", collectProblems: true });
  const ids = checkIndicatorColumn(table, spec);
  const areas = textColumn(table, "area", { expected: tm("in_exp_area_name") }).map((a) => a.normalize("NFC"));
  const years = numberColumn(table, "year", { integer: true, min: 1900, max: 2200 });
  const values = numberColumn(table, "value", { allowMissing: true, expected: tm("in_exp_value_pending") });
  const ns = table.columns.has("n") ? numberColumn(table, "n", { allowMissing: true, integer: true, min: 0 }) : undefined;
  const ses = table.columns.has("se") ? numberColumn(table, "se", { allowMissing: true, min: 0 }) : undefined;
  const unitOf = new Map(spec.indicators.map((i) => [i.id, i.unit] as const));
  const seen = new Map<string, number>();
  const rows: IndicatorValueRow[] = [];
  for (let i = 0; i < table.nRows; i++) {
    const key = `${ids[i]}\u0000${areas[i]}\u0000${years[i]}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(table, new InputError(where(table, i, "indicator"), tm("in_duplicate_row", { line: table.lineOf(first) }), tm("in_exp_one_row_each"), ids[i]));
      continue;
    }
    seen.set(key, i);
    const v = values[i];
    if (!Number.isNaN(v) && unitOf.has(ids[i]) && unitOf.get(ids[i]) !== "mean" && (v < 0 || v > 1)) {
      fail(table, new InputError(where(table, i, "value"), tm(unitOf.get(ids[i]) === "share" ? "in_outside_share" : "in_outside_rate", { id: ids[i] }), tm("in_exp_proportion"), rawColumn(table, "value")[i]));
      continue;
    }
    const row: IndicatorValueRow = { indicator: ids[i], area: areas[i], year: years[i], value: Number.isNaN(v) ? null : v };
    if (ns && !Number.isNaN(ns[i])) row.n = ns[i];
    if (ses && !Number.isNaN(ses[i])) row.se = ses[i];
    rows.push(row);
  }
  throwProblems(table);
  return withAllAreas(spec, rows);
}

/** Person-level CSV (indicator, area, year, meets) -> value rows per area x year plus "all areas". */
export function readIndicatorPersons(path: string, spec: IndicatorSpec): IndicatorValueRow[] {
  const table = readCsv(path, { required: ["indicator", "area", "year", "meets"], format: "indicator-persons", collectProblems: true });
  const ids = checkIndicatorColumn(table, spec);
  const areas = textColumn(table, "area", { expected: tm("in_exp_area_name") }).map((a) => a.normalize("NFC"));
  const years = numberColumn(table, "year", { integer: true, min: 1900, max: 2200 });
  const rawMeets = rawColumn(table, "meets");
  const unitOf = new Map(spec.indicators.map((i) => [i.id, i.unit] as const));
  const byIndicator = new Map<string, number[]>();
  for (let i = 0; i < table.nRows; i++) {
    if (unitOf.has(ids[i]) && unitOf.get(ids[i]) !== "share") {
      fail(table, new InputError(where(table, i, "indicator"), tm("in_person_unit", { unit: unitOf.get(ids[i])! }), tm("in_exp_share_unit"), ids[i]));
    }
    if (areas[i] === ALL_AREAS) fail(table, new InputError(where(table, i, "area"), tm("in_all_areas_label"), tm("in_exp_area_not_all"), areas[i]));
    const m = rawMeets[i].toLowerCase();
    if (!(isMissing(rawMeets[i]) || TRUE.has(m) || FALSE.has(m))) {
      fail(table, new InputError(where(table, i, "meets"), tm("in_meets_not_yes_no"), tm("in_exp_meets"), rawMeets[i]));
    }
    let list = byIndicator.get(ids[i]);
    if (!list) byIndicator.set(ids[i], (list = []));
    list.push(i);
  }
  throwProblems(table);
  const rows: IndicatorValueRow[] = [];
  for (const ind of spec.indicators) {
    const list = byIndicator.get(ind.id);
    if (!list) continue;
    const cells = shareByAreaYear(list, {
      area: (i) => areas[i],
      year: (i) => years[i],
      meets: (i) => {
        const m = rawMeets[i].toLowerCase();
        return TRUE.has(m) ? true : FALSE.has(m) ? false : undefined;
      },
    });
    rows.push(...shareCellsToValueRows(ind.id, cells));
  }
  return rows;
}
