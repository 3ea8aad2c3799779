import type { Command } from "commander";
import { VIBORG_AREAS } from "../draw/eligibility.js";
import { powerRun, runPower as powerAnalytic, runPowerSimulation as powerSimulation, type PowerOptions } from "../powerRun/run.js";
import { say } from "./output.js";
import { summaryOf } from "./commands.js";

export type { PowerOptions } from "../powerRun/run.js";

export function registerPower(program: Command): void {
  program
    .command("power")
    .description(summaryOf("power"))
    .option("--households <n>", "number of households randomised (clusters); or --waves")
    .option("--persons-per-household <m>", "mean persons per household with the outcome (with --simulate and no --persons: sizes are generated with this mean and --household-size-cv)")
    .requiredOption("--icc <r>", "intra-household correlation of the outcome, 0-1")
    .option("--share-treated <p>", "share of households drawn for treatment", "0.5")
    .option("--r2 <r2>", "outcome variance explained by baseline covariates", "0")
    .option("--alpha <a>", "two-sided significance level", "0.05")
    .option("--power <p>", "target power for the MDE", "0.8")
    .option("--effect <e>", "also print the power to detect this effect (in --sd units)")
    .option("--sd <s>", "outcome standard deviation (default 1: the MDE in standard deviations)", "1")
    .option("--household-size-cv <cv>", "coefficient of variation of household size (sd / mean of persons per household)", "0")
    .option("--waves <list>", "waves with their own share treated, as households:share,... (e.g. 321:0.25,92:0.65); replaces --households and --share-treated")
    .option("--attrition <a>", "share of households whose outcome will be missing (at random)", "0")
    .option("--takeup <c>", "share of treated households expected to take up the offer (none in control): also the CACE's MDE")
    .option("--simulate", "simulate the actual lottery of --register (its waves, strata and places), the outcome model and the estimators of effekt estimate; report power, bias, RMSE and coverage")
    .option("--register <file>", "with --simulate: the lottery register (allocations.csv) whose draw is simulated")
    .option("--households-file <file>", "with --simulate, instead of --register: households.csv of a lottery not yet drawn; the wave effekt draw would run (--treat, --strata, --areas, --min-cases, --cases with --date) is simulated")
    .option("--cases <file>", "with --households-file: cases.csv, active cases counted on --date")
    .option("--date <YYYY-MM-DD>", "with --households-file: the planned draw date")
    .option("--treat <n|STRATUM=n,...>", "with --households-file: treatment places, as effekt draw --treat")
    .option("--strata <column>", "with --households-file: the column that defines the strata", "area")
    .option("--areas <list>", `with --households-file: comma-separated selected areas (default: ${VIBORG_AREAS.join(", ")})`)
    .option("--min-cases <n>", "with --households-file: minimum number of active cases to be eligible", "2")
    .option("--persons <file>", "with --simulate: persons.csv, for the households' sizes")
    .option("--sims <n>", "with --simulate: number of simulations", "1000")
    .option("--seed <s>", "with --simulate: seed of the simulation", "effekt-power")
    .option("--no-progress", "no progress bar on the terminal")
    .addHelpText("after", "\nExample:\n  effekt power --households 140 --persons-per-household 1.6 --icc 0.3 --share-treated 0.5 --r2 0.2\n  effekt power --waves 321:0.25,92:0.65 --persons-per-household 1.6 --household-size-cv 0.5 --icc 0.3 --takeup 0.7 --attrition 0.1\n  effekt power --simulate --register allocations.csv --persons persons.csv --icc 0.3 --effect 0.3 --takeup 0.7 --sims 1000\n  effekt power --simulate --households-file households.csv --cases cases.csv --date 2025-03-01 --treat 80 --persons persons.csv --icc 0.3 --effect 0.3\n")
    .action((opts: PowerOptions) => powerRun(opts, say));
}

/** The analytic answer, printed (the tests' entry). */
export const runPower = (opts: PowerOptions) => powerAnalytic(opts, say);

/** The simulation, printed (the tests' entry). */
export const runPowerSimulation = (opts: PowerOptions) => powerSimulation(opts, say);
