/**
 * SUS: balance between treatment and control by wave (from `<register>.balance.csv`, written by effekt draw).
 *
 * Declared for disclosure control (src/disclosure/): per covariate, wave and arm the household count n; "all
 * waves" n = sum of the waves' n; n beside the flow table's count of the same wave and arm (the same number, or
 * the flow count = n + households lacking the covariate, a derivable count). For a categorical covariate each
 * level's share is a count (share x n) with its complement, and the levels sum to n, wave by wave. A mean is
 * shown only when its n is; a level's share only when its count is; a difference or standardised difference only
 * when both arms' are. The pooled ("all waves") row is block-weighted (src/draw/balance.ts): its statistics are
 * shown only when every wave's counts are, since the weights and the waves' means would give a hidden one back.
 */
import { label, t } from "../i18n.js";
import type { DraftCell, DraftSection, DraftTable } from "../model.js";
import { parseNumberText } from "../../io/columns.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";
import { flowId } from "./flow.js";

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

const ARMS = ["treatment", "control"] as const;

export function balanceSection(input: Record<string, string>[], ctx: SectionContext, joint: Record<string, string>[] | null = null): DraftSection {
  const { lang, disclosure: d } = ctx;
  const rows = sortBalance(input);
  const nId = (cov: string, wave: string, arm: string) => `balance:${cov}:${wave}:${arm}:n`;
  const xId = (cov: string, level: string, wave: string, arm: string) => `balance:${cov}=${level}:${wave}:${arm}:x`;
  const waves = [...new Set(rows.map((r) => r.wave))].filter((w) => w !== "all");
  const count = (r: Record<string, string>, arm: (typeof ARMS)[number]) => n(r[`n_${arm}`]);
  // Household counts per covariate, wave and arm (a categorical covariate's levels share one n).
  const nOf = rows.map((r) => {
    const ids = ARMS.map((arm) => {
      const v = count(r, arm);
      if (v === null) return null;
      const fresh = !d.has(nId(r.covariate, r.wave, arm));
      const id = d.count(nId(r.covariate, r.wave, arm), v);
      const flow = flowId(r.wave === "all" ? null : Number(r.wave), null, arm);
      if (fresh && d.has(flow)) d.link(flow, id);
      return id;
    });
    return { treatment: ids[0], control: ids[1] };
  });
  // A level's share is a count: declared with its complement; shares of a level shown only with their count.
  const levelCount = new Map<string, string>();
  const levelN = new Map<string, string>();
  rows.forEach((r, i) => {
    if (!r.level || r.wave === "all") return; // the pooled share is block-weighted, not a count over n
    for (const arm of ARMS) {
      const nn = count(r, arm);
      const mean = n(r[`mean_${arm}`]);
      const group = nOf[i][arm];
      if (nn === null || mean === null || group === null) continue;
      const x = Math.round(mean * nn);
      if (Math.abs(mean * nn - x) > 1e-6 || x < 0 || x > nn) continue;
      const key = `${r.covariate}\u0000${r.level}\u0000${r.wave}\u0000${arm}`;
      levelCount.set(key, d.share(xId(r.covariate, r.level, r.wave, arm), group, x));
      levelN.set(key, group);
    }
  });
  const covariates = [...new Set(rows.filter((r) => r.level).map((r) => r.covariate))];
  for (const cov of covariates) {
    const levels = [...new Set(rows.filter((r) => r.covariate === cov && r.level).map((r) => r.level))];
    for (const arm of ARMS) {
      for (const w of [...waves, "all"]) {
        const keys = levels.map((l) => `${cov}\u0000${l}\u0000${w}\u0000${arm}`);
        const parts = keys.map((k) => levelCount.get(k));
        const groupIds = new Set(keys.map((k) => levelN.get(k)));
        if (parts.every((p): p is string => p !== undefined) && groupIds.size === 1) d.sum([...groupIds][0]!, parts);
      }
    }
  }
  for (const cov of new Set(rows.map((r) => r.covariate))) {
    for (const arm of ARMS) {
      const parts = waves.map((w) => nId(cov, w, arm));
      if (d.has(nId(cov, "all", arm)) && parts.every((p) => d.has(p))) d.sum(nId(cov, "all", arm), parts);
    }
  }
  const body: DraftCell[][] = rows.map((r, i) => {
    const group = (arm: (typeof ARMS)[number]) =>
      (r.level ? levelCount.get(`${r.covariate}\u0000${r.level}\u0000${r.wave}\u0000${arm}`) : nOf[i][arm]) ?? "unknown";
    // The pooled row's means are block-weighted over the waves (m_w / m): with the waves' means and n they
    // would give back a hidden wave's count, mean or n, so they are shown only when every wave's are.
    const pooled = (arm: (typeof ARMS)[number]): string[] => [
      nOf[i].treatment ?? "unknown",
      nOf[i].control ?? "unknown",
      ...waves.flatMap((w) => ARMS.map((a) => (d.has(nId(r.covariate, w, a)) ? nId(r.covariate, w, a) : "unknown"))),
      ...(r.level ? waves.map((w) => levelCount.get(`${r.covariate}\u0000${r.level}\u0000${w}\u0000${arm}`) ?? "unknown") : []),
    ];
    const gT = r.wave === "all" ? pooled("treatment") : [group("treatment")];
    const gC = r.wave === "all" ? pooled("control") : [group("control")];
    return [
      r.wave === "all" ? label(lang, "all_waves") : r.wave,
      ctx.labels.covariate(r.covariate),
      r.level ?? "",
      countCell(count(r, "treatment"), nOf[i].treatment ?? "unknown"),
      countCell(count(r, "control"), nOf[i].control ?? "unknown"),
      statCell(n(r.mean_treatment), gT),
      statCell(n(r.mean_control), gC),
      statCell(n(r.difference), [...gT, ...gC]),
      statCell(n(r.std_difference), [...gT, ...gC]),
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
          { ...column(lang, "std_difference", "number"), flagAbove: 0.1 },
        ],
        rows: body,
        notes: [t(lang, "note_balance")],
      },
      ...(joint ? [jointTable(joint, ctx)] : []),
    ],
    charts: () => [],
  };
}

/**
 * The joint test of balance (effekt draw's `<register>.balance.joint.csv`): all covariates at once, per wave and
 * pooled, by randomisation inference on the lottery. Households per row are the wave's drawn households (the flow
 * table's count, linked); the statistic and p-value describe the whole wave.
 */
function jointTable(rows: Record<string, string>[], ctx: SectionContext): DraftTable {
  const { lang, disclosure: d } = ctx;
  const body: DraftCell[][] = rows.map((r) => {
    const households = n(r.households);
    const wave = r.wave === "all" ? null : Number(r.wave);
    let id: string | null = null;
    if (households !== null) {
      id = d.count(`balance-joint:${r.wave}:households`, households);
      const flow = flowId(wave, null, "drawn");
      if (d.has(flow)) d.link(flow, id);
    }
    return [
      r.wave === "all" ? label(lang, "all_waves") : r.wave,
      countCell(households, id),
      n(r.columns),
      statCell(n(r.statistic), id === null ? null : [id]),
      statCell(n(r.p_value), id === null ? null : [id]),
      n(r.redraws),
    ];
  });
  const p = rows.find((r) => r.wave === "all") ?? rows[rows.length - 1];
  const pAll = p ? n(p.p_value) : null;
  return {
    id: "balance-joint",
    title: t(lang, "balance_joint_title"),
    columns: [
      column(lang, "wave", "text"),
      column(lang, "households", "count"),
      column(lang, "joint_columns", "number", 0),
      column(lang, "joint_statistic", "number", 2),
      column(lang, "p_value", "p_value"),
      column(lang, "redraws", "number", 0),
    ],
    rows: body,
    notes: [t(lang, "note_balance_joint"), ...(pAll !== null && pAll < 0.05 ? [t(lang, "note_balance_joint_low")] : [])],
  };
}
