/**
 * SUS: the indicator table against both baselines (area and comparison, e.g. Viborg Kommune) and the target,
 * year by year. "Data pending" is a real state and is shown as such (a pending cell), never as 0 or an error.
 * Declared for disclosure control: the persons behind each value (n) and, for a share, the count who do and
 * who do not; "all areas" = sum of the areas (n and count). A value and its interval are shown only when the
 * count they rest on is (a Wilson interval beside a hidden n would give the share and n back).
 */
import { label, t } from "../i18n.js";
import type { IndicatorRow } from "../../io/indicatorTable.js";
import type { ChartSpec, IndicatorChart } from "../html/chartTypes.js";
import type { DraftCell, DraftSection } from "../model.js";
import { PENDING } from "../model.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";

export function indicatorsSection(rows: IndicatorRow[], ctx: SectionContext): DraftSection {
  const { lang, disclosure: d } = ctx;
  const allAreas = "all areas";
  const nId = (r: IndicatorRow) => `indicators:${r.indicator}:${r.year ?? ""}:${r.area}:n`;
  const xId = (r: IndicatorRow) => `indicators:${r.indicator}:${r.year ?? ""}:${r.area}:x`;
  // Persons behind each value; for a share of persons, the count who do (value x n) and who do not.
  const groupOf = rows.map((r): string[] | null => {
    if (r.n === null) return r.value === null || r.value === "pending" ? null : r.interval_lower === null ? null : ["unknown"];
    d.count(nId(r), r.n);
    if (r.unit === "share" && typeof r.value === "number") {
      const x = Math.round(r.value * r.n);
      if (Math.abs(r.value * r.n - x) < 1e-6 && x >= 0 && x <= r.n) return [d.share(xId(r), nId(r), x)];
    }
    return [nId(r)];
  });
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = `${r.indicator}\u0000${r.year ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const total = idx.find((i) => rows[i].area === allAreas);
    const parts = idx.filter((i) => rows[i].area !== allAreas);
    if (total === undefined || parts.length === 0) continue;
    if ([total, ...parts].every((i) => d.has(nId(rows[i])))) d.sum(nId(rows[total]), parts.map((i) => nId(rows[i])));
    if ([total, ...parts].every((i) => d.has(xId(rows[i])))) d.sum(xId(rows[total]), parts.map((i) => xId(rows[i])));
  }
  // Shares in per cent throughout (value, interval, baselines, target), as the charts show them; other units as numbers.
  const shares = rows.every((r) => r.unit === "share" || r.value === "pending" || r.value === null);
  const level = shares ? "percent" : "number";
  const body: DraftCell[][] = rows.map((r, i) => {
    const isShare = r.unit === "share";
    // A value computed from persons is shown only when its group is (an aggregate value without n stays).
    const value: DraftCell = r.value === "pending" ? PENDING : statCell(r.value, groupOf[i]);
    const metTarget =
      r.target !== null && r.target_year !== null && r.year === r.target_year && typeof r.value === "number"
        ? label(lang, (r.direction === "lower" ? r.value <= r.target : r.value >= r.target) ? "target_met_yes" : "target_missed")
        : "";
    return [
      ctx.labels.indicator(r.indicator),
      ctx.labels.subgoal(r.indicator, r.subgoal),
      r.area_baseline,
      r.area_baseline_year,
      r.comparison_label,
      r.comparison_baseline,
      r.target,
      r.target_year,
      r.area === allAreas ? label(lang, "all_areas") : r.area,
      r.year,
      isShare ? value : null,
      isShare ? null : value,
      countCell(r.n, r.n === null ? null : nId(r)),
      statCell(r.interval_lower, groupOf[i]),
      statCell(r.interval_upper, groupOf[i]),
      statCell(r.change_since_baseline, groupOf[i]),
      statCell(r.gap_to_comparison, groupOf[i]),
      statCell(r.progress_to_target, groupOf[i]),
      // The status places the value against its baseline: shown only when the value is.
      r.value === "pending" || groupOf[i] === null ? ctx.labels.status(r.value === "pending" ? "pending" : r.status) : { guarded: ctx.labels.status(r.status), by: groupOf[i]! },
      // Met or missed says on which side of the target the value lies: shown only when the value is.
      metTarget === "" || groupOf[i] === null ? metTarget : { guarded: metTarget, by: groupOf[i]! },
    ];
  });
  return {
    id: "indicators",
    title: label(lang, "section_indicators"),
    tables: [
      {
        id: "indicators",
        title: label(lang, "section_indicators"),
        groupBy: ["indicator", "subgoal", "area_baseline", "area_baseline_year", "comparison_label", "comparison_baseline", "target", "target_year"],
        columns: [
          column(lang, "indicator", "text"),
          column(lang, "subgoal", "text"),
          column(lang, "area_baseline", level, shares ? 1 : 3),
          column(lang, "area_baseline_year", "text"),
          column(lang, "comparison_label", "text"),
          column(lang, "comparison_baseline", level, shares ? 1 : 3),
          column(lang, "target", level, shares ? 1 : 3),
          column(lang, "target_year", "text"),
          column(lang, "area", "text"),
          column(lang, "year", "text"),
          { key: "value_share", label: label(lang, "value_percent"), kind: "percent" },
          { key: "value_number", label: label(lang, "value"), kind: "number" },
          column(lang, "n", "count"),
          { ...column(lang, "interval_lower", level, shares ? 1 : 3), joinNext: t(lang, "chart_interval") },
          column(lang, "interval_upper", level, shares ? 1 : 3),
          { ...column(lang, "change_since_baseline", "number", 1), label: shares ? t(lang, "change_since_baseline_pp") : label(lang, "change_since_baseline") },
          { ...column(lang, "gap_to_comparison", "number", 1), label: shares ? t(lang, "gap_to_comparison_pp") : label(lang, "gap_to_comparison") },
          column(lang, "progress_to_target", "percent", 0),
          column(lang, "status", "text"),
          column(lang, "target_met", "text"),
        ],
        rows: body,
        notes: [t(lang, "note_indicator_scale"), t(lang, "note_indicator_progress")],
      },
    ],
    charts: (shown) => indicatorCharts(rows, groupOf, shown, ctx),
  };
}

/** One chart per indicator, all areas together: value, area baseline, comparison baseline and target by year. */
function indicatorCharts(rows: IndicatorRow[], groupOf: (string[] | null)[], shown: (ids: string[]) => boolean, ctx: SectionContext): ChartSpec[] {
  const { lang } = ctx;
  const charts: IndicatorChart[] = [];
  for (const name of [...new Set(rows.map((r) => r.indicator))]) {
    const mine = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.indicator === name && r.area === "all areas");
    const years = [...new Set(mine.map(({ r }) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    if (years.length === 0) continue;
    const at = (y: number) => mine.find(({ r }) => r.year === y);
    const first = mine[0].r;
    const value = years.map((y) => {
      const hit = at(y);
      if (!hit || hit.r.value === "pending" || hit.r.value === null) return null;
      const g = groupOf[hit.i];
      return g !== null && !shown(g) ? null : hit.r.value;
    });
    const flat = (x: number | null) => years.map(() => x);
    // The value's interval where the value is shown (the same rule as the table).
    const bound = (k: "interval_lower" | "interval_upper") =>
      years.map((y, j) => (value[j] === null ? null : (at(y)?.r[k] ?? null)));
    const series: IndicatorChart["series"] = [{ label: label(lang, "chart_value"), values: value, style: "value", low: bound("interval_lower"), high: bound("interval_upper") }];
    if (first.area_baseline !== null) series.push({ label: label(lang, "area_baseline"), values: flat(first.area_baseline), style: "baseline" });
    if (first.comparison_baseline !== null) series.push({ label: first.comparison_label || label(lang, "comparison_baseline"), values: flat(first.comparison_baseline), style: "comparison" });
    if (first.target !== null) series.push({ label: label(lang, "target"), values: flat(first.target), style: "target" });
    charts.push({ kind: "indicator", title: ctx.labels.indicator(name), years, series, unit: first.unit === "share" ? "share" : "number", decimals: first.unit === "share" ? 1 : 3 });
  }
  return charts;
}
