/**
 * `effekt report`: its flags; the work is src/report/run.ts's `writeReport`.
 */
import type { Command } from "commander";
import { DEFAULT_MIN_CELL } from "../disclosure/rules.js";
import { DEFAULT_FORMATS, writeReport, type ReportOptions, type ReportRun } from "../report/run.js";
import { addCprOptions } from "./cprOptions.js";
import { say } from "./output.js";
import { summaryOf } from "./commands.js";

export type { ReportOptions, ReportRun } from "../report/run.js";

export function registerReport(program: Command): void {
  const command = program
    .command("report")
    .description(summaryOf("report"))
    .requiredOption("--audience <sus|aau>", "sus: flow, balance, indicators, interim effects; aau: effects, attrition, subgroups, gains")
    .requiredOption("--out <dir>", "output folder (written atomically; refused if it exists, unless --force)")
    .option("--results <dir>", "folder with allocations.csv, effects.csv, indicators.csv, gains.json (each optional)")
    .option("--register <file>", "the register (allocations.csv), with its manifests and balance table beside it")
    .option("--effects <file>", "effect table from effekt estimate (its .meta.json beside it)")
    .option("--indicators <file>", "indicator table from effekt indicators")
    .option("--gains <file>", "gains.json from effekt gains")
    .option("--takeup <file>", "take-up CSV (household_id, took_up) for the flow table")
    .option("--plan <file>", "analysis plan (outcome labels, title, methods); default: the plan the effects meta names, when found unchanged")
    .option("--spec <file>", "indicator spec (indicator labels)")
    .option("--model <file>", "gains model (outcome labels)")
    .option("--format <list>", "comma-separated: xlsx,csv,md,html,pdf (pdf: the HTML page printed by headless Chromium)", DEFAULT_FORMATS)
    .option("--lang <da|en>", "labels and number formats", "da")
    .option("--csv-dialect <da|en>", "da: ';' and decimal comma; en: ',' and decimal point (default: as --lang)")
    .option("--min-cell <n>", `smallest count of persons or households shown (at least 3)`, String(DEFAULT_MIN_CELL))
    .option("--force", "replace an existing output folder")
    .addHelpText("after", "\nExample:\n  effekt report --audience sus --results out/demo --takeup samples/takeup.csv --out out/demo/report-sus\n")
    .action(async (opts: ReportOptions) => {
      // `--lang` on the command line is effekt's own option (the terminal's language too): it sets the report's
      const lang = program.getOptionValueSource("lang") === "cli" ? (program.opts().lang as string) : opts.lang;
      await runReport({ ...opts, lang });
    });
  addCprOptions(command);
}

/** The command's action: the report, with its summary line on the terminal. */
export function runReport(opts: ReportOptions): Promise<ReportRun> {
  return writeReport(opts, say);
}
