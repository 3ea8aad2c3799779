import { InputError, UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import type { AssignedHousehold } from "../draw/assignment.js";
import { fail, formatDay, idColumn, numberColumn, parseDateText, textColumn, where } from "./columns.js";
import { rawColumn, readCsv, throwProblems } from "./csv.js";
import type { Pseudonymiser } from "./pseudonym.js";

/**
 * An allocation file made by another tool (e.g. the Viborg lottery of 2023, before effekt), used by `estimate`
 * in place of effekt's register. Columns: `household_id, arm, stratum, p_treatment`, optional `wave` (default 1)
 * and `draw_date` (YYYY-MM-DD or DD-MM-YYYY; otherwise `--draw-date`). Documented in
 * data-schemas/effect-table-meta.md ("External allocation files"). Nothing here can check how the
 * allocation was made, so every output says "not verified by effekt". CPR-like household ids are refused, or
 * replaced by keyed pseudonyms when `pseudonyms` is given (`--allow-cpr-like-ids --pseudonym-key FILE`).
 */
export function readAllocationFile(path: string, drawDateFlag?: string, pseudonyms?: Pseudonymiser): AssignedHousehold[] {
  const table = readCsv(path, { required: ["household_id", "arm", "stratum", "p_treatment"], format: "allocation", collectProblems: true });
  const ids = idColumn(table, "household_id", { unique: true, pseudonyms });
  const arms = textColumn(table, "arm", { expected: tm("file_exp_arm") });
  const strata = textColumn(table, "stratum", { allowEmpty: true });
  const p = numberColumn(table, "p_treatment", { expected: tm("file_exp_probability") });
  const waves = table.columns.has("wave") ? numberColumn(table, "wave", { integer: true, min: 1 }) : undefined;
  const dates = table.columns.has("draw_date") ? rawColumn(table, "draw_date") : undefined;
  let flagDate = "";
  if (drawDateFlag !== undefined) {
    const d = parseDateText(drawDateFlag);
    if (d === undefined) throw new UserError(tm("file_draw_date_bad", { value: drawDateFlag }));
    flagDate = formatDay(d);
  }
  const pOfBlock = new Map<string, { p: number; row: number }>();
  const out: AssignedHousehold[] = [];
  for (let i = 0; i < table.nRows; i++) {
    const arm = arms[i].toLowerCase();
    if (arm !== "treatment" && arm !== "control") { fail(table, new InputError(where(table, i, "arm"), tm("file_not_arm"), tm("file_exp_arm"), arms[i])); continue; }
    if (Number.isNaN(p[i])) continue; // not a number: already listed
    if (!(p[i] > 0 && p[i] < 1)) { fail(table, new InputError(where(table, i, "p_treatment"), tm("file_not_probability"), tm("file_exp_open_unit"), String(p[i]))); continue; }
    const wave = waves ? waves[i] : 1;
    const key = `${wave}\u0000${strata[i]}`;
    const first = pOfBlock.get(key);
    if (first && first.p !== p[i]) {
      fail(table, new InputError(where(table, i, "p_treatment"), tm("file_p_differs", { line: table.lineOf(first.row), p: first.p, wave, stratum: strata[i] }), tm("file_exp_one_p"), String(p[i])));
      continue;
    }
    if (!first) pOfBlock.set(key, { p: p[i], row: i });
    let drawDate = flagDate;
    if (dates && dates[i] !== "") {
      const d = parseDateText(dates[i]);
      if (d === undefined) { fail(table, new InputError(where(table, i, "draw_date"), tm("err_not_date"), tm("file_exp_day"), dates[i])); continue; }
      drawDate = formatDay(d);
    }
    out.push({ householdId: ids[i], wave, stratum: strata[i], arm, pTreatment: p[i], drawDate });
  }
  throwProblems(table);
  return out;
}
