/**
 * Files on the terminal: the output guard, registers, wave files, manifests, locks, project and JSON files, and the one-line error frame's helpers (src/io/ besides the table readers, src/cli/).
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_FILES_MESSAGES = {
} as const satisfies Record<string, Entry>;
