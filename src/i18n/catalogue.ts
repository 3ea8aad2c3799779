/**
 * The one message catalogue: every word a user reads, from a report or on the terminal, in Danish and English.
 * Each domain keeps its messages in ./messages/ (report; terminal, and the terminal's input, files, draw, estimate and results parts); this file joins them and refuses a key
 * defined twice. `t(lang, key, values)` looks a message up and fills its `{name}` placeholders.
 */
import { REPORT_MESSAGES } from "./messages/report.js";
import { TERMINAL_MESSAGES } from "./messages/terminal.js";
import { TERMINAL_DRAW_MESSAGES } from "./messages/terminalDraw.js";
import { TERMINAL_ESTIMATE_MESSAGES } from "./messages/terminalEstimate.js";
import { TERMINAL_FILES_MESSAGES } from "./messages/terminalFiles.js";
import { TERMINAL_INPUT_MESSAGES } from "./messages/terminalInput.js";
import { TERMINAL_RESULTS_MESSAGES } from "./messages/terminalResults.js";
import type { Entry, Lang } from "./types.js";

export const CATALOGUE = {
  ...REPORT_MESSAGES,
  ...TERMINAL_MESSAGES,
  ...TERMINAL_INPUT_MESSAGES,
  ...TERMINAL_FILES_MESSAGES,
  ...TERMINAL_DRAW_MESSAGES,
  ...TERMINAL_ESTIMATE_MESSAGES,
  ...TERMINAL_RESULTS_MESSAGES,
} as const;

export type MessageKey = keyof typeof CATALOGUE;

/** Every part of the catalogue, for the test that no key is defined twice. */
export const CATALOGUE_PARTS: Record<string, Record<string, Entry>> = {
  report: REPORT_MESSAGES,
  terminal: TERMINAL_MESSAGES,
  terminalInput: TERMINAL_INPUT_MESSAGES,
  terminalFiles: TERMINAL_FILES_MESSAGES,
  terminalDraw: TERMINAL_DRAW_MESSAGES,
  terminalEstimate: TERMINAL_ESTIMATE_MESSAGES,
  terminalResults: TERMINAL_RESULTS_MESSAGES,
};

export type MessageValues = Record<string, string | number>;

/** The placeholders of a message: `{name}` -> name, in order of appearance. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([a-z_][a-z0-9_]*)\}/gi)].map((m) => m[1]);
}

/**
 * The message `key` in `lang`, with each `{name}` replaced by `values[name]`. A placeholder without a value is a
 * programming error (thrown), so no reader ever sees a raw `{name}`.
 */
export function t(lang: Lang, key: MessageKey, values: MessageValues = {}): string {
  const entry: Entry = CATALOGUE[key];
  return entry[lang].replace(/\{([a-z_][a-z0-9_]*)\}/gi, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`message ${key}: no value for {${name}}`);
    return String(v);
  });
}

/** True when `key` is a catalogue key (for ids that may or may not have a translation, such as exclusion reasons). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, key);
}
