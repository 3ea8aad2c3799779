import type { Command } from "commander";
import { tm } from "../i18n/messageLang.js";
import { estimateRun, type EstimateOptions, type EstimateRun } from "../effects/run.js";
import { addCprOptions } from "./cprOptions.js";
import { say, tell, warn, writeData } from "./output.js";
import { summaryOf } from "./commands.js";

export type { EstimateOptions, EstimateRun } from "../effects/run.js";
export { EFFECT_COLUMNS, type EffectRow } from "../effects/index.js";

const collect = (v: string, acc: string[]) => [...acc, v];

export function registerEstimate(program: Command): void {
  const command = program
    .command("estimate")
    .description(summaryOf("estimate"))
    .option("--plan <file>", tm("file_help_est_plan"))
    .option("--register <file>", tm("file_help_est_register"))
    .option("--allocation <file>", tm("file_help_est_allocation"))
    .option("--draw-date <YYYY-MM-DD>", tm("file_help_est_draw_date"))
    .requiredOption("--persons <file>", tm("file_help_est_persons"))
    .requiredOption("--outcomes <file>", tm("file_help_est_outcomes"))
    .option("--takeup <file>", tm("file_help_est_takeup"))
    .option("--outcome <name>", tm("file_help_est_outcome"), collect, [] as string[])
    .option("--covariates <list>", tm("file_help_est_covariates"))
    .option("--subgroup <column>", tm("file_help_est_subgroup"), collect, [] as string[])
    .option("--window <first|last|mean>", tm("file_help_est_window"))
    // no commander defaults here: plan mode must see whether the user typed these (quickAnalysis applies the defaults)
    .option("--permutations <n>", tm("file_help_est_permutations"))
    .option("--seed <text>", tm("file_help_est_seed"))
    .option("--by-horizon", tm("file_help_est_by_horizon"))
    .option("--out <file>", tm("file_help_est_out"))
    .option("--format <csv|json>", tm("file_help_output_format"), "csv")
    .option("--no-progress", tm("file_help_no_progress"))
    .addHelpText("after", `\n${tm("file_help_examples")}\n  effekt estimate --plan analyses/relationel-velfaerd.json --register out/demo/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --takeup samples/takeup.csv --out out/demo/effects.csv\n  effekt estimate --register out/demo/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --outcome employment --window first\n`)
    .action(async (opts: EstimateOptions) => {
      await runEstimate(opts);
    });
  addCprOptions(command);
}

/** The command's action: the estimate, with the terminal's lines. */
export function runEstimate(opts: EstimateOptions): Promise<EstimateRun> {
  return estimateRun(opts, { say, tell, warn, writeData });
}
