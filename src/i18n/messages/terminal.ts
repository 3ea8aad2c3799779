/**
 * Words effekt prints on the terminal, in Danish and English (commands choose the language; error lines keep
 * their one-line form: file, row, column, value, what was expected). Placeholders are `{name}`, the same in both
 * languages.
 */
import type { Entry } from "../types.js";

export const TERMINAL_MESSAGES = {
  term_warning: { da: "effekt: advarsel: {message}", en: "effekt: warning: {message}" },
  term_error: { da: "effekt: fejl: {message}", en: "effekt: error: {message}" },
  term_report_written: {
    da: "rapport ({audience}, {lang}) skrevet til {out}: {sections} afsnit, {tables} tabeller, {suppressed} celler diskretioneret (mindste celle {min}); formater {formats}",
    en: "report ({audience}, {lang}) written to {out}: {sections} sections, {tables} tables, {suppressed} cells suppressed (min cell {min}); formats {formats}",
  },
} as const satisfies Record<string, Entry>;
