/**
 * Indicator chart: the indicator's value year by year against its baseline (the area), the comparison baseline
 * (e.g. the whole municipality) and the target. A year without a value is "data pending": its column is shaded
 * and labelled, and the value line breaks there rather than bridging the gap.
 */
import type { IndicatorChart, IndicatorSeries, IndicatorSeriesStyle } from "../chartTypes.js";
import { coord, formatNumber, formatPercent, type Lang } from "../format.js";
import { CHART_WORDS, COLOURS } from "../theme.js";
import { linearScale, niceTicks } from "../ticks.js";
import { element, svgFrame, text, textWidth, tooltip, twoLines } from "../svg.js";

const WIDTH = 880;
const HEIGHT = 340;
const PLOT_LEFT = 64;
/** Room on the right for each reference line's label and value. */
const PLOT_RIGHT = WIDTH - 190;
const PLOT_TOP = 70;
const PLOT_BOTTOM = HEIGHT - 40;

interface SeriesLook {
  stroke: string;
  width: string;
  dash?: string;
  marker: number;
}

const LOOKS: Record<IndicatorSeriesStyle, SeriesLook> = {
  value: { stroke: COLOURS.result, width: "2.5", marker: 4.5 },
  baseline: { stroke: COLOURS.baseline, width: "1.5", marker: 3 },
  comparison: { stroke: COLOURS.comparison, width: "1.5", dash: "6 4", marker: 3 },
  target: { stroke: COLOURS.target, width: "1.8", dash: "2 3", marker: 3.5 },
};

/** Draw order: reference lines first, the indicator's own value on top. */
const DRAW_ORDER: IndicatorSeriesStyle[] = ["comparison", "baseline", "target", "value"];

function checkSeries(chart: IndicatorChart, series: IndicatorSeries): void {
  if (series.values.length !== chart.years.length) {
    throw new Error(`indicator chart "${chart.title}": series "${series.label}" has ${series.values.length} values for ${chart.years.length} years`);
  }
  for (const value of series.values) {
    if (value !== null && !Number.isFinite(value)) throw new Error(`indicator chart "${chart.title}": series "${series.label}" has a non-finite value`);
  }
}

/** Renders the indicator chart as inline SVG. */
export function renderIndicator(chart: IndicatorChart, lang: Lang): string {
  const words = CHART_WORDS[lang];
  chart.series.forEach((series) => checkSeries(chart, series));
  const known = chart.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  // Start the axis at zero (or below it for negative values) so differences are not exaggerated.
  const ticks = niceTicks(Math.min(0, ...known), Math.max(0, ...known), 5);
  const yMin = ticks.values[0];
  const yMax = ticks.values[ticks.values.length - 1];
  const y = linearScale(yMin, yMax, PLOT_BOTTOM, PLOT_TOP);
  const n = Math.max(1, chart.years.length);
  const band = (PLOT_RIGHT - PLOT_LEFT) / n;
  const x = (index: number) => PLOT_LEFT + (index + 0.5) * band;
  const tickLabel = (value: number) =>
    chart.unit === "share" ? formatPercent(value, lang, Math.max(0, ticks.decimals - 2)) : formatNumber(value, lang, ticks.decimals);
  // Values rounded as the table beside the chart rounds them (shares: one decimal in per cent).
  const valueLabel = (value: number) =>
    chart.unit === "share" ? formatPercent(value, lang, chart.decimals ?? 1) : formatNumber(value, lang, chart.decimals ?? 3);

  // A long title (an indicator's definition) takes two lines; the chart below moves down by one.
  const titleLines = splitTitle(chart.title);
  const shift = titleLines.length > 1 ? 18 : 0;
  const head: string[] = titleLines.map((line, k) => text(line, { class: "chart-title", x: 12, y: 22 + k * 18, "font-size": "15", "font-weight": "600" }));
  const parts: string[] = [];

  // Legend: one line sample per series, in the order given.
  const legend: string[] = [];
  let legendX = PLOT_LEFT;
  for (const series of chart.series) {
    const look = LOOKS[series.style];
    legend.push(element("line", { x1: legendX, x2: legendX + 24, y1: 44, y2: 44, stroke: look.stroke, "stroke-width": look.width, "stroke-dasharray": look.dash }));
    legend.push(text(series.label, { x: legendX + 30, y: 48 }));
    legendX += 30 + textWidth(series.label, 12) + 24;
  }
  const valueSeries = chart.series.find((series) => series.style === "value");
  const pendingIndexes = valueSeries ? chart.years.map((_, i) => i).filter((i) => valueSeries.values[i] === null) : [];
  if (pendingIndexes.length > 0) {
    legend.push(element("rect", { x: legendX, y: 37, width: 16, height: 14, fill: COLOURS.pending, stroke: COLOURS.grid }));
    legend.push(text(words.pending, { x: legendX + 22, y: 48, fill: COLOURS.muted, "font-style": "italic" }));
  }
  parts.push(element("g", { class: "legend" }, legend.join("")));

  // Pending years: a shaded column with the words, so the gap reads as "not yet known", not as zero.
  const pending: string[] = [];
  for (const i of pendingIndexes) {
    pending.push(
      element("g", { class: "pending" },
        tooltip(`${chart.years[i]}: ${words.pending}`) +
        element("rect", { x: x(i) - band / 2, y: PLOT_TOP, width: band, height: PLOT_BOTTOM - PLOT_TOP, fill: COLOURS.pending }) +
        text(words.pending, { x: x(i), y: (PLOT_TOP + PLOT_BOTTOM) / 2, "text-anchor": "middle", fill: COLOURS.muted, "font-style": "italic", "font-size": "11" })),
    );
  }
  parts.push(element("g", { class: "pending-years" }, pending.join("")));

  // Horizontal grid with tick labels, the years underneath.
  const grid: string[] = [];
  for (const tick of ticks.values) {
    grid.push(element("line", { x1: PLOT_LEFT, x2: PLOT_RIGHT, y1: y(tick), y2: y(tick), stroke: tick === 0 ? COLOURS.faint : COLOURS.grid }));
    // With no value known yet the scale means nothing: grid lines only, no numbers.
    if (known.length > 0) grid.push(text(tickLabel(tick), { x: PLOT_LEFT - 8, y: y(tick) + 4, "text-anchor": "end", fill: COLOURS.muted, "font-size": "11" }));
  }
  chart.years.forEach((year, i) => grid.push(text(String(year), { x: x(i), y: PLOT_BOTTOM + 18, "text-anchor": "middle", fill: COLOURS.muted })));
  parts.push(element("g", { class: "grid" }, grid.join("")));

  // The value's label goes above its point unless another series' point is close above it and there is more
  // room below (the label needs about 22 px).
  const otherYs = (i: number) =>
    chart.series.filter((series) => series.style !== "value").flatMap((series) => (series.values[i] === null ? [] : [y(series.values[i] as number)]));
  const valueLabelY = (i: number, value: number) => {
    const py = y(value);
    const roomAbove = Math.min(py - PLOT_TOP + 30, ...otherYs(i).filter((oy) => oy < py - 0.5).map((oy) => py - oy));
    const roomBelow = Math.min(PLOT_BOTTOM - py, ...otherYs(i).filter((oy) => oy > py + 0.5).map((oy) => oy - py));
    return roomAbove < 22 && roomBelow > roomAbove ? py + 20 : py - 10;
  };

  // Each series: line segments between consecutive known years, a marker with a tooltip at each known year.
  const ordered = DRAW_ORDER.flatMap((style) => chart.series.filter((series) => series.style === style));
  for (const series of ordered) {
    const look = LOOKS[series.style];
    const segments: string[] = [];
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) segments.push(element("polyline", { points: run.join(" "), fill: "none", stroke: look.stroke, "stroke-width": look.width, "stroke-dasharray": look.dash, "stroke-linejoin": "round" }));
      run = [];
    };
    const markers: string[] = [];
    series.values.forEach((value, i) => {
      if (value === null) return flush();
      run.push(`${coord(x(i))},${coord(y(value))}`);
      const marker = element("circle", { cx: x(i), cy: y(value), r: look.marker, fill: series.style === "value" ? look.stroke : "#ffffff", stroke: look.stroke, "stroke-width": "1.5" });
      const label = series.style === "value" ? text(valueLabel(value), { class: "value-label", x: x(i), y: valueLabelY(i, value), "text-anchor": "middle", "font-weight": "600", fill: look.stroke }) : "";
      markers.push(element("g", { class: "point" }, tooltip(`${series.label}, ${chart.years[i]}: ${valueLabel(value)}`) + marker + label));
    });
    flush();
    // A series with one known year only (e.g. a baseline measured once) has no line; its marker stands alone.
    parts.push(element("g", { class: `series series-${series.style}` }, segments.join("") + markers.join("")));
  }
  if (chart.years.length === 0) parts.push(text(words.noData, { x: (PLOT_LEFT + PLOT_RIGHT) / 2, y: (PLOT_TOP + PLOT_BOTTOM) / 2, "text-anchor": "middle", fill: COLOURS.muted }));

  // The value's 95% interval: a whisker at each year with a value.
  const valueSeriesForInterval = chart.series.find((series) => series.style === "value");
  if (valueSeriesForInterval?.low && valueSeriesForInterval.high) {
    const whiskers: string[] = [];
    valueSeriesForInterval.low.forEach((low, i) => {
      const high = valueSeriesForInterval.high![i];
      if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return;
      const look = { stroke: COLOURS.result, "stroke-width": "1.3", "stroke-opacity": "0.7" };
      whiskers.push(
        element("g", { class: "interval" },
          tooltip(`${words.ciShort}, ${chart.years[i]}: [${valueLabel(low)}; ${valueLabel(high)}]`) +
          element("line", { x1: x(i), x2: x(i), y1: y(low), y2: y(high), ...look }) +
          element("line", { x1: x(i) - 5, x2: x(i) + 5, y1: y(low), y2: y(low), ...look }) +
          element("line", { x1: x(i) - 5, x2: x(i) + 5, y1: y(high), y2: y(high), ...look })),
      );
    });
    parts.splice(parts.length - 1, 0, element("g", { class: "intervals" }, whiskers.join("")));
  }
  // Every reference line labelled at its right end with its value, the labels kept 14 px apart.
  const ends = chart.series
    .filter((series) => series.style !== "value")
    .flatMap((series) => {
      const last = [...series.values].reverse().find((v): v is number => v !== null);
      return last === undefined ? [] : [{ series, value: last, at: y(last) }];
    })
    .sort((a, b) => a.at - b.at);
  for (let k = 1; k < ends.length; k++) ends[k].at = Math.max(ends[k].at, ends[k - 1].at + 14);
  const endLabels = ends.map((e) => text(`${e.series.label}: ${valueLabel(e.value)}`, { class: "end-label", x: PLOT_RIGHT + 8, y: e.at + 4, fill: LOOKS[e.series.style].stroke, "font-size": "11" }));
  parts.push(element("g", { class: "end-labels" }, endLabels.join("")));
  const body = shift > 0 ? element("g", { transform: `translate(0 ${shift})` }, parts.join("")) : parts.join("");
  return svgFrame(WIDTH, HEIGHT + shift, chart.title, head.join("") + body, "indicator");
}

/** The title in one line, or two when it is longer than the chart is wide (the rest cut with an ellipsis). */
function splitTitle(title: string): string[] {
  return twoLines(title, Math.floor((WIDTH - 24) / (15 * 0.6)));
}
