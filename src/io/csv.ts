import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { describeNames, InputError, maskCprLike, UserError } from "../errors.js";
import { decodeText, type Encoding } from "./decode.js";
import { lockedFileError } from "./atomic.js";

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
    if (statSync(path).isDirectory()) throw new UserError(`${path} is a folder; expected a CSV file`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw lockedFileError(err, path, "read") ?? new UserError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseCsvText(bytes, file, options);
}

export function parseCsvText(bytes: Uint8Array, file: string, options: ReadOptions = {}): RawTable {
  const { text, encoding } = decodeText(bytes, file);
  if (text.trim() === "") throw new InputError({ file }, "is empty", "a header line naming the columns, then data rows");
  const delimiter = detectDelimiter(text);
  let records: string[][];
  const plain = isPlain(text);
  if (plain) {
    // Straight into columns: no array per record.
    const split = splitPlainColumns(text, delimiter, file);
    const lineOfPlain = (row: number): number => split.lines[row + 1];
    return tableOf(split.header, split.columns, split.nRows, { file, encoding, delimiter }, lineOfPlain, options);
  } else {
    try {
      records = parse(text, { delimiter, relax_column_count: false, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES }) as string[][];
    } catch (err) {
      throw csvParseError(err, file);
    }
  }
  let lineStarts: number[] | undefined;
  const lineOf = (row: number): number => {
    // Parsing again with per-record line info costs time, so it happens only when a message needs a line.
    lineStarts ??= recordLines(text, delimiter);
    return lineStarts[row + 1] ?? row + 2;
  };
  if (records.length === 0) throw new InputError({ file }, "is empty", "a header line naming the columns");
  const nRecords = records.length - 1;
  const columns = records[0].map((_, j) => {
    const col = new Array<string>(nRecords);
    for (let i = 0; i < nRecords; i++) col[i] = records[i + 1][j];
    return col;
  });
  return tableOf(records[0], columns, nRecords, { file, encoding, delimiter }, lineOf, options);
}

/** The table from a header and its columns of untrimmed fields: header checks, then values trimmed in place. */
function tableOf(
  rawHeader: readonly string[],
  fields: string[][],
  nRows: number,
  source: { file: string; encoding: Encoding; delimiter: Delimiter },
  lineOf: (row: number) => number,
  options: ReadOptions,
): RawTable {
  const { file } = source;
  const header = rawHeader.map((h) => h.trim());
  checkHeader(header, file, 1);
  for (const name of options.required ?? []) {
    if (!header.includes(name)) {
      throw new InputError(
        { file, line: 1, column: name },
        "is missing",
        `a column named "${name}" (the header has: ${describeNames(header)})`,
      );
    }
  }
  if (nRows === 0 && !options.allowEmpty) throw new InputError({ file }, "has a header but no data rows", "at least one data row");
  const columns = new Map<string, string[]>();
  header.forEach((name, j) => {
    const col = fields[j];
    for (let i = 0; i < nRows; i++) {
      const v = col[i];
      if (v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32)) col[i] = v.trim();
    }
    columns.set(name, col);
  });
  return { file, encoding: source.encoding, delimiter: source.delimiter, decimalComma: source.delimiter === ";", header, nRows, columns, lineOf };
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
export function splitPlainColumns(text: string, delimiter: Delimiter, file: string): { header: string[]; columns: string[][]; nRows: number; lines: number[] } {
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
    if (stop > start) {
      if (stop - start > MAX_RECORD_BYTES) throw new InputError({ file, line }, "has a record larger than 1 MiB", "fields of ordinary size");
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
          throw new InputError({ file, line }, "has a different number of fields than the header", "one field per header column (check the delimiter and quotes)");
        }
        columns[j].push(text.slice(from, stop));
      }
      lines.push(line);
    }
    start = end + 1;
  }
  return { header: header ?? [], columns, nRows: Math.max(0, lines.length - 1), lines };
}

/** The line on which each record of a quoted text starts (a record may span lines), from csv-parse. */
function recordLines(text: string, delimiter: Delimiter): number[] {
  const starts: number[] = [];
  parse(text, {
    delimiter,
    skip_empty_lines: true,
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
    if (name === "") throw new InputError({ file, line }, `column ${j + 1} has an empty name`, "every column to have a name in the header");
    if (seen.has(name)) throw new InputError({ file, line, column: name }, "appears twice in the header", "unique column names");
    seen.add(name);
  });
}

function csvParseError(err: unknown, file: string): InputError {
  const e = err as { code?: string; lines?: number; message?: string };
  const line = typeof e.lines === "number" ? e.lines : undefined;
  switch (e.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH":
      return new InputError({ file, line }, "has a different number of fields than the header", "one field per header column (check the delimiter and quotes)");
    case "CSV_QUOTE_NOT_CLOSED":
      return new InputError({ file, line }, "has a quote that is never closed", "balanced double quotes");
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return new InputError({ file, line }, "has a stray character after a closing quote", 'quotes around whole fields, with inner quotes doubled ("")');
    case "CSV_INVALID_OPENING_QUOTE":
      return new InputError({ file, line }, "has a double quote inside a field that does not start with one", 'a field with quotes to be quoted as a whole, inner quotes doubled ("a ""b"" c")');
    case "CSV_MAX_RECORD_SIZE":
      return new InputError({ file, line }, "has a record larger than 1 MiB", "fields of ordinary size");
    default:
      // csv-parse's message may quote a piece of the file: one short line, CPR-like digits hidden.
      return new InputError({ file, line }, `could not be read as CSV (${maskCprLike((e.message ?? String(err)).split("\n")[0]).slice(0, 160)})`, "a CSV file");
  }
}

/** A column's raw values; throws a clear error when the column is absent. */
export function rawColumn(table: RawTable, name: string): string[] {
  const col = table.columns.get(name);
  if (!col) {
    throw new InputError({ file: table.file, line: 1, column: name }, "is missing", `a column named "${name}"`);
  }
  return col;
}
