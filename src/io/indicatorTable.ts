import type { IndicatorRowResult } from "../indicators/index.js";
import { numberCell } from "./columns.js";
import { readCsv, throwProblems } from "./csv.js";
import { csvField, csvNumber } from "./csvOut.js";
import { restoreNeutralised } from "./excelSafe.js";

/**
 * The indicator table `indicators.csv` (written by `effekt indicators`, read by `effekt report`): its columns, the
 * writer and the reader. Text cells are read back with `restoreNeutralised` (the writer puts a `'` before a
 * formula-like label).
 */

export const INDICATOR_CSV_COLUMNS = [
  "indicator", "subgoal", "area", "year", "unit", "direction", "value", "n", "interval_lower", "interval_upper", "interval_method",
  "interval_level", "area_baseline", "area_baseline_year", "comparison_label", "comparison_baseline", "comparison_baseline_year",
  "change_since_baseline", "gap_to_comparison", "target", "target_year", "progress_to_target", "difference_unit", "status", "status_reason",
] as const;

/** The table as CSV: the header, then one line per row, `,` and `\n`, UTF-8. */
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


type Num = number | null;

/** A row of indicators.csv as read back: numbers a finite number or null (empty), a pending value as "pending". */
export interface IndicatorRow {
  indicator: string;
  subgoal: string;
  area: string;
  year: Num;
  unit: string;
  /** "higher" or "lower": which direction is better (the target is met at or beyond it). */
  direction: string;
  value: Num | "pending";
  n: Num;
  interval_lower: Num;
  interval_upper: Num;
  area_baseline: Num;
  area_baseline_year: Num;
  comparison_label: string;
  comparison_baseline: Num;
  target: Num;
  target_year: Num;
  status: string;
  /** Value minus the area baseline, in `difference_unit` (percentage points for shares). */
  change_since_baseline: Num;
  gap_to_comparison: Num;
  /** Share of the way from the baseline to the target (0..1; above 1 beyond it). */
  progress_to_target: Num;
}

/** Reads indicators.csv in file order. */
export function readIndicatorTable(path: string): IndicatorRow[] {
  // every problem of the table in one run (io/columns.ts numberCell collects them)
  const table = readCsv(path, { required: ["indicator", "area", "year", "value"], collectProblems: true });
  const out: IndicatorRow[] = [];
  const text = (k: string, i: number) => restoreNeutralised(table.columns.get(k)?.[i] ?? "");
  const n = (k: string, i: number) => numberCell(table, k, i);
  for (let i = 0; i < table.nRows; i++) {
    const raw = text("value", i).trim();
    out.push({
      indicator: text("indicator", i),
      subgoal: text("subgoal", i),
      area: text("area", i),
      year: n("year", i),
      unit: text("unit", i),
      direction: text("direction", i),
      value: raw === "pending" ? "pending" : raw === "" ? "pending" : n("value", i),
      n: n("n", i),
      interval_lower: n("interval_lower", i),
      interval_upper: n("interval_upper", i),
      area_baseline: n("area_baseline", i),
      area_baseline_year: n("area_baseline_year", i),
      comparison_label: text("comparison_label", i),
      comparison_baseline: n("comparison_baseline", i),
      target: n("target", i),
      target_year: n("target_year", i),
      status: text("status", i),
      change_since_baseline: n("change_since_baseline", i),
      gap_to_comparison: n("gap_to_comparison", i),
      progress_to_target: n("progress_to_target", i),
    });
  }
  throwProblems(table);
  return out;
}
