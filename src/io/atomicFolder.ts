import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { lockedFileError, writeFileAtomic } from "./atomic.js";
import { checkReplaceableReport } from "./outputGuard.js";

/**
 * Writes the files into a temporary sibling folder, then renames it to `out`. With `force` and an existing
 * `out`: rename the old folder away, rename the new one in, then delete the old one; a crash in between leaves
 * either the old or the new folder at `out` (and a hidden leftover beside it), never a half-written one.
 */
export function writeFolderAtomic(out: string, files: Map<string, string | Uint8Array>, force: boolean): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = join(parent, `.${basename(out)}.tmp-${tag}`);
  try {
    mkdirSync(tmp);
    for (const [name, data] of files) writeFileAtomic(join(tmp, name), data);
    if (existsSync(out)) {
      if (!force) throw new UserError(tm("file_folder_exists", { out }));
      checkReplaceableReport(out, "--out"); // again under the rename: the folder may have changed since the first check
      const old = join(parent, `.${basename(out)}.old-${tag}`);
      // A report file open in Excel locks the folder on Windows: the rename fails and the old report stays.
      try { renameSync(out, old); } catch (err) { throw lockedFileError(err, out) ?? err; }
      renameSync(tmp, out);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, out);
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
