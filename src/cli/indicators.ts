import { basename } from "node:path";
import type { Command } from "commander";
import { InputError, UserError } from "../errors.js";
import { withAllAreas } from "../indicators/allAreas.js";
import { ALL_AREAS, computeIndicators, shareByAreaYear, shareCellsToValueRows, type IndicatorRowResult } from "../indicators/index.js";
import { writeFileAtomic } from "../io/atomic.js";
import { guardOutputs, requireInputFile } from "../io/outputGuard.js";
import { fail, isMissing, numberColumn, textColumn, where } from "../io/columns.js";
import { rawColumn, readCsv, throwProblems, type RawTable } from "../io/csv.js";
import { csvField, csvNumber } from "../io/csvOut.js";
import { readJsonFile } from "../io/json.js";
import { parseFormat } from "./flags.js";
import { parseIndicatorSpec, type IndicatorSpec, type IndicatorValueRow } from "../schemas/indicatorSpec.js";
import { say, writeData } from "./output.js";
import { summaryOf } from "./commands.js";
import { DEFAULT_MIN_CELL, parseMinCell } from "../disclosure/rules.js";
import { TableStructure } from "../disclosure/structure.js";
import { indicatorsSection } from "../report/sections/indicators.js";
import { resolveSection } from "../report/build.js";
import { reportLabels } from "../report/labels.js";
import { SUPPRESSION_MARK } from "../report/i18n.js";
import { isSuppressed, type Cell } from "../report/model.js";
import type { IndicatorRow } from "../report/inputs.js";

interface IndicatorsOptions {
  spec: string;
  values?: string;
  persons?: string;
  out?: string;
  format: string;
  minCell?: string;
}

export function registerIndicators(program: Command): void {
  program
    .command("indicators")
    .description(summaryOf("indicators"))
    .requiredOption("--spec <file>", "indicator spec JSON (effekt-indicator-spec/1), e.g. analyses/lbf-uddannelse-og-livschancer.json")
    .option("--values <file>", "aggregated values CSV: indicator, area, year, value, n (se optional); see data-schemas/indicator-values.md")
    .option("--persons <file>", "person-level CSV: indicator, area, year, meets (true/false/empty); see data-schemas/indicator-persons.md")
    .option("--out <file>", "write the table here (atomically) and print a short summary; default: the table to stdout")
    .option("--format <csv|json>", "output format", "csv")
    .option("--min-cell <n>", "with --out: smallest count of persons shown in the terminal summary (at least 3); the file keeps full detail", String(DEFAULT_MIN_CELL))
    .addHelpText("after", "\nExample:\n  effekt indicators --spec analyses/lbf-uddannelse-og-livschancer.json --values samples/indicator-values.csv\n")
    .action((opts: IndicatorsOptions) => runIndicators(opts));
}

function checkIndicatorColumn(table: RawTable, spec: IndicatorSpec): string[] {
  const ids = textColumn(table, "indicator", { expected: "an indicator id from the spec" });
  const known = new Set(spec.indicators.map((i) => i.id));
  ids.forEach((id, i) => {
    if (!known.has(id) && id !== "") {
      fail(table, new InputError(where(table, i, "indicator"), `is not an indicator in the spec "${spec.name}"`, `one of ${[...known].join(", ")}`, id));
    }
  });
  return ids;
}

/** Aggregated values CSV -> value rows. Empty `value` = data pending. */
export function readValues(path: string, spec: IndicatorSpec): IndicatorValueRow[] {
  // Every problem of the file in one run: the first 20 with their cells and a count of the rest.
  const table = readCsv(path, { required: ["indicator", "area", "year", "value"], format: "indicator-values", collectProblems: true });
  const ids = checkIndicatorColumn(table, spec);
  const areas = textColumn(table, "area", { expected: "an area name" }).map((a) => a.normalize("NFC"));
  const years = numberColumn(table, "year", { integer: true, min: 1900, max: 2200 });
  const values = numberColumn(table, "value", { allowMissing: true, expected: "a number (empty = data pending)" });
  const ns = table.columns.has("n") ? numberColumn(table, "n", { allowMissing: true, integer: true, min: 0 }) : undefined;
  const ses = table.columns.has("se") ? numberColumn(table, "se", { allowMissing: true, min: 0 }) : undefined;
  const unitOf = new Map(spec.indicators.map((i) => [i.id, i.unit] as const));
  const seen = new Map<string, number>();
  const rows: IndicatorValueRow[] = [];
  for (let i = 0; i < table.nRows; i++) {
    const key = `${ids[i]}\u0000${areas[i]}\u0000${years[i]}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(table, new InputError(where(table, i, "indicator"), `duplicates line ${table.lineOf(first)} (same indicator, area and year)`, "one row per indicator, area and year", ids[i]));
      continue;
    }
    seen.set(key, i);
    const v = values[i];
    if (!Number.isNaN(v) && unitOf.has(ids[i]) && unitOf.get(ids[i]) !== "mean" && (v < 0 || v > 1)) {
      fail(table, new InputError(where(table, i, "value"), `is outside [0, 1] for ${unitOf.get(ids[i])} indicator ${ids[i]}`, "a proportion in [0, 1] (75% is 0.75)", rawColumn(table, "value")[i]));
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
export function readPersons(path: string, spec: IndicatorSpec): IndicatorValueRow[] {
  const table = readCsv(path, { required: ["indicator", "area", "year", "meets"], format: "indicator-persons", collectProblems: true });
  const ids = checkIndicatorColumn(table, spec);
  const areas = textColumn(table, "area", { expected: "an area name" }).map((a) => a.normalize("NFC"));
  const years = numberColumn(table, "year", { integer: true, min: 1900, max: 2200 });
  const rawMeets = rawColumn(table, "meets");
  const unitOf = new Map(spec.indicators.map((i) => [i.id, i.unit] as const));
  const byIndicator = new Map<string, number[]>();
  for (let i = 0; i < table.nRows; i++) {
    if (unitOf.has(ids[i]) && unitOf.get(ids[i]) !== "share") {
      fail(table, new InputError(where(table, i, "indicator"), `has unit "${unitOf.get(ids[i])}"; person-level rows give shares only`, "an indicator with unit share (give rates and means with --values)", ids[i]));
    }
    if (areas[i] === ALL_AREAS) fail(table, new InputError(where(table, i, "area"), `is the all-areas label`, "an area name (the all-areas row is computed)", areas[i]));
    const m = rawMeets[i].toLowerCase();
    if (!(isMissing(rawMeets[i]) || TRUE.has(m) || FALSE.has(m))) {
      fail(table, new InputError(where(table, i, "meets"), "is not yes, no or empty", "true/false, 1/0, ja/nej, or empty for unknown", rawMeets[i]));
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

const TRUE = new Set(["true", "1", "ja", "yes", "j", "y", "sand"]);
const FALSE = new Set(["false", "0", "nej", "no", "n", "falsk"]);

/** Orders rows by the spec's indicator order, then year, then area (spec order, "all areas" last). */
function sortRows(spec: IndicatorSpec, rows: IndicatorRowResult[]): IndicatorRowResult[] {
  const indOrder = new Map(spec.indicators.map((ind, k) => [ind.id, k] as const));
  const areaOrder = new Map((spec.areas ?? []).map((a, k) => [a.normalize("NFC"), k] as const));
  const areaKey = (a: string) => (a === ALL_AREAS ? 1e9 : areaOrder.get(a) ?? 1e6);
  return [...rows].sort(
    (a, b) =>
      indOrder.get(a.indicator)! - indOrder.get(b.indicator)! ||
      (a.year ?? 0) - (b.year ?? 0) ||
      areaKey(a.area) - areaKey(b.area) ||
      (a.area < b.area ? -1 : a.area > b.area ? 1 : 0),
  );
}

export const INDICATOR_CSV_COLUMNS = [
  "indicator", "subgoal", "area", "year", "unit", "direction", "value", "n", "interval_lower", "interval_upper", "interval_method",
  "interval_level", "area_baseline", "area_baseline_year", "comparison_label", "comparison_baseline", "comparison_baseline_year",
  "change_since_baseline", "gap_to_comparison", "target", "target_year", "progress_to_target", "difference_unit", "status", "status_reason",
] as const;


export function indicatorsCsv(rows: readonly IndicatorRowResult[]): string {
  const lines = [INDICATOR_CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const cells: Record<(typeof INDICATOR_CSV_COLUMNS)[number], string> = {
      indicator: csvField(r.indicator),
      subgoal: csvField(r.subgoal),
      area: csvField(r.area),
      year: csvNumber(r.year),
      unit: r.unit,
      direction: r.direction,
      value: r.value === "pending" ? "pending" : String(r.value),
      n: csvNumber(r.n),
      interval_lower: csvNumber(r.interval?.lower),
      interval_upper: csvNumber(r.interval?.upper),
      interval_method: r.interval?.method ?? "",
      interval_level: csvNumber(r.interval?.level),
      area_baseline: csvNumber(r.area_baseline?.value),
      area_baseline_year: csvNumber(r.area_baseline?.year),
      comparison_label: csvField(r.comparison_baseline?.label ?? ""),
      comparison_baseline: csvNumber(r.comparison_baseline?.value),
      comparison_baseline_year: csvNumber(r.comparison_baseline?.year),
      change_since_baseline: csvNumber(r.change_since_baseline),
      gap_to_comparison: csvNumber(r.gap_to_comparison),
      target: csvNumber(r.target?.value),
      target_year: csvNumber(r.target?.year),
      progress_to_target: csvNumber(r.progress_to_target),
      difference_unit: r.difference_unit,
      status: r.status,
      status_reason: csvField(r.status_reason),
    };
    lines.push(INDICATOR_CSV_COLUMNS.map((k) => cells[k]).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A short table for the terminal: value, interval, change since baseline, gap, progress and status, under the
 * same disclosure control as the report (src/disclosure/, through the report's indicators section): an n below
 * `minCell`, a share whose count who do or do not is that small, a value or interval over a hidden group, the
 * "all areas" margin cells that would give one back, and what is computed from a hidden value (the change since
 * baseline, the gap, the progress to target) are shown as [s].
 */
export function formatIndicators(rows: readonly IndicatorRowResult[], minCell = DEFAULT_MIN_CELL): string {
  const disclosure = new TableStructure(minCell);
  const input: IndicatorRow[] = rows.map((r) => ({
    indicator: r.indicator,
    subgoal: r.subgoal,
    area: r.area,
    year: r.year ?? null,
    unit: r.unit,
    direction: r.direction,
    value: r.value,
    n: r.n ?? null,
    interval_lower: r.interval?.lower ?? null,
    interval_upper: r.interval?.upper ?? null,
    area_baseline: r.area_baseline?.value ?? null,
    area_baseline_year: r.area_baseline?.year ?? null,
    comparison_label: r.comparison_baseline?.label ?? "",
    comparison_baseline: r.comparison_baseline?.value ?? null,
    target: r.target?.value ?? null,
    target_year: r.target?.year ?? null,
    status: r.status,
    change_since_baseline: r.change_since_baseline ?? null,
    gap_to_comparison: r.gap_to_comparison ?? null,
    progress_to_target: r.progress_to_target ?? null,
  }));
  const table = resolveSection(indicatorsSection(input, { lang: "en", minCell, labels: reportLabels("en"), disclosure }), disclosure).tables[0];
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);
  const hidden = (k: number, key: string) => isSuppressed(table.rows[k][col(key)] as Cell);
  let any = false;
  const mark = () => ((any = true), SUPPRESSION_MARK);
  const pct = (r: IndicatorRowResult, x: number) => (r.unit === "mean" ? x.toPrecision(4) : `${(x * 100).toFixed(1)}%`);
  const signed = (r: IndicatorRowResult, x: number | undefined) =>
    x === undefined ? "" : `${x >= 0 ? "+" : ""}${x.toFixed(1)}${r.difference_unit === "percentage points" ? " pp" : ""}`;
  const header = ["indicator", "area", "year", "value", "95% interval", "n", "vs baseline", "vs comparison", "to target", "status"];
  const body = rows.map((r, k) => {
    const valueHidden = hidden(k, "value_share") || hidden(k, "value_number");
    return [
      r.indicator,
      r.area,
      r.year === undefined ? "" : String(r.year),
      r.value === "pending" ? "pending" : valueHidden ? mark() : pct(r, r.value),
      !r.interval ? "" : hidden(k, "interval_lower") || hidden(k, "interval_upper") ? mark() : `[${pct(r, r.interval.lower)}, ${pct(r, r.interval.upper)}]`,
      r.n === undefined ? "" : hidden(k, "n") ? mark() : String(r.n),
      r.change_since_baseline !== undefined && valueHidden ? mark() : signed(r, r.change_since_baseline),
      r.gap_to_comparison !== undefined && valueHidden ? mark() : signed(r, r.gap_to_comparison),
      r.progress_to_target === undefined ? "" : valueHidden ? mark() : r.progress_to_target.toFixed(2),
      r.status,
    ];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j <= 1 || j === 9 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ").trimEnd();
  const out = [line(header), ...body.map(line)];
  if (any) out.push(`${SUPPRESSION_MARK}: fewer than ${minCell} persons, or would give such a count back (see effekt report); the file keeps full detail`);
  return out.join("\n");
}

function runIndicators(opts: IndicatorsOptions): void {
  const format = parseFormat(opts.format);
  const minCell = parseMinCell(opts.minCell);
  if ((opts.values === undefined) === (opts.persons === undefined)) {
    throw new UserError("give exactly one of --values (aggregated CSV) or --persons (person-level CSV)");
  }
  const inputs = ([["--spec", opts.spec], ["--values", opts.values], ["--persons", opts.persons]] as const).filter(([, f]) => f !== undefined).map(([what, f]) => ({ path: f!, what }));
  for (const i of inputs) requireInputFile(i.path, i.what);
  if (opts.out !== undefined) guardOutputs([{ path: opts.out, flag: "--out", kind: "file" }], inputs);
  const spec = parseIndicatorSpec(readJsonFile(opts.spec), basename(opts.spec));
  const input = opts.values !== undefined ? readValues(opts.values, spec) : readPersons(opts.persons!, spec);
  const rows = sortRows(spec, computeIndicators(spec, input));
  const text =
    format === "json"
      ? `${JSON.stringify({ format: "effekt-indicators/1", spec: spec.name, input: basename(opts.values ?? opts.persons!), rows }, null, 2)}\n`
      : indicatorsCsv(rows);
  if (opts.out === undefined) {
    writeData(text);
    return;
  }
  writeFileAtomic(opts.out, text);
  say(`${spec.name}: ${rows.length} rows (${rows.filter((r) => r.value === "pending").length} pending) written to ${opts.out}`);
  say(formatIndicators(rows, minCell));
}
