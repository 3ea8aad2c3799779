/**
 * SUS: the flow of households through the waves, by area and wave: eligible (from the wave manifests), drawn
 * (in the register), treatment, control, and take-up among the treated (from `--takeup`). Households are counted,
 * and a household count describes persons, so the same minimum cell size applies.
 *
 * Secondary suppression relations: drawn = treatment + control; eligible = drawn (when the manifest and the
 * register agree); treatment = took up + declined (declined is a hidden helper column); each "all areas" row is
 * the sum of its wave's areas; each "all waves" row is the sum over waves of its area.
 */
import { label, t } from "../i18n.js";
import { isMessageKey } from "../../i18n/index.js";
import type { FlowCell, RegisterData } from "../inputs.js";
import type { Cell, ReportSection, ReportTable } from "../model.js";
import { SUPPRESSED } from "../model.js";
import { isSmallCount, suppressCounts, tooFew, type SumRelation } from "../suppress.js";
import { column, compareText, countCell, type SectionContext } from "./common.js";

/** Column order in the count grid; "declined" is never shown. */
const COUNTS = ["eligible", "drawn", "treatment", "control", "took_up", "declined"] as const;

interface FlowRow {
  wave: number | null; // null = all waves
  area: string | null; // null = all areas
  counts: (number | null)[];
}

/** What the flow table hid, keyed `${wave|all}|${arm}` for the all-areas rows, so the balance table can follow. */
export type FlowHidden = Set<string>;

function sumRows(rows: FlowRow[]): (number | null)[] {
  return COUNTS.map((_, j) => (rows.some((r) => r.counts[j] === null) ? null : rows.reduce((s, r) => s + (r.counts[j] as number), 0)));
}

export function buildFlowRows(flow: FlowCell[]): FlowRow[] {
  const waves = [...new Set(flow.map((c) => c.wave))].sort((a, b) => a - b);
  const areas = [...new Set(flow.map((c) => c.area))].sort(compareText);
  const cell = (c: FlowCell): FlowRow => ({
    wave: c.wave,
    area: c.area,
    counts: [c.eligible, c.treatment + c.control, c.treatment, c.control, c.took_up, c.took_up === null ? null : c.treatment - c.took_up],
  });
  const rows: FlowRow[] = [];
  for (const w of waves) {
    const inWave = flow.filter((c) => c.wave === w).map(cell);
    rows.push(...inWave, { wave: w, area: null, counts: sumRows(inWave) });
  }
  const byArea = areas.map((a) => ({ wave: null, area: a, counts: sumRows(flow.filter((c) => c.area === a).map(cell)) }));
  rows.push(...byArea, { wave: null, area: null, counts: sumRows(flow.map(cell)) });
  return rows;
}

export function flowRelations(rows: FlowRow[]): SumRelation[] {
  const rel: SumRelation[] = [];
  const J = (k: (typeof COUNTS)[number]) => COUNTS.indexOf(k);
  rows.forEach((r, i) => {
    rel.push({ total: { row: i, col: J("drawn") }, parts: [{ row: i, col: J("treatment") }, { row: i, col: J("control") }] });
    if (r.counts[J("eligible")] !== null && r.counts[J("eligible")] === r.counts[J("drawn")]) {
      rel.push({ total: { row: i, col: J("eligible") }, parts: [{ row: i, col: J("drawn") }] });
    }
    if (r.counts[J("took_up")] !== null) {
      rel.push({ total: { row: i, col: J("treatment") }, parts: [{ row: i, col: J("took_up") }, { row: i, col: J("declined") }] });
    }
  });
  const index = (w: number | null, a: string | null) => rows.findIndex((r) => r.wave === w && r.area === a);
  for (let j = 0; j < COUNTS.length; j++) {
    for (const w of new Set(rows.map((r) => r.wave))) {
      const parts = rows.map((r, i) => (r.wave === w && r.area !== null ? i : -1)).filter((i) => i >= 0);
      rel.push({ total: { row: index(w, null), col: j }, parts: parts.map((row) => ({ row, col: j })) });
    }
    for (const a of new Set(rows.map((r) => r.area))) {
      const parts = rows.map((r, i) => (r.area === a && r.wave !== null ? i : -1)).filter((i) => i >= 0);
      rel.push({ total: { row: index(null, a), col: j }, parts: parts.map((row) => ({ row, col: j })) });
    }
  }
  return rel;
}

export function flowSection(data: RegisterData, ctx: SectionContext): { section: ReportSection; hidden: FlowHidden } {
  const { lang, minCell } = ctx;
  const rows = buildFlowRows(data.flow);
  const hidden = suppressCounts(rows.map((r) => [...r.counts]), flowRelations(rows), minCell);
  const J = (k: (typeof COUNTS)[number]) => COUNTS.indexOf(k);
  const flowHidden: FlowHidden = new Set();
  const body: Cell[][] = rows.map((r, i) => {
    const h = hidden[i];
    if (r.area === null) {
      if (h[J("treatment")]) flowHidden.add(`${r.wave ?? "all"}|treatment`);
      if (h[J("control")]) flowHidden.add(`${r.wave ?? "all"}|control`);
    }
    const treated = r.counts[J("treatment")] as number;
    const took = r.counts[J("took_up")];
    const shareHidden = took !== null && (h[J("took_up")] || h[J("treatment")] || tooFew(treated, minCell));
    return [
      r.wave === null ? label(lang, "all_waves") : r.wave,
      r.area ?? label(lang, "all_areas"),
      countCell(r.counts[J("eligible")], h[J("eligible")]),
      countCell(r.counts[J("drawn")], h[J("drawn")]),
      countCell(r.counts[J("treatment")], h[J("treatment")]),
      countCell(r.counts[J("control")], h[J("control")]),
      countCell(took, h[J("took_up")]),
      took === null ? null : shareHidden ? SUPPRESSED : treated > 0 ? took / treated : null,
    ];
  });
  const flowTable: ReportTable = {
    id: "flow",
    title: label(lang, "section_flow"),
    columns: [
      column(lang, "wave", "text"),
      column(lang, "area", "text"),
      column(lang, "eligible", "count"),
      column(lang, "drawn", "count"),
      column(lang, "treatment", "count"),
      column(lang, "control", "count"),
      column(lang, "took_up", "count"),
      column(lang, "takeup_share", "percent"),
    ],
    rows: body,
    notes: [
      t(lang, "note_flow"),
      ...(data.takeupGiven ? [] : [t(lang, "note_no_takeup")]),
    ],
  };
  const exclusionKeys = [...new Set(data.manifests.flatMap((m) => Object.keys(m.exclusions)))].sort();
  const exclusions: ReportTable = {
    id: "exclusions",
    title: t(lang, "exclusions_title"),
    columns: [column(lang, "wave", "text"), ...exclusionKeys.map((k) => ({ key: k, label: isMessageKey(k) ? t(lang, k) : k.replace(/_/g, " "), kind: "count" as const }))],
    rows: data.manifests.map((m) => [
      m.wave,
      ...exclusionKeys.map((k) => (m.exclusions[k] === undefined ? null : isSmallCount(m.exclusions[k], minCell) ? SUPPRESSED : m.exclusions[k])),
    ]),
  };
  return {
    section: { id: "flow", title: label(lang, "section_flow"), tables: data.manifests.length > 0 ? [flowTable, exclusions] : [flowTable], charts: [] },
    hidden: flowHidden,
  };
}
