import { createHash } from "node:crypto";
import { readInputBytes } from "./ordinaryFile.js";

/** SHA-256 of bytes, a UTF-8 string, or the concatenation of a list of byte chunks, as lowercase hex. */
export function sha256(data: string | Uint8Array | readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  if (typeof data === "string" || data instanceof Uint8Array) hash.update(data);
  else for (const chunk of data) hash.update(chunk);
  return hash.digest("hex");
}

/** SHA-256 of a file's exact bytes. */
export function sha256File(path: string): string {
  return sha256(readInputBytes(path));
}
