/**
 * SUS: the indicator table against both baselines (area and comparison, e.g. Viborg Kommune) and the target,
 * year by year. "Data pending" is a real state and is shown as such (a pending cell), never as 0 or an error.
 * A value over fewer than N persons is suppressed with its n and interval; "all areas" n = sum of the areas' n
 * (secondary suppression).
 */
import { label, t } from "../i18n.js";
import type { IndicatorRow } from "../inputs.js";
import type { ChartSpec, IndicatorChart } from "../html/chartTypes.js";
import type { Cell, ReportSection } from "../model.js";
import { PENDING, SUPPRESSED } from "../model.js";
import { suppressCounts, tooFew, type SumRelation } from "../suppress.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";

export function indicatorsSection(rows: IndicatorRow[], ctx: SectionContext): ReportSection {
  const { lang, minCell } = ctx;
  const values = rows.map((r) => [r.n]);
  const relations: SumRelation[] = [];
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = `${r.indicator}\u0000${r.year ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const allAreas = "all areas";
  for (const idx of groups.values()) {
    const total = idx.find((i) => rows[i].area === allAreas);
    const parts = idx.filter((i) => rows[i].area !== allAreas);
    if (total !== undefined && parts.length > 0) relations.push({ total: { row: total, col: 0 }, parts: parts.map((row) => ({ row, col: 0 })) });
  }
  const hidden = suppressCounts(values, relations, minCell);
  const body: Cell[][] = rows.map((r, i) => {
    const isShare = r.unit === "share";
    // A value computed from persons (n known) over fewer than N persons is hidden; aggregate values without n stay.
    const hideValue = r.n !== null && tooFew(r.n, minCell);
    const value: Cell = r.value === "pending" ? PENDING : hideValue ? (r.value === null ? null : SUPPRESSED) : r.value;
    return [
      ctx.labels.indicator(r.indicator),
      r.subgoal,
      r.area === allAreas ? label(lang, "all_areas") : r.area,
      r.year,
      isShare ? value : null,
      isShare ? null : value,
      countCell(r.n, hidden[i][0]),
      statCell(r.interval_lower, hideValue),
      statCell(r.interval_upper, hideValue),
      r.area_baseline,
      r.area_baseline_year,
      r.comparison_label,
      r.comparison_baseline,
      r.target,
      r.target_year,
      ctx.labels.status(r.value === "pending" ? "pending" : r.status),
    ];
  });
  return {
    id: "indicators",
    title: label(lang, "section_indicators"),
    tables: [
      {
        id: "indicators",
        title: label(lang, "section_indicators"),
        columns: [
          column(lang, "indicator", "text"),
          column(lang, "subgoal", "text"),
          column(lang, "area", "text"),
          column(lang, "year", "text"),
          { key: "value_share", label: label(lang, "value_percent"), kind: "percent" },
          { key: "value_number", label: label(lang, "value"), kind: "number" },
          column(lang, "n", "count"),
          column(lang, "interval_lower", "number", 3),
          column(lang, "interval_upper", "number", 3),
          column(lang, "area_baseline", "number", 3),
          column(lang, "area_baseline_year", "text"),
          column(lang, "comparison_label", "text"),
          column(lang, "comparison_baseline", "number", 3),
          column(lang, "target", "number", 3),
          column(lang, "target_year", "text"),
          column(lang, "status", "text"),
        ],
        rows: body,
        notes: [t(lang, "note_indicator_scale")],
      },
    ],
    charts: indicatorCharts(rows, ctx),
  };
}

/** One chart per indicator, all areas together: value, area baseline, comparison baseline and target by year. */
function indicatorCharts(rows: IndicatorRow[], ctx: SectionContext): ChartSpec[] {
  const { lang, minCell } = ctx;
  const charts: IndicatorChart[] = [];
  for (const name of [...new Set(rows.map((r) => r.indicator))]) {
    const mine = rows.map((r) => ({ r })).filter(({ r }) => r.indicator === name && r.area === "all areas");
    const years = [...new Set(mine.map(({ r }) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    if (years.length === 0) continue;
    const at = (y: number) => mine.find(({ r }) => r.year === y);
    const first = mine[0].r;
    const value = years.map((y) => {
      const hit = at(y);
      if (!hit || hit.r.value === "pending" || hit.r.value === null) return null;
      return hit.r.n !== null && tooFew(hit.r.n, minCell) ? null : hit.r.value;
    });
    const flat = (x: number | null) => years.map(() => x);
    const series: IndicatorChart["series"] = [{ label: label(lang, "chart_value"), values: value, style: "value" }];
    if (first.area_baseline !== null) series.push({ label: label(lang, "area_baseline"), values: flat(first.area_baseline), style: "baseline" });
    if (first.comparison_baseline !== null) series.push({ label: first.comparison_label || label(lang, "comparison_baseline"), values: flat(first.comparison_baseline), style: "comparison" });
    if (first.target !== null) series.push({ label: label(lang, "target"), values: flat(first.target), style: "target" });
    charts.push({ kind: "indicator", title: ctx.labels.indicator(name), years, series, unit: first.unit === "share" ? "share" : "number" });
  }
  return charts;
}
