/**
 * Forest plot: one row per estimate, a point at the estimate and a whisker over its 95% confidence interval,
 * against a vertical line at no effect (`null_value`). Rows can sit under group headings. A suppressed row keeps
 * its label but draws no point, no whisker and no number (it rests on too few persons to show).
 */
import type { ForestChart, ForestRow } from "../chartTypes.js";
import { formatNumber, type Lang } from "../format.js";
import { CHART_WORDS, COLOURS } from "../theme.js";
import { linearScale, niceTicks } from "../ticks.js";
import { chartTitle, element, svgFrame, text, textWidth, tooltip, truncate } from "../svg.js";

const WIDTH = 880;
const ROW_HEIGHT = 24;
const GROUP_HEIGHT = 24;
const TOP = 56;
const AXIS_SPACE = 52;
const VALUE_COLUMN = 170;
const LABEL_FONT = 12;

/** Layout item: a group heading or an estimate row, in drawing order. */
type Item = { kind: "group"; label: string } | { kind: "row"; row: ForestRow };

function layoutItems(rows: ForestRow[]): Item[] {
  const items: Item[] = [];
  let currentGroup: string | undefined;
  for (const row of rows) {
    if (row.group !== undefined && row.group !== currentGroup) items.push({ kind: "group", label: row.group });
    currentGroup = row.group;
    items.push({ kind: "row", row });
  }
  return items;
}

function checkRow(row: ForestRow): void {
  if (row.suppressed) return;
  if (!Number.isFinite(row.estimate)) throw new Error(`forest chart: row "${row.label}" has a non-finite estimate (${row.estimate})`);
}

/** An interval is drawn only when both ends are numbers (an estimator may give a point without an interval). */
function hasInterval(row: ForestRow): boolean {
  return Number.isFinite(row.ci_low) && Number.isFinite(row.ci_high);
}

/** Renders the forest plot as inline SVG. */
export function renderForest(chart: ForestChart, lang: Lang): string {
  const words = CHART_WORDS[lang];
  chart.rows.forEach(checkRow);
  const shown = chart.rows.filter((row) => !row.suppressed);

  // The axis always shows the line of no effect, and every interval whole.
  const lows = shown.map((row) => (hasInterval(row) ? Math.min(row.ci_low, row.estimate) : row.estimate));
  const highs = shown.map((row) => (hasInterval(row) ? Math.max(row.ci_high, row.estimate) : row.estimate));
  const ticks = niceTicks(Math.min(chart.null_value, ...lows), Math.max(chart.null_value, ...highs), 6);
  const domainMin = ticks.values[0];
  const domainMax = ticks.values[ticks.values.length - 1];
  const valueDecimals = Math.min(4, ticks.decimals + 1);

  const items = layoutItems(chart.rows);
  // The label column fits the longest label (indented under a group), within 120..320 px; longer labels are cut.
  const indentOf = (item: Item) => (item.kind === "row" && item.row.group !== undefined ? 24 : 12);
  const longestLabel = Math.max(0, ...items.map((item) => indentOf(item) + textWidth(item.kind === "row" ? item.row.label : item.label, LABEL_FONT)));
  const labelWidth = Math.min(320, Math.max(120, longestLabel + 16));
  const charsFitting = (indent: number) => Math.floor((labelWidth - indent - 12) / (LABEL_FONT * 0.58));
  const plotLeft = labelWidth;
  const plotRight = WIDTH - VALUE_COLUMN - 16;
  const x = linearScale(domainMin, domainMax, plotLeft, plotRight);

  const bodyHeight = items.reduce((sum, item) => sum + (item.kind === "group" ? GROUP_HEIGHT : ROW_HEIGHT), 0);
  const plotTop = TOP;
  const plotBottom = TOP + Math.max(bodyHeight, ROW_HEIGHT);
  const height = plotBottom + AXIS_SPACE;

  const parts: string[] = [chartTitle(chart.title, 12)];
  parts.push(text(words.estimateColumn, { x: WIDTH - 12, y: TOP - 8, "text-anchor": "end", fill: COLOURS.muted, "font-size": "11" }));

  // Grid lines and tick labels.
  const grid: string[] = [];
  for (const tick of ticks.values) {
    const tx = x(tick);
    grid.push(element("line", { x1: tx, x2: tx, y1: plotTop, y2: plotBottom, stroke: COLOURS.grid }));
    grid.push(text(formatNumber(tick, ticks.decimals, lang), { x: tx, y: plotBottom + 16, "text-anchor": "middle", fill: COLOURS.muted, "font-size": "11" }));
  }
  parts.push(element("g", { class: "grid" }, grid.join("")));
  parts.push(element("line", { class: "axis", x1: plotLeft, x2: plotRight, y1: plotBottom, y2: plotBottom, stroke: COLOURS.faint }));
  parts.push(text(chart.x_label, { class: "axis-label", x: (plotLeft + plotRight) / 2, y: plotBottom + 38, "text-anchor": "middle", fill: COLOURS.ink }));

  // Rows, with light banding for reading across.
  const bandParts: string[] = [];
  const rowParts: string[] = [];
  let y = TOP;
  let rowIndex = 0;
  for (const item of items) {
    if (item.kind === "group") {
      rowParts.push(text(truncate(item.label, charsFitting(12)), { class: "group-label", x: 12, y: y + 16, "font-weight": "600" }));
      y += GROUP_HEIGHT;
      continue;
    }
    const row = item.row;
    const mid = y + ROW_HEIGHT / 2;
    const indent = row.group !== undefined ? 24 : 12;
    const label = truncate(row.label, charsFitting(indent));
    const g: string[] = [];
    if (rowIndex % 2 === 0) bandParts.push(element("rect", { x: 0, y, width: WIDTH, height: ROW_HEIGHT, fill: COLOURS.band }));
    if (row.suppressed) {
      g.push(tooltip(`${row.label}: ${words.suppressed}`));
      g.push(text(label, { class: "row-label", x: indent, y: mid + 4, fill: COLOURS.muted }));
      g.push(text(words.suppressed, { class: "suppressed", x: WIDTH - 12, y: mid + 4, "text-anchor": "end", fill: COLOURS.muted, "font-style": "italic" }));
      rowParts.push(element("g", { class: "row suppressed-row" }, g.join("")));
    } else {
      const estimate = formatNumber(row.estimate, valueDecimals, lang);
      const interval = hasInterval(row)
        ? `[${formatNumber(row.ci_low, valueDecimals, lang)}${words.rangeSeparator}${formatNumber(row.ci_high, valueDecimals, lang)}]`
        : `[${words.noInterval}]`;
      g.push(tooltip(`${row.group !== undefined ? row.group + ", " : ""}${row.label}: ${estimate} ${words.ciShort} ${interval}`));
      g.push(text(label, { class: "row-label", x: indent, y: mid + 4 }));
      if (hasInterval(row)) {
        const x1 = x(row.ci_low);
        const x2 = x(row.ci_high);
        g.push(element("line", { class: "ci", x1, x2, y1: mid, y2: mid, stroke: COLOURS.result, "stroke-width": "1.6" }));
        g.push(element("line", { class: "ci-cap", x1, x2: x1, y1: mid - 4, y2: mid + 4, stroke: COLOURS.result, "stroke-width": "1.6" }));
        g.push(element("line", { class: "ci-cap", x1: x2, x2, y1: mid - 4, y2: mid + 4, stroke: COLOURS.result, "stroke-width": "1.6" }));
      }
      g.push(element("rect", { class: "point", x: x(row.estimate) - 4.5, y: mid - 4.5, width: 9, height: 9, fill: COLOURS.result }));
      g.push(text(`${estimate} ${interval}`, { class: "value", x: WIDTH - 12, y: mid + 4, "text-anchor": "end", "font-variant-numeric": "tabular-nums" }));
      rowParts.push(element("g", { class: "row" }, g.join("")));
    }
    rowIndex++;
    y += ROW_HEIGHT;
  }
  if (items.length === 0) rowParts.push(text(words.noData, { x: (plotLeft + plotRight) / 2, y: TOP + 16, "text-anchor": "middle", fill: COLOURS.muted }));
  // Drawing order: banding, grid, the line of no effect, then the rows' marks on top.
  parts.splice(1, 0, element("g", { class: "bands" }, bandParts.join("")));
  const zero = x(chart.null_value);
  parts.push(element("line", { class: "zero", x1: zero, x2: zero, y1: plotTop, y2: plotBottom, stroke: COLOURS.ink, "stroke-width": "1", "stroke-dasharray": "4 3" }));
  parts.push(element("g", { class: "rows" }, rowParts.join("")));

  const label = `${chart.title}: ${words.forestDescription(shown.length)}`;
  return svgFrame(WIDTH, height, label, parts.join(""), "forest");
}
