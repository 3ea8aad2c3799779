/**
 * CONSORT-style flow diagram: the households from the areas through the exclusions and the lottery to the two
 * arms and the analysis, one box per step, arrows between them. A step has one box on the main line (with the
 * households who left the flow at that step in a box to its right) or two boxes side by side (the arms). Counts
 * are drawn as the report's tables show them: a count hidden by disclosure control is the suppression mark.
 */
import type { FlowBox, FlowChart, FlowCount, FlowLine, FlowStage } from "../chartTypes.js";
import { formatNumber, formatPercent, type Lang } from "../format.js";
import { SUPPRESSION_MARK } from "../../i18n.js";
import { COLOURS } from "../theme.js";
import { chartTitle, element, svgFrame, text, tooltip, truncate } from "../svg.js";

const WIDTH = 880;
const TOP = 44;
const LINE = 17;
const PAD = 9;
const GAP = 30;
const FONT = 12;
/** The main line's centre, its boxes' width, and the side box to its right. */
const MAIN_X = 290;
const MAIN_W = 360;
const SIDE_X = MAIN_X + MAIN_W / 2 + 36;
const SIDE_W = WIDTH - 12 - SIDE_X;
/** The two arms' boxes: centred at a quarter and three quarters of the width. */
const ARM_W = 410;
const ARM_X: [number, number] = [12 + ARM_W / 2, WIDTH - 12 - ARM_W / 2];

function countText(count: FlowCount, lang: Lang): string {
  if (count === null) return "";
  return count === "suppressed" ? SUPPRESSION_MARK : formatNumber(count, lang, 0);
}

/** "Label: 1.234 (56,7 %)"; the label alone when the count is unknown. */
export function lineText(line: FlowLine, lang: Lang): string {
  const n = countText(line.count, lang);
  const share = line.share === undefined ? "" : ` (${line.share === "suppressed" ? SUPPRESSION_MARK : formatPercent(line.share, lang, 1)})`;
  return n === "" ? line.text : `${line.text}: ${n}${share}`;
}

function boxHeight(box: FlowBox): number {
  return PAD * 2 + LINE * (1 + (box.lines?.length ?? 0)) - 4;
}

/** A box centred at `cx`, top at `y`: the heading in bold, the lines below; long lines cut with the full text as a tooltip. */
function drawBox(box: FlowBox, cx: number, y: number, width: number, lang: Lang, muted = false): string {
  const h = boxHeight(box);
  const x0 = cx - width / 2;
  const maxChars = Math.floor((width - 2 * PAD) / (FONT * 0.58));
  const parts: string[] = [
    element("rect", { x: x0, y, width, height: h, rx: 3, fill: muted ? COLOURS.band : "#ffffff", stroke: muted ? COLOURS.faint : COLOURS.result, "stroke-width": muted ? 1 : 1.5 }),
  ];
  const all = [box.heading, ...(box.lines ?? [])];
  all.forEach((line, i) => {
    const full = lineText(line, lang);
    // A long label is cut, never its count: the count is what the box is for.
    const tail = full.length - Array.from(line.text).length;
    const shown = Array.from(full).length <= maxChars ? full : lineText({ ...line, text: truncate(line.text, Math.max(8, maxChars - tail)) }, lang);
    const attrs = { x: x0 + PAD, y: y + PAD + 12 + i * LINE, ...(i === 0 ? { "font-weight": "600" } : { fill: COLOURS.ink }) };
    const t = text(shown, attrs);
    parts.push(shown === full ? t : element("g", {}, `${tooltip(full)}${t}`));
  });
  return element("g", { class: "flow-box" }, parts.join(""));
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  // A line and a small filled head pointing at (x2, y2), horizontal or vertical.
  const head = 5;
  const vertical = x1 === x2;
  const dir = vertical ? Math.sign(y2 - y1) : Math.sign(x2 - x1);
  const points = vertical
    ? `${x2 - head},${y2 - dir * head * 1.6} ${x2 + head},${y2 - dir * head * 1.6} ${x2},${y2}`
    : `${x2 - dir * head * 1.6},${y2 - head} ${x2 - dir * head * 1.6},${y2 + head} ${x2},${y2}`;
  const line = element("line", { x1, y1, x2: vertical ? x2 : x2 - dir * head * 1.6, y2: vertical ? y2 - dir * head * 1.6 : y2, stroke: COLOURS.muted, "stroke-width": 1.2 });
  return line + `<polygon points="${points.split(" ").map((p) => p.split(",").map((v) => Number(v).toFixed(1)).join(",")).join(" ")}" fill="${COLOURS.muted}"/>`;
}

/** The space below a stage: room for its side box (those who left the flow there) between it and the next. */
function gapBelow(stage: FlowStage): number {
  return "arms" in stage || !stage.side ? GAP : Math.max(GAP, boxHeight(stage.side) + 24);
}

/** Renders the flow diagram as inline SVG. */
export function renderFlow(chart: FlowChart, lang: Lang): string {
  const parts: string[] = [chartTitle(chart.title, 12)];
  const line = (x1: number, y1: number, x2: number, y2: number) => element("line", { x1, y1, x2, y2, stroke: COLOURS.muted, "stroke-width": 1.2 });
  let y = TOP;
  let previous: FlowStage | null = null;
  let previousBottom: number[] = [];
  for (const stage of chart.stages) {
    if ("arms" in stage) {
      if (previous && !("arms" in previous)) {
        // The main line splits into the two arms.
        const mid = y - GAP / 2;
        parts.push(line(MAIN_X, previousBottom[0], MAIN_X, mid), line(ARM_X[0], mid, ARM_X[1], mid));
        parts.push(arrow(ARM_X[0], mid, ARM_X[0], y), arrow(ARM_X[1], mid, ARM_X[1], y));
      } else if (previous) {
        parts.push(arrow(ARM_X[0], previousBottom[0], ARM_X[0], y), arrow(ARM_X[1], previousBottom[1], ARM_X[1], y));
      }
      parts.push(drawBox(stage.arms[0], ARM_X[0], y, ARM_W, lang), drawBox(stage.arms[1], ARM_X[1], y, ARM_W, lang));
      previousBottom = [y + boxHeight(stage.arms[0]), y + boxHeight(stage.arms[1])];
      y += Math.max(boxHeight(stage.arms[0]), boxHeight(stage.arms[1]));
    } else {
      if (previous) parts.push(arrow(MAIN_X, previousBottom[0], MAIN_X, y));
      parts.push(drawBox(stage.main, MAIN_X, y, MAIN_W, lang));
      const bottom = y + boxHeight(stage.main);
      if (stage.side) {
        // Those who left the flow after this step: a box beside the arrow to the next step.
        const sideY = bottom + (gapBelow(stage) - boxHeight(stage.side)) / 2;
        const mid = sideY + boxHeight(stage.side) / 2;
        parts.push(arrow(MAIN_X, mid, SIDE_X, mid), drawBox(stage.side, SIDE_X + SIDE_W / 2, sideY, SIDE_W, lang, true));
      }
      previousBottom = [bottom];
      y = bottom;
    }
    previous = stage;
    y += gapBelow(stage);
  }
  let height = y - (previous ? gapBelow(previous) : 0) + 12;
  if (chart.note) {
    parts.push(text(chart.note, { x: 12, y: height + 6, fill: COLOURS.muted, "font-size": "11" }));
    height += 18;
  }
  return svgFrame(WIDTH, height, chart.title, parts.join(""), "flow");
}
