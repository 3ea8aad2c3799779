import type { Command } from "commander";
import { tm } from "../i18n/messageLang.js";
import { VIBORG_AREAS } from "../draw/eligibility.js";
import { powerRun, runPower as powerAnalytic, runPowerSimulation as powerSimulation, type PowerOptions } from "../powerRun/run.js";
import { say } from "./output.js";
import { summaryOf } from "./commands.js";

export type { PowerOptions } from "../powerRun/run.js";

export function registerPower(program: Command): void {
  program
    .command("power")
    .description(summaryOf("power"))
    .option("--households <n>", tm("file_help_pow_households"))
    .option("--persons-per-household <m>", tm("file_help_pow_persons_per_household"))
    .requiredOption("--icc <r>", tm("file_help_pow_icc"))
    .option("--share-treated <p>", tm("file_help_pow_share_treated"), "0.5")
    .option("--r2 <r2>", tm("file_help_pow_r2"), "0")
    .option("--alpha <a>", tm("file_help_pow_alpha"), "0.05")
    .option("--power <p>", tm("file_help_pow_power"), "0.8")
    .option("--effect <e>", tm("file_help_pow_effect"))
    .option("--sd <s>", tm("file_help_pow_sd"), "1")
    .option("--household-size-cv <cv>", tm("file_help_pow_size_cv"), "0")
    .option("--waves <list>", tm("file_help_pow_waves"))
    .option("--attrition <a>", tm("file_help_pow_attrition"), "0")
    .option("--takeup <c>", tm("file_help_pow_takeup"))
    .option("--simulate", tm("file_help_pow_simulate"))
    .option("--register <file>", tm("file_help_pow_register"))
    .option("--households-file <file>", tm("file_help_pow_households_file"))
    .option("--cases <file>", tm("file_help_pow_cases"))
    .option("--date <YYYY-MM-DD>", tm("file_help_pow_date"))
    .option("--treat <n|STRATUM=n,...>", tm("file_help_pow_treat"))
    .option("--strata <column>", tm("file_help_pow_strata"), "area")
    .option("--areas <list>", tm("file_help_pow_areas", { areas: VIBORG_AREAS.join(", ") }))
    .option("--min-cases <n>", tm("file_help_pow_min_cases"), "2")
    .option("--persons <file>", tm("file_help_pow_persons"))
    .option("--sims <n>", tm("file_help_pow_sims"), "1000")
    .option("--seed <s>", tm("file_help_pow_seed"), "effekt-power")
    .option("--no-progress", tm("file_help_no_progress"))
    .addHelpText("after", `\n${tm("file_help_examples")}\n  effekt power --households 140 --persons-per-household 1.6 --icc 0.3 --share-treated 0.5 --r2 0.2\n  effekt power --waves 321:0.25,92:0.65 --persons-per-household 1.6 --household-size-cv 0.5 --icc 0.3 --takeup 0.7 --attrition 0.1\n  effekt power --simulate --register allocations.csv --persons persons.csv --icc 0.3 --effect 0.3 --takeup 0.7 --sims 1000\n  effekt power --simulate --households-file households.csv --cases cases.csv --date 2025-03-01 --treat 80 --persons persons.csv --icc 0.3 --effect 0.3\n`)
    .action((opts: PowerOptions) => powerRun(opts, say));
}

/** The analytic answer, printed (the tests' entry). */
export const runPower = (opts: PowerOptions) => powerAnalytic(opts, say);

/** The simulation, printed (the tests' entry). */
export const runPowerSimulation = (opts: PowerOptions) => powerSimulation(opts, say);
