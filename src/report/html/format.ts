/**
 * Text and number formatting for the HTML page and its charts: XML escaping, SVG coordinates, and (re-exported)
 * the report's number formats from ../i18n.ts (Danish: decimal comma and "." thousands, "25,6 %"; English: "1,234.5",
 * "25.6%"), so a figure reads the same in a chart as in the table beside it.
 */
export { formatNumber, formatPercent } from "../i18n.js";

export type { Lang } from "../model.js";

/** Escapes text for use in HTML/SVG text and attribute values (`&`, `<`, `>`, `"`, `'`). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A coordinate in the SVG: one decimal, never "-0.0", so the output is byte-stable. */
export function coord(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`coord: not a finite number: ${value}`);
  const text = value.toFixed(1);
  return text === "-0.0" ? "0.0" : text;
}
