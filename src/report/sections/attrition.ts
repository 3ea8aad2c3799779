/**
 * AAU: attrition per outcome, horizon and arm, from the effects meta: persons counted, persons with a value, and
 * the difference (persons without a value) with its share. Relation: counted = with value + without value. The
 * "with value" count is the effect table's n, published there, so when a small "without value" count must be
 * protected the "counted" cell is hidden rather than n (otherwise the effect table would give it away).
 */
import { label } from "../i18n.js";
import type { EffectsMetaLite } from "../inputs.js";
import type { Cell, ReportSection } from "../model.js";
import { SUPPRESSED } from "../model.js";
import { suppressCounts, tooFew } from "../suppress.js";
import { column, countCell, type SectionContext } from "./common.js";

export function attritionSection(meta: EffectsMetaLite, ctx: SectionContext): ReportSection | null {
  const { lang, minCell } = ctx;
  const rows = meta.attrition ?? [];
  if (rows.length === 0) return null;
  const values = rows.map((r) => [r.persons_counted, r.persons_with_value, r.persons_counted - r.persons_with_value]);
  const published = rows.map(() => [false, true, false]);
  const relations = rows.map((_, i) => ({ total: { row: i, col: 0 }, parts: [{ row: i, col: 1 }, { row: i, col: 2 }] }));
  const hidden = suppressCounts(values, relations, minCell, published);
  const body: Cell[][] = rows.map((r, i) => [
    ctx.labels.outcome(r.outcome),
    ctx.labels.horizon(r.horizon),
    label(lang, r.arm),
    countCell(values[i][0], hidden[i][0]),
    countCell(values[i][1], hidden[i][1]),
    countCell(values[i][2], hidden[i][2]),
    hidden[i].some(Boolean) || tooFew(r.persons_counted, minCell) ? SUPPRESSED : r.persons_counted > 0 ? values[i][2] / r.persons_counted : null,
  ]);
  const takeup = meta.takeup ?? [];
  const takeupHidden = suppressCounts(
    takeup.map((t) => [t.households, t.took_up, t.households - t.took_up]),
    takeup.map((_, i) => ({ total: { row: i, col: 0 }, parts: [{ row: i, col: 1 }, { row: i, col: 2 }] })),
    minCell,
  );
  return {
    id: "attrition",
    title: label(lang, "section_attrition"),
    tables: [
      {
        id: "attrition",
        title: label(lang, "section_attrition"),
        columns: [
          column(lang, "outcome", "text"),
          column(lang, "horizon", "text"),
          column(lang, "arm", "text"),
          column(lang, "persons_counted", "count"),
          column(lang, "persons_with_value", "count"),
          column(lang, "missing", "count"),
          column(lang, "share_missing", "percent"),
        ],
        rows: body,
      },
      ...(takeup.length > 0
        ? [
            {
              id: "takeup",
              title: label(lang, "takeup_title"),
              columns: [column(lang, "arm", "text"), column(lang, "households", "count"), column(lang, "took_up", "count"), column(lang, "takeup_share", "percent")],
              rows: takeup.map((t, i): Cell[] => [
                label(lang, t.arm),
                countCell(t.households, takeupHidden[i][0]),
                countCell(t.took_up, takeupHidden[i][1]),
                takeupHidden[i].some(Boolean) || tooFew(t.households, minCell) ? SUPPRESSED : t.households > 0 ? t.took_up / t.households : null,
              ]),
            },
          ]
        : []),
    ],
    charts: [],
  };
}
