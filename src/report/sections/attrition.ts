/**
 * AAU: attrition per outcome, horizon and arm, from the effects meta: persons counted, persons with a value, and
 * the difference (persons without a value) with its share. Declared: counted = with value + without value, and
 * "with value" is the effect table's n (the same number, linked), so protecting a small "without value" count
 * accounts for the effect table. Take-up: households = took up + declined (a helper), linked to the flow table.
 */
import { label, t } from "../i18n.js";
import type { EffectsMetaRead } from "../../io/effectTable.js";
import type { DraftCell, DraftSection } from "../model.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";
import { effectNId } from "./effects.js";
import { flowId } from "./flow.js";

/** The structure cell of an attrition count (`part`: counted, with_value, missing), shared with the flow diagram. */
export function attritionId(outcome: string, horizon: number | null, arm: string, part: string): string {
  return `attrition:${outcome}:${horizon}:${arm}:${part}`;
}

const ARMS = ["treatment", "control"] as const;

export function attritionSection(meta: EffectsMetaRead, ctx: SectionContext): DraftSection | null {
  const { lang, disclosure: d } = ctx;
  const rows = meta.attrition ?? [];
  if (rows.length === 0) return null;
  const body: DraftCell[][] = rows.map((r) => {
    const id = (part: string) => attritionId(r.outcome, r.horizon, r.arm, part);
    const counted = d.count(id("counted"), r.persons_counted);
    const withValue = d.count(id("with_value"), r.persons_with_value);
    const missing = d.count(id("missing"), Math.max(0, r.persons_counted - r.persons_with_value));
    d.sum(counted, [withValue, missing]);
    // Persons with a value are the effect table's n for this outcome, horizon and arm.
    const effectN = effectNId({ outcome: r.outcome, horizon: r.horizon, subgroup: "", subgroup_level: "", estimator: "" }, r.arm, true);
    if (d.has(effectN)) d.link(effectN, withValue);
    return [
      ctx.labels.outcome(r.outcome),
      ctx.labels.horizon(r.horizon),
      label(lang, r.arm),
      countCell(r.persons_counted, counted),
      countCell(r.persons_with_value, withValue),
      countCell(r.persons_counted - r.persons_with_value, missing),
      r.persons_counted > 0 ? statCell((r.persons_counted - r.persons_with_value) / r.persons_counted, [missing, counted]) : null,
    ];
  });
  const takeup = meta.takeup ?? [];
  const takeupRows = takeup.map((t): DraftCell[] => {
    const households = d.count(`takeup:${t.arm}:households`, t.households);
    const took = d.count(`takeup:${t.arm}:took_up`, t.took_up);
    d.sum(households, [took, d.count(`takeup:${t.arm}:declined`, Math.max(0, t.households - t.took_up), { helper: true })]);
    const flow = flowId(null, null, t.arm);
    if (d.has(flow)) d.link(flow, households);
    return [
      label(lang, t.arm),
      countCell(t.households, households),
      countCell(t.took_up, took),
      t.households > 0 ? statCell(t.took_up / t.households, [households, took]) : null,
    ];
  });
  // Lee bounds: the ITT with the arm that kept more persons trimmed to the other's share with a value (per outcome
  // and horizon). Statistics over the persons of the whole-sample effect rows: shown when both arms' n are.
  const bounds = (meta.attrition_bounds ?? []).map((b): DraftCell[] => {
    const ids = ARMS.map((arm) => effectNId({ outcome: b.outcome, horizon: b.horizon, subgroup: "", subgroup_level: "", estimator: "" }, arm, true));
    const by = ids.map((id) => (d.has(id) ? id : "unknown"));
    return [ctx.labels.outcome(b.outcome), ctx.labels.horizon(b.horizon), statCell(b.lower, by), statCell(b.upper, by)];
  });
  return {
    id: "attrition",
    title: label(lang, "section_attrition"),
    tables: [
      {
        id: "attrition",
        title: label(lang, "section_attrition"),
        groupBy: ["outcome"],
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
      ...(bounds.length > 0
        ? [
            {
              id: "attrition-bounds",
              title: t(lang, "lee_title"),
              columns: [column(lang, "outcome", "text"), column(lang, "horizon", "text"), { ...column(lang, "lee_lower", "number", 4), joinNext: t(lang, "lee_bounds") }, column(lang, "lee_upper", "number", 4)],
              rows: bounds,
              notes: [t(lang, "note_lee")],
            },
          ]
        : []),
      ...(takeup.length > 0
        ? [
            {
              id: "takeup",
              title: label(lang, "takeup_title"),
              columns: [column(lang, "arm", "text"), column(lang, "households", "count"), column(lang, "took_up", "count"), column(lang, "takeup_share", "percent")],
              rows: takeupRows,
            },
          ]
        : []),
    ],
    charts: () => [],
  };
}
