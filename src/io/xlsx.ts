import { inflateRawSync } from "node:zlib";
import { InputError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Reads one sheet of an `.xlsx` workbook (Office Open XML, as Excel saves it) synchronously into rows of text, so
 * every reader that takes a CSV takes a workbook the same way. An `.xlsx` is a ZIP archive of XML parts: the
 * workbook lists its sheets by name, each sheet holds rows of cells, and text cells point into a shared string
 * table. Cell values become the text the CSV readers type: numbers in JavaScript's shortest round-trip form with a
 * decimal point (`0.1`, never `0.10000000000000001`), cells formatted as dates as `YYYY-MM-DD`, booleans as
 * `true`/`false`, error cells as Excel shows them (`#N/A`, refused by the typed readers like any other text).
 *
 * Reference: ECMA-376 Part 1 (SpreadsheetML, §18.3 worksheets, §18.4 shared strings, §18.8.30 built-in number
 * formats) and the ZIP application note (APPNOTE.TXT §4.3). Only what Excel writes is read: stored or deflated
 * entries, no ZIP64, no encryption.
 */

export interface SheetRows {
  /** The sheet's name as Excel shows it on its tab. */
  sheet: string;
  /** Non-empty rows in order: Excel's row number and the cell texts by column index (0 = A); absent cells are "". */
  rows: { row: number; cells: string[] }[];
}

/** True when the bytes start like a ZIP archive (an `.xlsx`, `.xlsm` or other Office Open XML file). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Column letters as Excel shows them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** The named sheet (or the first) of a workbook's bytes. `file` names the workbook in messages. */
export function readSheet(bytes: Uint8Array, file: string, sheetName?: string): SheetRows {
  const zip = unzip(bytes, file);
  const part = (name: string): string | undefined => {
    const data = zip.get(name);
    return data === undefined ? undefined : new TextDecoder("utf-8").decode(data());
  };
  const workbook = part("xl/workbook.xml");
  if (workbook === undefined) throw new InputError({ file }, tm("in_xlsx_not_workbook"), tm("in_exp_xlsx_or_csv"));
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => ({ name: decodeXml(attr(m[1], "name") ?? ""), rid: attr(m[1], "r:id") ?? attr(m[1], "id") ?? "" }));
  if (sheets.length === 0) throw new InputError({ file }, tm("in_xlsx_no_sheets"), tm("in_exp_one_sheet"));
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!chosen) {
    throw new InputError({ file }, tm("in_xlsx_no_sheet_named", { sheet: JSON.stringify(sheetName) }), tm("in_exp_sheet_of", { sheets: sheets.map((s) => JSON.stringify(s.name)).join(", ") }));
  }
  const rels = part("xl/_rels/workbook.xml.rels") ?? "";
  let target: string | undefined;
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) if (attr(m[1], "Id") === chosen.rid) target = attr(m[1], "Target");
  if (target === undefined) throw new InputError({ file }, tm("in_xlsx_sheet_no_part", { sheet: JSON.stringify(chosen.name) }), tm("in_exp_saved_by_excel"));
  const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  const sheetXml = part(sheetPath);
  if (sheetXml === undefined) throw new InputError({ file }, tm("in_xlsx_sheet_missing", { sheet: JSON.stringify(chosen.name), part: sheetPath }), tm("in_exp_saved_by_excel"));
  const shared = sharedStrings(part("xl/sharedStrings.xml"));
  const dateStyles = dateStyleIndexes(part("xl/styles.xml"));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  return { sheet: chosen.name, rows: sheetRows(sheetXml, shared, dateStyles, date1904) };
}

function sheetRows(xml: string, shared: string[], dateStyles: Set<number>, date1904: boolean): SheetRows["rows"] {
  const rows: SheetRows["rows"] = [];
  let nextRow = 1;
  for (const rm of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = attr(rm[1], "r");
    const rowNumber = r !== undefined ? Number(r) : nextRow;
    nextRow = rowNumber + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? "").matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attr(cm[1], "r");
      const col = ref !== undefined ? columnIndex(/^[A-Z]+/.exec(ref)?.[0] ?? "A") : nextCol;
      nextCol = col + 1;
      const text = cellText(cm[1], cm[2] ?? "", shared, dateStyles, date1904);
      while (cells.length < col) cells.push("");
      cells[col] = text;
    }
    if (cells.some((c) => c.trim() !== "")) rows.push({ row: rowNumber, cells });
  }
  return rows;
}

function cellText(attrs: string, inner: string, shared: string[], dateStyles: Set<number>, date1904: boolean): string {
  const type = attr(attrs, "t") ?? "n";
  if (type === "inlineStr") return richText(inner);
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) return "";
  switch (type) {
    case "s": return shared[Number(v)] ?? "";
    case "str":
    case "e": return decodeXml(v);
    case "b": return v === "1" ? "true" : "false";
    case "d": return decodeXml(v).slice(0, 10); // ISO 8601 date cell (strict Open XML)
    default: {
      const x = Number(v);
      if (!Number.isFinite(x)) return decodeXml(v);
      const style = Number(attr(attrs, "s") ?? 0);
      if (dateStyles.has(style)) return serialDate(x, date1904);
      return String(x);
    }
  }
}

/** An Excel date serial (days since 1899-12-30, or since 1904-01-01 in a 1904 workbook) as YYYY-MM-DD; a time of day is dropped. */
function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30): 14-22 and 45-47. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** The cell style indexes (the `s` of a cell) whose number format shows a date. */
function dateStyleIndexes(xml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (xml === undefined) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) custom.set(Number(attr(m[1], "numFmtId")), decodeXml(attr(m[1], "formatCode") ?? ""));
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  let i = 0;
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1], "numFmtId") ?? 0);
    const code = custom.get(id);
    if (BUILTIN_DATE_FORMATS.has(id) || (code !== undefined && isDateFormat(code))) out.add(i);
    i++;
  }
  return out;
}

/** A custom number format shows a date when it has d, m or y outside quoted text, escapes and [brackets]. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) || /m/i.test(bare.replace(/[hs]/gi, ""));
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return [...xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => richText(m[1]));
}

/** The text of a string item: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
function richText(xml: string): string {
  const body = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let s = "";
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += m[1];
  return decodeXml(s);
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}="([^"]*)"`).exec(attrs);
  return m?.[1];
}

/** XML entities and Excel's `_xHHHH_` escapes of control characters. */
function decodeXml(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e])
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The entries of a ZIP archive by name, each inflated when asked for. */
function unzip(bytes: Uint8Array, file: string): Map<string, () => Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (problem: string) => new InputError({ file }, problem, tm("in_exp_xlsx_or_csv"));
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw bad(tm("in_xlsx_no_directory"));
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries = new Map<string, () => Uint8Array>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw bad(tm("in_xlsx_damaged_directory"));
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder("utf-8").decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, () => {
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw bad(tm("in_xlsx_damaged_entry", { name }));
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) {
        try { return inflateRawSync(data); } catch { throw bad(tm("in_xlsx_no_inflate", { name })); }
      }
      throw bad(tm("in_xlsx_method", { name, method }));
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
