/**
 * Builds the report model for an audience from the inputs read by ./inputs.ts. A section appears only when its
 * inputs exist; a section left out gets a footnote saying why. Pure: no I/O, no clock.
 *
 * SUS (formative): flow, balance, indicators, interim effects. AAU (summative): effects, attrition, subgroups,
 * gains. Both: the manifest.
 */
import { label, suppressionFootnote, SUPPRESSION_MARK, t } from "./i18n.js";
import type { ReportInputs } from "./inputs.js";
import type { Audience, Lang, ReportModel, ReportSection } from "./model.js";
import { allTables, isSuppressed } from "./model.js";
import { attritionSection } from "./sections/attrition.js";
import { balanceSection } from "./sections/balance.js";
import { effectsSections, interimEffectsSection } from "./sections/effects.js";
import { flowSection, type FlowHidden } from "./sections/flow.js";
import { gainsSection } from "./sections/gains.js";
import { indicatorsSection } from "./sections/indicators.js";
import { manifestSection } from "./sections/manifest.js";
import { reportLabels } from "./labels.js";

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
    modelName: inputs.model?.name ?? (typeof inputs.gains?.model === "string" ? inputs.gains.model : null),
    gainsOutcomes: Object.fromEntries((inputs.model?.outcomes ?? []).map((o) => [o.id, o.label])),
  });
  const ctx = { lang, minCell, labels };
  const sections: ReportSection[] = [];
  const footnotes: string[] = [];
  const appendix: ReportSection[] = [];
  const leftOut = (what: string, needs: string) =>
    footnotes.push(t(lang, "left_out", { what, needs }));
  if (audience === "sus") {
    let flowHidden: FlowHidden = new Set();
    if (inputs.register) {
      const flow = flowSection(inputs.register, ctx);
      sections.push(flow.section);
      flowHidden = flow.hidden;
    } else leftOut(label(lang, "section_flow"), "allocations.csv");
    if (inputs.balance) sections.push(balanceSection(inputs.balance, ctx, flowHidden));
    else leftOut(label(lang, "section_balance"), "allocations.csv.balance.csv");
    if (inputs.indicators) sections.push(indicatorsSection(inputs.indicators, ctx));
    else leftOut(label(lang, "section_indicators"), "indicators.csv");
    if (inputs.effects) sections.push(interimEffectsSection(inputs.effects, ctx));
    else leftOut(label(lang, "section_interim"), "effects.csv");
  } else {
    if (inputs.effects) {
      const effectParts = effectsSections(inputs.effects, ctx);
      sections.push(...effectParts.filter((s) => s.id === "effects"));
      const attrition = inputs.effects.meta ? attritionSection(inputs.effects.meta, ctx) : null;
      if (attrition) sections.push(attrition);
      else leftOut(label(lang, "section_attrition"), "effects.csv.meta.json");
      sections.push(...effectParts.filter((s) => s.id === "subgroups"));
      appendix.push(...effectParts.filter((s) => s.id === "effects-other"));
    } else leftOut(label(lang, "section_effects"), "effects.csv");
    if (inputs.gains) sections.push(gainsSection(inputs.gains, ctx));
    else leftOut(label(lang, "section_gains"), "gains.json");
  }
  sections.push(...appendix);
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
