/**
 * Builds the report model for an audience from the inputs read by ./inputs.ts. A section appears only when its
 * inputs exist; a section left out gets a footnote saying why. Pure: no I/O, no clock.
 *
 * Both audiences open with the main results (generated text) and end with the methods note and the manifest.
 * SUS (formative): flow, balance, indicators, interim effects. AAU (summative): flow, effects, attrition,
 * subgroups, gains, the appendix of other estimators. Disclosure control (src/disclosure/) is decided once over every table of both
 * reports, then applied to the audience's tables.
 */
import { label, suppressionFootnote, SUPPRESSION_MARK, t } from "./i18n.js";
import type { ReportInputs } from "./inputs.js";
import { roundForColumn } from "../disclosure/precision.js";
import { TableStructure } from "../disclosure/structure.js";
import type { Audience, Cell, DraftSection, Lang, ReportModel, ReportSection, ReportTable } from "./model.js";
import { allTables, isGuarded, isSuppressed, SUPPRESSED } from "./model.js";
import { attritionSection } from "./sections/attrition.js";
import { balanceSection } from "./sections/balance.js";
import { declareEffects, effectsSections, interimEffectsSection } from "./sections/effects.js";
import { flowSection } from "./sections/flow.js";
import { gainsSection } from "./sections/gains.js";
import { indicatorsSection } from "./sections/indicators.js";
import { manifestSection } from "./sections/manifest.js";
import { methodsSection } from "./sections/methods.js";
import { summarySection } from "./sections/summary.js";
import { inLanguage, reportLabels } from "../i18n/labels.js";

export interface BuildOptions {
  audience: Audience;
  lang: Lang;
  minCell: number;
  version: string;
}

export function buildReport(inputs: ReportInputs, options: BuildOptions): ReportModel {
  const { audience, lang, minCell, version } = options;
  const labels = reportLabels(lang, {
    plan: inputs.plan,
    spec: inputs.spec,
    modelName: (inputs.model ? inLanguage(lang, inputs.model.name, { da: inputs.model.name_da }) : null) ?? (typeof inputs.gains?.model === "string" ? inputs.gains.model : null),
    gainsOutcomes: Object.fromEntries((inputs.model?.outcomes ?? []).map((o) => [o.id, inLanguage(lang, o.label, { da: o.label_da })])),
    gainsGoals: Object.fromEntries((inputs.model?.payment_model?.rate_card ?? []).filter((l) => lang === "en" || l.goal_da).map((l) => [l.goal, lang === "da" ? l.goal_da! : l.goal])),
  });
  const disclosure = new TableStructure(minCell);
  const ctx = { lang, minCell, labels, disclosure };
  const footnotes: string[] = [];
  const leftOut = (what: string, needs: string) =>
    footnotes.push(t(lang, "left_out", { what, needs }));
  // Both audiences' tables are declared and protected together, whichever report is written: the SUS and AAU
  // reports from the same results are published side by side, and a count one hides the other must not show.
  const flow = inputs.register ? flowSection(inputs.register, ctx, inputs.effects?.meta?.attrition ?? []) : null;
  const balance = inputs.balance ? balanceSection(inputs.balance, ctx, inputs.balanceJoint ?? null) : null;
  const indicators = inputs.indicators ? indicatorsSection(inputs.indicators, ctx) : null;
  const effectIds = inputs.effects ? declareEffects(inputs.effects.rows, ctx) : [];
  const interim = inputs.effects ? interimEffectsSection(inputs.effects, ctx, effectIds) : null;
  const effectParts = inputs.effects ? effectsSections(inputs.effects, ctx, effectIds) : null;
  const attrition = inputs.effects?.meta ? attritionSection(inputs.effects.meta, ctx) : null;
  const gains = inputs.gains ? gainsSection(inputs.gains, ctx) : null;
  const drafts: DraftSection[] = [];
  const appendix: DraftSection[] = [];
  if (audience === "sus") {
    if (flow) drafts.push(flow);
    else leftOut(label(lang, "section_flow"), "allocations.csv");
    if (balance) drafts.push(balance);
    else leftOut(label(lang, "section_balance"), "allocations.csv.balance.csv");
    if (indicators) drafts.push(indicators);
    else leftOut(label(lang, "section_indicators"), "indicators.csv");
    if (interim) drafts.push(interim);
    else leftOut(label(lang, "section_interim"), "effects.csv");
  } else {
    // The flow diagram and table: both audiences (the AAU economists read the analysis from the lottery on).
    if (flow) drafts.push(flow);
    else leftOut(label(lang, "section_flow"), "allocations.csv");
    if (effectParts) {
      drafts.push(...effectParts.filter((s) => s.id === "effects"));
      if (attrition) drafts.push(attrition);
      else leftOut(label(lang, "section_attrition"), "effects.csv.meta.json");
      drafts.push(...effectParts.filter((s) => s.id === "subgroups"));
      appendix.push(...effectParts.filter((s) => s.id === "effects-other"));
    } else leftOut(label(lang, "section_effects"), "effects.csv");
    if (gains) drafts.push(gains);
    else leftOut(label(lang, "section_gains"), "gains.json");
  }
  const pattern = disclosure.solve();
  if (pattern.unprotected.length > 0) throw new Error(`disclosure: cells left unprotected: ${pattern.unprotected.join(", ")}`);
  const shown = (ids: string[]) => disclosure.shown(ids);
  // The summary first and the methods note after the results: text generated from the same protected numbers.
  const sections: ReportSection[] = [summarySection({ effects: inputs.effects, effectIds, plan: inputs.plan, indicators: inputs.indicators, gains: inputs.gains }, ctx, shown)];
  sections.push(...drafts.map((d) => resolveSection(d, disclosure)));
  sections.push(methodsSection(inputs, version, ctx, shown));
  sections.push(...appendix.map((d) => resolveSection(d, disclosure)));
  sections.push(manifestSection(inputs, version, ctx));
  const model: ReportModel = {
    audience,
    lang,
    title: t(lang, audience === "sus" ? "title_sus" : "title_aau", { name: labels.title ?? t(lang, "title_fallback") }),
    effekt_version: version,
    generated_from: inputs.files.map((f) => ({ role: f.role, file: f.path, sha256: f.sha256 })),
    sections,
    footnotes,
    privacy: { min_cell: minCell, mark: SUPPRESSION_MARK, pending: label(lang, "pending") },
  };
  const anySuppressed = allTables(model).some((t) => t.rows.some((r) => r.some(isSuppressed)));
  model.footnotes.unshift(suppressionFootnote(lang, minCell) + (anySuppressed ? "" : t(lang, "none_suppressed")));
  return model;
}

/**
 * A draft section after disclosure control: guarded numbers become the number or the mark, every number is kept
 * to the precision its column shows (so CSV and XLSX carry no more digits than the page), charts drawn.
 */
export function resolveSection(draft: DraftSection, disclosure: TableStructure): ReportSection {
  const shown = (ids: string[]) => disclosure.shown(ids);
  const tables: ReportTable[] = draft.tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) =>
      r.map((c, j): Cell => {
        const cell = isGuarded(c) ? (shown(c.by) ? c.guarded : SUPPRESSED) : c;
        const col = t.columns[j];
        return typeof cell === "number" && col ? roundForColumn(cell, col.kind, col.decimals) : cell;
      }),
    ),
  }));
  return { ...draft, tables, charts: draft.charts(shown) };
}
