import { hasControlCharacter } from "../terminalText.js";
import { InputError, looksLikeCpr, type InputLocation } from "../errors.js";
import { daysFromCivil, daysInMonth, formatDay } from "../days.js";
import { rawColumn, type RawTable } from "./csv.js";
import { tm } from "../i18n/messageLang.js";
import type { Pseudonymiser } from "./pseudonym.js";

/** Re-exported so column readers can be imported from one place. */
export { rawColumn };

/**
 * Typed conversions of raw CSV columns. Each names file, line, column, value and expectation when a value
 * does not fit. Missing numeric values (empty or `NA`) become NaN only where the caller allows them.
 */

const MISSING = new Set(["", "NA", "na", "N/A", "n/a"]);

export function isMissing(raw: string): boolean {
  return MISSING.has(raw);
}

const POINT_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?(\d+(,\d*)?|,\d+)$/;
const COMMA_DECIMAL_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/**
 * Parses one number. In a `;`-delimited file the decimal mark is a comma and `.` may only group thousands
 * (`1.234,5`); elsewhere the decimal mark is a point. Anything else, and anything not finite (`1e309`), is refused.
 */
export function parseNumberText(raw: string, decimalComma: boolean): number | undefined {
  let text: string;
  if (decimalComma) {
    if (COMMA_DECIMAL.test(raw)) text = raw.replace(",", ".");
    else if (COMMA_DECIMAL_GROUPED.test(raw)) text = raw.replace(/\./g, "").replace(",", ".");
    else return undefined;
  } else {
    if (!POINT_DECIMAL.test(raw)) return undefined;
    text = raw;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The decimal mark settled on the command line (`--decimal , | .`); undefined: decided per column from the data. */
let decimalSetting: "," | "." | undefined;

/** Set by the CLI for one run (`--decimal`), reset to undefined otherwise. */
export function setDecimalMark(mark: "," | "." | undefined): void {
  decimalSetting = mark;
}

/** The run's `--decimal`, if given (a draw records it in the wave's manifest). */
export function decimalMark(): "," | "." | undefined {
  return decimalSetting;
}

/** `read` with the decimal mark set to `mark` (the one a wave was drawn with), the run's own restored afterwards. */
export function withDecimalMark<T>(mark: "," | "." | undefined, read: () => T): T {
  const own = decimalSetting;
  decimalSetting = mark;
  try {
    return read();
  } finally {
    decimalSetting = own;
  }
}

const ONE_GROUP = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;
const GROUPS = /^[+-]?[1-9]\d{0,2}(\.\d{3}){2,}$/;

/**
 * What one value says about its column's decimal mark in a `;` file: `0,5` or `1.234,5` say comma, `0.714`, `12.5`
 * or `1.5e3` say point (they cannot be thousands-grouped), `1.234.567` says comma (grouped), `1.234` is ambiguous
 * (1234 or 1.234), and a whole number says nothing.
 */
export function decimalEvidence(raw: string): "point" | "comma" | "ambiguous" | "none" {
  if (raw.includes(",")) return "comma";
  if (!raw.includes(".")) return "none";
  if (GROUPS.test(raw)) return "comma";
  return ONE_GROUP.test(raw) ? "ambiguous" : "point";
}

/** What settles a column's decimal mark (made only when a problem is named). */
const decimalHint = (): string => tm("in_decimal_hint");

/** The name of a decimal mark in a message. */
const markName = (mark: "point" | "comma"): string => tm(mark === "point" ? "in_mark_point" : "in_mark_comma");

/**
 * Whether a column's numbers use the decimal comma, decided from all its values (`--decimal` overrides): in a `;`
 * file a value that cannot be thousands-grouped (`0.714`) decides for the point, a comma for the comma; a column
 * that mixes both, or holds only values like `1.234`, is refused rather than read a thousand times off.
 */
export function columnDecimalComma(table: RawTable, name: string, raw: readonly string[]): boolean {
  if (decimalSetting !== undefined) return decimalSetting === ",";
  if (!table.decimalComma) return false;
  let point = -1;
  let comma = -1;
  let ambiguous = -1;
  for (let i = 0; i < raw.length; i++) {
    if (isMissing(raw[i])) continue;
    const e = decimalEvidence(raw[i]);
    if (e === "point" && point < 0) point = i;
    else if (e === "comma" && comma < 0) comma = i;
    else if (e === "ambiguous" && ambiguous < 0) ambiguous = i;
    if (point >= 0 && comma >= 0) {
      const [a, b] = point < comma ? [point, comma] : [comma, point];
      throw new InputError(where(table, b, name), tm("in_decimal_mixed", { mark: markName(b === point ? "point" : "comma"), line: table.lineOf(a), other: markName(a === point ? "point" : "comma") }), decimalHint(), raw[b]);
    }
  }
  if (point >= 0) return false;
  if (comma >= 0) return true;
  if (ambiguous >= 0) throw new InputError(where(table, ambiguous, name), tm("in_decimal_ambiguous_column"), decimalHint(), raw[ambiguous]);
  return true;
}

/**
 * The same decision for a column read as a stream (outcomes): the first value that says point or comma settles
 * it; a later value saying the other is refused, and so is an ambiguous value before anything settled it.
 */
export function streamDecimal(decimalCommaFile: boolean): (raw: string, at: { file: string; line: number; column: string }) => boolean {
  let mark: "point" | "comma" | undefined = decimalSetting === undefined ? undefined : decimalSetting === "," ? "comma" : "point";
  const fixed = decimalSetting !== undefined;
  let settledOn = 0;
  return (raw, at) => {
    if (fixed) return mark === "comma";
    if (!decimalCommaFile) return false;
    const e = decimalEvidence(raw);
    if (e === "point" || e === "comma") {
      if (mark === undefined) { mark = e; settledOn = at.line; }
      else if (mark !== e) throw new InputError(at, tm("in_decimal_mixed", { mark: markName(e), line: settledOn, other: markName(mark) }), decimalHint(), raw);
    } else if (e === "ambiguous" && mark === undefined) {
      throw new InputError(at, tm("in_decimal_ambiguous_before"), decimalHint(), raw);
    }
    return mark !== "point";
  };
}

export interface NumberOptions {
  allowMissing?: boolean;
  integer?: boolean;
  min?: number;
  max?: number;
  expected?: string;
}

/** A numeric column as Float64Array (NaN where missing and allowed). */
export function numberColumn(table: RawTable, name: string, options: NumberOptions = {}): Float64Array {
  const raw = rawColumn(table, name);
  const out = new Float64Array(raw.length);
  const decimalComma = columnDecimalComma(table, name, raw);
  const expected =
    options.expected ??
    `${tm(options.integer ? "exp_whole" : "exp_number")}${options.min !== undefined ? tm("exp_at_least", { min: options.min }) : ""}${
      options.max !== undefined ? tm("exp_at_most", { max: options.max }) : ""
    }${decimalComma ? tm("exp_decimal_comma") : ""}`;
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i];
    if (isMissing(text)) {
      if (!options.allowMissing) fail(table, new InputError(where(table, i, name), tm("err_missing"), expected, text));
      out[i] = NaN;
      continue;
    }
    const value = parseNumberText(text, decimalComma);
    out[i] = value ?? NaN;
    if (value === undefined) fail(table, new InputError(where(table, i, name), tm("err_not_number"), expected, text));
    else if (options.integer && !Number.isInteger(value)) fail(table, new InputError(where(table, i, name), tm("err_not_whole"), expected, text));
    else if (options.min !== undefined && value < options.min) fail(table, new InputError(where(table, i, name), tm("err_too_small"), expected, text));
    else if (options.max !== undefined && value > options.max) fail(table, new InputError(where(table, i, name), tm("err_too_large"), expected, text));
  }
  return out;
}

export interface IdColumnOptions {
  unique?: boolean;
  /** Keep CPR-like values (only for effekt's own working files, such as the register). */
  allowCpr?: boolean;
  /**
   * Replace each CPR-like value by its keyed pseudonym (`--allow-cpr-like-ids --pseudonym-key FILE`), in the
   * returned array and in the table itself, so nothing downstream can write the original.
   */
  pseudonyms?: Pseudonymiser;
}

/**
 * A column of non-empty identifiers. Refuses CPR-like values (inputs must be pseudonymised) unless the caller
 * pseudonymises them or keeps them explicitly. Uniqueness is checked after pseudonymising.
 */
export function idColumn(table: RawTable, name: string, options: IdColumnOptions = {}): string[] {
  let ids = rawColumn(table, name);
  const { pseudonyms } = options;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === "") { fail(table, new InputError(where(table, i, name), tm("err_empty"), tm("exp_id"))); continue; }
    // A CPR-like value starts with a digit after any white space: an id starting with any other printable ASCII
    // character is ruled out without the pattern (white space, including non-ASCII, goes through the full test).
    const first = id.charCodeAt(0);
    // Letters may start a CPR number with a short prefix ("CPR0101901234"), so only other ASCII skips the test.
    if (first > 32 && first < 127 && (first < 48 || first > 57) && !((first | 32) >= 97 && (first | 32) <= 122)) continue;
    if (!looksLikeCpr(id)) continue;
    if (!pseudonyms) {
      if (options.allowCpr) continue;
      fail(table, new InputError(where(table, i, name), tm("err_cpr_like"), tm("exp_id_or_key"), id));
      continue;
    }
    if (ids === table.columns.get(name)) ids = ids.slice();
    ids[i] = pseudonyms.of(id);
  }
  if (ids !== table.columns.get(name)) table.columns.set(name, ids);
  if (options.unique) uniqueIndex(table, name, ids);
  return ids;
}

/** Each id's row, refusing a duplicate (named with the line of its first appearance). */
export function uniqueIndex(table: RawTable, name: string, ids: readonly string[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const first = seen.get(ids[i]);
    if (first !== undefined) {
      const at = table.cellOf ? tm("term_cell", { cell: table.cellOf(first, name) }) : tm("term_line", { n: table.lineOf(first) });
      fail(table, new InputError(where(table, i, name), tm("err_duplicate", { at }), tm("exp_each_once"), ids[i]));
      continue;
    }
    seen.set(ids[i], i);
  }
  return seen;
}

/** A column of non-empty text. */
export function textColumn(table: RawTable, name: string, options: { allowEmpty?: boolean; expected?: string; plainName?: boolean } = {}): string[] {
  const raw = rawColumn(table, name);
  if (!options.allowEmpty) {
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === "") fail(table, new InputError(where(table, i, name), tm("err_empty"), options.expected ?? tm("exp_value")));
    }
  }
  // A name written into the register, manifests and every output (area, stratum): a control character (tab, line
  // break, ESC, C1, a bidi override) would act in a terminal or change how the name shows, so it is refused.
  if (options.plainName) {
    let last = "";
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === last) continue;
      if (hasControlCharacter(raw[i])) fail(table, new InputError(where(table, i, name), tm("in_control_character"), tm("in_exp_plain_name", { what: options.expected ?? tm("in_exp_a_name") }), raw[i]));
      else last = raw[i];
    }
  }
  return raw;
}

/** The yes/no words effekt reads (Danish and English, as exports write them), lower-case. */
export const TRUE: ReadonlySet<string> = new Set(["true", "1", "ja", "yes", "j", "y", "sand"]);
export const FALSE: ReadonlySet<string> = new Set(["false", "0", "nej", "no", "n", "falsk"]);

/** A yes/no column: true/false, 1/0, ja/nej, yes/no (any case). */
export function booleanColumn(table: RawTable, name: string): Uint8Array {
  const raw = rawColumn(table, name);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i].toLowerCase();
    if (TRUE.has(v)) out[i] = 1;
    else if (FALSE.has(v)) out[i] = 0;
    else fail(table, new InputError(where(table, i, name), tm("err_not_yes_no"), tm("exp_yes_no"), raw[i]));
  }
  return out;
}

/**
 * Dates as days since 1970-01-01 (an integer), from ISO `YYYY-MM-DD` or Danish `DD-MM-YYYY` / `DD.MM.YYYY`: the
 * forms exports use; the calendar is src/days.ts's. Calendar-checked: `31-02-2025` is refused. Empty gives NaN
 * where allowed (an open case has no closing date).
 */
export function parseDateText(raw: string): number | undefined {
  let y: number, m: number, d: number;
  // Exports write days and months without leading zeros (7-3-2025) and dates as midnight date-times (07-03-2025 00:00:00).
  const date = raw.length > 10 ? raw.replace(/[ T]00:00(:00)?$/, "") : raw;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date);
  if (match) {
    y = Number(match[1]); m = Number(match[2]); d = Number(match[3]);
  } else if ((match = /^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$/.exec(date))) {
    d = Number(match[1]); m = Number(match[3]); y = Number(match[4]);
  } else {
    return undefined;
  }
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

export { formatDay };

export function dateColumn(table: RawTable, name: string, options: { allowMissing?: boolean } = {}): Float64Array {
  const raw = rawColumn(table, name);
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "" && options.allowMissing) { out[i] = NaN; continue; }
    const day = parseDateText(raw[i]);
    out[i] = day ?? NaN;
    if (day === undefined) fail(table, new InputError(where(table, i, name), tm("err_not_date"), tm("exp_date"), raw[i]));
  }
  return out;
}

/** Parses a date given on the command line. */
export function parseDateFlag(raw: string, flag: string): number {
  const day = parseDateText(raw);
  if (day === undefined) throw new InputError({ file: `--${flag}` }, tm("in_date_flag_invalid"), undefined, raw);
  return day;
}

/** Where data row `row` of `column` is, as the user sees it: file (and sheet), line or cell, the column as headed in the file. */
export function where(table: RawTable, row: number, column: string): InputLocation {
  const source = table.sourceNames?.get(column);
  const label = source !== undefined ? `${source} (${column})` : column;
  if (table.cellOf) return { file: tm("term_sheet", { file: table.file, sheet: JSON.stringify(table.sheet ?? "") }), cell: table.cellOf(row, column), column: label };
  return { file: table.file, line: table.lineOf(row), column: label };
}

/** A problem in a value: stops here, or, when the table collects problems (`collectProblems`), is noted and reading goes on. */
export function fail(table: RawTable, problem: InputError): void {
  if (!table.problems) throw problem;
  table.problems.add(problem);
}

/** A number cell of a result table: empty/NA = absent; anything else must be a finite number (else a located error). */
export function numberCell(table: RawTable, name: string, row: number): number | null {
  const raw = table.columns.get(name)?.[row];
  if (raw === undefined || isMissing(raw.trim())) return null;
  const x = parseNumberText(raw.trim(), table.decimalComma);
  if (x === undefined) {
    fail(table, new InputError(where(table, row, name), tm("err_not_number"), tm("in_exp_number_or_empty"), raw));
    return null;
  }
  return x;
}
