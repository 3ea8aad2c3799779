import type { Command } from "commander";
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
    .option("--plan <file>", "analysis plan JSON (e.g. analyses/relationel-velfaerd.json): outcomes, windows, horizons, covariates, subgroups, RI")
    .option("--register <file>", "allocations.csv written by effekt draw")
    .option("--allocation <file>", "instead of --register: household_id, arm, stratum, p_treatment[, wave, draw_date] made by another tool (not verified by effekt)")
    .option("--draw-date <YYYY-MM-DD>", "with --allocation: the draw date when the file has no draw_date column")
    .requiredOption("--persons <file>", "persons.csv: person_id, household_id, baseline covariates")
    .requiredOption("--outcomes <file>", "outcomes.csv: person_id, outcome, date, value (read as a stream)")
    .option("--takeup <file>", "takeup.csv: household_id, took_up; adds the complier effect (cace_ratio: ITT over the first stage)")
    .option("--outcome <name>", "quick mode (no plan): outcome to estimate (repeatable)", collect, [] as string[])
    .option("--covariates <list>", "quick mode: comma-separated numeric person covariates for Lin regression (from persons.csv)")
    .option("--subgroup <column>", "quick mode: also estimate within each level of this persons.csv column (repeatable)", collect, [] as string[])
    .option("--window <first|last|mean>", "quick mode: how to reduce several values per person and outcome to one")
    // no commander defaults here: plan mode must see whether the user typed these (quickAnalysis applies the defaults)
    .option("--permutations <n>", "quick mode: re-draws of the lottery for the randomisation-inference p-value (default 0 = none)")
    .option("--seed <text>", "quick mode: seed for the re-draws (default \"effekt-ri\")")
    .option("--by-horizon", "quick mode: estimate per horizon: whole years from the household's draw date to the outcome date (rounded; before year 1 ignored)")
    .option("--out <file>", "write the effect table here (atomically) and <file>.meta.json beside it; default stdout")
    .option("--format <csv|json>", "output format", "csv")
    .option("--no-progress", "no progress bar on the terminal")
    .addHelpText("after", "\nExamples:\n  effekt estimate --plan analyses/relationel-velfaerd.json --register out/demo/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --takeup samples/takeup.csv --out out/demo/effects.csv\n  effekt estimate --register out/demo/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --outcome employment --window first\n")
    .action(async (opts: EstimateOptions) => {
      await runEstimate(opts);
    });
  addCprOptions(command);
}

/** The command's action: the estimate, with the terminal's lines. */
export function runEstimate(opts: EstimateOptions): Promise<EstimateRun> {
  return estimateRun(opts, { say, tell, warn, writeData });
}
