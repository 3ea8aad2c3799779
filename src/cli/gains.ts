import type { Command } from "commander";
import { tm } from "../i18n/messageLang.js";
import { runGains, type GainsOptions } from "../gainsRun/run.js";
import { parseFormat } from "./flags.js";
import { say } from "./output.js";
import { summaryOf } from "./commands.js";

/** The flags as commander gives them: runGains's options, with --format still text. */
type GainsFlags = Omit<GainsOptions, "format"> & { format?: string };

export function registerGains(program: Command): void {
  program
    .command("gains")
    .description(summaryOf("gains"))
    .requiredOption("--model <file>", tm("file_help_gains_model"))
    .option("--estimates <file>", tm("file_help_gains_estimates"))
    .option("--estimator <name>", tm("file_help_gains_estimator"))
    .option("--plan <file>", tm("file_help_gains_plan"))
    .option("--register <file>", tm("file_help_gains_register"))
    .option("--persons <file>", tm("file_help_gains_persons"))
    .option("--takeup <file>", tm("file_help_gains_takeup"))
    .option("--assume <OUTCOME[@YEAR]=EFFECT[:SE]>", tm("file_help_gains_assume"), (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--out <file>", tm("file_help_gains_out"))
    .option("--format <json|csv>", tm("file_help_gains_format"))
    .option("--draws <n>", tm("file_help_gains_draws"))
    .option("--seed <text>", tm("file_help_gains_seed"))
    .option("--min-cell <n>", tm("file_help_gains_min_cell"))
    .addHelpText(
      "after",
      `\n${tm("file_help_examples")}\n  effekt gains --model analyses/gains-relationel-velfaerd.json --assume employment=0.05 --out out/gains.json\n  effekt gains --model analyses/gains-relationel-velfaerd.json --estimates out/effects.csv --register out/allocations.csv --persons samples/persons.csv --plan analyses/relationel-velfaerd.json --out out/gains.json\n`,
    )
    .action((opts: GainsFlags) => runGains({ ...opts, format: parseFormat(opts.format ?? "json") }, say));
}
