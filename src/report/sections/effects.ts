/**
 * Effect tables from `effekt estimate` (effects.csv and its meta). SUS gets the interim whole-sample estimates
 * with confidence intervals; AAU gets the full table per outcome and horizon (every estimator, p_ri, p_holm,
 * p_bh, n, clusters, control means) and the subgroup table with interaction p-values.
 *
 * Privacy: a row whose n_treatment or n_control is below N (or unknown) shows no statistic (estimate, SE, df, CI,
 * p-values, control mean). The n columns are suppressed when small, and within each outcome x horizon x
 * estimator x subgroup the levels' n sum to the whole-sample n (secondary suppression), so a small subgroup
 * cannot be recovered as "whole sample minus the other levels".
 */
import { label, t } from "../i18n.js";
import type { EffectRow, EffectsData } from "../inputs.js";
import type { ChartSpec, ForestRow } from "../html/chartTypes.js";
import type { Cell, ReportColumn, ReportSection, ReportTable } from "../model.js";
import { isSmallCount, suppressCounts, tooFew, type SumRelation } from "../suppress.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";

/** Hidden masks for n_treatment (0), n_control (1), n_clusters (2) of every effects row. */
export function effectCountMask(rows: EffectRow[], minCell: number): boolean[][] {
  const values = rows.map((r) => [r.n_treatment, r.n_control, r.n_clusters]);
  const relations: SumRelation[] = [];
  const key = (r: EffectRow) => `${r.outcome}\u0000${r.horizon ?? ""}\u0000${r.estimator}\u0000${r.estimand}`;
  const whole = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.subgroup) whole.set(key(r), i);
  });
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!r.subgroup) return;
    const k = `${key(r)}\u0000${r.subgroup}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  for (const [k, parts] of groups) {
    const total = whole.get(k.slice(0, k.lastIndexOf("\u0000")));
    if (total === undefined) continue;
    for (const col of [0, 1]) relations.push({ total: { row: total, col }, parts: parts.map((row) => ({ row, col })) });
  }
  const hidden = suppressCounts(values, relations, minCell);
  rows.forEach((r, i) => {
    if (r.n_clusters !== null && isSmallCount(r.n_clusters, minCell)) hidden[i][2] = true;
  });
  return hidden;
}

export function rowTooSmall(r: EffectRow, minCell: number): boolean {
  return tooFew(r.n_treatment, minCell) || tooFew(r.n_control, minCell);
}

function effectColumns(lang: SectionContext["lang"], full: boolean, subgroups: boolean): ReportColumn[] {
  const cols: ReportColumn[] = [column(lang, "outcome", "text"), column(lang, "horizon", "text"), column(lang, "estimator", "text"), column(lang, "estimand", "text")];
  if (subgroups) cols.push(column(lang, "subgroup", "text"), column(lang, "subgroup_level", "text"));
  cols.push(column(lang, "estimate", "number", 4));
  if (full) cols.push(column(lang, "std_error", "number", 4), column(lang, "df", "number", 1));
  cols.push(column(lang, "ci_low", "number", 4), column(lang, "ci_high", "number", 4), column(lang, "p_value", "p_value"));
  if (full) cols.push(column(lang, "p_ri", "p_value"), column(lang, "p_holm", "p_value"), column(lang, "p_bh", "p_value"));
  if (subgroups) cols.push(column(lang, "p_interaction", "p_value"));
  cols.push(column(lang, "n_treatment", "count"), column(lang, "n_control", "count"));
  if (full) cols.push(column(lang, "n_clusters", "count"), column(lang, "control_mean", "number", 4), column(lang, "role", "text"));
  return cols;
}

function effectCells(r: EffectRow, mask: boolean[], ctx: SectionContext, full: boolean, subgroups: boolean): Cell[] {
  const { minCell, labels } = ctx;
  const hide = rowTooSmall(r, minCell);
  const cells: Cell[] = [labels.outcome(r.outcome), labels.horizon(r.horizon), labels.estimator(r.estimator), labels.estimand(r.estimand)];
  if (subgroups) cells.push(labels.subgroup(r.subgroup), r.subgroup_level);
  cells.push(statCell(r.estimate, hide));
  if (full) cells.push(statCell(r.std_error, hide), statCell(r.df, hide));
  cells.push(statCell(r.ci_low, hide), statCell(r.ci_high, hide), statCell(r.p_value, hide));
  if (full) cells.push(statCell(r.p_ri, hide), statCell(r.p_holm, hide), statCell(r.p_bh, hide));
  // The interaction test compares the levels; it is shown unless a level of the subgroup is too small.
  if (subgroups) cells.push(statCell(r.p_interaction, hide));
  cells.push(countCell(r.n_treatment, mask[0]), countCell(r.n_control, mask[1]));
  if (full) cells.push(countCell(r.n_clusters, mask[2]), statCell(r.control_mean, tooFew(r.n_control, minCell)), labels.role(r.role));
  return cells;
}

/** Why a horizon has no estimate yet, in the reader's words (the meta's reason is English for the log). */
export function pendingReason(reason: string, lang: SectionContext["lang"]): string {
  const date = /\((\d{4}-\d{2}-\d{2})\)/.exec(reason)?.[1];
  if (/no counted person has/.test(reason)) return t(lang, "pending_no_values");
  return date ? t(lang, "pending_window", { date }) : t(lang, "pending_generic");
}

function pendingNote(data: EffectsData, ctx: SectionContext): string[] {
  const pending = data.meta?.pending ?? [];
  return pending.map((p) => t(ctx.lang, "pending_row", { outcome: ctx.labels.outcome(p.outcome), horizon: ctx.labels.horizon(p.horizon), reason: pendingReason(p.reason, ctx.lang) }));
}

/**
 * The plan's primary estimator: the one its multiplicity adjustment uses (named in the effects meta), else Lin
 * regression when present, else the first estimator of the table.
 */
export function primaryEstimator(data: EffectsData): string {
  const named = data.meta?.multiplicity?.estimator;
  const present = new Set(data.rows.map((r) => r.estimator));
  if (named && present.has(named)) return named;
  if (present.has("lm_lin")) return "lm_lin";
  return data.rows[0]?.estimator ?? "";
}

function forest(rows: EffectRow[], ctx: SectionContext): ChartSpec {
  const { minCell, lang, labels } = ctx;
  const forestRows: ForestRow[] = rows
    .filter((r) => r.estimate !== null && r.ci_low !== null && r.ci_high !== null)
    .map((r) => {
      const suppressed = rowTooSmall(r, minCell);
      return {
        label: `${labels.horizon(r.horizon)}: ${labels.estimator(r.estimator)}`,
        group: labels.outcome(r.outcome),
        estimate: suppressed ? 0 : (r.estimate as number),
        ci_low: suppressed ? 0 : (r.ci_low as number),
        ci_high: suppressed ? 0 : (r.ci_high as number),
        ...(suppressed ? { suppressed: true } : {}),
      };
    });
  return { kind: "forest", title: t(lang, "forest_title"), rows: forestRows, x_label: t(lang, "forest_x_label"), null_value: 0 };
}

/** SUS: interim whole-sample estimates with CIs. */
export function interimEffectsSection(data: EffectsData, ctx: SectionContext): ReportSection {
  const { lang, minCell } = ctx;
  const mask = effectCountMask(data.rows, minCell);
  const idx = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.subgroup);
  const table: ReportTable = {
    id: "effects-interim",
    title: label(lang, "section_interim"),
    columns: effectColumns(lang, false, false),
    rows: idx.map(({ r, i }) => effectCells(r, mask[i], ctx, false, false)),
    notes: [t(lang, "note_interim"), ...pendingNote(data, ctx)],
  };
  return { id: "effects-interim", title: label(lang, "section_interim"), tables: [table], charts: [forest(idx.map(({ r }) => r), ctx)] };
}

/** AAU: every whole-sample row with all columns, and subgroups in their own section. */
export function effectsSections(data: EffectsData, ctx: SectionContext): ReportSection[] {
  const { lang, minCell } = ctx;
  const mask = effectCountMask(data.rows, minCell);
  const primary = primaryEstimator(data);
  const whole = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.subgroup);
  const main = whole.filter(({ r }) => r.estimator === primary);
  const others = whole.filter(({ r }) => r.estimator !== primary);
  const sub = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.subgroup);
  const out: ReportSection[] = [
    {
      id: "effects",
      title: label(lang, "section_effects"),
      tables: [
        {
          id: "effects",
          title: `${label(lang, "estimator")}: ${ctx.labels.estimator(primary)}`,
          columns: effectColumns(lang, true, false),
          rows: main.map(({ r, i }) => effectCells(r, mask[i], ctx, true, false)),
          notes: [t(lang, "note_effects", { permutations: data.meta?.permutations ?? 0 }), ...pendingNote(data, ctx)],
        },
      ],
      charts: [forest(whole.map(({ r }) => r), ctx)],
    },
  ];
  if (others.length > 0) {
    out.push({
      id: "effects-other",
      title: label(lang, "section_effects_other"),
      tables: [
        {
          id: "effects-other",
          title: label(lang, "section_effects_other"),
          columns: effectColumns(lang, true, false),
          rows: others.map(({ r, i }) => effectCells(r, mask[i], ctx, true, false)),
          notes: [t(lang, "note_effects_other")],
        },
      ],
      charts: [],
    });
  }
  if (sub.length > 0) {
    out.push({
      id: "subgroups",
      title: label(lang, "section_subgroups"),
      tables: [
        {
          id: "subgroups",
          title: label(lang, "section_subgroups"),
          columns: effectColumns(lang, true, true),
          rows: sub.map(({ r, i }) => effectCells(r, mask[i], ctx, true, true)),
          notes: [t(lang, "note_subgroups")],
        },
      ],
      charts: [],
    });
  }
  return out;
}
