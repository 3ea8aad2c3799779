import { z } from "zod";
import { issueText } from "../schemas/indicatorSpec.js";
import { InputError, UserError } from "../errors.js";
import { readCsv, rawColumn, throwProblems } from "./csv.js";
import { fail, idColumn, isMissing, dateColumn, formatDay, parseNumberText, where } from "./columns.js";
import { readJsonFile } from "./json.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Turns the common outcome deliveries into effekt's long `outcomes.csv` rows (person_id, outcome, date, value),
 * by an import spec (contract: data-schemas/outcome-import.md):
 *
 * - `wide`: one row per person and one column per week (`Uge 10-2025`: the Monday of ISO week 10 of 2025) or month
 *   (`2025-03`: its first day), each cell a status code mapped to a value by `codes` (self-supporting 1, on
 *   benefits 0; a code mapped to null, or an empty cell, is no row). A code the mapping lacks is an error.
 * - `survey`: one row per response with a person, a score and a response date.
 *
 * The source is read like every other input (CSV or .xlsx, `--skip-rows`, `--column`), so its problems are listed
 * with their cells.
 */
export const importSpecSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("wide"),
    outcome: z.string().min(1),
    id_column: z.string().min(1),
    codes: z.record(z.string(), z.number().finite().nullable()),
  }).strict(),
  z.object({
    kind: z.literal("survey"),
    outcome: z.string().min(1),
    id_column: z.string().min(1),
    score_column: z.string().min(1),
    date_column: z.string().min(1),
  }).strict(),
]);
export type ImportSpec = z.infer<typeof importSpecSchema>;

export function readImportSpec(path: string): ImportSpec {
  const parsed = importSpecSchema.safeParse(readJsonFile(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(tm("in_spec_invalid", { path, field: issue.path.join(".") || tm("in_spec_whole"), reason: issueText(issue) }));
  }
  return parsed.data;
}

export interface OutcomeRow { person: string; day: number; value: number }

/** The first day of a period column (`Uge 10-2025`, `uge 10 2025`, `2025-W10`, `2025-03`), or undefined for another column. */
export function periodStart(header: string): number | undefined {
  const h = header.trim();
  let week: number | undefined;
  let year: number | undefined;
  let m = /^(?:uge|week)\s*(\d{1,2})\s*[-/ ]\s*(\d{4})$/i.exec(h);
  if (m) { week = Number(m[1]); year = Number(m[2]); }
  else if ((m = /^(\d{4})-?W(\d{1,2})$/i.exec(h))) { year = Number(m[1]); week = Number(m[2]); }
  if (week !== undefined && year !== undefined) {
    if (week < 1 || week > 53) return undefined;
    // ISO 8601: week 1 holds 4 January; weeks start on Monday.
    const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
    const day = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7) + (week - 1) * 7;
    // Week 53 exists only in some years: its Thursday must lie in the year.
    return new Date((day + 3) * 86_400_000).getUTCFullYear() === year ? day : undefined;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(h))) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? Date.UTC(Number(m[1]), month - 1, 1) / 86_400_000 : undefined;
  }
  return undefined;
}

/** Reads a delivery by its spec into long rows, with counts for the manifest. */
export function importOutcomes(path: string, spec: ImportSpec): { rows: OutcomeRow[]; counts: Record<string, number>; periods?: { first: string; last: string; columns: number } } {
  const table = readCsv(path, { required: spec.kind === "wide" ? [spec.id_column] : [spec.id_column, spec.score_column, spec.date_column], format: "outcomes", collectProblems: true });
  const ids = idColumn(table, spec.id_column);
  const rows: OutcomeRow[] = [];
  const counts: Record<string, number> = {};
  if (spec.kind === "survey") {
    const days = dateColumn(table, spec.date_column);
    const scores = rawColumn(table, spec.score_column);
    for (let i = 0; i < table.nRows; i++) {
      if (isMissing(scores[i])) { counts.missing = (counts.missing ?? 0) + 1; rows.push({ person: ids[i], day: days[i], value: NaN }); continue; }
      const v = parseNumberText(scores[i], table.decimalComma);
      if (v === undefined) { fail(table, new InputError(where(table, i, spec.score_column), tm("err_not_number"), tm("in_exp_score"), scores[i])); continue; }
      counts.responses = (counts.responses ?? 0) + 1;
      rows.push({ person: ids[i], day: days[i], value: v });
    }
    throwProblems(table);
    return { rows, counts };
  }
  const periods = table.header.map((h) => ({ name: h, day: periodStart(h) })).filter((p): p is { name: string; day: number } => p.day !== undefined);
  if (periods.length === 0) throw new InputError({ file: table.file, line: 1 }, tm("in_no_periods"), tm("in_exp_periods"));
  const codes = new Map(Object.entries(spec.codes).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const p of periods) {
    const col = rawColumn(table, p.name);
    for (let i = 0; i < table.nRows; i++) {
      const code = col[i];
      if (code === "") { counts["(empty)"] = (counts["(empty)"] ?? 0) + 1; continue; }
      const value = codes.get(code.toLowerCase());
      if (value === undefined) {
        fail(table, new InputError(where(table, i, p.name), tm("in_unmapped_code"), tm("in_exp_codes", { codes: [...codes.keys()].map((c) => JSON.stringify(c)).join(", ") }), code));
        continue;
      }
      counts[code] = (counts[code] ?? 0) + 1;
      if (value !== null) rows.push({ person: ids[i], day: p.day, value });
    }
  }
  throwProblems(table);
  const sorted = periods.map((p) => p.day).sort((a, b) => a - b);
  return { rows, counts, periods: { first: formatDay(sorted[0]), last: formatDay(sorted[sorted.length - 1]), columns: periods.length } };
}
