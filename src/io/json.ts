import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { maskCprLike, UserError } from "../errors.js";
import { messageLang, tm } from "../i18n/messageLang.js";
import { assertOrdinaryFile } from "./ordinaryFile.js";

/** Reads and parses a JSON file (a BOM is allowed); errors name the file. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new UserError(tm("file_json_folder", { path }));
    assertOrdinaryFile(path);
    text = readFileSync(path, "utf8");
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(tm("file_cannot_read", { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    // V8's message quotes a piece of the file, line breaks and all: keep the message on one short line.
    const reason = maskCprLike((err as Error).message).replace(/\s+/g, " ").slice(0, 160);
    throw new UserError(tm("file_json_invalid", { file: basename(path), reason: messageLang() === "en" ? reason : whereJsonBreaks((err as Error).message, text) }));
  }
}

/**
 * Where a JSON text breaks, in the run's language, for a language other than English (V8's own message is
 * English): the line and column of the position V8 names, or that the text ends too early.
 */
function whereJsonBreaks(message: string, text: string): string {
  const at = /at position (\d+)/.exec(message);
  if (at) {
    const before = text.replace(/^\uFEFF/, "").slice(0, Number(at[1]));
    const lines = before.split("\n");
    return tm("file_json_at", { line: lines.length, column: lines[lines.length - 1].length + 1 });
  }
  return /end of JSON input/.test(message) ? tm("file_json_end") : tm("file_json_syntax");
}
