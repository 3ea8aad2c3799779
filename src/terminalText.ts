/**
 * Text from data on the terminal: a household file, plan or spec can hold terminal control characters (ESC
 * sequences that move the cursor, clear the screen, set the window title or hide text; C1 controls; carriage
 * returns that overwrite a line; Unicode bidi overrides that show a line in another order than it is). None of them
 * reaches the terminal raw: `terminalSafe` shows each as `?`, and the CLI's only writers (`say`, `warn` and the
 * error line in cli/output.ts, cli/main.ts) pass every line through it. Colour is asked for with `styled`, which
 * marks the text with Unicode noncharacters (reserved for internal use) that the writer turns into colour after
 * the text is made safe, so effekt's own colour never needs an escape character in a line.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line and paragraph separators. */
export const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** Whether `text` holds any control character (tab and line breaks included): a name that must stay one plain line. */
export function hasControlCharacter(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** Every control character of `TERMINAL_CONTROL` (and tab and line feed too, unless `keepLines`) shown as `?`. */
export function terminalSafe(text: string, keepLines = true): string {
  const safe = text.replace(TERMINAL_CONTROL, "?");
  return keepLines ? safe : safe.replace(/[\t\n]/g, "?");
}

/** The styles effekt's terminal output uses. */
export type TerminalStyle = "bold" | "yellow" | "green" | "red";

const OPEN: Record<TerminalStyle, string> = { bold: "\ufdd1", yellow: "\ufdd2", green: "\ufdd3", red: "\ufdd4" };
const CLOSE = "\ufdd0";
const STYLE_OF = new Map(Object.entries(OPEN).map(([k, v]) => [v, k as TerminalStyle]));

/** `text` to be shown in `style` by the terminal writer (plain when colour is off or the text goes elsewhere). */
export function styled(style: TerminalStyle, text: string): string {
  return `${OPEN[style]}${text}${CLOSE}`;
}

/**
 * A line for the terminal: control characters shown as `?`, then the `styled` marks turned into colour by
 * `paint` (a style applied to a piece of text; identity when colour is off). Marks are nested as written.
 */
export function renderTerminal(text: string, paint: (style: TerminalStyle, text: string) => string): string {
  const safe = terminalSafe(text);
  if (!/[\ufdd0-\ufdd4]/.test(safe)) return safe;
  const stack: TerminalStyle[] = [];
  let out = "";
  let piece = "";
  const flush = () => {
    if (piece === "") return;
    out += stack.reduceRight((s, style) => paint(style, s), piece);
    piece = "";
  };
  for (const ch of safe) {
    if (ch === CLOSE) { flush(); stack.pop(); } else if (STYLE_OF.has(ch)) { flush(); stack.push(STYLE_OF.get(ch)!); } else piece += ch;
  }
  flush();
  return out;
}

/** The text without `styled` marks (for a line that is written somewhere other than the terminal). */
export function unstyled(text: string): string {
  return text.replace(/[\ufdd0-\ufdd4]/g, "");
}
