import { Command, CommanderError, Help } from "commander";
import { maskCprLike, MismatchError, UserError } from "../errors.js";
import { VERSION } from "../version.js";
import { terminalSafe } from "../terminalText.js";
import { COMMANDS } from "./commands.js";
import { addInputOptions } from "./inputOptions.js";
import { langArguments, langFrom, messageLang, setMessageLang, tm } from "../i18n/messageLang.js";
import type { MessageKey } from "../i18n/catalogue.js";

/** commander's own messages (a missing or unknown flag) in the run's language; the rest as commander words them. */
function commanderMessage(text: string): string {
  if (messageLang() === "en") return text;
  // a suggestion stands on a second line: "(Did you mean --seed?)"
  const [first, ...rest] = text.split("\n");
  const suggestion = rest.map((line) => {
    const s = /^\(Did you mean (one of )?(.+)\?\)$/.exec(line);
    return s ? tm(s[1] ? "file_cli_suggest_one_of" : "file_cli_suggest", { names: s[2] }) : line;
  });
  return [commanderLine(first), ...suggestion].join("\n");
}

function commanderLine(text: string): string {
  let m = /^required option (.+) not specified$/.exec(text);
  if (m) return tm("term_missing_option", { flag: m[1] });
  m = /^unknown option (.+)$/.exec(text);
  if (m) return tm("term_unknown_option", { flag: m[1] });
  m = /^option (.+) argument missing$/.exec(text);
  if (m) return tm("file_cli_argument_missing", { flag: m[1] });
  m = /^unknown command (.+)$/.exec(text);
  if (m) return tm("file_cli_unknown_command", { name: m[1] });
  m = /^missing required argument (.+)$/.exec(text);
  if (m) return tm("file_cli_missing_argument", { name: m[1] });
  m = /^too many arguments for (.+)\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text);
  if (m) return tm("file_cli_too_many", { command: m[1], expected: m[2], got: m[3] });
  return text;
}

/** The command an argument list runs (`effekt draw ...`, `effekt --sheet S help draw`), if any. */
function commandOf(args: readonly string[], program: Command): string | undefined {
  const takesValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith("-")) words.push(args[i]);
    else if (takesValue.has(args[i])) i++;
  }
  return words[0] === "help" ? words[1] : words[0];
}

/**
 * Builds the `effekt` program: one file per command in this folder, each adding itself. With `args` (the
 * arguments after `effekt`), only the command they name is loaded; the others stand in the root help by their
 * summary (src/cli/commands.ts), so `effekt --help` loads no command module. Without, every command is loaded.
 */
export async function buildProgram(args?: readonly string[]): Promise<Command> {
  const program = new Command("effekt")
    .description(tm("file_help_effekt"))
    .version(VERSION, "-V, --version", tm("file_help_version"))
    // commander's own help words in the run's language too (the commands made below inherit them)
    .helpOption("-h, --help", tm("file_help_help"))
    .helpCommand("help [command]", tm("file_help_help"))
    .option("--decimal <mark>", tm("file_help_decimal"))
    // A missing or unknown flag is one line naming it (`effekt: required option '--seed <text>' not specified`),
    // not the whole help; `effekt <command> --help` lists the flags with the required ones marked.
    // Set before the commands are made, so they inherit it: a flag error exits 2 like any other bad input.
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`${tm("term_error", { message: terminalSafe(commanderMessage(text.replace(/^error: /, "").trimEnd())) })}\n`) })
    .addHelpText(
      "after",
      `
${tm("file_help_examples")}
  effekt draw --households samples/households.csv --register out/allocations.csv --wave 1 --seed viborg-2025-1 --treat 60 --date 2025-03-01
  effekt verify --register out/allocations.csv
  effekt plan lock --plan analyses/relationel-velfaerd.json --register out/allocations.csv
  effekt estimate --register out/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --outcome wellbeing --takeup samples/takeup.csv --window first
  effekt power --households 400 --persons-per-household 2 --icc 0.3 --share-treated 0.5
  effekt indicators --spec analyses/lbf-uddannelse-og-livschancer.json --values samples/indicator-values.csv
  effekt gains --model analyses/gains-relationel-velfaerd.json --assume employment=0.05 --out out/gains.json
  effekt report --audience aau --results out --out out/report-aau
`,
    );
  addInputOptions(program);
  // Read before commander parses (main sets the language from the arguments), so that every message of the run,
  // commander's included, is in it; report --lang is this option too (commander gives it to the program).
  program.option("--lang <da|en>", tm("file_help_lang"));
  program.option("--project <file>", tm("file_help_project", { file: "effekt.json" }));
  // The project's paths fill the options the command line leaves out, before the command parses its own (so a
  // required option the project gives is not missing); a flag given on the command line wins.
  program.hook("preSubcommand", async (_root, sub) => {
    if (sub.name() === "init") return;
    const { findProject, projectDefaults } = await import("../io/project.js");
    const loaded = findProject(program.opts().project as string | undefined);
    if (loaded === undefined) return;
    const mapping = loaded.project.inputs.mapping;
    if (mapping !== undefined && program.getOptionValueSource("mapping") !== "cli") program.setOptionValueWithSource("mapping", (await import("node:path")).resolve(loaded.dir, mapping), "config");
    for (const cmd of [sub, ...sub.commands]) {
      const name = cmd === sub ? sub.name() : `${sub.name()} ${cmd.name()}`;
      const defaults = projectDefaults(loaded, name).filter((d) => cmd.options.some((o) => o.attributeName() === d.option));
      for (const d of defaults) cmd.setOptionValueWithSource(d.option, d.value, "config");
      // a default gives way to a flag that excludes it (estimate --allocation instead of the register, quick mode's --outcome)
      cmd.hook("preAction", () => {
        for (const d of defaults) {
          if (cmd.getOptionValueSource(d.option) === "config" && (d.unless ?? []).some((u) => cmd.getOptionValueSource(u) === "cli")) cmd.setOptionValueWithSource(d.option, undefined, "default");
        }
      });
    }
  });
  program.hook("preAction", async () => {
    const mark = program.opts().decimal as string | undefined;
    if (mark !== undefined && mark !== "," && mark !== ".") throw new UserError(tm("file_decimal", { value: JSON.stringify(mark) }));
    // loaded here, not at the top: `effekt --help` loads no reader
    const { setDecimalMark } = await import("../io/columns.js");
    setDecimalMark(mark as "," | "." | undefined);
  });
  const wanted = args === undefined ? undefined : commandOf(args, program);
  const stubs = new Map<Command, string>();
  for (const c of COMMANDS) {
    if (args === undefined || c.name === wanted) (await c.register())(program);
    else stubs.set(program.command(c.name).description(tm(c.summary)), c.options ? `${c.name} [options]` : c.name);
  }
  const help = new Help();
  program.configureHelp({ ...program.configureHelp(), subcommandTerm: (cmd) => stubs.get(cmd) ?? help.subcommandTerm(cmd) });
  return program;
}

/** Runs the CLI; user errors print one line and exit 2 (1 for a verification mismatch), never a stack trace. */
/**
 * A reader that stops early (`effekt --help | head`) closes the pipe: what is left for stdout has nowhere to go, so
 * it is dropped and the command runs to its end (its files are written whole), instead of dying on an unhandled EPIPE.
 */
function dropOutputToClosedPipe(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") throw err;
  });
}

export async function main(argv: string[]): Promise<void> {
  dropOutputToClosedPipe();
  setMessageLang(langFrom(argv.slice(2), process.env));
  // a --lang effekt does not speak is refused, not quietly read as the locale's language
  const unknownLang = langArguments(argv.slice(2)).find((v) => v !== "da" && v !== "en");
  if (unknownLang !== undefined) {
    const { sayError } = await import("./output.js");
    sayError(tm("draw_init_lang", { value: JSON.stringify(unknownLang) }));
    process.exitCode = 2;
    return;
  }
  const program = await buildProgram(argv.slice(2));
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    // the terminal's colours (chalk) only when there is an error to print: `effekt --help` does without them
    const { sayError } = await import("./output.js");
    if (err instanceof UserError || err instanceof MismatchError) {
      sayError(err.message);
      process.exitCode = err.exitCode;
      return;
    }
    const fsProblem = fileSystemProblem(err);
    if (fsProblem) {
      sayError(fsProblem);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

/**
 * A file-system error on a path the user gave (a folder where a file is meant, a missing or unreadable file)
 * as one line, exit 2: a reader that did not check first still never ends in "internal error: EISDIR".
 */
function fileSystemProblem(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!e || typeof e.code !== "string" || typeof e.path !== "string") return undefined;
  const what: Record<string, MessageKey> = {
    EISDIR: "file_is_folder",
    ENOTDIR: "file_not_folder",
    ENOENT: "file_no_such",
    EACCES: "file_permission",
    EPERM: "file_permission",
    ELOOP: "file_links",
    ENAMETOOLONG: "file_path_long",
  };
  const problem = what[e.code];
  return problem === undefined ? undefined : maskCprLike(tm(problem, { file: e.path }));
}
