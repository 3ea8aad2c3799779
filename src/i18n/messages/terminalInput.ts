/**
 * Problems in input files and their expectations: the readers of the data tables (households, cases, persons, outcomes, indicator values: CSV, XLSX, decoding, columns).
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_INPUT_MESSAGES = {
} as const satisfies Record<string, Entry>;
