import type { Command } from "commander";
import { tm } from "../i18n/messageLang.js";
export { idPolicyFrom, type CprFlags } from "../io/pseudonym.js";

/** The two flags every command that reads identifiers takes (their policy: io/pseudonym.ts `idPolicyFrom`). */
export function addCprOptions(command: Command): Command {
  return command
    .option(
      "--allow-cpr-like-ids",
      tm("file_help_allow_cpr"),
    )
    .option(
      "--pseudonym-key <file>",
      tm("file_help_pseudonym_key"),
    );
}
