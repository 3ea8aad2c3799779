import type { Command } from "commander";
import { UserError } from "../errors.js";
import { readPseudonymKey, type IdPolicy } from "../io/pseudonym.js";

/** The two flags every command that reads identifiers takes; `idPolicyFrom` turns them into the readers' hook. */
export interface CprFlags {
  allowCprLikeIds?: boolean;
  pseudonymKey?: string;
}

export function addCprOptions(command: Command): Command {
  return command
    .option(
      "--allow-cpr-like-ids",
      "accept identifiers that look like CPR numbers by replacing each with a keyed pseudonym (PS-...) before anything is written; needs --pseudonym-key",
    )
    .option(
      "--pseudonym-key <file>",
      "secret key file for --allow-cpr-like-ids (at least 16 bytes, e.g. openssl rand -hex 32); use the same key in every command; keep it out of the evaluation folder",
    );
}

/**
 * The readers' policy for CPR-like identifiers: refused by default; with `--allow-cpr-like-ids` replaced by
 * keyed pseudonyms (see io/pseudonym.ts). The flag without a key is refused: an unkeyed hash of a CPR number
 * can be reversed by trying every CPR number.
 */
export function idPolicyFrom(opts: CprFlags): IdPolicy {
  if (opts.allowCprLikeIds && !opts.pseudonymKey) {
    throw new UserError("--allow-cpr-like-ids needs --pseudonym-key FILE: effekt replaces CPR-like ids by keyed pseudonyms and never writes the originals (create a key once with: openssl rand -hex 32 > pseudonym.key)");
  }
  if (opts.pseudonymKey && !opts.allowCprLikeIds) {
    throw new UserError("--pseudonym-key is only used with --allow-cpr-like-ids (add that flag, or drop the key)");
  }
  return opts.pseudonymKey ? { pseudonyms: readPseudonymKey(opts.pseudonymKey) } : {};
}
