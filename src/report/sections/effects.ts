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
import { label } from "../i18n.js";
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

function effectCells(r: EffectRow, mask: boolean[], minCell: number, full: boolean, subgroups: boolean): Cell[] {
  const hide = rowTooSmall(r, minCell);
  const cells: Cell[] = [r.outcome, r.horizon, r.estimator, r.estimand];
  if (subgroups) cells.push(r.subgroup, r.subgroup_level);
  cells.push(statCell(r.estimate, hide));
  if (full) cells.push(statCell(r.std_error, hide), statCell(r.df, hide));
  cells.push(statCell(r.ci_low, hide), statCell(r.ci_high, hide), statCell(r.p_value, hide));
  if (full) cells.push(statCell(r.p_ri, hide), statCell(r.p_holm, hide), statCell(r.p_bh, hide));
  // The interaction test compares the levels; it is shown unless a level of the subgroup is too small.
  if (subgroups) cells.push(statCell(r.p_interaction, hide));
  cells.push(countCell(r.n_treatment, mask[0]), countCell(r.n_control, mask[1]));
  if (full) cells.push(countCell(r.n_clusters, mask[2]), statCell(r.control_mean, tooFew(r.n_control, minCell)), r.role);
  return cells;
}

function pendingNote(data: EffectsData, lang: SectionContext["lang"]): string[] {
  const pending = data.meta?.pending ?? [];
  return pending.map((p) => `${p.outcome}, ${p.horizon}: ${label(lang, "pending")} (${p.reason})`);
}

function forest(rows: EffectRow[], minCell: number, title: string, lang: SectionContext["lang"]): ChartSpec {
  const forestRows: ForestRow[] = rows
    .filter((r) => r.estimate !== null && r.ci_low !== null && r.ci_high !== null)
    .map((r) => {
      const suppressed = rowTooSmall(r, minCell);
      const horizon = r.horizon === null ? "" : `, ${r.horizon}`;
      return {
        label: `${r.outcome}${horizon}: ${r.estimator} (${r.estimand})`,
        group: r.outcome,
        estimate: suppressed ? 0 : (r.estimate as number),
        ci_low: suppressed ? 0 : (r.ci_low as number),
        ci_high: suppressed ? 0 : (r.ci_high as number),
        ...(suppressed ? { suppressed: true } : {}),
      };
    });
  return { kind: "forest", title, rows: forestRows, x_label: lang === "da" ? "Effekt (udfaldets enhed)" : "Effect (outcome units)", null_value: 0 };
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
    rows: idx.map(({ r, i }) => effectCells(r, mask[i], minCell, false, false)),
    notes: [
      lang === "da" ? "Foreløbige estimater; 95 %-konfidensintervaller. ITT = tildelt indsats; CACE = effekt blandt dem, der tog imod." : "Interim estimates; 95% confidence intervals. ITT = intention to treat; CACE = effect among those who took up the offer.",
      ...pendingNote(data, lang),
    ],
  };
  return { id: "effects-interim", title: label(lang, "section_interim"), tables: [table], charts: [forest(idx.map(({ r }) => r), minCell, label(lang, "section_interim"), lang)] };
}

/** AAU: every whole-sample row with all columns, and subgroups in their own section. */
export function effectsSections(data: EffectsData, ctx: SectionContext): ReportSection[] {
  const { lang, minCell } = ctx;
  const mask = effectCountMask(data.rows, minCell);
  const whole = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.subgroup);
  const sub = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.subgroup);
  const out: ReportSection[] = [
    {
      id: "effects",
      title: label(lang, "section_effects"),
      tables: [
        {
          id: "effects",
          title: label(lang, "section_effects"),
          columns: effectColumns(lang, true, false),
          rows: whole.map(({ r, i }) => effectCells(r, mask[i], minCell, true, false)),
          notes: [
            lang === "da"
              ? `p_ri: randomiseringsinferens${data.meta?.permutations ? ` (${data.meta.permutations} permutationer)` : ""}; p_holm og p_bh: justeret for multipel testning.`
              : `p_ri: randomisation inference${data.meta?.permutations ? ` (${data.meta.permutations} permutations)` : ""}; p_holm and p_bh: adjusted for multiple testing.`,
            ...pendingNote(data, lang),
          ],
        },
      ],
      charts: [forest(whole.map(({ r }) => r), minCell, label(lang, "section_effects"), lang)],
    },
  ];
  if (sub.length > 0) {
    out.push({
      id: "subgroups",
      title: label(lang, "section_subgroups"),
      tables: [
        {
          id: "subgroups",
          title: label(lang, "section_subgroups"),
          columns: effectColumns(lang, true, true),
          rows: sub.map(({ r, i }) => effectCells(r, mask[i], minCell, true, true)),
          notes: [lang === "da" ? "p (interaktion): test af, om effekten er ens på tværs af undergruppens niveauer." : "p (interaction): test that the effect is the same across the subgroup's levels."],
        },
      ],
      charts: [],
    });
  }
  return out;
}
