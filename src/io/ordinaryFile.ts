import { readFileSync, statSync } from "node:fs";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Every file effekt reads is an ordinary file: a folder, a device (`/dev/zero`, `/dev/stdin`), a FIFO or a socket
 * would hang the run or read without end, so it is one line, exit 2, before a byte is read. Links are followed
 * (a link to a device is refused too). `what` names the flag or role for the message.
 */
export function assertOrdinaryFile(path: string, what?: string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    return; // absent or unreadable: the reader's own message says so
  }
  const named = what ? `${what} ${path}` : path;
  if (st.isDirectory()) throw new UserError(tm("file_is_folder", { file: named }));
  if (!st.isFile()) throw new UserError(tm("file_special", { file: named }));
}

/** `readFileSync` of an input, after `assertOrdinaryFile`. */
export function readInputBytes(path: string): Buffer {
  assertOrdinaryFile(path);
  return readFileSync(path);
}
