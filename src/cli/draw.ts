import type { Command } from "commander";
import { VIBORG_AREAS } from "../draw/eligibility.js";
import { JOINT_BALANCE_REDRAWS } from "../estimate/balance_lottery.js";
import { DEFAULT_MIN_CELL } from "../disclosure/rules.js";
import { JOINT_TEST_MAX_HOUSEHOLDS, runDraw, type DrawOptions } from "../drawRun/run.js";
import { say } from "./output.js";
import { addCprOptions } from "./cprOptions.js";
import { summaryOf } from "./commands.js";

const collect = (v: string, all: string[] = []) => [...all, v];

export function registerDraw(program: Command): void {
  const command = program
    .command("draw")
    .description(summaryOf("draw"))
    .requiredOption("--households <file>", "households.csv: household_id, area, active_cases, covariates")
    .option("--cases <file>", "cases.csv: case_id, household_id, opened, closed; gives active cases on --date")
    .option("--date <YYYY-MM-DD>", "the draw date (recorded per household; cases are counted as active on it)")
    .requiredOption("--register <file>", "the allocation register (created on the first wave)")
    .requiredOption("--wave <n>", "wave number: the next wave, or an existing one to confirm it")
    .requiredOption("--seed <text>", "the lottery seed (fix and publish it before the draw)")
    .requiredOption("--treat <n|STRATUM=n,...>", "treatment places in this wave: a total split proportionally, or per stratum")
    .option("--strata <column>", "column that defines the strata", "area")
    .option("--areas <list>", `comma-separated selected areas (default: ${VIBORG_AREAS.join(", ")})`)
    .option("--min-cases <n>", "minimum number of active cases to be eligible", "2")
    .option("--balance <file>", "where to write the balance table (default: <register>.balance.csv)")
    .option("--balance-redraws <n>", `re-draws of the lottery for the joint test of balance (default ${JOINT_BALANCE_REDRAWS}; 0 leaves it out; registers above ${JOINT_TEST_MAX_HOUSEHOLDS.toLocaleString("en")} households leave it out unless given)`)
    .option("--area-alias <name=area>", "read an area name of the file as a selected area, e.g. \"Houlkaer=Houlkær\" (repeatable)", collect)
    .option("--exclude-area <name>", "an area name of the file that is not a selected area, confirmed (repeatable)", collect)
    .option("--min-cell <n>", "smallest count of households shown on the terminal (at least 3); the register, manifests and balance files keep every number", String(DEFAULT_MIN_CELL))
    .option("--dry-run", "show eligibility by area and reason, the strata and their places; draw and write nothing")
    .addHelpText("after", "\nExample:\n  effekt draw --households samples/households.csv --register out/allocations.csv --wave 1 --seed viborg-2025-1 --treat 60 --date 2025-03-01\n")
    .action((opts: DrawOptions) => runDraw(opts, say));
  addCprOptions(command);
}
