/**
 * The minimum cell size (`--min-cell`): Statistics Denmark's rule for output from personal data is at least 3;
 * effekt's default is 5, as many Danish publishers use.
 */
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

/** Statistics Denmark's floor: a minimum cell size below 3 is never allowed. */
export const MIN_CELL_FLOOR = 3;
export const DEFAULT_MIN_CELL = 5;

/** The mark shown in place of a suppressed cell, in every format and both languages (one mark, so a reader can search for it). */
export const SUPPRESSION_MARK = "[s]";

/** Checks `--min-cell`: an integer >= 3. */
export function checkMinCell(n: number): number {
  if (!Number.isInteger(n) || n < MIN_CELL_FLOOR) {
    throw new UserError(tm("res_min_cell_floor", { n, floor: MIN_CELL_FLOOR }));
  }
  return n;
}

/** Parses `--min-cell` text (digits only) and checks it. */
export function parseMinCell(raw: string | undefined): number {
  const text = raw ?? String(DEFAULT_MIN_CELL);
  if (!/^\d+$/.test(text)) throw new UserError(tm("res_min_cell_text", { value: JSON.stringify(text), floor: MIN_CELL_FLOOR }));
  return checkMinCell(Number(text));
}
