/**
 * The report's look in one place: a restrained palette (dark blue for the result, greys for reference values,
 * one warm accent for targets), the font stack (system fonts only, nothing downloaded) and the chart wording in
 * Danish and English.
 */
import type { Lang } from "./format.js";
import { t } from "../../i18n/index.js";

export const FONT_STACK = `"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif`;

export const COLOURS = {
  ink: "#1f2933",
  muted: "#616e7c",
  faint: "#9aa5b1",
  grid: "#e4e7eb",
  band: "#f5f7fa",
  result: "#1f4e79",
  baseline: "#52606d",
  comparison: "#9aa5b1",
  target: "#b7651b",
  pending: "#eef1f4",
} as const;

/** Colours of the payers in the gains chart, in the order the payers are given. Colour-blind-safe (Okabe-Ito, muted). */
export const PAYER_COLOURS = ["#1f4e79", "#6a9bc3", "#c98a2e", "#5b8a56", "#8a6aa3", "#a34e4e", "#7b8794"] as const;

export interface ChartWords {
  pending: string;
  suppressed: string;
  net: string;
  estimateColumn: string;
  ciShort: string;
  rangeSeparator: string;
  noData: string;
  noInterval: string;
  dkkUnit: (scale: 1 | 1e3 | 1e6) => string;
  forestDescription: (rows: number) => string;
}

/** The charts' words, from the one catalogue. */
function chartWords(lang: Lang): ChartWords {
  return {
    pending: t(lang, "pending"),
    suppressed: t(lang, "suppressed"),
    net: t(lang, "chart_net"),
    estimateColumn: t(lang, "chart_estimate_column"),
    ciShort: t(lang, "chart_ci_short"),
    rangeSeparator: t(lang, "chart_range_separator"),
    noData: t(lang, "chart_no_data"),
    noInterval: t(lang, "chart_no_interval"),
    dkkUnit: (scale) => t(lang, scale === 1e6 ? "chart_dkk_million" : scale === 1e3 ? "chart_dkk_thousand" : "chart_dkk"),
    forestDescription: (rows) => t(lang, "chart_forest_description", { n: rows }),
  };
}

export const CHART_WORDS: Record<Lang, ChartWords> = { da: chartWords("da"), en: chartWords("en") };
