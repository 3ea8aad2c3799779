/**
 * The report's look in one place: a restrained palette (dark blue for the result, greys for reference values,
 * one warm accent for targets), the font stack (system fonts only, nothing downloaded) and the chart wording in
 * Danish and English.
 */
import type { Lang } from "./format.js";

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

export const CHART_WORDS: Record<Lang, ChartWords> = {
  da: {
    pending: "afventer data",
    suppressed: "diskretioneret",
    net: "Netto",
    estimateColumn: "Estimat [95\u00a0%-KI]",
    ciShort: "95\u00a0%-KI",
    rangeSeparator: "; ",
    noData: "Ingen data",
    noInterval: "intet interval",
    dkkUnit: (scale) => (scale === 1e6 ? "mio. kr." : scale === 1e3 ? "1.000 kr." : "kr."),
    forestDescription: (rows) => `${rows} estimater med 95\u00a0%-konfidensintervaller`,
  },
  en: {
    pending: "data pending",
    suppressed: "suppressed",
    net: "Net",
    estimateColumn: "Estimate [95% CI]",
    ciShort: "95% CI",
    rangeSeparator: ", ",
    noData: "No data",
    noInterval: "no interval",
    dkkUnit: (scale) => (scale === 1e6 ? "DKK million" : scale === 1e3 ? "DKK thousand" : "DKK"),
    forestDescription: (rows) => `${rows} estimates with 95% confidence intervals`,
  },
};
