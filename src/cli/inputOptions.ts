import { Help, type Command, type Option } from "commander";
import { UserError } from "../errors.js";
import type { MessageKey } from "../i18n/catalogue.js";
import { tm } from "../i18n/messageLang.js";

interface InputFlags {
  sheet?: string;
  skipRows?: string;
  column?: string[];
  mapping?: string;
}

/** The headings of commander's help, in the run's language. */
const HELP_TITLES: Record<string, MessageKey> = {
  "Usage:": "file_help_usage",
  "Options:": "file_help_options",
  "Global Options:": "file_help_global_options",
  "Commands:": "file_help_commands",
  "Arguments:": "file_help_arguments",
};

/**
 * Options for reading inputs as they are exported (any command, any input file): the sheet of an `.xlsx`, title
 * lines to skip, and the file's headers mapped to effekt's names (data-schemas/column-mapping.md). Shown in every
 * command's help; set before the command runs.
 */
export function addInputOptions(program: Command): void {
  program
    .option("--sheet <name>", tm("file_help_sheet"))
    .option("--skip-rows <n>", tm("file_help_skip_rows"))
    .option("--column <name=header>", tm("file_help_column"), (v: string, all: string[] = []) => [...all, v])
    .option("--mapping <file>", tm("file_help_mapping"))
    // Commands made after this inherit it: every --help shows these options and marks the required ones.
    .configureHelp({
      showGlobalOptions: true,
      optionDescription(this: Help, option: Option): string {
        // commander adds "(default: ...)" in English: the word in the run's language
        const text = Help.prototype.optionDescription.call(this, option).replace(/\(default: (?=[^()]*\)$)/, `(${tm("file_help_default")}: `);
        return option.mandatory ? `${tm("file_help_required")} ${text}` : text;
      },
      styleTitle(title: string): string {
        const key = HELP_TITLES[title];
        return key === undefined ? title : tm(key);
      },
    })
    // the reader settings (and zod, which checks a mapping file) are loaded when a command runs, not for --help
    .hook("preAction", async () => {
      const { parseColumnFlags, readMappingFile, setInputSettings } = await import("../io/inputSettings.js");
      const flags = program.opts<InputFlags>();
      let skipRows: number | undefined;
      if (flags.skipRows !== undefined) {
        if (!/^\d+$/.test(flags.skipRows.trim())) throw new UserError(tm("file_skip_rows", { value: flags.skipRows }));
        skipRows = Number(flags.skipRows);
      }
      setInputSettings(
        { sheet: flags.sheet, skipRows, columns: parseColumnFlags(flags.column ?? []) },
        flags.mapping !== undefined ? readMappingFile(flags.mapping) : {},
      );
    });
}
