import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { z } from "zod";
import { describeName, UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { issueText } from "../schemas/indicatorSpec.js";
import { writeFileAtomic } from "./atomic.js";
import { readJsonFile } from "./json.js";

/**
 * The project file of an evaluation folder (`effekt.json`, written by `effekt init`; contract:
 * data-schemas/project.md): where the register, the inputs, the plan and the specs are, where results go, and the
 * report's settings, so that a command run in the folder needs none of those paths. A flag on the command line
 * always wins. Paths are stored relative to the project file's folder, with `/`, so the folder can be copied or
 * opened on another machine (Windows included).
 */
export const PROJECT_FILE = "effekt.json";
export const PROJECT_FORMAT = "effekt-project/1";

const path = z.string().min(1).max(1000);

export const projectSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    /** the allocation register; its manifests sit beside it */
    register: path,
    /** the folder of the result files (effects.csv, indicators.csv, gains.json), which report --results reads */
    results: path,
    inputs: z
      .object({
        households: path,
        cases: path,
        persons: path,
        outcomes: path,
        takeup: path,
        indicator_values: path,
        indicator_persons: path,
        /** the column mapping of the exports (--mapping, data-schemas/column-mapping.md) */
        mapping: path,
      })
      .partial()
      .strict(),
    plan: path.optional(),
    indicator_spec: path.optional(),
    gains_model: path.optional(),
    report: z
      .object({
        lang: z.enum(["da", "en"]),
        min_cell: z.number().int().min(3).max(1000),
        format: z.string().min(1),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export type Project = z.infer<typeof projectSchema>;

/** A project as read: its content and the folder its paths are relative to. */
export interface LoadedProject {
  file: string;
  dir: string;
  project: Project;
}

/**
 * The project file of this run: `--project FILE` (it must exist), else `effekt.json` in the current folder, else
 * none (every path then comes from the flags, as before projects).
 */
export function findProject(flag: string | undefined, cwd = process.cwd()): LoadedProject | undefined {
  let file: string;
  if (flag !== undefined) {
    file = resolve(cwd, flag);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, PROJECT_FILE);
    if (!existsSync(file)) throw new UserError(tm("file_project_missing", { flag, file: PROJECT_FILE }));
  } else {
    file = join(cwd, PROJECT_FILE);
    if (!existsSync(file)) return undefined;
  }
  const parsed = projectSchema.safeParse(readJsonFile(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length > 0 ? tm("file_field", { name: describeName(issue.path.join(".")) }) : tm("file_whole_file");
    throw new UserError(tm("file_project_invalid", { file, at, problem: issueText(issue) }));
  }
  return { file, dir: dirname(file), project: parsed.data };
}

/** One value a project gives a command's option, dropped when any option of `unless` is given on the command line. */
export interface ProjectDefault {
  /** the option's attribute name (commander's camelCase: `minCell`) */
  option: string;
  value: string;
  unless?: string[];
}

/**
 * What the project gives each command (`plan lock` as "plan lock"): only options the command has, paths made
 * absolute from the project's folder. Result files of earlier steps (an effect table for gains) only when they
 * exist, so a planning run before any draw is not pointed at a file that is not there yet. `verify` takes no
 * input from the project: it re-reads the files each wave's manifest records (a project's households file is
 * the latest export, not necessarily a drawn wave's).
 */
export function projectDefaults(loaded: LoadedProject, command: string): ProjectDefault[] {
  const { project: p, dir } = loaded;
  const at = (rel: string | undefined) => (rel === undefined ? undefined : resolve(dir, rel));
  const result = (name: string) => join(resolve(dir, p.results), name);
  const existing = (file: string) => (existsSync(file) ? file : undefined);
  const register = at(p.register)!;
  const entries: [string, string | undefined, string[]?][] = (() => {
    switch (command) {
      case "draw":
        return [["households", at(p.inputs.households)], ["cases", at(p.inputs.cases)], ["register", register]];
      case "verify":
        return [["register", register]];
      case "plan lock":
      case "plan show":
        return [["plan", at(p.plan)], ["register", register]];
      case "estimate":
        return [["plan", at(p.plan), ["outcome"]], ["register", register, ["allocation"]], ["persons", at(p.inputs.persons)], ["outcomes", at(p.inputs.outcomes)], ["takeup", at(p.inputs.takeup)], ["out", result("effects.csv"), ["outcome"]]];
      case "indicators":
        return [["spec", at(p.indicator_spec)], ["values", at(p.inputs.indicator_values), ["persons"]], ["persons", p.inputs.indicator_values === undefined ? at(p.inputs.indicator_persons) : undefined, ["values"]], ["out", result("indicators.csv")]];
      case "gains":
        return [["model", at(p.gains_model)], ["plan", at(p.plan)], ["register", existing(register)], ["persons", at(p.inputs.persons)], ["takeup", at(p.inputs.takeup)], ["estimates", existing(result("effects.csv"))], ["out", result("gains.json")]];
      case "report":
        return [["results", resolve(dir, p.results)], ["plan", at(p.plan)], ["spec", at(p.indicator_spec)], ["model", at(p.gains_model)], ["takeup", at(p.inputs.takeup)], ["lang", p.report?.lang], ["minCell", p.report?.min_cell?.toString()], ["format", p.report?.format]];
      default:
        return [];
    }
  })();
  return entries.filter((e): e is [string, string, string[]?] => e[1] !== undefined).map(([option, value, unless]) => ({ option, value, unless }));
}

/** A path as a project stores it: relative to the project's folder, with `/` on every system. */
export function projectPath(dir: string, file: string): string {
  const abs = resolve(file);
  const rel = relative(resolve(dir), abs);
  return (rel === "" ? "." : isAbsolute(rel) ? abs : rel).split(sep).join("/");
}

/** Writes a project file (refusing to replace one unless `force`), checked against the schema first. */
export function writeProject(file: string, project: Project, force: boolean): void {
  if (existsSync(file) && !force) throw new UserError(tm("file_project_exists", { file }));
  const checked = projectSchema.parse(project);
  writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`);
}
