/**
 * The lottery on the terminal: draw's problems, warnings and summary, places, re-draws and verify.
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_DRAW_MESSAGES = {
} as const satisfies Record<string, Entry>;
