import { csvField } from "../io/csvOut.js";

/**
 * The effect table: one row per outcome x horizon x estimator x subgroup (level). The contract other commands
 * read (`effekt report`, `effekt gains --estimates`); documented in data-schemas/effect-table.md.
 */
export const EFFECT_COLUMNS = [
  "outcome", "horizon", "estimator", "estimand", "subgroup", "subgroup_level",
  "estimate", "std_error", "df", "ci_low", "ci_high", "p_value", "p_ri", "p_holm", "p_bh", "p_interaction",
  "p_ri_wy", "ri_ci_low", "ri_ci_high",
  "n_treatment", "n_control", "n_clusters", "control_mean", "first_stage", "role", "allocation",
] as const;

export type EffectColumn = (typeof EFFECT_COLUMNS)[number];

export type Estimator = "difference_in_means" | "lm_lin" | "cace_ratio";
export const ESTIMATOR_ORDER: readonly Estimator[] = ["difference_in_means", "lm_lin", "cace_ratio"];
export type Role = "primary" | "secondary" | "exploratory";

/** A row with its numbers unformatted; `undefined` = an empty cell (never NaN). */
export interface EffectRow {
  outcome: string;
  /** whole years after the draw; undefined in quick mode without --by-horizon */
  horizon?: number;
  estimator: Estimator;
  estimand: "ITT" | "CACE";
  /** "" for the whole sample */
  subgroup: string;
  subgroup_level: string;
  estimate?: number;
  std_error?: number;
  df?: number;
  ci_low?: number;
  ci_high?: number;
  p_value?: number;
  p_ri?: number;
  p_holm?: number;
  p_bh?: number;
  p_interaction?: number;
  /** RI p-value adjusted over the Holm family by Westfall-Young step-down min-p */
  p_ri_wy?: number;
  /** randomisation-inference interval: constant effects not rejected (primary rows) */
  ri_ci_low?: number;
  ri_ci_high?: number;
  n_treatment: number;
  n_control: number;
  n_clusters: number;
  control_mean?: number;
  /** CACE rows: the first stage, the blocked ITT on take-up over the persons this row analyses */
  first_stage?: number;
  role: Role;
  allocation: string;
}

/** 10 significant digits, shortest form; not finite -> empty cell. */
export function formatNumber(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return "";
  return String(Number(v.toPrecision(10)));
}

/** Each cell as text (CSV) -- numbers rounded to 10 significant digits. */
export function rowCells(r: EffectRow): Record<EffectColumn, string> {
  const out = {} as Record<EffectColumn, string>;
  for (const c of EFFECT_COLUMNS) {
    const v = r[c];
    out[c] = typeof v === "number" ? formatNumber(v) : v === undefined ? "" : v;
  }
  return out;
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deterministic order: outcomes in the order given (the plan's, or the --outcome flags'), then horizon, then
 * estimator (difference_in_means, lm_lin, cace_ratio), then the whole sample before subgroups, subgroups in the
 * order given, levels by code unit.
 */
export function sortRows(rows: readonly EffectRow[], outcomeOrder: readonly string[], subgroupOrder: readonly string[] = []): EffectRow[] {
  const oi = (o: string) => { const i = outcomeOrder.indexOf(o); return i < 0 ? outcomeOrder.length : i; };
  const si = (s: string) => (s === "" ? -1 : subgroupOrder.indexOf(s) < 0 ? subgroupOrder.length : subgroupOrder.indexOf(s));
  return [...rows].sort((a, b) =>
    oi(a.outcome) - oi(b.outcome) || byCodeUnit(a.outcome, b.outcome) ||
    (a.horizon ?? 0) - (b.horizon ?? 0) ||
    ESTIMATOR_ORDER.indexOf(a.estimator) - ESTIMATOR_ORDER.indexOf(b.estimator) ||
    si(a.subgroup) - si(b.subgroup) || byCodeUnit(a.subgroup, b.subgroup) ||
    byCodeUnit(a.subgroup_level, b.subgroup_level));
}

/** CSV with the header, `,`, `\n`, UTF-8. */
export function formatCsv(rows: readonly EffectRow[]): string {
  const lines = [EFFECT_COLUMNS.join(",")];
  for (const r of rows) {
    const cells = rowCells(r);
    lines.push(EFFECT_COLUMNS.map((c) => csvField(cells[c])).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** JSON: an array of objects with the same keys; an empty cell is null, numbers as numbers (10 significant digits). */
export function formatJson(rows: readonly EffectRow[]): string {
  const docs = rows.map((r) => {
    const cells = rowCells(r);
    return Object.fromEntries(EFFECT_COLUMNS.map((c) => {
      const v = r[c];
      if (typeof v === "number") return [c, cells[c] === "" ? null : Number(cells[c])];
      return [c, v === undefined || (v === "" && c !== "subgroup" && c !== "subgroup_level") ? null : v];
    }));
  });
  return `${JSON.stringify(docs, null, 2)}\n`;
}
