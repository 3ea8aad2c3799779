import type { Command } from "commander";
import { runIndicators, type IndicatorsOptions } from "../indicatorsRun/run.js";
import { say, writeData } from "./output.js";
import { summaryOf } from "./commands.js";
import { DEFAULT_MIN_CELL } from "../disclosure/rules.js";

export { formatIndicators } from "../indicatorsRun/run.js";

export function registerIndicators(program: Command): void {
  program
    .command("indicators")
    .description(summaryOf("indicators"))
    .requiredOption("--spec <file>", "indicator spec JSON (effekt-indicator-spec/1), e.g. analyses/lbf-uddannelse-og-livschancer.json")
    .option("--values <file>", "aggregated values CSV: indicator, area, year, value, n (se optional); see data-schemas/indicator-values.md")
    .option("--persons <file>", "person-level CSV: indicator, area, year, meets (true/false/empty); see data-schemas/indicator-persons.md")
    .option("--out <file>", "write the table here (atomically) and print a short summary; default: the table to stdout")
    .option("--format <csv|json>", "output format", "csv")
    .option("--min-cell <n>", "with --out: smallest count of persons shown in the terminal summary (at least 3); the file keeps full detail", String(DEFAULT_MIN_CELL))
    .addHelpText("after", "\nExample:\n  effekt indicators --spec analyses/lbf-uddannelse-og-livschancer.json --values samples/indicator-values.csv\n")
    .action((opts: IndicatorsOptions) => runIndicators(opts, { say, writeData }));
}
