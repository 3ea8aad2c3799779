import { createHmac } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { assertOrdinaryFile } from "./ordinaryFile.js";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Keyed pseudonyms for identifiers that look like CPR numbers.
 *
 *   pseudonym(id) = "PS-" + first 16 hex digits of HMAC-SHA256(key, id)
 *
 * (RFC 2104 HMAC over SHA-256; 64 bits, so two of even a million ids collide with probability about 3e-8, and a
 * collision is refused as a duplicate id, never merged silently.) A key is required: there are only about 3.7
 * million valid CPR numbers a year, so an unkeyed hash of one is reversed by trying them all in seconds. With a
 * secret key of 32 random bytes that is not possible. The same key gives the same pseudonym in every command, so
 * `draw`, `verify` and `estimate` agree on which household is which.
 *
 * Only CPR-like values are replaced; other identifiers are kept as they are (they are already pseudonymous).
 */
export const PSEUDONYM_SCHEME = "hmac-sha256-64";

const MIN_KEY_BYTES = 16;

export class Pseudonymiser {
  /** A fingerprint of the key for the wave manifest: lets `verify` and later waves check they use the same key. */
  readonly keyCheck: string;
  private readonly cache = new Map<string, string>();

  constructor(private readonly key: Uint8Array) {
    if (key.length < MIN_KEY_BYTES) throw new UserError(tm("file_key_short", { n: key.length, min: MIN_KEY_BYTES }));
    this.keyCheck = createHmac("sha256", key).update("effekt pseudonym key check").digest("hex").slice(0, 16);
  }

  /** The pseudonym of one identifier (whitespace around it is not part of it). */
  of(id: string): string {
    const clean = id.trim();
    let p = this.cache.get(clean);
    if (p === undefined) {
      p = `PS-${createHmac("sha256", this.key).update(clean, "utf8").digest("hex").slice(0, 16)}`;
      this.cache.set(clean, p);
    }
    return p;
  }
}

/** Reads a key file: its bytes, less one trailing line break (so `echo` and editors give the same key). */
export function readPseudonymKey(path: string): Pseudonymiser {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new UserError(tm("file_key_folder", { path }));
    assertOrdinaryFile(path, "--pseudonym-key");
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(tm("file_key_unreadable", { path, reason: (err as NodeJS.ErrnoException).code ?? tm("file_unreadable") }));
  }
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end--;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  return new Pseudonymiser(bytes.subarray(0, end));
}

/**
 * How a reader treats identifiers that look like CPR numbers:
 * - neither field: refuse them (the default: inputs must be pseudonymised);
 * - `pseudonyms`: replace each by its keyed pseudonym before anything else sees it;
 * - `allowCpr`: keep them (only for effekt's own working files, e.g. re-reading the register).
 */
export interface IdPolicy {
  pseudonyms?: Pseudonymiser;
  allowCpr?: boolean;
}

/** The two flags every command that reads identifiers takes; `idPolicyFrom` turns them into the readers' hook. */
export interface CprFlags {
  allowCprLikeIds?: boolean;
  pseudonymKey?: string;
}

/**
 * The readers' policy for CPR-like identifiers: refused by default; with `--allow-cpr-like-ids` replaced by
 * keyed pseudonyms (see io/pseudonym.ts). The flag without a key is refused: an unkeyed hash of a CPR number
 * can be reversed by trying every CPR number.
 */
export function idPolicyFrom(opts: CprFlags): IdPolicy {
  if (opts.allowCprLikeIds && !opts.pseudonymKey) {
    throw new UserError(tm("file_cpr_needs_key"));
  }
  if (opts.pseudonymKey && !opts.allowCprLikeIds) {
    throw new UserError(tm("file_key_needs_cpr"));
  }
  return opts.pseudonymKey ? { pseudonyms: readPseudonymKey(opts.pseudonymKey) } : {};
}
