/** Small helpers shared by the section builders: columns with translated labels, context passed to every builder. */
import { label } from "../i18n.js";
import type { MessageKey } from "../../i18n/index.js";
import type { ReportLabels } from "../labels.js";
import type { Cell, ColumnKind, Lang, ReportColumn } from "../model.js";
import { SUPPRESSED } from "../model.js";

export interface SectionContext {
  lang: Lang;
  minCell: number;
  labels: ReportLabels;
}

export function column(lang: Lang, key: MessageKey, kind: ColumnKind, decimals?: number): ReportColumn {
  return decimals === undefined ? { key, label: label(lang, key), kind } : { key, label: label(lang, key), kind, decimals };
}

/** A count cell after suppression: the mark when hidden, the number otherwise (null stays empty). */
export function countCell(value: number | null, hidden: boolean): Cell {
  if (value === null) return null;
  return hidden ? SUPPRESSED : value;
}

/** A statistic cell: suppressed when `hide`, empty when absent. */
export function statCell(value: number | null | undefined, hide: boolean): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return hide ? SUPPRESSED : value;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
