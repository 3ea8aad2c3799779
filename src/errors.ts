import { tm } from "./i18n/messageLang.js";

/**
 * Errors a user can act on. The CLI prints `effekt: <message>` on one line and exits with `exitCode`;
 * it never prints a stack trace for these.
 *
 * - `UserError` (exit 2): bad input, bad flags, a refused operation. Nothing was written.
 * - `MismatchError` (exit 1): `verify` found the register differs from what its manifests re-derive.
 * Both hide any CPR-like run of digits in their message, wherever it came from (a zod message naming a key of a
 * hand-edited file, a path): readers also avoid echoing such values, and this is the last line of defence.
 */
import { terminalSafe } from "./terminalText.js";

export class UserError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(maskCprLike(message));
    this.name = "UserError";
  }
}

export class MismatchError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(maskCprLike(message));
    this.name = "MismatchError";
  }
}

/** Where in an input file a problem is: file, 1-based line as an editor shows it (header is line 1), column. */
export interface InputLocation {
  file: string;
  line?: number;
  column?: string;
  /** A workbook cell as Excel shows it (`B17`); named instead of the line. */
  cell?: string;
}

/** Shortens and neutralises a value for an error message: never echo a CPR-like value, never a 10 kB field. */
export function describeValue(value: string): string {
  if (looksLikeCpr(value)) return tm("file_cpr_value");
  const clean = terminalSafe(maskCprLike(value), false);
  const shown = clean.length > 40 ? `${clean.slice(0, 40)}...` : clean;
  return JSON.stringify(shown);
}

/** Hides every CPR-like run of digits inside a longer text (`x0101901234` -> `x(CPR-like)`). */
export function maskCprLike(text: string): string {
  return text.replace(/(?<!\d)\d{6}-?\d{4}(?!\d)/g, (m) => (looksLikeCpr(m) ? tm("file_cpr_masked") : m));
}

/** A column name for a message: control characters shown as `?`, long names shortened, CPR-like names hidden. */
export function describeName(name: string): string {
  if (looksLikeCpr(name)) return tm("file_cpr_name");
  const clean = terminalSafe(maskCprLike(name), false);
  return clean.length > 40 ? `${clean.slice(0, 40)}...` : clean;
}

/** A list of names for a message (such as a header): each described, at most `max` of them. */
export function describeNames(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).map((n) => JSON.stringify(describeName(n)));
  return names.length > max ? tm("file_names_more", { names: shown.join(", "), n: names.length - max }) : shown.join(", ");
}

/** One-line error naming file, line, column, value and what was expected. */
export class InputError extends UserError {
  constructor(where: InputLocation, problem: string, expected?: string, value?: string) {
    // the frame in the run's language (i18n/messages/terminal.ts); the problem and expectation as the reader gave them
    const parts = [where.file];
    if (where.cell !== undefined) parts.push(tm("term_cell", { cell: where.cell }));
    else if (where.line !== undefined) parts.push(tm("term_line", { n: where.line }));
    if (where.column !== undefined) parts.push(tm("term_column", { name: describeName(where.column) }));
    const valuePart = value !== undefined ? tm("term_value", { value: describeValue(value) }) : "";
    const expectedPart = expected ? tm("term_expected", { expected }) : "";
    super(`${parts.join(", ")}: ${valuePart}${problem}${expectedPart}`);
    this.name = "InputError";
  }
}

/**
 * Danish CPR numbers: DDMMYY-XXXX or ten digits whose first six are a valid date, also as exports mangle them:
 * another separator (space, `/`, `.`, `_`, `:`), the leading zero lost (nine digits), Excel's `.0`, a short letter
 * prefix (`CPR 0101901234`), and Excel's scientific notation of a nine- or ten-digit number (`1,01901E+08`, whose
 * digits are lost: taken as CPR-like, as it cannot be shown not to be one).
 * Used to refuse identifier columns that hold real personal numbers (inputs must be pseudonymised).
 */
export function looksLikeCpr(value: string): boolean {
  let v = value.trim();
  if (/^[+]?\d[.,]\d+[eE]\+?0?[89]$/.test(v)) return true;
  v = v.replace(/^[A-Za-z]{1,4}[\s:#_\-./]?(?=\d)/, "").replace(/^(\d{9,10})[.,]0+$/, "$1");
  const m = /^(\d{5,6})(?:[\s\-./_:]|\s+)?(\d{4})$/.exec(v);
  if (!m) return false;
  const date = m[1].padStart(6, "0");
  const day = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

/** How many problems of one file are listed before the rest are only counted. */
export const MAX_PROBLEMS_LISTED = 20;

/**
 * The problems of one input file, collected so that one run names them all: the first
 * `MAX_PROBLEMS_LISTED` kept with their cells, the rest only counted, so a file broken on every one of its
 * millions of lines costs no more memory than one broken on twenty. Every reader uses this one collector: the
 * in-memory tables (`RawTable.problems`, filled by io/columns.ts `fail`) and the outcomes stream alike.
 */
export class Problems {
  readonly listed: InputError[] = [];
  count = 0;
  add(problem: InputError): void {
    this.count++;
    if (this.listed.length < MAX_PROBLEMS_LISTED) this.listed.push(problem);
  }
  /**
   * Stops when anything was collected: one problem as the usual one line; several as a headline naming `file`
   * and one indented line per problem, the first 20 and a count of the rest.
   */
  throwIfAny(file: string): void {
    if (this.count === 0) return;
    if (this.count === 1) throw this.listed[0];
    throw new UserError(problemList(file, this.listed.map((p) => p.message), this.count));
  }
}

/**
 * The message of a file's problems, the one shape every reader uses (CSV readers through `Problems`, the JSON
 * specs and plans through their schema's issues): one problem as its own line; several as a headline naming the
 * file and the count, then the first 20, one per indented line, and how many more. `lines` are whole messages
 * (each naming the file and where); `count` is the total when only the first were kept.
 */
export function problemList(file: string, lines: readonly string[], count = lines.length): string {
  if (count === 1 && lines.length === 1) return lines[0];
  const listed = lines.slice(0, MAX_PROBLEMS_LISTED);
  const rest = count - listed.length;
  const head = tm("term_problems", { file, n: count, first: rest > 0 ? tm("term_problems_first", { max: MAX_PROBLEMS_LISTED }) : "" });
  return `${head}\n${listed.map((l) => `  ${l}`).join("\n")}${rest > 0 ? `\n  ${tm("term_problems_more", { n: rest })}` : ""}`;
}
