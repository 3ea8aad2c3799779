import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { describeName, describeNames, describeValue, InputError, maskCprLike, MAX_PROBLEMS_LISTED, Problems, UserError } from "../errors.js";
import { decodeText, type Encoding } from "./decode.js";
import { tm } from "../i18n/messageLang.js";
import { lockedFileError } from "./atomic.js";
import { assertOrdinaryFile } from "./ordinaryFile.js";
import { settingsFor, type FormatSettings } from "./inputSettings.js";
import { columnLetters, isZip, readSheet } from "./xlsx.js";

export type Delimiter = "," | ";" | "\t";

/**
 * A CSV file read into columns of raw strings, with enough provenance to name the line of any value.
 * Conversions to numbers, dates and codes happen in `columns.ts`, which name file, line, column and value on error.
 */
export interface RawTable {
  /** The file as the user named it, for messages. */
  file: string;
  encoding: Encoding;
  delimiter: Delimiter;
  /** Decimal comma applies when the file is `;`-delimited (as Danish Excel writes it). */
  decimalComma: boolean;
  header: string[];
  nRows: number;
  columns: Map<string, string[]>;
  /** Line number (header = 1) of data row i, for error messages; computed only when asked (an error path). */
  lineOf(row: number): number;
  /** A workbook's sheet, when the table was read from an `.xlsx`; then `lineOf` gives Excel's row number. */
  sheet?: string;
  /** The cell of data row i in effekt's column `name` as Excel shows it (`B17`); only for an `.xlsx`. */
  cellOf?(row: number, name: string): string;
  /** effekt's column name -> the header it has in the file, for columns mapped by `--column` or `--mapping`. */
  sourceNames: Map<string, string>;
  /**
   * When set, the typed column readers (`columns.ts`) add each problem here and go on, so one run names all the
   * problems of a file; the loader then calls `throwProblems` before it uses the values.
   */
  problems?: Problems;
}

const MAX_RECORD_BYTES = 1 << 20;

/** Guesses the delimiter from the header line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  let inQuotes = false;
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) counts[ch as Delimiter]++;
  }
  let best: Delimiter = ",";
  for (const d of [";", "\t"] as Delimiter[]) if (counts[d] > counts[best]) best = d;
  return best;
}

export interface ReadOptions {
  /** Columns that must be present. */
  required?: readonly string[];
  /** The format's name for `--mapping` (`households`, `cases`, ...): which sheet, title lines and header mapping apply. */
  format?: string;
  /** How to read the file (sheet, title lines, header mapping) instead of the run's settings for `format`; verify passes what a manifest recorded. */
  settings?: FormatSettings;
  /** Collect the typed readers' problems in `table.problems` instead of stopping at the first (see `throwProblems`). */
  collectProblems?: boolean;
  /** Allow a file with a header and no data rows. */
  allowEmpty?: boolean;
  /** Name shown in messages; defaults to the file's base name. */
  displayName?: string;
}

/** Reads a whole CSV file into columns. For very large files use `streamCsv`. */
export function readCsv(path: string, options: ReadOptions = {}): RawTable {
  const file = options.displayName ?? basename(path);
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new UserError(tm("in_folder", { path }));
    assertOrdinaryFile(path);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw lockedFileError(err, path, "read") ?? new UserError(tm("file_cannot_read", { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  return parseCsvText(bytes, file, options);
}

/**
 * A CSV file's bytes, or an `.xlsx` workbook's (recognised by its ZIP signature, whatever the file is called), as
 * a table. The run's settings for `options.format` (see `inputSettings.ts`) choose the sheet, skip title lines and
 * map the file's headers to effekt's names.
 */
export function parseCsvText(bytes: Uint8Array, file: string, options: ReadOptions = {}): RawTable {
  const settings = options.settings ?? settingsFor(options.format);
  const skip = settings.skipRows ?? 0;
  if (isZip(bytes)) return parseWorkbook(bytes, file, settings, options);
  const decoded = decodeText(bytes, file);
  const encoding = decoded.encoding;
  let text = decoded.text;
  if (text.trim() === "") throw new InputError({ file }, tm("err_empty"), tm("in_exp_header_then_rows"));
  const lines = firstLines(text, skip, 10);
  if (lines.length === 0) throw new InputError({ file }, tm(skip === 1 ? "in_nothing_below_one" : "in_nothing_below_many", { n: skip }), tm("in_exp_header_then_rows"));
  const delimiter = detectDelimiter(lines[0].text);
  checkTitleLines(lines.map((l) => ({ line: l.line, cells: l.text.split(delimiter) })), file, settings, options);
  let records: string[][];
  const plain = isPlain(text);
  if (plain) {
    // Straight into columns: no array per record.
    const split = splitPlainColumns(text, delimiter, file, skip);
    const lineOfPlain = (row: number): number => split.lines[row + 1];
    return tableOf(split.header, split.columns, split.nRows, { file, encoding, delimiter, headerLine: split.lines[0] ?? 1 }, lineOfPlain, options, settings);
  } else {
    // Rows of separators only (what Excel writes for formatted empty rows) become empty lines, skipped like them.
    text = text.replace(/^[;,\t ]+(?=\r?$)/gm, "");
    try {
      records = parse(text, { delimiter, relax_column_count: false, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES, from_line: skip + 1 }) as string[][];
    } catch (err) {
      throw csvParseError(err, file);
    }
  }
  let lineStarts: number[] | undefined;
  const lineOf = (row: number): number => {
    // Parsing again with per-record line info costs time, so it happens only when a message needs a line.
    lineStarts ??= recordLines(text, delimiter, skip);
    return lineStarts[row + 1] ?? row + 2 + skip;
  };
  if (records.length === 0) throw new InputError({ file }, tm("err_empty"), tm("in_exp_header_line"));
  const nRecords = records.length - 1;
  const columns = records[0].map((_, j) => {
    const col = new Array<string>(nRecords);
    for (let i = 0; i < nRecords; i++) col[i] = records[i + 1][j];
    return col;
  });
  return tableOf(records[0], columns, nRecords, { file, encoding, delimiter, headerLine: lines[0].line }, lineOf, options, settings);
}

/** One sheet of a workbook as a table: rows above `skip` dropped, cells named as Excel shows them. */
function parseWorkbook(bytes: Uint8Array, file: string, settings: FormatSettings, options: ReadOptions): RawTable {
  const { sheet, rows: allRows } = readSheet(bytes, file, settings.sheet);
  const where = tm("term_sheet", { file, sheet: JSON.stringify(sheet) });
  const rows = allRows.filter((r) => r.row > (settings.skipRows ?? 0));
  if (rows.length === 0) throw new InputError({ file: where }, tm("err_empty"), tm("in_exp_header_row_then_rows"));
  checkTitleLines(rows.slice(0, 10).map((r) => ({ line: r.row, cells: r.cells })), where, settings, options, true);
  const headerCells = rows[0].cells;
  let width = headerCells.length;
  while (width > 0 && headerCells[width - 1].trim() === "") width--;
  const nRows = rows.length - 1;
  const columns: string[][] = Array.from({ length: width }, () => new Array<string>(nRows));
  for (let i = 0; i < nRows; i++) {
    const { row, cells } = rows[i + 1];
    for (let j = width; j < cells.length; j++) {
      if (cells[j].trim() !== "") {
        throw new InputError({ file: where, cell: `${columnLetters(j)}${row}` }, tm("in_stray_cell"), tm("in_exp_stray_cell"), cells[j]);
      }
    }
    for (let j = 0; j < width; j++) columns[j][i] = cells[j] ?? "";
  }
  const table = tableOf(headerCells.slice(0, width), columns, nRows, { file, encoding: "utf-8", delimiter: ",", headerLine: rows[0].row }, (r) => rows[r + 1].row, options, settings, sheet);
  const columnOf = new Map(table.header.map((name, j) => [name, j]));
  table.cellOf = (r, name) => `${columnLetters(columnOf.get(name) ?? 0)}${rows[r + 1].row}`;
  return table;
}

/** Up to `max` non-empty lines after the first `skip`, with their line numbers (for the title check). */
function firstLines(text: string, skip: number, max: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let line = 0;
  for (let start = 0; start < text.length && out.length < max; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const t = text.slice(start, end).replace(/\r$/, "");
    if (line > skip && t.trim() !== "") out.push({ line, text: t });
    start = end + 1;
  }
  return out;
}

/**
 * Title lines above the header (`Husstande pr. 1. marts 2025`, a report name, an empty line), as exports often
 * have: named in an error that says how many to skip, never guessed silently. The header is taken to be further
 * down when the first line lacks a required column that a later line has, or when the first line has a single
 * field and a later one several.
 */
function checkTitleLines(lines: { line: number; cells: string[] }[], file: string, settings: FormatSettings, options: ReadOptions, sheet = false): void {
  if (lines.length < 2) return;
  const names = (cells: string[]) => new Set(mapHeader(cells.map((c) => c.trim()), settings.columns ?? {}));
  const filled = (cells: string[]) => cells.filter((c) => c.trim() !== "").length;
  const required = options.required ?? [];
  let header: number | undefined;
  if (required.length > 0 && !required.every((r) => names(lines[0].cells).has(r))) {
    const k = lines.findIndex((l) => required.every((r) => names(l.cells).has(r)));
    if (k > 0) header = k;
  }
  if (header === undefined && filled(lines[0].cells) <= 1) {
    const k = lines.findIndex((l) => filled(l.cells) >= 2);
    if (k > 0 && (required.length === 0 || required.every((r) => names(lines[k].cells).has(r)))) header = k;
  }
  if (header === undefined) return;
  const title = lines[0].cells.filter((c) => c.trim() !== "").join(" ");
  const skipTo = lines[header].line - 1;
  const firstCell = lines[0].cells.findIndex((c) => c.trim() !== "");
  throw new InputError(
    sheet ? { file, cell: `${columnLetters(Math.max(0, firstCell))}${lines[0].line}` } : { file, line: lines[0].line },
    tm(sheet ? "in_title_row" : "in_title_line", { title: describeValue(title), n: lines[header].line }),
    tm("in_exp_skip_rows", { n: skipTo }),
  );
}

/** The header with mapped names: each file header named in `columns` (effekt name -> file header) gets effekt's name. */
function mapHeader(header: readonly string[], columns: Record<string, string>): string[] {
  const out = header.slice();
  for (const [name, fileHeader] of Object.entries(columns)) {
    let j = out.indexOf(fileHeader);
    if (j < 0) j = header.findIndex((h) => h.toLowerCase() === fileHeader.toLowerCase());
    if (j >= 0 && header[j] === out[j]) out[j] = name;
  }
  return out;
}

/** The table from a header and its columns of untrimmed fields: header checks, then values trimmed in place. */
function tableOf(
  rawHeader: readonly string[],
  fields: string[][],
  nRows: number,
  source: { file: string; encoding: Encoding; delimiter: Delimiter; headerLine: number },
  lineOf: (row: number) => number,
  options: ReadOptions,
  settings: FormatSettings = {},
  sheet?: string,
): RawTable {
  const { file } = source;
  const where = sheet === undefined ? file : tm("term_sheet", { file, sheet: JSON.stringify(sheet) });
  const headerLine = source.headerLine;
  const fileHeader = rawHeader.map((h) => h.trim());
  checkHeader(fileHeader, where, headerLine);
  const mapping = settings.columns ?? {};
  const header = mapHeader(fileHeader, mapping);
  const sourceNames = new Map<string, string>();
  header.forEach((name, j) => { if (name !== fileHeader[j]) sourceNames.set(name, fileHeader[j]); });
  header.forEach((name, j) => {
    const k = header.indexOf(name);
    if (k !== j) throw new InputError({ file: where, line: headerLine, column: name }, tm("in_mapped_twice", { from: describeName(sourceNames.get(name) ?? name) }), tm("in_exp_mapped_once"));
  });
  for (const name of options.required ?? []) {
    if (!header.includes(name)) {
      const mapped = mapping[name] !== undefined ? tm("exp_column_mapped", { from: describeName(mapping[name]) }) : "";
      throw new InputError({ file: where, line: headerLine, column: name }, tm("err_column_missing"), tm("exp_column_header", { name, header: describeNames(fileHeader), mapped }));
    }
  }
  if (nRows === 0 && !options.allowEmpty) throw new InputError({ file: where }, tm("err_no_rows"), tm("exp_one_row"));
  const columns = new Map<string, string[]>();
  header.forEach((name, j) => {
    const col = fields[j];
    for (let i = 0; i < nRows; i++) {
      const v = col[i];
      if (v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32)) col[i] = v.trim();
    }
    columns.set(name, col);
  });
  return {
    file, encoding: source.encoding, delimiter: source.delimiter, decimalComma: source.delimiter === ";", header, nRows, columns, lineOf,
    sheet, sourceNames, problems: options.collectProblems ? new Problems() : undefined,
  };
}


/**
 * A file with no double quote and no bare carriage return has no quoted fields and no embedded line breaks, so
 * RFC 4180 reduces to splitting lines on \n (or \r\n) and fields on the delimiter. That is about five times faster
 * than csv-parse on a million rows (see `npm run bench`); every other file goes through csv-parse.
 * `test/io/csv.test.ts` checks that both paths give the same table.
 */
export function isPlain(text: string): boolean {
  if (text.includes('"')) return false;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  return true;
}

/**
 * A plain text (see `isPlain`) split straight into columns, with no array per record: the header's fields, one
 * array of (untrimmed) fields per column, and the line number of each record (header = 1), from which messages
 * name lines. The same records and errors as csv-parse.
 */
export function splitPlainColumns(text: string, delimiter: Delimiter, file: string, skipLines = 0): { header: string[]; columns: string[][]; nRows: number; lines: number[] } {
  const delim = delimiter.charCodeAt(0);
  let header: string[] | undefined;
  let columns: string[][] = [];
  let width = 0;
  const lines: number[] = [];
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    // Skipped title lines, and rows of separators only (Excel's formatted empty rows), count as lines but not records.
    if (stop > start && line > skipLines && !(onlySeparators(text, start, stop, delim))) {
      if (stop - start > MAX_RECORD_BYTES) throw new InputError({ file, line }, tm("in_record_too_large"), tm("in_exp_ordinary_size"));
      if (header === undefined) {
        header = text.slice(start, stop).split(delimiter);
        width = header.length;
        columns = header.map(() => []);
      } else {
        // Cut at each delimiter (found by indexOf); the last field is checked for a stray delimiter by hand, so a
        // search never runs on past the line.
        let from = start;
        let j = 0;
        for (; j < width - 1; j++) {
          const at = text.indexOf(delimiter, from);
          if (at < 0 || at >= stop) break;
          columns[j].push(text.slice(from, at));
          from = at + 1;
        }
        let tooMany = false;
        for (let k = from; k < stop && !tooMany; k++) if (text.charCodeAt(k) === delim) tooMany = true;
        if (tooMany || j !== width - 1) {
          throw new InputError({ file, line }, tm("in_field_count"), tm("in_exp_field_count"));
        }
        columns[j].push(text.slice(from, stop));
      }
      lines.push(line);
    }
    start = end + 1;
  }
  return { header: header ?? [], columns, nRows: Math.max(0, lines.length - 1), lines };
}

/** True for a line of separators and spaces only; checked only when the line starts with one, so cheap. */
function onlySeparators(text: string, start: number, stop: number, delim: number): boolean {
  const c0 = text.charCodeAt(start);
  if (c0 !== delim && c0 !== 32) return false;
  for (let k = start; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c !== delim && c !== 32) return false;
  }
  return true;
}

/** The line on which each record of a quoted text starts (a record may span lines), from csv-parse. */
function recordLines(text: string, delimiter: Delimiter, skip = 0): number[] {
  const starts: number[] = [];
  parse(text, {
    delimiter,
    skip_empty_lines: true,
    from_line: skip + 1,
    on_record: (record: string[], context: { lines: number }) => {
      starts.push(context.lines);
      return null;
    },
  });
  return starts;
}

function checkHeader(header: string[], file: string, line: number): void {
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name === "") throw new InputError({ file, line }, tm("err_header_empty_name", { n: j + 1 }), tm("exp_header_names"));
    if (seen.has(name)) throw new InputError({ file, line, column: name }, tm("err_header_twice"), tm("exp_header_unique"));
    seen.add(name);
  });
}

function csvParseError(err: unknown, file: string): InputError {
  const e = err as { code?: string; lines?: number; message?: string };
  const line = typeof e.lines === "number" ? e.lines : undefined;
  switch (e.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH":
      return new InputError({ file, line }, tm("in_field_count"), tm("in_exp_field_count"));
    case "CSV_QUOTE_NOT_CLOSED":
      return new InputError({ file, line }, tm("in_quote_unclosed"), tm("in_exp_quotes_balanced"));
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return new InputError({ file, line }, tm("in_quote_stray"), tm("in_exp_quotes_whole"));
    case "CSV_INVALID_OPENING_QUOTE":
      return new InputError({ file, line }, tm("in_quote_inside"), tm("in_exp_quote_field"));
    case "CSV_MAX_RECORD_SIZE":
      return new InputError({ file, line }, tm("in_record_too_large"), tm("in_exp_ordinary_size"));
    default:
      // csv-parse's message may quote a piece of the file: one short line, CPR-like digits hidden.
      return new InputError({ file, line }, tm("in_not_csv", { reason: maskCprLike((e.message ?? String(err)).split("\n")[0]).slice(0, 160) }), tm("in_exp_csv"));
  }
}

/** A column's raw values; throws a clear error when the column is absent. */
export function rawColumn(table: RawTable, name: string): string[] {
  const col = table.columns.get(name);
  if (!col) {
    throw new InputError({ file: table.file, line: 1, column: name }, tm("err_column_missing"), tm("exp_column", { name }));
  }
  return col;
}

/** Re-exported: how many problems of one file are listed before the rest are only counted. */
export { MAX_PROBLEMS_LISTED };

/**
 * Stops with every problem the typed readers collected in `table.problems` (see `ReadOptions.collectProblems`):
 * one problem as the usual one line; several as one line per problem, the first 20 and a count of the rest.
 */
export function throwProblems(table: RawTable): void {
  const problems = table.problems;
  // From here on a problem stops at once (a reader called later, such as a lazy index, has no one to list it).
  table.problems = undefined;
  problems?.throwIfAny(table.sheet !== undefined ? tm("term_sheet", { file: table.file, sheet: JSON.stringify(table.sheet) }) : table.file);
}
