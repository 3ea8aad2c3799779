import type { Command } from "commander";
import { messageLang, tm } from "../i18n/messageLang.js";
import { formatNumber } from "../i18n/numbers.js";
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
    .requiredOption("--households <file>", tm("file_help_draw_households"))
    .option("--cases <file>", tm("file_help_draw_cases"))
    .option("--date <YYYY-MM-DD>", tm("file_help_draw_date"))
    .requiredOption("--register <file>", tm("file_help_draw_register"))
    .requiredOption("--wave <n>", tm("file_help_draw_wave"))
    .requiredOption("--seed <text>", tm("file_help_draw_seed"))
    .requiredOption("--treat <n|STRATUM=n,...>", tm("file_help_draw_treat"))
    .option("--strata <column>", tm("file_help_strata"), "area")
    .option("--areas <list>", tm("file_help_areas", { areas: VIBORG_AREAS.join(", ") }))
    .option("--min-cases <n>", tm("file_help_min_cases"), "2")
    .option("--balance <file>", tm("file_help_draw_balance"))
    .option("--balance-redraws <n>", tm("file_help_draw_balance_redraws", { n: JOINT_BALANCE_REDRAWS, max: formatNumber(JOINT_TEST_MAX_HOUSEHOLDS, messageLang(), 0) }))
    .option("--area-alias <name=area>", tm("file_help_draw_area_alias"), collect)
    .option("--exclude-area <name>", tm("file_help_draw_exclude_area"), collect)
    .option("--min-cell <n>", tm("file_help_draw_min_cell"), String(DEFAULT_MIN_CELL))
    .option("--dry-run", tm("file_help_draw_dry_run"))
    .addHelpText("after", `\n${tm("file_help_example")}\n  effekt draw --households samples/households.csv --register out/allocations.csv --wave 1 --seed viborg-2025-1 --treat 60 --date 2025-03-01\n`)
    .action((opts: DrawOptions) => runDraw(opts, say));
  addCprOptions(command);
}
