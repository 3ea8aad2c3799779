import type { Command } from "commander";
import { verifyRegisterCounts } from "../verify/register.js";
import { say } from "./output.js";
import { addCprOptions, idPolicyFrom, type CprFlags } from "./cprOptions.js";
import { summaryOf } from "./commands.js";
import { tm } from "../i18n/index.js";

interface VerifyOptions extends CprFlags {
  register: string;
  households?: string;
  cases?: string;
}

export function registerVerify(program: Command): void {
  const command = program
    .command("verify")
    .description(summaryOf("verify"))
    .requiredOption("--register <file>", tm("file_help_verify_register"))
    .option("--households <file>", tm("file_help_verify_households"))
    .option("--cases <file>", tm("file_help_verify_cases"))
    .addHelpText("after", `\n${tm("file_help_verify_exit")}\n\n${tm("file_help_example")}\n  effekt verify --register out/allocations.csv\n`)
    .action((opts: VerifyOptions) => {
      const summary = verifyRegisterCounts(opts.register, { households: opts.households, cases: opts.cases }, idPolicyFrom(opts));
      const locks = summary.planLocks === 0 ? "" : tm(summary.planLocks === 1 ? "term_verified_lock_one" : "term_verified_lock_many", { n: summary.planLocks });
      say(tm(summary.waves === 1 ? "term_verified_one" : "term_verified_many", { waves: summary.waves, households: summary.households, note: `${locks}${summary.note}` }));
    });
  addCprOptions(command);
}

