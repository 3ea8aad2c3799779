import { basename } from "node:path";
import { InputError, UserError } from "../errors.js";
import { readEffectTableLines } from "../io/effectTable.js";
import type { GainsModel, MeasuredEffect } from "../schemas/gainsModel.js";

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
  if (!m) throw new UserError(`--assume "${raw}": expected OUTCOME=EFFECT, OUTCOME=EFFECT:SE or OUTCOME@YEAR=EFFECT[:SE], e.g. employment=0.05 (outcomes: ${ids.join(", ")})`);
  if (!ids.includes(m[1])) throw new UserError(`--assume "${raw}": "${m[1]}" is not an outcome in the model (outcomes: ${ids.join(", ")})`);
  const year = m[2] !== undefined ? Number(m[2]) : 1;
  if (!(year >= 1 && year <= model.horizon_years)) throw new UserError(`--assume "${raw}": year ${m[2]} must be between 1 and the model's horizon_years ${model.horizon_years}`);
  const num = (text: string, what: string) => {
    const x = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(x)) throw new UserError(`--assume "${raw}": ${what} "${text}" is not a number (use a point as decimal mark, e.g. 0.05)`);
    return x;
  };
  const estimate = num(m[3], "effect");
  const se = m[4] !== undefined ? num(m[4], "standard error") : undefined;
  if (se !== undefined && se < 0) throw new UserError(`--assume "${raw}": standard error ${se} must not be negative`);
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
        throw new InputError({ file, line: table[rows[0]].line, column: "estimator" }, `no ITT row for outcome "${o.id}"`, "an ITT estimator (not iv_robust/CACE), or choose one with --estimator", table[rows[0]].estimator);
      }
      chosen = [...new Set(itt)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))[0];
    }
    const pick = rows.filter((i) => table[i].estimator === chosen);
    if (pick.length === 0) {
      throw new InputError({ file, line: table[rows[0]].line, column: "estimator" }, `no "${chosen}" row for outcome "${o.id}"`, `an estimator among ${[...new Set(rows.map((i) => table[i].estimator))].join(", ")}`, table[rows[0]].estimator);
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
        throw new InputError({ file, line: r.line, column: "estimator" }, `is ambiguous: lines ${table[seen.get(h)!].line} and ${r.line} both give outcome "${o.id}" at horizon ${h}`, "one row per outcome, horizon and estimator (or choose with --estimator)", r.estimator);
      }
      seen.set(h, i);
      if (r.estimate === null) continue; // pending or not estimable: not measured
      if (r.std_error === null) throw new InputError(at(i, "std_error"), "is missing", "a number >= 0 (the row has an estimate)", "");
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
      `has no whole-sample row with an estimate at horizons 1-${model.horizon_years} for outcome${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} of the gains model`,
      `rows for ${missing.join(", ")} (through the plan's gains_outcome), or ${missing.map((m) => `--assume ${m}=EFFECT`).join(" ")}`,
    );
  }
  return used;
}
