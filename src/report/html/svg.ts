/**
 * Small builders for the inline SVG charts. Every text goes through escapeXml and every coordinate through
 * coord(), so the output is safe and byte-stable. No ids (nothing random, nothing that can clash on a page
 * with several charts) and no xmlns (the SVG is inline in HTML, where it is not needed).
 */
import { coord, escapeXml } from "./format.js";
import { COLOURS, FONT_STACK } from "./theme.js";

export type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === "number" ? coord(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element with attributes and optional (already built) children. */
export function element(name: string, attrs: Attributes, children?: string): string {
  return children === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/** A text element; `content` is escaped here. */
export function text(content: string, attrs: Attributes): string {
  return element("text", attrs, escapeXml(content));
}

/** A hover tooltip: the `<title>` child of a group; `content` is escaped here. */
export function tooltip(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

/** Cuts a label to about `maxChars` characters with an ellipsis (the full text goes in a tooltip). */
export function truncate(label: string, maxChars: number): string {
  const chars = Array.from(label);
  return chars.length <= maxChars ? label : chars.slice(0, Math.max(1, maxChars - 1)).join("") + "\u2026";
}

/**
 * A label in one line, or two when longer than `perLine` characters: the first line takes whole words while they
 * fit, the rest is cut with an ellipsis (a first word longer than a line: the label cut in one line).
 */
export function twoLines(label: string, perLine: number): string[] {
  if (Array.from(label).length <= perLine) return [label];
  const words = label.split(" ");
  let first = "";
  while (words.length > 0 && Array.from(`${first} ${words[0]}`.trim()).length <= perLine) first = `${first} ${words.shift()}`.trim();
  if (first === "") return [truncate(label, perLine)];
  return [first, truncate(words.join(" "), perLine)];
}

/** Approximate rendered width of a label in pixels (average glyph ~0.58 em for the sans-serif stack). */
export function textWidth(label: string, fontSize: number): number {
  return Array.from(label).length * fontSize * 0.58;
}

/**
 * The outer `<svg>`: accessible as one image (role="img", aria-label and a `<title>`), a viewBox so it scales
 * to the page width, and the font set here so the chart looks the same outside the report's CSS.
 */
export function svgFrame(width: number, height: number, label: string, body: string, kind: string): string {
  return (
    `<svg class="chart chart-${escapeXml(kind)}" role="img" aria-label="${escapeXml(label)}"` +
    ` viewBox="0 0 ${coord(width)} ${coord(height)}" width="${coord(width)}" height="${coord(height)}"` +
    ` font-family="${escapeXml(FONT_STACK)}" font-size="12" fill="${COLOURS.ink}">` +
    `${tooltip(label)}${body}</svg>`
  );
}

/** The chart title, drawn at the top left. */
export function chartTitle(title: string, x: number): string {
  return text(title, { class: "chart-title", x, y: 22, "font-size": "15", "font-weight": "600" });
}
