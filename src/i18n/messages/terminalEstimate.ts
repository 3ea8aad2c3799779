/**
 * Estimation on the terminal: estimate's, plan's and power's problems, warnings and summaries.
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_ESTIMATE_MESSAGES = {
} as const satisfies Record<string, Entry>;
