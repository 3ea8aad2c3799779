/**
 * Gains chart: the budget-economic gains year by year, split by payer (municipality, region, state, ...), as
 * stacked bars: each year's positive gains stack up from zero and its negative ones (costs) down from zero, so
 * the bar's top and bottom are the sums of gains and of costs. A black tick marks each year's net (the sum over
 * payers), labelled with its value. Amounts are drawn in DKK, thousands or millions, whichever fits the largest.
 */
import type { GainsChart } from "../chartTypes.js";
import { formatNumber, type Lang } from "../format.js";
import { CHART_WORDS, COLOURS, PAYER_COLOURS } from "../theme.js";
import { amountScale, linearScale, niceTicks } from "../ticks.js";
import { chartTitle, element, svgFrame, text, textWidth, tooltip } from "../svg.js";

const WIDTH = 880;
const HEIGHT = 360;
const PLOT_LEFT = 76;
const PLOT_RIGHT = WIDTH - 24;
const PLOT_TOP = 72;
const PLOT_BOTTOM = HEIGHT - 40;

/** The display scale: millions from 1 million, thousands from 10,000, else kroner. */
/** Renders the gains chart as inline SVG. */
export function renderGains(chart: GainsChart, lang: Lang): string {
  const words = CHART_WORDS[lang];
  for (const payer of chart.payers) {
    if (payer.values.length !== chart.years.length) {
      throw new Error(`gains chart "${chart.title}": payer "${payer.label}" has ${payer.values.length} values for ${chart.years.length} years`);
    }
    if (payer.values.some((value) => !Number.isFinite(value))) throw new Error(`gains chart "${chart.title}": payer "${payer.label}" has a non-finite value`);
  }

  // Per year: the top of the positive stack, the bottom of the negative stack and the net.
  const tops = chart.years.map((_, i) => chart.payers.reduce((sum, payer) => sum + Math.max(0, payer.values[i]), 0));
  const bottoms = chart.years.map((_, i) => chart.payers.reduce((sum, payer) => sum + Math.min(0, payer.values[i]), 0));
  const nets = chart.years.map((_, i) => chart.payers.reduce((sum, payer) => sum + payer.values[i], 0));
  const scale = amountScale(Math.max(0, ...tops, ...bottoms.map(Math.abs)));
  // Headroom of 10% of the range on the side that has bars, so the net labels beyond the bars' ends stay inside.
  const low = Math.min(0, ...bottoms) / scale;
  const high = Math.max(0, ...tops) / scale;
  const headroom = (high - low) * 0.1;
  const ticks = niceTicks(low < 0 ? low - headroom : 0, high > 0 ? high + headroom : 0, 5);
  const yMin = ticks.values[0];
  const yMax = ticks.values[ticks.values.length - 1];
  const y = linearScale(yMin, yMax, PLOT_BOTTOM, PLOT_TOP);
  const n = Math.max(1, chart.years.length);
  const band = (PLOT_RIGHT - PLOT_LEFT) / n;
  const barWidth = Math.min(64, band * 0.56);
  const x = (index: number) => PLOT_LEFT + (index + 0.5) * band;
  const amountLabel = (dkk: number) => formatNumber(dkk / scale, lang, scale === 1 ? 0 : Math.min(2, ticks.decimals + 1));
  const fullAmount = (dkk: number) => `${formatNumber(dkk, lang, 0)} ${words.dkkUnit(1)}`;

  const parts: string[] = [chartTitle(chart.title, 12)];

  // Legend: a swatch per payer, then the net marker.
  const legend: string[] = [];
  let legendX = PLOT_LEFT;
  chart.payers.forEach((payer, p) => {
    legend.push(element("rect", { x: legendX, y: 38, width: 14, height: 14, fill: PAYER_COLOURS[p % PAYER_COLOURS.length] }));
    legend.push(text(payer.label, { x: legendX + 20, y: 49 }));
    legendX += 20 + textWidth(payer.label, 12) + 20;
  });
  legend.push(element("line", { x1: legendX, x2: legendX + 18, y1: 45, y2: 45, stroke: COLOURS.ink, "stroke-width": "2.5" }));
  legend.push(text(words.net, { x: legendX + 24, y: 49 }));
  parts.push(element("g", { class: "legend" }, legend.join("")));

  // Grid, tick labels in the display unit, the unit itself above the axis.
  const grid: string[] = [];
  for (const tick of ticks.values) {
    if (tick !== 0) grid.push(element("line", { x1: PLOT_LEFT, x2: PLOT_RIGHT, y1: y(tick), y2: y(tick), stroke: COLOURS.grid }));
    grid.push(text(formatNumber(tick, lang, ticks.decimals), { x: PLOT_LEFT - 8, y: y(tick) + 4, "text-anchor": "end", fill: COLOURS.muted, "font-size": "11" }));
  }
  grid.push(text(words.dkkUnit(scale), { class: "unit", x: PLOT_LEFT - 8, y: PLOT_TOP - 8, "text-anchor": "end", fill: COLOURS.muted, "font-size": "11" }));
  chart.years.forEach((year, i) => grid.push(text(String(year), { x: x(i), y: PLOT_BOTTOM + 18, "text-anchor": "middle", fill: COLOURS.muted })));
  parts.push(element("g", { class: "grid" }, grid.join("")));

  // Bars: each payer's segment stacked on the running sum of its sign.
  const bars: string[] = [];
  chart.years.forEach((year, i) => {
    let up = 0;
    let down = 0;
    chart.payers.forEach((payer, p) => {
      const value = payer.values[i];
      if (value === 0) return;
      const from = value > 0 ? up : down;
      const to = from + value;
      if (value > 0) up = to;
      else down = to;
      const top = y(Math.max(from, to) / scale);
      const bottom = y(Math.min(from, to) / scale);
      bars.push(
        element("g", { class: "bar" },
          tooltip(`${payer.label}, ${year}: ${fullAmount(value)}`) +
          element("rect", { class: "segment", x: x(i) - barWidth / 2, y: top, width: barWidth, height: Math.max(0.5, bottom - top), fill: PAYER_COLOURS[p % PAYER_COLOURS.length] })),
      );
    });
  });
  parts.push(element("g", { class: "bars" }, bars.join("")));
  parts.push(element("line", { class: "zero", x1: PLOT_LEFT, x2: PLOT_RIGHT, y1: y(0), y2: y(0), stroke: COLOURS.ink, "stroke-width": "1" }));

  // Net per year: a tick across the bar and its value beside the bar's end on the net's side.
  const netParts: string[] = [];
  chart.years.forEach((year, i) => {
    const net = nets[i];
    const netY = y(net / scale);
    const labelY = net >= 0 ? y(tops[i] / scale) - 6 : y(bottoms[i] / scale) + 15;
    netParts.push(
      element("g", { class: "net" },
        tooltip(`${words.net}, ${year}: ${fullAmount(net)}`) +
        element("line", { x1: x(i) - barWidth / 2 - 5, x2: x(i) + barWidth / 2 + 5, y1: netY, y2: netY, stroke: COLOURS.ink, "stroke-width": "2.5" }) +
        text(amountLabel(net), { x: x(i), y: labelY, "text-anchor": "middle", "font-weight": "600", "font-size": "11" })),
    );
  });
  parts.push(element("g", { class: "nets" }, netParts.join("")));
  if (chart.years.length === 0) parts.push(text(words.noData, { x: (PLOT_LEFT + PLOT_RIGHT) / 2, y: (PLOT_TOP + PLOT_BOTTOM) / 2, "text-anchor": "middle", fill: COLOURS.muted }));

  return svgFrame(WIDTH, HEIGHT, `${chart.title} (${words.dkkUnit(scale)})`, parts.join(""), "gains");
}
