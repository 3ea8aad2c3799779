import { Help, type Command, type Option } from "commander";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";

interface InputFlags {
  sheet?: string;
  skipRows?: string;
  column?: string[];
  mapping?: string;
}

/**
 * Options for reading inputs as they are exported (any command, any input file): the sheet of an `.xlsx`, title
 * lines to skip, and the file's headers mapped to effekt's names (data-schemas/column-mapping.md). Shown in every
 * command's help; set before the command runs.
 */
export function addInputOptions(program: Command): void {
  program
    .option("--sheet <name>", "the sheet to read from an .xlsx input (default: the first)")
    .option("--skip-rows <n>", "lines (or Excel rows) above the header to skip, such as a title")
    .option("--column <name=header>", "your file's header for one of effekt's columns, e.g. household_id=Husstand (repeatable)", (v: string, all: string[] = []) => [...all, v])
    .option("--mapping <file>", "a JSON file with sheet, skip_rows and columns per input format (data-schemas/column-mapping.md)")
    // Commands made after this inherit it: every --help shows these options and marks the required ones.
    .configureHelp({
      showGlobalOptions: true,
      optionDescription(this: Help, option: Option): string {
        const text = Help.prototype.optionDescription.call(this, option);
        return option.mandatory ? `(required) ${text}` : text;
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
