/**
 * CSV: one file per table, tidy (one row per observation, machine column names from the model's keys), UTF-8
 * with a byte-order mark so Excel reads Danish letters right. `--csv-dialect da` writes `;` between fields and a
 * decimal comma, as Danish Excel expects; `en` writes `,` and a decimal point. Numbers keep full precision
 * (shortest round-trip form); text goes through `csvField` (quoting, formula neutralising). Suppressed cells are
 * the mark `[s]`, pending cells the language's "data pending" text, absent values empty.
 */
import { csvField, csvNumber } from "../../io/csvOut.js";
import { SUPPRESSION_MARK } from "../i18n.js";
import type { Cell, ReportModel, ReportTable } from "../model.js";
import { allTables, blockTable, isPending, isSuppressed } from "../model.js";

export type CsvDialect = "da" | "en";

function csvCell(cell: Cell, dialect: CsvDialect, pendingText: string): string {
  if (cell === null) return "";
  if (isSuppressed(cell)) return SUPPRESSION_MARK;
  if (isPending(cell)) return csvField(pendingText);
  if (typeof cell === "number") {
    const text = csvNumber(cell);
    return dialect === "da" ? text.replace(".", ",") : text;
  }
  return csvField(cell);
}

export function tableCsv(table: ReportTable, dialect: CsvDialect, pendingText: string): string {
  const sep = dialect === "da" ? ";" : ",";
  const lines = [table.columns.map((c) => csvField(c.key)).join(sep)];
  for (const row of table.rows) lines.push(row.map((cell) => csvCell(cell, dialect, pendingText)).join(sep));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** File name -> content for every table of the report. */
export function reportCsvFiles(model: ReportModel, dialect: CsvDialect): Map<string, string> {
  const files = new Map<string, string>();
  for (const t of allTables(model)) files.set(`${t.id}.csv`, tableCsv(t, dialect, model.privacy.pending));
  // The generated text (summary, methods note): one row per statement, under its heading.
  for (const s of model.sections) {
    if (!s.blocks || s.blocks.length === 0 || files.has(`${s.id}.csv`)) continue;
    files.set(`${s.id}.csv`, tableCsv(blockTable(s), dialect, model.privacy.pending));
  }
  return files;
}
