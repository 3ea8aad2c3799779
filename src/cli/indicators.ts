import type { Command } from "commander";
import { tm } from "../i18n/messageLang.js";
import { runIndicators, type IndicatorsOptions } from "../indicatorsRun/run.js";
import { say, writeData } from "./output.js";
import { summaryOf } from "./commands.js";
import { DEFAULT_MIN_CELL } from "../disclosure/rules.js";

export { formatIndicators } from "../indicatorsRun/run.js";

export function registerIndicators(program: Command): void {
  program
    .command("indicators")
    .description(summaryOf("indicators"))
    .requiredOption("--spec <file>", tm("file_help_ind_spec"))
    .option("--values <file>", tm("file_help_ind_values"))
    .option("--persons <file>", tm("file_help_ind_persons"))
    .option("--out <file>", tm("file_help_ind_out"))
    .option("--format <csv|json>", tm("file_help_output_format"), "csv")
    .option("--min-cell <n>", tm("file_help_ind_min_cell"), String(DEFAULT_MIN_CELL))
    .addHelpText("after", `\n${tm("file_help_example")}\n  effekt indicators --spec analyses/lbf-uddannelse-og-livschancer.json --values samples/indicator-values.csv\n`)
    .action((opts: IndicatorsOptions) => runIndicators(opts, { say, writeData }));
}
