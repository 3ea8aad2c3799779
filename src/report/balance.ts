import chalk from "chalk";
import type { BalanceRow } from "../draw/balance.js";
import { csvField, csvNumber } from "../io/csvOut.js";

const COLUMNS: (keyof BalanceRow)[] = ["wave", "covariate", "level", "n_treatment", "n_control", "mean_treatment", "mean_control", "difference", "std_difference"];

export function balanceCsv(rows: BalanceRow[]): string {
  const lines = [COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(COLUMNS.map((k) => (typeof r[k] === "number" ? csvNumber(r[k] as number) : csvField(String(r[k])))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The balance table for the terminal; standardised differences above 0.1 in absolute value are highlighted. */
export function formatBalance(rows: BalanceRow[]): string {
  const header = ["covariate", "wave", "n T", "n C", "mean T", "mean C", "std diff"];
  const body = rows.map((r) => [
    r.level ? `${r.covariate}=${r.level}` : r.covariate,
    r.wave,
    String(r.n_treatment),
    String(r.n_control),
    fmt(r.mean_treatment),
    fmt(r.mean_control),
    fmt(r.std_difference),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
  const out = [chalk.bold(line(header))];
  body.forEach((cells, k) => {
    const text = line(cells);
    out.push(Math.abs(rows[k].std_difference) > 0.1 ? chalk.yellow(text) : text);
  });
  return out.join("\n");
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : "-";
}
