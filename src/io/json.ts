import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { maskCprLike, UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
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
    throw new UserError(tm("file_json_invalid", { file: basename(path), reason }));
  }
}
