import { basename } from "node:path";
import { UserError } from "../errors.js";
import { ALL_AREAS, computeIndicators, type IndicatorRowResult } from "../indicators/index.js";
import { writeFileAtomic } from "../io/atomic.js";
import { guardOutputs, requireInputFile } from "../io/outputGuard.js";
import { readJsonFile } from "../io/json.js";
import { parseFormat } from "../io/csvOut.js";
import { parseIndicatorSpec, type IndicatorSpec } from "../schemas/indicatorSpec.js";
import { DEFAULT_MIN_CELL, parseMinCell } from "../disclosure/rules.js";
import { TableStructure } from "../disclosure/structure.js";
import { indicatorsSection } from "../report/sections/indicators.js";
import { resolveSection } from "../report/build.js";
import { reportLabels } from "../i18n/labels.js";
import { SUPPRESSION_MARK } from "../disclosure/rules.js";
import { isSuppressed, type Cell } from "../report/model.js";
import type { IndicatorRow } from "../io/indicatorTable.js";
import { indicatorsCsv } from "../io/indicatorTable.js";
import { messageLang, tm } from "../i18n/messageLang.js";
import type { MessageKey } from "../i18n/catalogue.js";
import { readIndicatorPersons, readIndicatorValues } from "../io/indicatorValues.js";

export interface IndicatorsOptions {
  spec: string;
  values?: string;
  persons?: string;
  out?: string;
  format: string;
  minCell?: string;
}

/** Where `effekt indicators` writes for people: lines to stdout, and the table to stdout. */
export interface IndicatorsTerminal {
  say: (line: string) => void;
  writeData: (text: string) => void;
}

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
  // the table's words in the run's language (the file keeps its own: code values such as "all areas" and "better")
  const lang = messageLang();
  const dec = (text: string) => (lang === "en" ? text : text.replace(".", ","));
  const pct = (r: IndicatorRowResult, x: number) => (r.unit === "mean" ? dec(x.toPrecision(4)) : `${dec((x * 100).toFixed(1))}${lang === "en" ? "%" : " %"}`);
  const signed = (r: IndicatorRowResult, x: number | undefined) =>
    x === undefined ? "" : `${x >= 0 ? "+" : ""}${dec(x.toFixed(1))}${r.difference_unit === "percentage points" ? tm("res_ind_points") : ""}`;
  const statusKey: Record<string, MessageKey> = {
    better: "res_ind_status_better",
    worse: "res_ind_status_worse",
    "unchanged-within-uncertainty": "res_ind_status_unchanged",
    pending: "res_ind_status_pending",
    "not-assessable": "res_ind_status_not_assessable",
  };
  const status = (s: string) => (statusKey[s] !== undefined ? tm(statusKey[s]) : s);
  const header = (["res_ind_h_indicator", "res_ind_h_area", "res_ind_h_year", "res_ind_h_value", "res_ind_h_interval", "res_ind_h_n", "res_ind_h_baseline", "res_ind_h_comparison", "res_ind_h_target", "res_ind_h_status"] as const).map((k) => tm(k));
  const body = rows.map((r, k) => {
    const valueHidden = hidden(k, "value_share") || hidden(k, "value_number");
    return [
      r.indicator,
      r.area === ALL_AREAS ? tm("all_areas") : r.area,
      r.year === undefined ? "" : String(r.year),
      r.value === "pending" ? tm("res_ind_pending") : valueHidden ? mark() : pct(r, r.value),
      !r.interval ? "" : hidden(k, "interval_lower") || hidden(k, "interval_upper") ? mark() : `[${pct(r, r.interval.lower)}, ${pct(r, r.interval.upper)}]`,
      r.n === undefined ? "" : hidden(k, "n") ? mark() : String(r.n),
      r.change_since_baseline !== undefined && valueHidden ? mark() : signed(r, r.change_since_baseline),
      r.gap_to_comparison !== undefined && valueHidden ? mark() : signed(r, r.gap_to_comparison),
      r.progress_to_target === undefined ? "" : valueHidden ? mark() : dec(r.progress_to_target.toFixed(2)),
      status(r.status),
    ];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j <= 1 || j === 9 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ").trimEnd();
  const out = [line(header), ...body.map(line)];
  if (any) out.push(tm("res_suppressed_indicators", { mark: SUPPRESSION_MARK, min: minCell }));
  return out.join("\n");
}

/**
 * `effekt indicators`: the indicator table from a spec and aggregated or person-level values, to stdout or (with
 * `--out`, atomically) to a file with a summary line and the terminal table under disclosure control.
 */
export function runIndicators(opts: IndicatorsOptions, { say, writeData }: IndicatorsTerminal): void {
  const format = parseFormat(opts.format);
  const minCell = parseMinCell(opts.minCell);
  if ((opts.values === undefined) === (opts.persons === undefined)) {
    throw new UserError(tm("res_ind_one_input"));
  }
  const inputs = ([["--spec", opts.spec], ["--values", opts.values], ["--persons", opts.persons]] as const).filter(([, f]) => f !== undefined).map(([what, f]) => ({ path: f!, what }));
  for (const i of inputs) requireInputFile(i.path, i.what);
  if (opts.out !== undefined) guardOutputs([{ path: opts.out, flag: "--out", kind: "file" }], inputs);
  const spec = parseIndicatorSpec(readJsonFile(opts.spec), basename(opts.spec));
  const input = opts.values !== undefined ? readIndicatorValues(opts.values, spec) : readIndicatorPersons(opts.persons!, spec);
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
  say(tm("res_ind_written", { name: spec.name, rows: rows.length, pending: rows.filter((r) => r.value === "pending").length, out: opts.out }));
  say(formatIndicators(rows, minCell));
}
