/**
 * Forest plot: one row per estimate, a point at the estimate and a whisker over its 95% confidence interval,
 * against a dashed line at no effect (`null_value`). Rows that share a `group` (usually an outcome) form a panel
 * with its own x axis, because outcomes differ in units (a share of weeks employed next to a wellbeing score
 * would squash one of them to a dot); rows without a group form one panel. A suppressed row keeps its label
 * but draws no point, no whisker and no number (it rests on too few persons to show).
 */
import type { ForestChart, ForestRow } from "../chartTypes.js";
import { formatNumber, type Lang } from "../format.js";
import { CHART_WORDS, COLOURS } from "../theme.js";
import { linearScale, niceTicks } from "../ticks.js";
import { chartTitle, element, svgFrame, text, textWidth, tooltip, truncate } from "../svg.js";

const WIDTH = 880;
const ROW_HEIGHT = 24;
const GROUP_HEIGHT = 26;
const TOP = 56;
const AXIS_HEIGHT = 30;
const PANEL_GAP = 12;
const X_LABEL_HEIGHT = 24;
const VALUE_COLUMN = 170;
const LABEL_FONT = 12;

/** Rows under one heading (or none), drawn on one axis. */
interface Panel {
  group: string | undefined;
  rows: ForestRow[];
}

/** Consecutive rows with the same group make a panel, in the order given. */
function panelsOf(rows: ForestRow[]): Panel[] {
  const panels: Panel[] = [];
  for (const row of rows) {
    const last = panels[panels.length - 1];
    if (last && last.group === row.group) last.rows.push(row);
    else panels.push({ group: row.group, rows: [row] });
  }
  return panels;
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
  const panels = panelsOf(chart.rows);

  // The label column fits the longest label (indented under a heading), within 120..320 px; longer labels are cut.
  const indentOf = (row: ForestRow) => (row.group !== undefined ? 24 : 12);
  const widths = [
    ...chart.rows.map((row) => indentOf(row) + textWidth(row.label, LABEL_FONT)),
    ...panels.map((panel) => 12 + textWidth(panel.group ?? "", LABEL_FONT)),
  ];
  const labelWidth = Math.min(320, Math.max(120, Math.max(0, ...widths) + 16));
  const charsFitting = (indent: number) => Math.floor((labelWidth - indent - 12) / (LABEL_FONT * 0.58));
  const plotLeft = labelWidth;
  const plotRight = WIDTH - VALUE_COLUMN - 16;

  const parts: string[] = [chartTitle(chart.title, 12)];
  parts.push(text(words.estimateColumn, { x: WIDTH - 12, y: TOP - 8, "text-anchor": "end", fill: COLOURS.muted, "font-size": "11" }));

  let y = TOP;
  let shownCount = 0;
  for (const panel of panels) {
    const shown = panel.rows.filter((row) => !row.suppressed);
    shownCount += shown.length;
    // The axis always shows the line of no effect and every interval whole.
    const lows = shown.map((row) => (hasInterval(row) ? Math.min(row.ci_low, row.estimate) : row.estimate));
    const highs = shown.map((row) => (hasInterval(row) ? Math.max(row.ci_high, row.estimate) : row.estimate));
    const ticks = niceTicks(Math.min(chart.null_value, ...lows), Math.max(chart.null_value, ...highs), 6);
    const x = linearScale(ticks.values[0], ticks.values[ticks.values.length - 1], plotLeft, plotRight);
    const valueDecimals = Math.min(4, ticks.decimals + 1);

    const bands: string[] = [];
    const marks: string[] = [];
    if (panel.group !== undefined) {
      marks.push(text(truncate(panel.group, charsFitting(12)), { class: "group-label", x: 12, y: y + 18, "font-weight": "600" }));
      y += GROUP_HEIGHT;
    }
    const rowsTop = y;
    panel.rows.forEach((row, index) => {
      const mid = y + ROW_HEIGHT / 2;
      const indent = indentOf(row);
      const label = truncate(row.label, charsFitting(indent));
      if (index % 2 === 0) bands.push(element("rect", { x: 0, y, width: WIDTH, height: ROW_HEIGHT, fill: COLOURS.band }));
      const g: string[] = [];
      if (row.suppressed) {
        g.push(tooltip(`${row.group !== undefined ? row.group + ", " : ""}${row.label}: ${words.suppressed}`));
        g.push(text(label, { class: "row-label", x: indent, y: mid + 4, fill: COLOURS.muted }));
        g.push(text(words.suppressed, { class: "suppressed", x: WIDTH - 12, y: mid + 4, "text-anchor": "end", fill: COLOURS.muted, "font-style": "italic" }));
        marks.push(element("g", { class: "row suppressed-row" }, g.join("")));
      } else {
        const estimate = formatNumber(row.estimate, lang, valueDecimals);
        const interval = hasInterval(row)
          ? `[${formatNumber(row.ci_low, lang, valueDecimals)}${words.rangeSeparator}${formatNumber(row.ci_high, lang, valueDecimals)}]`
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
        g.push(text(`${estimate} ${interval}`, { class: "value", x: WIDTH - 12, y: mid + 4, "text-anchor": "end" }));
        marks.push(element("g", { class: "row" }, g.join("")));
      }
      y += ROW_HEIGHT;
    });
    const rowsBottom = y;

    // Grid and tick labels under the panel; the line of no effect over the grid, the rows' marks on top.
    const grid: string[] = [];
    for (const tick of ticks.values) {
      const tx = x(tick);
      grid.push(element("line", { x1: tx, x2: tx, y1: rowsTop, y2: rowsBottom, stroke: COLOURS.grid }));
      grid.push(text(formatNumber(tick, lang, ticks.decimals), { x: tx, y: rowsBottom + 16, "text-anchor": "middle", fill: COLOURS.muted, "font-size": "11" }));
    }
    grid.push(element("line", { class: "axis", x1: plotLeft, x2: plotRight, y1: rowsBottom, y2: rowsBottom, stroke: COLOURS.faint }));
    const zero = x(chart.null_value);
    const zeroLine = element("line", { class: "zero", x1: zero, x2: zero, y1: rowsTop, y2: rowsBottom, stroke: COLOURS.ink, "stroke-width": "1", "stroke-dasharray": "4 3" });
    parts.push(element("g", { class: "panel" }, bands.join("") + element("g", { class: "grid" }, grid.join("")) + zeroLine + marks.join("")));
    y += AXIS_HEIGHT + PANEL_GAP;
  }
  if (panels.length === 0) {
    parts.push(text(words.noData, { x: (plotLeft + plotRight) / 2, y: TOP + 16, "text-anchor": "middle", fill: COLOURS.muted }));
    y += ROW_HEIGHT;
  }
  y -= PANEL_GAP;
  parts.push(text(chart.x_label, { class: "axis-label", x: (plotLeft + plotRight) / 2, y: y + 14, "text-anchor": "middle" }));
  const height = y + X_LABEL_HEIGHT;

  const label = `${chart.title}: ${words.forestDescription(shownCount)}`;
  return svgFrame(WIDTH, height, label, parts.join(""), "forest");
}
