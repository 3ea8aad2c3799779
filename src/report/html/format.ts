/**
 * Text and number formatting for the HTML page and its charts: XML escaping, SVG coordinates, and the report's
 * number formats from ../i18n.ts (Danish: decimal comma and "." thousands, "25,6 %"; English: "1,234.5",
 * "25.6%"), so a figure reads the same in a chart as in the table beside it.
 */
import { formatNumber as i18nNumber, formatPercent as i18nPercent } from "../i18n.js";
import type { Lang } from "../model.js";

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

/** A number with a fixed number of decimals in the language's format; non-finite numbers are a programming error. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(value)) throw new Error(`formatNumber: not a finite number: ${value}`);
  return i18nNumber(value, lang, decimals);
}

/** A share (0..1) as a percentage in the language's format. */
export function formatPercent(share: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(share)) throw new Error(`formatPercent: not a finite number: ${share}`);
  return i18nPercent(share, lang, decimals);
}

/** A coordinate in the SVG: one decimal, never "-0.0", so the output is byte-stable. */
export function coord(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`coord: not a finite number: ${value}`);
  const text = value.toFixed(1);
  return text === "-0.0" ? "0.0" : text;
}
