import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { PROJECT_FILE, PROJECT_FORMAT, projectPath, writeProject, type Project } from "../io/project.js";
import { say } from "./output.js";
import { tm } from "../i18n/index.js";
import { summaryOf } from "./commands.js";

interface InitOptions {
  dir: string;
  register: string;
  results?: string;
  households?: string;
  cases?: string;
  persons?: string;
  outcomes?: string;
  takeup?: string;
  indicatorValues?: string;
  indicatorPersons?: string;
  mapping?: string;
  plan?: string;
  indicatorSpec?: string;
  gainsModel?: string;
  lang?: string;
  minCell?: string;
  force?: boolean;
}

/** `effekt init`: the evaluation folder's project file (data-schemas/project.md), so later commands need no paths. */
export function registerInit(program: Command): void {
  program
    .command("init")
    .description(summaryOf("init"))
    .option("--dir <folder>", tm("file_help_init_dir"), ".")
    .option("--register <file>", tm("file_help_init_register"), "allocations.csv")
    .option("--results <folder>", tm("file_help_init_results"))
    .option("--households <file>", tm("file_help_init_households"))
    .option("--cases <file>", tm("file_help_init_cases"))
    .option("--persons <file>", tm("file_help_init_persons"))
    .option("--outcomes <file>", tm("file_help_init_outcomes"))
    .option("--takeup <file>", tm("file_help_init_takeup"))
    .option("--plan <file>", tm("file_help_init_plan"))
    .option("--indicator-spec <file>", tm("file_help_init_indicator_spec"))
    .option("--indicator-values <file>", tm("file_help_init_indicator_values"))
    .option("--indicator-persons <file>", tm("file_help_init_indicator_persons"))
    .option("--gains-model <file>", tm("file_help_init_gains_model"))
    .option("--min-cell <n>", tm("file_help_init_min_cell"))
    .option("--force", tm("file_help_init_force"))
    .addHelpText("after", `\n${tm("file_help_init_after")} ${tm("file_help_example")}\n  effekt init --dir evaluation --households exports/husstande.csv --cases exports/sager.xlsx --mapping exports/kolonner.json --plan analyses/relationel-velfaerd.json\n`)
    // --mapping and --lang are effekt's own options (commander gives them to the program): init records them
    .action((opts: InitOptions) => runInit({ ...opts, mapping: program.opts().mapping as string | undefined, lang: program.getOptionValueSource("lang") === "cli" ? (program.opts().lang as string) : undefined }));
}

export function runInit(opts: InitOptions): void {
  if (existsSync(opts.dir) && !statSync(opts.dir).isDirectory()) throw new UserError(tm("draw_init_dir_is_file", { dir: opts.dir }));
  if (opts.lang !== undefined && opts.lang !== "da" && opts.lang !== "en") throw new UserError(tm("draw_init_lang", { value: JSON.stringify(opts.lang) }));
  if (opts.minCell !== undefined && !(/^\d+$/.test(opts.minCell) && Number(opts.minCell) >= 3)) throw new UserError(tm("draw_init_min_cell", { value: JSON.stringify(opts.minCell) }));
  const at = (file: string | undefined) => (file === undefined ? undefined : projectPath(opts.dir, file));
  const inputs: Project["inputs"] = {};
  for (const [key, file] of [["households", opts.households], ["cases", opts.cases], ["persons", opts.persons], ["outcomes", opts.outcomes], ["takeup", opts.takeup], ["indicator_values", opts.indicatorValues], ["indicator_persons", opts.indicatorPersons], ["mapping", opts.mapping]] as const) {
    if (file !== undefined) inputs[key] = at(file);
  }
  const report: NonNullable<Project["report"]> = {};
  if (opts.lang !== undefined) report.lang = opts.lang as "da" | "en";
  if (opts.minCell !== undefined) report.min_cell = Number(opts.minCell);
  const project: Project = {
    format: PROJECT_FORMAT,
    // the register and results are named as in the folder: relative to it, as given (a bare name lies in it)
    register: opts.register.split("\\").join("/"),
    results: (opts.results ?? ".").split("\\").join("/"),
    inputs,
    ...(opts.plan !== undefined ? { plan: at(opts.plan) } : {}),
    ...(opts.indicatorSpec !== undefined ? { indicator_spec: at(opts.indicatorSpec) } : {}),
    ...(opts.gainsModel !== undefined ? { gains_model: at(opts.gainsModel) } : {}),
    ...(Object.keys(report).length > 0 ? { report } : {}),
  };
  mkdirSync(opts.dir, { recursive: true });
  const file = join(opts.dir, PROJECT_FILE);
  writeProject(file, project, opts.force === true);
  say(tm("term_project_written", { file, dir: opts.dir }));
}
