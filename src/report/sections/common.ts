/** Small helpers shared by the section builders: columns with translated labels, context passed to every builder. */
import type { TableStructure } from "../../disclosure/structure.js";
import { label } from "../i18n.js";
import type { MessageKey } from "../../i18n/index.js";
import type { ReportLabels } from "../../i18n/labels.js";
import type { ColumnKind, DraftCell, Lang, ReportColumn } from "../model.js";

export interface SectionContext {
  lang: Lang;
  minCell: number;
  labels: ReportLabels;
  /** Every count the report shows or implies is declared here; src/disclosure decides what is hidden. */
  disclosure: TableStructure;
}

export function column(lang: Lang, key: MessageKey, kind: ColumnKind, decimals?: number): ReportColumn {
  return decimals === undefined ? { key, label: label(lang, key), kind } : { key, label: label(lang, key), kind, decimals };
}

/** A declared count: shown unless disclosure control hides it (null stays empty). */
export function countCell(value: number | null | undefined, id: string | null): DraftCell {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return id === null ? value : { guarded: value, by: [id] };
}

/**
 * A statistic over groups (mean, share, interval, estimate, p-value): shown only when every group it rests on is
 * shown (`by`: their count cells); empty when absent. `by` null: the statistic rests on no count of persons.
 */
export function statCell(value: number | null | undefined, by: string[] | null): DraftCell {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return by === null ? value : { guarded: value, by };
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
