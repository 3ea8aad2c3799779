/**
 * Results on the terminal: gains', indicators' and report's problems, warnings and summaries, and disclosure.
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_RESULTS_MESSAGES = {
} as const satisfies Record<string, Entry>;
