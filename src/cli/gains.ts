import type { Command } from "commander";
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
    .requiredOption("--model <file>", "gains model JSON (effekt-gains-model/2), e.g. analyses/gains-relationel-velfaerd.json")
    .option("--estimates <file>", "effect table CSV (effekt estimate): every measured horizon of each outcome is used")
    .option("--estimator <name>", "with --estimates: this estimator's rows (cace_ratio gives CACE, counted over compliers) instead of the preferred ITT")
    .option("--plan <file>", "the analysis plan: gains_outcome maps table outcomes to model outcomes and each outcome's population (default: the plan named in <estimates>.meta.json)")
    .option("--register <file>", "allocation register (effekt draw): each wave's draw date and who was assigned to treatment")
    .option("--persons <file>", "persons.csv: who is in each outcome's population (role, birth year)")
    .option("--takeup <file>", "takeup.csv: with a CACE effect, the compliers are the assigned whose household took up")
    .option("--assume <OUTCOME[@YEAR]=EFFECT[:SE]>", "assumed effect for planning (repeatable; marked illustrative); without --register the model's expected intake gives the counts", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--out <file>", "write the result here (atomically) and print a summary; default: the result to stdout")
    .option("--format <json|csv>", "output format (default json; csv = one tidy long table with a section column)")
    .option("--draws <n>", "Monte Carlo draws (at least 10000; default: the model's, else 10000)")
    .option("--seed <text>", "Monte Carlo seed (default: the model's monte_carlo.seed)")
    .option("--min-cell <n>", "with --out: smallest count of persons shown in the terminal summary (at least 3, default 5); the file keeps every number")
    .addHelpText(
      "after",
      "\nExamples:\n  effekt gains --model analyses/gains-relationel-velfaerd.json --assume employment=0.05 --out out/gains.json\n  effekt gains --model analyses/gains-relationel-velfaerd.json --estimates out/effects.csv --register out/allocations.csv --persons samples/persons.csv --plan analyses/relationel-velfaerd.json --out out/gains.json\n",
    )
    .action((opts: GainsFlags) => runGains({ ...opts, format: parseFormat(opts.format ?? "json") }, say));
}
