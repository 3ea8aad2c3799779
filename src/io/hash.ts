import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** SHA-256 of bytes or a UTF-8 string, as lowercase hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 of a file's exact bytes. */
export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}
