import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync, mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Writes a file so that a crash or kill at any moment leaves either the old file or the complete new one:
 * write a temporary file in the same folder, fsync it, rename it over the target (atomic on POSIX), fsync the folder.
 * `data` may be a list of chunks (a large file built in pieces), written one after the other.
 * On Windows a file open in Excel is locked and the rename fails (EBUSY or EPERM): the temporary file is removed
 * and the user is told to close it (`lockedFileError`), so nothing is half-written.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const fd = openSync(tmp, "w");
  try {
    const chunks = typeof data === "string" ? [Buffer.from(data, "utf8")] : data instanceof Uint8Array ? [data] : data;
    for (const buf of chunks) {
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw lockedFileError(err, path) ?? err;
  }
  fsyncDir(dir);
}

/**
 * The one-line error for a file another program holds open (Windows: Excel locks an open workbook or CSV, and a
 * rename onto it or a read of it fails with EBUSY, EPERM or EACCES); undefined for any other failure.
 */
export function lockedFileError(err: unknown, path: string, action: "write" | "read" = "write"): UserError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== "EBUSY" && code !== "EPERM" && code !== "EACCES") return undefined;
  return new UserError(tm(action === "write" ? "file_locked_write" : "file_locked_read", { path, code }));
}

/**
 * Refuses early, before anything is written, when an existing file cannot be opened for writing (on Windows: open
 * in Excel). A command that writes several files checks each first, so a locked one stops it with nothing written.
 */
export function assertWritable(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, "r+");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "EISDIR") return;
    throw lockedFileError(err, path) ?? err;
  }
  closeSync(fd);
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Some file systems do not allow fsync on a folder; the rename is still atomic.
  }
}
