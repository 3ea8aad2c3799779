import { basename } from "node:path";
import { InputError, UserError } from "../errors.js";
import { readEffectTableLines } from "../io/effectTable.js";
import type { GainsModel, MeasuredEffect } from "../schemas/gainsModel.js";
import { tm } from "../i18n/messageLang.js";

/**
 * The effects a gains run uses, per model outcome: every whole-sample row of one estimator in the effect table
 * (horizons 1..horizon_years with an estimate; a pending horizon, with no row or an empty estimate, is skipped), or
 * `--assume`, or the model's own. Each measured horizon keeps its own estimate and standard error; the gains
 * computation interpolates between them and projects beyond the last (effectPath.ts).
 */
export interface EffectUsed {
  outcome: string;
  estimand: "ITT" | "CACE";
  measured: MeasuredEffect[];
  source: string;
  illustrative: boolean;
  estimator?: string;
}

/** ITT estimators in order of preference when a table has several for one outcome. */
export const ITT_PREFERENCE = ["lm_lin", "lm_robust", "difference_in_means"];
const NOT_ITT = /(^|_)(iv|cace|late|tot)(_|$)|iv_robust/i;

/** Parses `--assume OUTCOME[@YEAR]=EFFECT[:SE]` against the model's outcomes (YEAR: years since the draw, default 1). */
export function parseAssume(raw: string, model: GainsModel): { outcome: string; year: number; estimate: number; se?: number } {
  const m = /^\s*([^=@\s]+)\s*(?:@\s*(\d+)\s*)?=\s*([^:\s]+)\s*(?::\s*(\S+)\s*)?$/.exec(raw);
  const ids = model.outcomes.map((o) => o.id);
  if (!m) throw new UserError(tm("res_assume_shape", { raw, outcomes: ids.join(", ") }));
  if (!ids.includes(m[1])) throw new UserError(tm("res_assume_unknown", { raw, outcome: m[1], outcomes: ids.join(", ") }));
  const year = m[2] !== undefined ? Number(m[2]) : 1;
  if (!(year >= 1 && year <= model.horizon_years)) throw new UserError(tm("res_assume_year", { raw, year: m[2], horizon: model.horizon_years }));
  const num = (text: string, what: string) => {
    const x = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(x)) throw new UserError(tm("res_assume_number", { raw, what, text }));
    return x;
  };
  const estimate = num(m[3], tm("res_assume_effect"));
  const se = m[4] !== undefined ? num(m[4], tm("res_assume_se")) : undefined;
  if (se !== undefined && se < 0) throw new UserError(tm("res_assume_se_negative", { raw, se }));
  return { outcome: m[1], year, estimate, se };
}

/**
 * Reads an effect table and picks, per model outcome, the whole-sample rows of one estimator at horizons
 * 1..horizon_years. A table outcome matches a model outcome by `outcomeMap` (the plan's `gains_outcome`) or by
 * name; `skip` lists outcomes taken from `--assume`. Without `estimator`, the most preferred ITT estimator present.
 */
export function readEstimates(path: string, model: GainsModel, estimator?: string, outcomeMap: ReadonlyMap<string, string> = new Map(), skip: ReadonlySet<string> = new Set()): EffectUsed[] {
  const { file, rows: table, at } = readEffectTableLines(path);
  const outcomes = table.map((r) => outcomeMap.get(r.outcome) ?? r.outcome);
  const isItt = (i: number) => (table[i].estimand !== "" ? table[i].estimand.toUpperCase() === "ITT" : !NOT_ITT.test(table[i].estimator));
  const used: EffectUsed[] = [];
  const missing: string[] = [];
  for (const o of model.outcomes) {
    if (skip.has(o.id)) continue;
    const rows: number[] = [];
    for (let i = 0; i < table.length; i++) {
      const h = table[i].horizon;
      if (outcomes[i] === o.id && h !== null && h >= 1 && h <= model.horizon_years && table[i].subgroup === "") rows.push(i);
    }
    if (rows.length === 0) {
      missing.push(o.id);
      continue;
    }
    let chosen: string;
    if (estimator !== undefined) chosen = estimator;
    else {
      const itt = rows.filter(isItt).map((i) => table[i].estimator);
      const rank = (e: string) => (ITT_PREFERENCE.indexOf(e) < 0 ? ITT_PREFERENCE.length : ITT_PREFERENCE.indexOf(e));
      if (itt.length === 0) {
        throw new InputError({ file, line: table[rows[0]].line, column: "estimator" }, tm("res_no_itt_row", { outcome: o.id }), tm("res_no_itt_expected"), table[rows[0]].estimator);
      }
      chosen = [...new Set(itt)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))[0];
    }
    const pick = rows.filter((i) => table[i].estimator === chosen);
    if (pick.length === 0) {
      throw new InputError({ file, line: table[rows[0]].line, column: "estimator" }, tm("res_no_estimator_row", { estimator: chosen, outcome: o.id }), tm("res_estimator_among", { list: [...new Set(rows.map((i) => table[i].estimator))].join(", ") }), table[rows[0]].estimator);
    }
    const seen = new Map<number, number>();
    const unverified = new Set<string>();
    const measured: MeasuredEffect[] = [];
    const lines: string[] = [];
    const horizonOf = (i: number): number => table[i].horizon!; // rows holds only rows with a horizon
    for (const i of pick.sort((a, b) => horizonOf(a) - horizonOf(b))) {
      const r = table[i];
      const h = horizonOf(i);
      if (seen.has(h)) {
        throw new InputError({ file, line: r.line, column: "estimator" }, tm("res_ambiguous", { first: table[seen.get(h)!].line, second: r.line, outcome: o.id, horizon: h }), tm("res_ambiguous_expected"), r.estimator);
      }
      seen.set(h, i);
      if (r.estimate === null) continue; // pending or not estimable: not measured
      if (r.std_error === null) throw new InputError(at(i, "std_error"), tm("err_missing"), tm("res_se_expected"), "");
      const other = r.allocation !== "" && r.allocation !== "effekt";
      if (other) unverified.add(r.allocation);
      measured.push({ year: h, estimate: r.estimate, se: r.std_error, source: `${basename(path)} line ${r.line}${other ? ` (allocation ${r.allocation})` : ""}` });
      lines.push(String(r.line));
    }
    if (measured.length === 0) {
      missing.push(o.id);
      continue;
    }
    const estimand = isItt(pick[0]) ? "ITT" : "CACE";
    used.push({
      outcome: o.id,
      estimand,
      measured,
      source: `${basename(path)} line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}: ${chosen} (${estimand}) at horizons ${measured.map((m) => m.year).join(", ")}${table[pick[0]].outcome !== o.id ? ` (table outcome "${table[pick[0]].outcome}")` : ""}${unverified.size ? ` (allocation ${[...unverified].join(", ")})` : ""}`,
      illustrative: false,
      estimator: chosen,
    });
  }
  if (missing.length > 0) {
    throw new InputError(
      { file, column: "outcome" },
      tm(missing.length > 1 ? "res_missing_outcome_many" : "res_missing_outcome_one", { horizon: model.horizon_years, list: missing.map((m) => `"${m}"`).join(", ") }),
      tm("res_missing_outcome_expected", { list: missing.join(", "), assume: missing.map((m) => `--assume ${m}=${tm("res_effect_placeholder")}`).join(" ") }),
    );
  }
  return used;
}
