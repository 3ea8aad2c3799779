/**
 * XLSX (exceljs): a first sheet listing the sheets and the manifest, then one sheet per table with a frozen
 * header row, number formats by column kind (percent as percent, DKK with thousands separators, p-values with
 * three decimals), column widths that fit the formatted text, and text cells always plain strings (never
 * formulas; text that a spreadsheet could run is prefixed with `'` by `neutraliseFormula`). Suppressed cells
 * show the mark. Excel shows the number formats with the reader's own separators; the labels follow --lang.
 *
 * Reproducible bytes: the workbook's created/modified dates are fixed and the zip entries' timestamps are
 * rewritten (zipTimestamps.ts), so the same model gives the same bytes.
 */
import type ExcelJS from "exceljs";
import { neutraliseFormula } from "../../io/excelSafe.js";
import { defaultDecimals, formatCell, label, SUPPRESSION_MARK, t } from "../i18n.js";
import { isMessageKey, type MessageKey } from "../../i18n/index.js";
import { roleLabel } from "../sections/manifest.js";
import type { ColumnKind, ReportModel, ReportTable } from "../model.js";
import { blockTable, forPeople, isPending, isSuppressed } from "../model.js";
import { fixZipTimestamps } from "./zipTimestamps.js";

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** Every sheet prints on A4 landscape (paper size 9), fitted to the page width, as many pages tall as needed. */
const PRINT_SETUP = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } as const;

function numFmt(kind: ColumnKind, decimals: number): string | undefined {
  const d = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  switch (kind) {
    case "percent": return `0${d}%`;
    case "dkk": return `#,##0${d}`;
    case "count": return "#,##0";
    case "p_value": return `0${d}`;
    case "number": return `0${d}`;
    case "text": return undefined;
  }
}

/** A table's sheet name in the report's language: the catalogue's `sheet_<id>`, else the table's title. */
function sheetTitle(table: ReportTable, lang: ReportModel["lang"]): string {
  const key = `sheet_${table.id.replace(/-/g, "_")}`;
  return isMessageKey(key) ? t(lang, key as MessageKey) : table.title;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ ; unique. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, "-").slice(0, 31).trim();
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)}-${k}`;
  used.add(name.toLowerCase());
  return name;
}

function addTableSheet(wb: ExcelJS.Workbook, full: ReportTable, name: string, model: ReportModel): void {
  const table = forPeople(full);
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: PRINT_SETUP });
  // The header row repeats at the top of every printed page.
  ws.pageSetup.printTitlesRow = "1:1";
  ws.addRow(table.columns.map((c) => neutraliseFormula(c.label)));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    ws.addRow(
      row.map((cell, j) => {
        if (cell === null) return null;
        if (isSuppressed(cell)) return SUPPRESSION_MARK;
        if (isPending(cell)) return model.privacy.pending;
        const column = table.columns[j];
        // A p-value below the shown precision reads as in the HTML ("<0,001"), not as 0,000.
        if (typeof cell === "number" && column.kind === "p_value" && cell < 10 ** -(column.decimals ?? defaultDecimals("p_value"))) return formatCell(cell, column, model.lang);
        if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
        return neutraliseFormula(cell);
      }),
    );
  }
  table.columns.forEach((c, j) => {
    const col = ws.getColumn(j + 1);
    const fmt = numFmt(c.kind, c.decimals ?? defaultDecimals(c.kind));
    if (fmt) col.numFmt = fmt;
    const widest = Math.max(c.label.length, ...table.rows.map((r) => formatCell(r[j], c, model.lang).length));
    col.width = Math.min(60, Math.max(8, widest + 2));
    // Sentences (the summary, the methods note) wrap within the column instead of running off the page.
    if (c.kind === "text" && widest > 60) col.alignment = { wrapText: true, vertical: "top" };
  });
  // Numbers beyond a column's flag (a standardised difference above 0.1) are highlighted as on the page.
  table.columns.forEach((c, j) => {
    if (c.flagAbove === undefined) return;
    table.rows.forEach((row, r) => {
      const v = row[j];
      if (typeof v === "number" && Math.abs(v) > c.flagAbove!) {
        const cell = ws.getCell(r + 2, j + 1);
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFBE3C4" } };
        cell.font = { bold: true };
      }
    });
  });
  // The header row keeps text format.
  ws.getRow(1).eachCell((cell) => {
    cell.numFmt = "@";
  });
  const notesStart = table.rows.length + 3;
  const widths = table.columns.map((_, j) => ws.getColumn(j + 1).width ?? 8);
  (table.notes ?? []).forEach((n, k) => wrappedNote(ws, notesStart + k, widths, neutraliseFormula(n)));
}

/**
 * A note under a table or on the contents sheet: merged over the columns it may use and wrapped, with a row height
 * for its lines (a spreadsheet does not grow a merged row by itself), so it is never cut at the page's margin.
 */
function wrappedNote(ws: ExcelJS.Worksheet, row: number, widths: number[], text: string): void {
  const span = Math.max(1, widths.length);
  const chars = widths.reduce((a, b) => a + b, 0);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.alignment = { wrapText: true, vertical: "top" };
  if (span > 1) ws.mergeCells(row, 1, row, span);
  const lines = Math.max(1, Math.ceil((Array.from(text).length * 1.1) / Math.max(10, chars - 2)));
  ws.getRow(row).height = 15 * lines;
}

export async function reportXlsx(model: ReportModel): Promise<Uint8Array> {
  // Loaded here, not at start-up: exceljs costs every other command ~0.2 s to load.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = "effekt";
  wb.lastModifiedBy = "effekt";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.lastPrinted = FIXED_DATE;
  const used = new Set<string>();
  const contentsName = sheetName(label(model.lang, "contents"), used);
  // The sheets in the report's order, as the page reads: each section's generated text (the summary first, the
  // methods note near the end) as a sheet of its own, then its tables. The contents sheet lists every sheet.
  const tables = model.sections.flatMap((s) => [...(s.blocks && s.blocks.length > 0 ? [blockTable(s)] : []), ...s.tables]);
  const names = tables.map((t) => sheetName(sheetTitle(t, model.lang), used));
  const contents = wb.addWorksheet(contentsName, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: PRINT_SETUP });
  contents.addRow([label(model.lang, "sheet"), neutraliseFormula(model.title)]).font = { bold: true };
  tables.forEach((t, k) => contents.addRow([names[k], neutraliseFormula(t.title)]));
  contents.addRow([]);
  contents.addRow([label(model.lang, "section_manifest")]).font = { bold: true };
  contents.addRow(["effekt", model.effekt_version]);
  for (const f of model.generated_from) contents.addRow([neutraliseFormula(roleLabel(model.lang, f.role)), neutraliseFormula(f.file), f.sha256]);
  contents.addRow([]);
  contents.getColumn(1).width = 30;
  contents.getColumn(2).width = 60;
  contents.getColumn(3).width = 66;
  contents.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  contents.addRow([t(model.lang, "footnotes")]).font = { bold: true };
  for (const f of model.footnotes) wrappedNote(contents, contents.rowCount + 1, [30, 60, 66], neutraliseFormula(f));
  tables.forEach((t, k) => addTableSheet(wb, t, names[k], model));
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
