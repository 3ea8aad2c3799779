/**
 * SUS: balance between treatment and control by wave (from `<register>.balance.csv`, written by effekt draw).
 * The n columns are household counts: primary suppression, the "all" row as the sum of the waves (secondary), and
 * a wave total the flow table hid is hidden here too (the same number). A mean over fewer than N households is
 * suppressed, and so are the difference and the standardised difference built from it.
 */
import { label, t } from "../i18n.js";
import type { Cell, ReportSection } from "../model.js";
import { parseNumberText } from "../../io/columns.js";
import { suppressCounts, tooFew, type SumRelation } from "../suppress.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";
import type { FlowHidden } from "./flow.js";

const n = (raw: string | undefined): number | null => {
  if (raw === undefined || raw.trim() === "") return null;
  const x = parseNumberText(raw, false);
  return x === undefined || !Number.isFinite(x) ? null : x;
};

/** Rows in a fixed order: covariate, level, wave (numeric, "all" last), whatever the file's order. */
function sortBalance(rows: Record<string, string>[]): Record<string, string>[] {
  const waveKey = (w: string) => (w === "all" ? Number.MAX_SAFE_INTEGER : Number(w));
  const c = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => c(a.covariate, b.covariate) || c(a.level ?? "", b.level ?? "") || waveKey(a.wave) - waveKey(b.wave));
}

export function balanceSection(input: Record<string, string>[], ctx: SectionContext, flowHidden: FlowHidden): ReportSection {
  const { lang, minCell } = ctx;
  const rows = sortBalance(input);
  const values = rows.map((r) => [n(r.n_treatment), n(r.n_control)]);
  const relations: SumRelation[] = [];
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = `${r.covariate}\u0000${r.level ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const total = idx.find((i) => rows[i].wave === "all");
    const parts = idx.filter((i) => rows[i].wave !== "all");
    if (total === undefined) continue;
    for (const col of [0, 1]) relations.push({ total: { row: total, col }, parts: parts.map((row) => ({ row, col })) });
  }
  const hidden = suppressCounts(values, relations, minCell);
  // A wave total hidden in the flow table is the same count here when no household lacks the covariate.
  rows.forEach((r, i) => {
    if (flowHidden.has(`${r.wave}|treatment`)) hidden[i][0] = true;
    if (flowHidden.has(`${r.wave}|control`)) hidden[i][1] = true;
  });
  const body: Cell[][] = rows.map((r, i) => {
    const [nt, nc] = values[i];
    const hideT = tooFew(nt, minCell);
    const hideC = tooFew(nc, minCell);
    return [
      r.wave === "all" ? label(lang, "all_waves") : r.wave,
      ctx.labels.covariate(r.covariate),
      r.level ?? "",
      countCell(nt, hidden[i][0]),
      countCell(nc, hidden[i][1]),
      statCell(n(r.mean_treatment), hideT),
      statCell(n(r.mean_control), hideC),
      statCell(n(r.difference), hideT || hideC),
      statCell(n(r.std_difference), hideT || hideC),
    ];
  });
  return {
    id: "balance",
    title: label(lang, "section_balance"),
    tables: [
      {
        id: "balance",
        title: label(lang, "section_balance"),
        columns: [
          column(lang, "wave", "text"),
          column(lang, "covariate", "text"),
          column(lang, "level", "text"),
          column(lang, "n_treatment", "count"),
          column(lang, "n_control", "count"),
          column(lang, "mean_treatment", "number"),
          column(lang, "mean_control", "number"),
          column(lang, "difference", "number"),
          column(lang, "std_difference", "number"),
        ],
        rows: body,
        notes: [t(lang, "note_balance")],
      },
    ],
    charts: [],
  };
}
