import type { Command } from "commander";
import { verifyRegister } from "../verify/register.js";
import { say } from "./output.js";
import { addCprOptions, idPolicyFrom, type CprFlags } from "./cprOptions.js";
import { summaryOf } from "./commands.js";

interface VerifyOptions extends CprFlags {
  register: string;
  households?: string;
  cases?: string;
}

export function registerVerify(program: Command): void {
  const command = program
    .command("verify")
    .description(summaryOf("verify"))
    .requiredOption("--register <file>", "the allocation register to verify")
    .option("--households <file>", "use this households file instead of the one recorded in the manifests (all waves)")
    .option("--cases <file>", "use this cases file instead of the one recorded in the manifests")
    .addHelpText("after", "\nExit codes: 0 verified, 1 a difference was found, 2 bad input.\n\nExample:\n  effekt verify --register out/allocations.csv\n")
    .action((opts: VerifyOptions) => {
      const summary = verifyRegister(opts.register, { households: opts.households, cases: opts.cases }, idPolicyFrom(opts));
      say(`verified: ${summary}`);
    });
  addCprOptions(command);
}

