import { InputError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Turns a municipal export's bytes into text: UTF-8 with or without BOM, UTF-16 with a BOM, or Windows-1252
 * (what Danish Excel writes by default) when the bytes are not valid UTF-8. Files with NUL bytes and no UTF-16 BOM
 * are refused: they are binary or UTF-16 without a marker, and guessing would silently corrupt names.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), file), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = countLines(bytes, nul);
    throw new InputError(
      { file, line },
      tm("in_nul_byte"),
      tm("in_exp_text_file"),
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

function strictUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError({ file }, tm("in_bom_not_utf8"), tm("in_exp_utf8_after_bom"));
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
