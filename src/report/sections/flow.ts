/**
 * SUS: the flow of households through the waves, by area and wave: eligible (from the wave manifests), drawn
 * (in the register), treatment, control, and take-up among the treated (from `--takeup`). Households are counted,
 * and a household count describes persons, so the same minimum cell size applies.
 *
 * Secondary suppression relations: drawn = treatment + control; eligible = drawn (when the manifest and the
 * register agree); treatment = took up + declined (declined is a hidden helper column); each "all areas" row is
 * the sum of its wave's areas; each "all waves" row is the sum over waves of its area.
 */
import { formatNumber, label, SUPPRESSION_MARK, t } from "../i18n.js";
import { isMessageKey } from "../../i18n/index.js";
import type { FlowCell, ManifestSummary, RegisterData } from "../inputs.js";
import type { EffectsMetaRead } from "../../io/effectTable.js";
import type { TableStructure } from "../../disclosure/structure.js";
import type { FlowBox, FlowChart, FlowCount, FlowLine, FlowStage } from "../html/chartTypes.js";
import { attritionId } from "./attrition.js";
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

/** The exclusion reason for households outside the selected areas: the diagram's first step. */
const OUTSIDE = "area_not_selected";

interface DiagramCells {
  wave: number | null;
  /** Households in the input file (null: no exclusion counts for living outside the areas). */
  assessed: string | null;
  outside: string | null;
  inAreas: string | null;
  /** Not eligible although in the areas, in total and by reason. */
  excluded: string | null;
  reasons: [string, string][];
  eligible: string | null;
}

/**
 * Declares the diagram's totals for disclosure control, tied to the flow and exclusion tables' cells: per wave,
 * households in the areas = eligible + not eligible (by reason), households in the file = in the areas + outside;
 * over all waves each total is the sum of the waves' (a household is assessed in every wave, so these count
 * assessments). The arms, take-up and analysis reuse the flow and attrition tables' cells.
 */
function declareDiagram(manifests: ManifestSummary[], d: TableStructure): DiagramCells[] {
  const exclusion = (w: number, k: string) => `exclusions:${w}:${k}`;
  const perWave = manifests.map((m): DiagramCells => {
    const w = m.wave;
    const keys = Object.keys(m.exclusions).sort();
    const inside = keys.filter((k) => k !== OUTSIDE);
    const flowEligible = flowId(w, null, "eligible");
    const eligible = d.has(flowEligible) && d.value(flowEligible) === m.eligible ? flowEligible : d.count(`flowdiagram:${w}:eligible`, m.eligible);
    if (eligible !== flowEligible) d.link(eligible, flowId(w, null, "drawn"));
    const notEligible = inside.reduce((s, k) => s + m.exclusions[k], 0);
    const excluded = d.count(`flowdiagram:${w}:excluded`, notEligible);
    d.sum(excluded, inside.map((k) => exclusion(w, k)));
    const inAreas = d.count(`flowdiagram:${w}:in_areas`, m.eligible + notEligible);
    d.sum(inAreas, [eligible, excluded]);
    let assessed: string | null = null;
    let outside: string | null = null;
    if (m.exclusions[OUTSIDE] !== undefined) {
      outside = exclusion(w, OUTSIDE);
      assessed = d.count(`flowdiagram:${w}:assessed`, m.eligible + notEligible + m.exclusions[OUTSIDE]);
      d.sum(assessed, [inAreas, outside]);
    }
    return { wave: w, assessed, outside, inAreas, excluded, reasons: inside.map((k) => [k, exclusion(w, k)]), eligible };
  });
  if (perWave.length === 0) return [];
  // All waves: each total the sum of the waves' totals.
  const total = (name: string, parts: (string | null)[]): string | null => {
    if (parts.some((p) => p === null)) return null;
    const values = parts.map((p) => d.value(p as string));
    if (values.some((v) => v === undefined)) return null;
    const id = d.count(`flowdiagram:all:${name}`, values.reduce((a: number, v) => a + (v as number), 0));
    d.sum(id, parts as string[]);
    return id;
  };
  const reasonKeys = [...new Set(manifests.flatMap((m) => Object.keys(m.exclusions)))].filter((k) => k !== OUTSIDE).sort();
  const reasons: [string, string][] = [];
  for (const k of reasonKeys) {
    const id = total(`excl:${k}`, manifests.map((m) => (m.exclusions[k] === undefined ? null : exclusion(m.wave, k))));
    if (id) reasons.push([k, id]);
  }
  const flowAll = flowId(null, null, "eligible");
  const eligibleAll = d.has(flowAll) ? flowAll : total("eligible", perWave.map((c) => c.eligible));
  const all: DiagramCells = {
    wave: null,
    assessed: total("assessed", perWave.map((c) => c.assessed)),
    outside: total("outside", perWave.map((c) => c.outside)),
    inAreas: total("in_areas", perWave.map((c) => c.inAreas)),
    excluded: total("excluded", perWave.map((c) => c.excluded)),
    reasons,
    eligible: eligibleAll,
  };
  return [all, ...perWave];
}

/** The persons analysed per outcome and horizon, by arm (from the effects meta's attrition). */
export type AnalysisCounts = NonNullable<EffectsMetaRead["attrition"]>;

/**
 * The diagrams (all waves first, then each wave): households in the file and in the areas, those not eligible by
 * reason, those randomised, the two arms with take-up, and (all waves) the persons analysed per outcome with
 * those lacking a value. Every count is the protected value of its table cell, or the suppression mark.
 */
function flowDiagrams(cells: DiagramCells[], rows: FlowRow[], analysis: AnalysisCounts, shown: (ids: string[]) => boolean, d: TableStructure, ctx: SectionContext): FlowChart[] {
  const { lang, labels } = ctx;
  const count = (id: string | null): FlowCount => (id === null || !d.has(id) ? null : shown([id]) ? (d.value(id) as number) : "suppressed");
  const reasonText = (k: string) => (isMessageKey(k) ? t(lang, k) : k.replace(/_/g, " "));
  const num = (id: string) => (shown([id]) ? formatNumber(d.value(id) as number, lang, 0) : SUPPRESSION_MARK);
  return cells.map((c) => {
    const stages: FlowStage[] = [];
    const row = rows.find((r) => r.wave === c.wave && r.area === null);
    if (c.assessed) {
      stages.push({ main: { heading: { text: t(lang, c.wave === null ? "fd_assessed_all" : "fd_assessed"), count: count(c.assessed) } }, side: { heading: { text: reasonText(OUTSIDE), count: count(c.outside) } } });
    }
    if (c.inAreas) {
      const side: FlowBox = { heading: { text: t(lang, "fd_not_eligible"), count: count(c.excluded) }, lines: c.reasons.map(([k, id]) => ({ text: reasonText(k), count: count(id) })) };
      stages.push({ main: { heading: { text: t(lang, c.wave === null && !c.assessed ? "fd_in_areas_all" : "fd_in_areas"), count: count(c.inAreas) } }, side });
    }
    const drawn = flowId(c.wave, null, "drawn");
    stages.push({ main: { heading: { text: t(lang, "fd_randomised"), count: count(d.has(drawn) ? drawn : c.eligible) } } });
    const treatment = flowId(c.wave, null, "treatment");
    const took = flowId(c.wave, null, "took_up");
    const offered: FlowBox = { heading: { text: t(lang, "fd_offered"), count: count(treatment) } };
    if (row && d.has(took)) {
      const share: FlowLine["share"] = shown([took, treatment]) && (d.value(treatment) as number) > 0 ? (d.value(took) as number) / (d.value(treatment) as number) : "suppressed";
      offered.lines = [{ text: t(lang, "fd_took_up"), count: count(took), share }];
    }
    stages.push({ arms: [offered, { heading: { text: t(lang, "fd_control"), count: count(flowId(c.wave, null, "control")) } }] });
    if (c.wave === null && analysis.length > 0) {
      const arm = (a: "treatment" | "control"): FlowBox => ({
        heading: { text: t(lang, "fd_analysed"), count: null },
        lines: analysis
          .filter((r) => r.arm === a)
          .map((r) => {
            const id = (part: string) => attritionId(r.outcome, r.horizon, r.arm, part);
            return {
              text: t(lang, "fd_analysed_line", { outcome: shortLabel(labels.outcome(r.outcome)), horizon: labels.horizon(r.horizon), n: num(id("with_value")), counted: num(id("counted")), missing: num(id("missing")) }),
              count: null,
            };
          }),
      });
      stages.push({ arms: [arm("treatment"), arm("control")] });
    }
    return { kind: "flow", title: c.wave === null ? t(lang, "fd_title_all") : t(lang, "fd_title_wave", { wave: c.wave }), stages, ...(c.wave === null ? { note: t(lang, "fd_note") } : {}) };
  });
}

/** An outcome's label up to its first colon ("Trivsel: WHO-5 ..." -> "Trivsel"), for the narrow boxes. */
export function shortLabel(text: string): string {
  const k = text.indexOf(":");
  return k > 0 ? text.slice(0, k) : text;
}

export function flowSection(data: RegisterData, ctx: SectionContext, analysis: AnalysisCounts = []): DraftSection {
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
  const declared = declareDiagram(data.manifests, d);
  // A wave without a manifest (or a register without any) still has its lottery: its diagram starts at the
  // randomised households.
  const bare = (wave: number | null): DiagramCells => ({ wave, assessed: null, outside: null, inAreas: null, excluded: null, reasons: [], eligible: null });
  const waves = [...new Set(rows.map((r) => r.wave).filter((w): w is number => w !== null))];
  const cells: DiagramCells[] = [declared.find((c) => c.wave === null) ?? bare(null), ...waves.map((w) => declared.find((c) => c.wave === w) ?? bare(w))];
  return {
    id: "flow",
    title: label(lang, "section_flow"),
    tables: data.manifests.length > 0 ? [flowTable, exclusions] : [flowTable],
    charts: (shown) => flowDiagrams(cells, rows, analysis, shown, d, ctx),
  };
}
