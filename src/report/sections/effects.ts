/**
 * Effect tables from `effekt estimate` (effects.csv and its meta). SUS gets the interim whole-sample estimates
 * with confidence intervals; AAU gets the full table per outcome and horizon (every estimator, p_ri, p_holm,
 * p_bh, n, clusters, control means) and the subgroup table with interaction p-values.
 *
 * Privacy (src/disclosure/): the n columns are declared counts, and within each outcome x horizon x estimator x
 * subgroup the levels' n sum to the whole-sample n, so a small subgroup cannot be recovered as "whole sample
 * minus the other levels". A row's statistics (estimate, SE, df, CI, p-values) are shown only when both its n
 * are; the control mean only when n_control is (with the whole-sample mean it would give a level's sum back).
 */
import { label, t } from "../i18n.js";
import { formatDate } from "../../i18n/index.js";
import type { EffectTableRow } from "../../io/effectTable.js";
import type { EffectsData } from "../inputs.js";
import type { ChartSpec, ForestRow } from "../html/chartTypes.js";
import type { DraftCell, DraftSection, DraftTable, ReportColumn } from "../model.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";

const ARMS = ["treatment", "control"] as const;

/** The structure cell of a row's n for an arm; rows showing the same group share it. */
export function effectNId(r: Pick<EffectTableRow, "outcome" | "horizon" | "subgroup" | "subgroup_level" | "estimator">, arm: string, sameAsWhole: boolean): string {
  const group = `effects:${r.outcome}:${r.horizon ?? ""}:${r.subgroup}=${r.subgroup_level}:${arm}`;
  return sameAsWhole ? group : `${group}:${r.estimator}`;
}

/**
 * Declares the effect rows' counts: n per outcome, horizon, subgroup level and arm (one cell when every estimator
 * shows the same n, else one per estimator linked to the largest by a derivable difference); within each outcome
 * x horizon x estimator x subgroup the levels' n sum to the whole-sample n; clusters are counts too.
 * Returns, per row, the cells of its two arms (null when n is unknown).
 */
export function declareEffects(rows: EffectTableRow[], ctx: SectionContext): ([string, string] | null)[] {
  const d = ctx.disclosure;
  const key = (r: EffectTableRow, arm: string) => `${r.outcome}\u0000${r.horizon ?? ""}\u0000${r.subgroup}\u0000${r.subgroup_level}\u0000${arm}`;
  const valuesOf = new Map<string, Set<number>>();
  for (const r of rows) for (const arm of ARMS) {
    const v = arm === "treatment" ? r.n_treatment : r.n_control;
    if (v !== null) valuesOf.set(key(r, arm), (valuesOf.get(key(r, arm)) ?? new Set()).add(v));
  }
  const idOf = (r: EffectTableRow, arm: (typeof ARMS)[number]): string | null => {
    const v = arm === "treatment" ? r.n_treatment : r.n_control;
    if (v === null) return null;
    const single = valuesOf.get(key(r, arm))!.size === 1;
    const id = d.count(effectNId(r, arm, single), v);
    if (!single) {
      // Estimators that drop different persons: each n against the largest, the difference a derivable count.
      const largest = Math.max(...valuesOf.get(key(r, arm))!);
      const big = d.count(effectNId({ ...r, estimator: "largest" }, arm, false), largest);
      if (id !== big) d.link(big, id);
    }
    return id;
  };
  const ids = rows.map((r): [string, string] | null => {
    const t = idOf(r, "treatment");
    const c = idOf(r, "control");
    if (r.n_clusters !== null) d.count(`effects-clusters:${rows.indexOf(r)}`, r.n_clusters);
    return t !== null && c !== null ? [t, c] : null;
  });
  const whole = new Map<string, number>();
  const wkey = (r: EffectTableRow) => `${r.outcome}\u0000${r.horizon ?? ""}\u0000${r.estimator}\u0000${r.estimand}`;
  rows.forEach((r, i) => { if (!r.subgroup) whole.set(wkey(r), i); });
  const levels = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!r.subgroup) return;
    const k = `${wkey(r)}\u0000${r.subgroup}`;
    levels.set(k, [...(levels.get(k) ?? []), i]);
  });
  for (const [k, parts] of levels) {
    const total = whole.get(k.slice(0, k.lastIndexOf("\u0000")));
    if (total === undefined || ids[total] === null || parts.some((i) => ids[i] === null)) continue;
    for (const a of [0, 1]) d.sum(ids[total]![a], parts.map((i) => ids[i]![a]));
  }
  return ids;
}

/** The cells a row's statistics rest on (both arms); a row whose n is unknown rests on an undeclared cell. */
function groups(ids: [string, string] | null): string[] {
  return ids ?? ["unknown"];
}

function effectColumns(lang: SectionContext["lang"], full: boolean, subgroups: boolean): ReportColumn[] {
  const cols: ReportColumn[] = [column(lang, "outcome", "text"), column(lang, "horizon", "text"), column(lang, "estimator", "text"), column(lang, "estimand", "text")];
  if (subgroups) cols.push(column(lang, "subgroup", "text"), column(lang, "subgroup_level", "text"));
  cols.push(column(lang, "estimate", "number", 4));
  if (full) cols.push(column(lang, "std_error", "number", 4), column(lang, "df", "number", 1));
  cols.push({ ...column(lang, "ci_low", "number", 4), joinNext: t(lang, "ci_95") }, column(lang, "ci_high", "number", 4), column(lang, "p_value", "p_value"));
  if (full) {
    cols.push(column(lang, "p_ri", "p_value"), { ...column(lang, "ri_ci_low", "number", 4), joinNext: t(lang, "ri_ci") }, column(lang, "ri_ci_high", "number", 4));
    cols.push(column(lang, "p_holm", "p_value"), column(lang, "p_bh", "p_value"), column(lang, "p_ri_wy", "p_value"));
  }
  if (subgroups) cols.push(column(lang, "p_interaction", "p_value"));
  cols.push(column(lang, "n_treatment", "count"), column(lang, "n_control", "count"));
  if (full) cols.push(column(lang, "n_clusters", "count"), column(lang, "control_mean", "number", 4), column(lang, "first_stage", "number", 3), column(lang, "role", "text"));
  if (subgroups) cols.push(column(lang, "why_no_estimate", "text"));
  return cols;
}

/** Why a row has no estimate, in words: an arm without anyone in it, or an estimator that gave none. */
function noEstimateReason(r: EffectTableRow, ctx: SectionContext): string {
  if (r.estimate !== null) return "";
  if (r.n_treatment === 0 || r.n_control === 0) return t(ctx.lang, "no_estimate_empty_arm");
  return t(ctx.lang, "no_estimate_generic");
}

function effectCells(r: EffectTableRow, ids: [string, string] | null, clusters: string, ctx: SectionContext, full: boolean, subgroups: boolean): DraftCell[] {
  const { labels } = ctx;
  const g = groups(ids);
  const cells: DraftCell[] = [labels.outcome(r.outcome), labels.horizon(r.horizon), labels.estimator(r.estimator), labels.estimand(r.estimand)];
  if (subgroups) cells.push(labels.subgroup(r.subgroup), r.subgroup_level);
  cells.push(statCell(r.estimate, g));
  if (full) cells.push(statCell(r.std_error, g), statCell(r.df, g));
  cells.push(statCell(r.ci_low, g), statCell(r.ci_high, g), statCell(r.p_value, g));
  if (full) {
    cells.push(statCell(r.p_ri, g), statCell(r.ri_ci_low, g), statCell(r.ri_ci_high, g));
    cells.push(statCell(r.p_holm, g), statCell(r.p_bh, g), statCell(r.p_ri_wy, g));
  }
  // The interaction test compares the levels; it is shown only when this level is.
  if (subgroups) cells.push(statCell(r.p_interaction, g));
  cells.push(countCell(r.n_treatment, ids ? ids[0] : null), countCell(r.n_control, ids ? ids[1] : null));
  if (full) cells.push(countCell(r.n_clusters, clusters), statCell(r.control_mean, ids ? [ids[1]] : ["unknown"]), statCell(r.first_stage, g), labels.role(r.role));
  if (subgroups) cells.push(noEstimateReason(r, ctx));
  return cells;
}

/** Why a horizon has no estimate yet, in the reader's words (the meta's reason is English for the log). */
export function pendingReason(reason: string, lang: SectionContext["lang"]): string {
  const date = /\((\d{4}-\d{2}-\d{2})\)/.exec(reason)?.[1];
  if (/no counted person has/.test(reason)) return t(lang, "pending_no_values");
  return date ? t(lang, "pending_window", { date: formatDate(date, lang) }) : t(lang, "pending_generic");
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

function forest(rows: EffectTableRow[], ids: ([string, string] | null)[], shown: (ids: string[]) => boolean, ctx: SectionContext): ChartSpec {
  const { lang, labels } = ctx;
  const forestRows: ForestRow[] = rows
    .map((r, i) => ({ r, g: groups(ids[i]) }))
    .filter(({ r }) => r.estimate !== null && r.ci_low !== null && r.ci_high !== null)
    .map(({ r, g }) => {
      const suppressed = !shown(g);
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
export function interimEffectsSection(data: EffectsData, ctx: SectionContext, ids: ([string, string] | null)[]): DraftSection {
  const { lang } = ctx;
  const idx = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.subgroup);
  const table: DraftTable = {
    id: "effects-interim",
    title: label(lang, "section_interim"),
    groupBy: ["outcome"],
    columns: effectColumns(lang, false, false),
    rows: idx.map(({ r, i }) => effectCells(r, ids[i], `effects-clusters:${i}`, ctx, false, false)),
    notes: [t(lang, "note_interim"), ...pendingNote(data, ctx)],
  };
  return { id: "effects-interim", title: label(lang, "section_interim"), tables: [table], charts: (shown) => [forest(idx.map(({ r }) => r), idx.map(({ i }) => ids[i]), shown, ctx)] };
}

/** AAU: every whole-sample row with all columns, and subgroups in their own section. */
export function effectsSections(data: EffectsData, ctx: SectionContext, ids: ([string, string] | null)[]): DraftSection[] {
  const { lang } = ctx;
  const primary = primaryEstimator(data);
  const whole = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.subgroup);
  const main = whole.filter(({ r }) => r.estimator === primary);
  const others = whole.filter(({ r }) => r.estimator !== primary);
  const sub = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.subgroup);
  const out: DraftSection[] = [
    {
      id: "effects",
      title: label(lang, "section_effects"),
      tables: [
        {
          id: "effects",
          title: `${label(lang, "estimator")}: ${ctx.labels.estimator(primary)}`,
          groupBy: ["outcome"],
          columns: effectColumns(lang, true, false),
          rows: main.map(({ r, i }) => effectCells(r, ids[i], `effects-clusters:${i}`, ctx, true, false)),
          notes: [t(lang, "note_effects", { permutations: data.meta?.permutations ?? 0 }), ...pendingNote(data, ctx)],
        },
      ],
      charts: (shown) => [forest(whole.map(({ r }) => r), whole.map(({ i }) => ids[i]), shown, ctx)],
    },
  ];
  // Subgroups: the plan's primary estimator in the section, the other estimators' rows in the appendix.
  const subMain = sub.filter(({ r }) => r.estimator === primary);
  const subOther = sub.filter(({ r }) => r.estimator !== primary);
  const subgroupTable = (id: string, title: string, part: typeof sub): DraftTable => ({
    id,
    title,
    groupBy: ["outcome", "horizon"],
    columns: effectColumns(lang, true, true),
    rows: part.map(({ r, i }) => effectCells(r, ids[i], `effects-clusters:${i}`, ctx, true, true)),
    notes: [t(lang, "note_subgroups")],
  });
  if (others.length > 0 || subOther.length > 0) {
    const tables: DraftTable[] = [];
    if (others.length > 0) {
      tables.push({
        id: "effects-other",
        title: label(lang, "section_effects_other"),
        groupBy: ["outcome"],
        columns: effectColumns(lang, true, false),
        rows: others.map(({ r, i }) => effectCells(r, ids[i], `effects-clusters:${i}`, ctx, true, false)),
        notes: [t(lang, "note_effects_other")],
      });
    }
    if (subOther.length > 0) tables.push(subgroupTable("subgroups-other", t(lang, "subgroups_other_title"), subOther));
    out.push({ id: "effects-other", title: label(lang, "section_effects_other"), tables, charts: () => [] });
  }
  if (subMain.length > 0) {
    out.push({
      id: "subgroups",
      title: label(lang, "section_subgroups"),
      tables: [subgroupTable("subgroups", `${label(lang, "estimator")}: ${ctx.labels.estimator(primary)}`, subMain)],
      charts: () => [],
    });
  }
  return out;
}
