/**
 * The report's cell formatting: every word comes from the one catalogue (src/i18n), numbers in the language's
 * format (src/i18n/numbers.ts). Kept here: decimals per column kind, the suppression mark and its footnote.
 */
import { formatNumber, formatPercent, formatPValue, t, type Lang, type MessageKey } from "../i18n/index.js";
import type { Cell, ColumnKind, ReportColumn } from "./model.js";
import { isPending, isSuppressed } from "./model.js";
import { SUPPRESSION_MARK } from "../disclosure/rules.js";

export { formatNumber, formatPercent, formatPoints, formatPValue, separators, t } from "../i18n/index.js";

/** The catalogue's label for `key` (a column or section name) in `lang`. */
export function label(lang: Lang, key: MessageKey): string {
  return t(lang, key);
}

export { SUPPRESSION_MARK } from "../disclosure/rules.js";

/** Default decimals per column kind (Markdown, XLSX, HTML). */
export function defaultDecimals(kind: ColumnKind): number {
  switch (kind) {
    case "count": return 0;
    case "dkk": return 0;
    case "percent": return 1;
    case "p_value": return 3;
    case "number": return 3;
    case "text": return 0;
  }
}

/** A cell as the text a person reads (Markdown, HTML, XLSX p-values): numbers by kind, marks for suppressed/pending. */
export function formatCell(cell: Cell, column: ReportColumn, lang: Lang): string {
  if (cell === null) return "";
  if (isSuppressed(cell)) return SUPPRESSION_MARK;
  if (isPending(cell)) return t(lang, "pending");
  if (typeof cell === "string") return cell;
  const decimals = column.decimals ?? defaultDecimals(column.kind);
  switch (column.kind) {
    case "percent": return formatPercent(cell, lang, decimals);
    case "p_value": return formatPValue(cell, lang, decimals);
    case "count": return formatNumber(cell, lang, 0);
    case "dkk": return formatNumber(cell, lang, decimals);
    case "number": return formatNumber(cell, lang, decimals, false);
    case "text": return String(cell);
  }
}

/** Footnote explaining the suppression mark. */
export function suppressionFootnote(lang: Lang, minCell: number): string {
  return t(lang, "suppression_footnote", { mark: SUPPRESSION_MARK, min: minCell });
}
