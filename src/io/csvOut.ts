/** Writing CSV cells: the one place that decides how effekt quotes text and prints numbers in the files it writes. */
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { neutraliseFormula } from "./excelSafe.js";

/** Quotes a field when it holds a delimiter, a quote or a line break, or starts or ends with white space. */
function quoteField(value: string): string {
  return /[",;\r\n\t]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell in a file meant to be opened in a spreadsheet and sent on: quoted as needed, and a cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading `'`
 * (see `excelSafe.ts`). Plain numbers passed as text (`-0.5`) are left as they are; prefer `csvNumber` for numbers.
 */
export function csvField(value: string): string {
  return quoteField(neutraliseFormula(value));
}

/**
 * A text cell written exactly as it is, for working files that effekt reads back and hashes (the register):
 * there the bytes must round-trip, and the file is not meant to be opened in a spreadsheet and sent on.
 */
export function csvFieldVerbatim(value: string): string {
  return quoteField(value);
}

/** A number for a CSV file: shortest round-trip form; empty where it is absent or not finite (never NaN). */
export function csvNumber(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : "";
}

/** `--format`: the table formats the commands write. */
export function parseFormat(raw: string): "csv" | "json" {
  if (raw !== "csv" && raw !== "json") throw new UserError(tm("file_format", { value: raw }));
  return raw;
}
