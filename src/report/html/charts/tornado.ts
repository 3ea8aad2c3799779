/**
 * Tornado chart of the one-assumption sensitivity rows: per row, a bar from the base case to the result with the
 * assumption at its low setting and one to its high setting, on a common axis in DKK, widest swing on top, with a
 * line at the base case. Each bar is labelled with its setting and its result; illustrative rows are starred.
 */
import type { TornadoChart } from "../chartTypes.js";
import { formatNumber, type Lang } from "../format.js";
import { CHART_WORDS, COLOURS } from "../theme.js";
import { amountScale, linearScale, niceTicks } from "../ticks.js";
import { chartTitle, element, svgFrame, text, textWidth, tooltip, twoLines } from "../svg.js";

const WIDTH = 880;
const LABEL_WIDTH = 380;
const PLOT_LEFT = LABEL_WIDTH + 50;
const PLOT_RIGHT = WIDTH - 50;
const TOP = 78;
const ROW_HEIGHT = 36;
const LABEL_FONT = 12;
const LOW_COLOUR = "#a34e4e";
const HIGH_COLOUR = "#1f4e79";

/** A label in at most two lines that fit `width` pixels. */
function labelLines(label: string, width: number): string[] {
  return twoLines(label, Math.max(8, Math.floor(width / (LABEL_FONT * 0.58))));
}

/** Renders the tornado chart as inline SVG. */
export function renderTornado(chart: TornadoChart, lang: Lang): string {
  const words = CHART_WORDS[lang];
  for (const row of chart.rows) {
    if (![row.low, row.high].every(Number.isFinite)) throw new Error(`tornado chart "${chart.title}": row "${row.label}" has a non-finite value`);
  }
  if (!Number.isFinite(chart.base)) throw new Error(`tornado chart "${chart.title}": the base is not finite`);
  const values = [chart.base, ...chart.rows.flatMap((r) => [r.low, r.high])];
  const scale = amountScale(Math.max(...values.map(Math.abs)));
  const ticks = niceTicks(Math.min(...values) / scale, Math.max(...values) / scale, 6);
  const x = linearScale(ticks.values[0], ticks.values[ticks.values.length - 1], PLOT_LEFT, PLOT_RIGHT);
  const at = (dkk: number) => x(dkk / scale);
  const amount = (dkk: number) => formatNumber(dkk / scale, lang, scale === 1 ? 0 : 1);
  const full = (dkk: number) => `${formatNumber(dkk, lang, 0)} ${words.dkkUnit(1)}`;
  const height = TOP + Math.max(1, chart.rows.length) * ROW_HEIGHT + 44;
  const bottom = TOP + chart.rows.length * ROW_HEIGHT;

  const parts: string[] = [chartTitle(chart.title, 12)];
  // Legend: the two settings' colours and the base line.
  const legend: string[] = [];
  let lx = 12;
  for (const [colour, label] of [[LOW_COLOUR, chart.low_label], [HIGH_COLOUR, chart.high_label]] as const) {
    legend.push(element("rect", { x: lx, y: 38, width: 14, height: 14, fill: colour }));
    legend.push(text(label, { x: lx + 20, y: 49 }));
    lx += 20 + textWidth(label, 12) + 24;
  }
  legend.push(element("line", { x1: lx, x2: lx, y1: 36, y2: 54, stroke: COLOURS.ink, "stroke-width": "1.5", "stroke-dasharray": "4 3" }));
  legend.push(text(`${chart.base_label}: ${amount(chart.base)} ${words.dkkUnit(scale)}`, { x: lx + 8, y: 49 }));
  parts.push(element("g", { class: "legend" }, legend.join("")));

  // Grid and tick labels in the display unit.
  const grid: string[] = [];
  for (const tick of ticks.values) {
    grid.push(element("line", { x1: x(tick), x2: x(tick), y1: TOP - 6, y2: bottom, stroke: tick === 0 ? COLOURS.faint : COLOURS.grid }));
    grid.push(text(formatNumber(tick, lang, ticks.decimals), { x: x(tick), y: bottom + 16, "text-anchor": "middle", fill: COLOURS.muted, "font-size": "11" }));
  }
  grid.push(text(words.dkkUnit(scale), { class: "unit", x: (PLOT_LEFT + PLOT_RIGHT) / 2, y: bottom + 34, "text-anchor": "middle", fill: COLOURS.muted, "font-size": "11" }));
  parts.push(element("g", { class: "grid" }, grid.join("")));

  const rows: string[] = [];
  chart.rows.forEach((row, i) => {
    const top = TOP + i * ROW_HEIGHT;
    const mid = top + ROW_HEIGHT / 2;
    const g: string[] = [];
    g.push(tooltip(`${row.label}: ${row.low_setting} ${full(row.low)}; ${row.high_setting} ${full(row.high)}`));
    if (i % 2 === 0) g.push(element("rect", { x: 0, y: top, width: WIDTH, height: ROW_HEIGHT, fill: COLOURS.band }));
    const lines = labelLines(`${row.label}${row.illustrative ? " *" : ""}`, LABEL_WIDTH - 12);
    lines.forEach((line, k) => g.push(text(line, { class: "row-label", x: 12, y: mid + 4 + (k - (lines.length - 1) / 2) * 14 })));
    for (const [value, colour] of [[row.low, LOW_COLOUR], [row.high, HIGH_COLOUR]] as const) {
      const x1 = Math.min(at(chart.base), at(value));
      const x2 = Math.max(at(chart.base), at(value));
      g.push(element("rect", { class: "bar", x: x1, y: mid - 9, width: Math.max(1, x2 - x1), height: 18, fill: colour, "fill-opacity": "0.85" }));
      const right = value >= chart.base;
      g.push(text(amount(value), { class: "bar-label", x: right ? x2 + 4 : x1 - 4, y: mid + 4, "text-anchor": right ? "start" : "end", "font-size": "10.5", fill: COLOURS.ink }));
    }
    rows.push(element("g", { class: "row" }, g.join("")));
  });
  parts.push(element("g", { class: "rows" }, rows.join("")));
  parts.push(element("line", { class: "base", x1: at(chart.base), x2: at(chart.base), y1: TOP - 6, y2: bottom, stroke: COLOURS.ink, "stroke-width": "1.5", "stroke-dasharray": "4 3" }));
  if (chart.rows.length === 0) parts.push(text(words.noData, { x: (PLOT_LEFT + PLOT_RIGHT) / 2, y: TOP + 20, "text-anchor": "middle", fill: COLOURS.muted }));
  return svgFrame(WIDTH, height, `${chart.title} (${words.dkkUnit(scale)})`, parts.join(""), "tornado");
}
