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
import type { TableStructure } from "../../disclosure/structure.js";
import type { DraftCell, DraftSection, DraftTable } from "../model.js";
import { column, compareText, countCell, statCell, type SectionContext } from "./common.js";

/** Column order in the count grid; "declined" is never shown. */
const COUNTS = ["eligible", "drawn", "treatment", "control", "took_up", "declined"] as const;

export interface FlowRow {
  wave: number | null; // null = all waves
  area: string | null; // null = all areas
  counts: (number | null)[];
}

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

/** The structure cell of a flow count: `flow:<wave|all>:<area|all>:<column>`. */
export function flowId(wave: number | null, area: string | null, col: string): string {
  return `flow:${wave ?? "all"}:${area ?? "all"}:${col}`;
}

/**
 * Declares the flow counts and their relations: drawn = treatment + control; eligible = drawn (or drawn plus a
 * derivable difference); treatment = took up + declined (declined is a helper, never shown); each "all areas"
 * row is the sum of its wave's areas; each "all waves" row the sum over waves of its area.
 */
export function declareFlow(rows: FlowRow[], d: TableStructure): void {
  const J = (k: (typeof COUNTS)[number]) => COUNTS.indexOf(k);
  for (const r of rows) {
    COUNTS.forEach((k, j) => {
      const v = r.counts[j];
      if (v !== null) d.count(flowId(r.wave, r.area, k), v, k === "declined" ? { helper: true } : {});
    });
    const id = (k: (typeof COUNTS)[number]) => flowId(r.wave, r.area, k);
    d.sum(id("drawn"), [id("treatment"), id("control")]);
    if (r.counts[J("eligible")] !== null) d.link(id("eligible"), id("drawn"));
    if (r.counts[J("took_up")] !== null) d.sum(id("treatment"), [id("took_up"), id("declined")]);
  }
  COUNTS.forEach((k, j) => {
    const present = (r: FlowRow) => r.counts[j] !== null;
    for (const w of new Set(rows.map((r) => r.wave))) {
      const total = rows.find((r) => r.wave === w && r.area === null);
      const parts = rows.filter((r) => r.wave === w && r.area !== null);
      if (total && present(total) && parts.every(present)) d.sum(flowId(w, null, k), parts.map((r) => flowId(r.wave, r.area, k)));
    }
    for (const a of new Set(rows.map((r) => r.area))) {
      const total = rows.find((r) => r.area === a && r.wave === null);
      const parts = rows.filter((r) => r.area === a && r.wave !== null);
      if (total && present(total) && parts.every(present)) d.sum(flowId(null, a, k), parts.map((r) => flowId(r.wave, r.area, k)));
    }
  });
}

export function flowSection(data: RegisterData, ctx: SectionContext): DraftSection {
  const { lang, disclosure: d } = ctx;
  const rows = buildFlowRows(data.flow);
  declareFlow(rows, d);
  const J = (k: (typeof COUNTS)[number]) => COUNTS.indexOf(k);
  const body: DraftCell[][] = rows.map((r) => {
    const id = (k: (typeof COUNTS)[number]) => flowId(r.wave, r.area, k);
    const treated = r.counts[J("treatment")] as number;
    const took = r.counts[J("took_up")];
    return [
      r.wave === null ? label(lang, "all_waves") : r.wave,
      r.area ?? label(lang, "all_areas"),
      countCell(r.counts[J("eligible")], id("eligible")),
      countCell(r.counts[J("drawn")], id("drawn")),
      countCell(r.counts[J("treatment")], id("treatment")),
      countCell(r.counts[J("control")], id("control")),
      countCell(took, id("took_up")),
      took === null || treated === 0 ? null : statCell(took / treated, [id("took_up"), id("treatment")]),
    ];
  });
  const flowTable: DraftTable = {
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
  const exclusions: DraftTable = {
    id: "exclusions",
    title: t(lang, "exclusions_title"),
    columns: [column(lang, "wave", "text"), ...exclusionKeys.map((k) => ({ key: k, label: isMessageKey(k) ? t(lang, k) : k.replace(/_/g, " "), kind: "count" as const }))],
    rows: data.manifests.map((m) => [
      m.wave,
      ...exclusionKeys.map((k) => (m.exclusions[k] === undefined ? null : countCell(m.exclusions[k], d.count(`exclusions:${m.wave}:${k}`, m.exclusions[k])))),
    ]),
  };
  return { id: "flow", title: label(lang, "section_flow"), tables: data.manifests.length > 0 ? [flowTable, exclusions] : [flowTable], charts: () => [] };
}
