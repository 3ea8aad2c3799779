import type { Command } from "commander";
export { idPolicyFrom, type CprFlags } from "../io/pseudonym.js";

/** The two flags every command that reads identifiers takes (their policy: io/pseudonym.ts `idPolicyFrom`). */
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
