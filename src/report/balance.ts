import { styled } from "../terminalText.js";
import type { BalanceRow } from "../draw/balance.js";
import type { JointBalanceRow } from "../estimate/balance_lottery.js";
import { DEFAULT_MIN_CELL } from "../disclosure/rules.js";
import { TableStructure } from "../disclosure/structure.js";
import { csvField, csvNumber } from "../io/csvOut.js";
import { resolveSection } from "./build.js";
import { SUPPRESSION_MARK } from "./i18n.js";
import { reportLabels } from "../i18n/labels.js";
import { isSuppressed, type Cell, type DraftCell } from "./model.js";
import { balanceSection } from "./sections/balance.js";
import { t, type Lang } from "../i18n/index.js";
import { formatNumber } from "../i18n/numbers.js";

const COLUMNS: (keyof BalanceRow)[] = ["wave", "covariate", "level", "n_treatment", "n_control", "mean_treatment", "mean_control", "difference", "std_difference"];

export function balanceCsv(rows: BalanceRow[]): string {
  const lines = [COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(COLUMNS.map((k) => (typeof r[k] === "number" ? csvNumber(r[k] as number) : csvField(String(r[k])))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

const JOINT_COLUMNS: (keyof JointBalanceRow)[] = ["wave", "households", "columns", "statistic", "p_value", "redraws", "seed"];

/** The joint balance test's file beside the balance table: `<balance file>` with `.csv` replaced by `.joint.csv`. */
export function jointBalancePath(balancePath: string): string {
  return `${balancePath.replace(/\.csv$/i, "")}.joint.csv`;
}

/** The joint test of balance as CSV (data-schemas/balance.md): one row per wave and "all"; header only when left out. */
export function jointBalanceCsv(rows: readonly JointBalanceRow[]): string {
  const lines = [JOINT_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(JOINT_COLUMNS.map((k) => (typeof r[k] === "number" ? (Number.isFinite(r[k]) ? csvNumber(r[k] as number) : "") : csvField(String(r[k])))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** One terminal line, in `lang`: the joint test's p-value per wave and pooled, with the number of re-draws. */
export function formatJointBalance(rows: readonly JointBalanceRow[], lang: Lang = "en"): string {
  if (rows.length === 0) return t(lang, "draw_joint_no_households");
  const result = (r: JointBalanceRow) => {
    if (!Number.isFinite(r.p_value)) return t(lang, "draw_joint_nothing");
    const p = lang === "en" ? r.p_value.toFixed(3) : formatNumber(r.p_value, lang, 3);
    return t(lang, r.columns === 1 ? "draw_joint_p_one" : "draw_joint_p_many", { p, n: r.columns });
  };
  const parts = rows.map((r) => `${r.wave === "all" ? t(lang, "all_waves") : t(lang, "draw_joint_wave", { wave: r.wave })} ${result(r)}`);
  const redraws = lang === "en" ? rows[0].redraws.toLocaleString("en") : formatNumber(rows[0].redraws, lang, 0);
  return t(lang, "draw_joint_line", { redraws, results: parts.join("; ") });
}

/**
 * The balance table for the terminal, under the same disclosure control as the report (src/disclosure/, through
 * the report's balance section): a count below `minCell`, a level held by too few households (or by all but too
 * few), a mean over a hidden group and the cells that would give them back are shown as [s]. Standardised
 * differences above 0.1 in absolute value are highlighted.
 */
export function formatBalance(rows: BalanceRow[], minCell = DEFAULT_MIN_CELL, lang: Lang = "en"): string {
  const disclosure = new TableStructure(minCell);
  const records = rows.map((r) => Object.fromEntries(COLUMNS.map((k) => [k, typeof r[k] === "number" ? csvNumber(r[k] as number) : String(r[k])])));
  const draft = balanceSection(records, { lang, minCell, labels: reportLabels(lang), disclosure });
  const table = resolveSection(draft, disclosure).tables[0];
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);
  const decimals = (x: number, digits: number) => (lang === "en" ? x.toFixed(digits) : formatNumber(x, lang, digits, false));
  const text = (cell: Cell, digits: number) => (isSuppressed(cell) ? SUPPRESSION_MARK : typeof cell === "number" ? (digits === 0 ? String(cell) : decimals(cell, digits)) : "-");
  const header = t(lang, "draw_balance_columns").split("|");
  const body = table.rows.map((r, k) => {
    return [
      draftKey(draft.tables[0].rows[k]),
      String(r[col("wave")]),
      text(r[col("n_treatment")], 0),
      text(r[col("n_control")], 0),
      text(r[col("mean_treatment")], 3),
      text(r[col("mean_control")], 3),
      text(r[col("std_difference")], 3),
    ];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
  const out = [styled("bold", line(header))];
  table.rows.forEach((r, k) => {
    const std = r[col("std_difference")];
    const textLine = line(body[k]);
    out.push(typeof std === "number" && Math.abs(std) > 0.1 ? styled("yellow", textLine) : textLine);
  });
  if (table.rows.some((r) => r.some(isSuppressed))) out.push(t(lang, "draw_balance_footnote", { mark: SUPPRESSION_MARK, min: minCell }));
  return out.join("\n");
}

/** "covariate" or "covariate=level" from a draft balance row (covariate and level as given, not translated). */
function draftKey(row: DraftCell[]): string {
  const [, covariate, level] = row;
  return level ? `${covariate}=${level}` : String(covariate);
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : "-";
}
