/**
 * `effekt report`: its flags; the work is src/report/run.ts's `writeReport`.
 */
import type { Command } from "commander";
import { tm } from "../i18n/messageLang.js";
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
    .requiredOption("--audience <sus|aau>", tm("file_help_rep_audience"))
    .requiredOption("--out <dir>", tm("file_help_rep_out"))
    .option("--results <dir>", tm("file_help_rep_results"))
    .option("--register <file>", tm("file_help_rep_register"))
    .option("--effects <file>", tm("file_help_rep_effects"))
    .option("--indicators <file>", tm("file_help_rep_indicators"))
    .option("--gains <file>", tm("file_help_rep_gains"))
    .option("--takeup <file>", tm("file_help_rep_takeup"))
    .option("--plan <file>", tm("file_help_rep_plan"))
    .option("--spec <file>", tm("file_help_rep_spec"))
    .option("--model <file>", tm("file_help_rep_model"))
    .option("--format <list>", tm("file_help_rep_format"), DEFAULT_FORMATS)
    .option("--lang <da|en>", tm("file_help_rep_lang"), "da")
    .option("--csv-dialect <da|en>", tm("file_help_rep_csv_dialect"))
    .option("--min-cell <n>", tm("file_help_rep_min_cell"), String(DEFAULT_MIN_CELL))
    .option("--force", tm("file_help_rep_force"))
    .addHelpText("after", `\n${tm("file_help_example")}\n  effekt report --audience sus --results out/demo --takeup samples/takeup.csv --out out/demo/report-sus\n`)
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
