import { z } from "zod";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { issueText } from "../schemas/indicatorSpec.js";
import { readJsonFile } from "./json.js";

/**
 * How to read the inputs of one run as a municipality or survey tool exported them: which sheet of a workbook,
 * how many title lines stand above the header, and which of the file's headers is which effekt column.
 * Set once per command from `--sheet`, `--skip-rows`, `--column NAME=HEADER` and a mapping file (`--mapping FILE`,
 * contract: data-schemas/column-mapping.md); the readers ask for the settings of their format
 * (`households`, `cases`, `persons`, `outcomes`, `takeup`, ...). Flags apply to every input and override the file.
 */
export interface FormatSettings {
  sheet?: string;
  skipRows?: number;
  /** effekt's column name -> the header in the file. */
  columns?: Record<string, string>;
  /** `--decimal`: the decimal mark of a `;` file's numbers, when given (recorded in a wave's manifest). */
  decimal?: "," | ".";
}

const formatSchema = z
  .object({
    sheet: z.string().min(1).optional(),
    skip_rows: z.number().int().min(0).max(1000).optional(),
    columns: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .strict();

/** The mapping file: one entry per format, e.g. `{"households": {"skip_rows": 2, "columns": {"household_id": "Husstand"}}}`. */
export const mappingFileSchema = z.record(z.string().min(1), formatSchema);

let fromFlags: FormatSettings = {};
let fromFile: Record<string, FormatSettings> = {};

/** Sets the run's settings (the CLI calls this before a command runs); with no arguments, resets them. */
export function setInputSettings(flags: FormatSettings = {}, perFormat: Record<string, FormatSettings> = {}): void {
  fromFlags = flags;
  fromFile = perFormat;
}

/** Reads a mapping file (`--mapping FILE`) into settings per format. */
export function readMappingFile(path: string): Record<string, FormatSettings> {
  const parsed = mappingFileSchema.safeParse(readJsonFile(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const example = '{"households": {"sheet": "...", "skip_rows": 2, "columns": {"household_id": "Husstand"}}}';
    throw new UserError(tm("file_mapping_invalid", { path, at: issue.path.join(".") || tm("file_whole_file"), problem: issueText(issue), example }));
  }
  const out: Record<string, FormatSettings> = {};
  for (const [format, s] of Object.entries(parsed.data)) out[format] = { sheet: s.sheet, skipRows: s.skip_rows, columns: s.columns };
  return out;
}

/** Parses `--column NAME=HEADER` flags. */
export function parseColumnFlags(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.indexOf("=");
    if (at <= 0 || at === v.length - 1) throw new UserError(tm("file_column_flag", { value: v }));
    out[v.slice(0, at).trim()] = v.slice(at + 1).trim();
  }
  return out;
}

/** The settings for one format: the mapping file's entry, with the flags over it. */
export function settingsFor(format: string | undefined): FormatSettings {
  const file = format !== undefined ? fromFile[format] ?? {} : {};
  return {
    sheet: fromFlags.sheet ?? file.sheet,
    skipRows: fromFlags.skipRows ?? file.skipRows,
    columns: { ...(file.columns ?? {}), ...(fromFlags.columns ?? {}) },
  };
}

/** Settings as a manifest records them (`skip_rows`, `columns`), or undefined when there are none (a plain file). */
export function recordedSettings(s: FormatSettings): RecordedSettings | undefined {
  const out: RecordedSettings = {};
  if (s.sheet !== undefined) out.sheet = s.sheet;
  if (s.skipRows !== undefined && s.skipRows > 0) out.skip_rows = s.skipRows;
  if (s.columns !== undefined && Object.keys(s.columns).length > 0) out.columns = Object.fromEntries(Object.entries(s.columns).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (s.decimal !== undefined) out.decimal = s.decimal;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Settings as a manifest's `read` holds them. */
export interface RecordedSettings {
  sheet?: string;
  skip_rows?: number;
  columns?: Record<string, string>;
  decimal?: "," | ".";
}

/** Recorded settings (from a manifest) back as settings. */
export function settingsFromRecord(r: RecordedSettings | undefined): FormatSettings {
  return { sheet: r?.sheet, skipRows: r?.skip_rows, columns: r?.columns ?? {}, decimal: r?.decimal };
}
