/**
 * Terminal output for the CLI layer. A closed pipe (`effekt ... | head`) ends output quietly. Every line goes
 * through `renderTerminal` (src/terminalText.ts): no control character from data reaches the terminal raw, and
 * colour asked for with `styled` is applied (honouring NO_COLOR and a non-TTY, as chalk does).
 */
import chalk, { Chalk } from "chalk";
import { renderTerminal, terminalSafe, type TerminalStyle } from "../terminalText.js";
import { tm } from "../i18n/messageLang.js";

process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
const outColour = new Chalk({ level: noColor ? 0 : chalk.level });
const errColour = new Chalk({ level: noColor || !process.stderr.isTTY ? 0 : chalk.level });
const painter = (c: InstanceType<typeof Chalk>) => (style: TerminalStyle, text: string) => c[style](text);

export function say(line: string): void {
  process.stdout.write(`${renderTerminal(line, painter(outColour))}\n`);
}

/** A line for the terminal on stderr (when stdout carries a table). */
export function tell(line: string): void {
  process.stderr.write(`${renderTerminal(line, painter(errColour))}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`${tm("term_warning", { message: renderTerminal(line, painter(errColour)) })}\n`);
}

/** The one-line error (or headline and indented lines) of a refused run. */
export function sayError(message: string): void {
  process.stderr.write(`${tm("term_error", { message: terminalSafe(message) })}\n`);
}

/**
 * A data file written to stdout (an effect table, indicators or gains without --out): as it is when piped, and
 * with control characters shown as `?` when stdout is a terminal, where they would act.
 */
export function writeData(text: string): void {
  process.stdout.write(process.stdout.isTTY ? terminalSafe(text) : text);
}
