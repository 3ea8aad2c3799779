/**
 * Both audiences: a short methods note generated from the analysis plan, the effect table's metadata and the
 * waves' manifests: the design (waves, strata, blocks, chances of treatment), the estimators and what each
 * estimates (plain name with the technical one), randomisation inference, the multiplicity families, the
 * disclosure rule, the data cut-off per outcome (its last outcome date) and the versions and hashes.
 *
 * A chance of treatment is places / eligible of a wave (or stratum): shown only when the flow table shows both.
 */
import { formatNumber, formatPercent, label, SUPPRESSION_MARK, t } from "../i18n.js";
import { isMessageKey, type Lang, type MessageKey } from "../../i18n/index.js";
import type { ReportInputs } from "../inputs.js";
import type { ReportSection, TextBlock } from "../model.js";
import { testFamilies } from "../../schemas/analysisPlan.js";
import { primaryEstimator } from "./effects.js";
import { flowId, shortLabel } from "./flow.js";
import { roleLabel } from "./manifest.js";
import { formatDate } from "../../i18n/index.js";
import type { SectionContext } from "./common.js";

/** The chance written in a manifest ("0.6521739130434783 (60/92)") as a number, or null. */
function chanceOf(text: string): number | null {
  const x = Number(text.trim().split(/\s+/)[0]);
  return Number.isFinite(x) && x >= 0 && x <= 1 ? x : null;
}

function designBlock(inputs: ReportInputs, ctx: SectionContext, shown: (ids: string[]) => boolean): TextBlock | null {
  const manifests = inputs.register?.manifests ?? [];
  if (manifests.length === 0) return null;
  const { lang } = ctx;
  const columns = [...new Set(manifests.map((m) => m.strata_column ?? ""))].filter((c) => c !== "");
  const strata = [...new Set(manifests.flatMap((m) => m.strata.map((s) => s.stratum)))];
  const items = [t(lang, "m_design", { n: manifests.length, strata: [...columns.map((c) => ctx.labels.subgroup(c)), strata.join(", ")].filter((x) => x).join(": ") })];
  for (const m of manifests) {
    const guard = (area: string | null) => shown([flowId(m.wave, area, "treatment"), flowId(m.wave, area, "eligible")]);
    const chances = m.strata.map((s) => ({ stratum: s.stratum, p: chanceOf(s.p_treatment) }));
    const same = chances.length > 0 && chances.every((c) => c.p !== null && c.p === chances[0].p);
    const pct = (p: number | null) => (p === null ? "-" : formatPercent(p, lang, 1));
    const chance = same
      ? guard(null) ? pct(chances[0].p) : SUPPRESSION_MARK
      : chances.map((c) => `${c.stratum} ${guard(c.stratum) ? pct(c.p) : SUPPRESSION_MARK}`).join(", ");
    items.push(t(lang, "m_wave", { wave: m.wave, date: formatDate(m.draw_date, lang), chance, seed: m.seed, algorithm: m.algorithm }));
  }
  return { heading: t(lang, "m_design_heading"), items };
}

function estimatorsBlock(inputs: ReportInputs, ctx: SectionContext): TextBlock | null {
  const data = inputs.effects;
  if (!data || data.rows.length === 0) return null;
  const { lang, labels } = ctx;
  const present = [...new Set(data.rows.map((r) => r.estimator))];
  const items = present.map((id) => {
    const key = `m_est_${id}`;
    return isMessageKey(key) ? t(lang, key) : t(lang, "m_est_other", { plain: labels.estimator(id), id });
  });
  items.push(t(lang, "m_primary", { plain: labels.estimator(primaryEstimator(data)) }));
  const plan = inputs.plan;
  for (const o of plan?.outcomes ?? []) {
    const covs = o.covariates ?? plan!.covariates;
    const outcome = shortLabel(labels.outcome(o.name));
    items.push(covs.length > 0 ? t(lang, "m_covariates", { outcome, list: covs.map((c) => labels.covariate(c)).join(", ") }) : t(lang, "m_no_covariates", { outcome }));
  }
  return { heading: t(lang, "m_estimators_heading"), items };
}

function riBlock(inputs: ReportInputs, ctx: SectionContext): TextBlock | null {
  const meta = inputs.effects?.meta;
  if (!meta) return null;
  const { lang } = ctx;
  const statistic = meta.ri_statistic === "studentised" ? "m_ri_studentised" : "m_ri_estimate";
  const items = meta.permutations > 0
    ? [t(lang, "m_ri", { n: formatNumber(meta.permutations, lang, 0), seed: meta.ri_seed ?? "-", statistic: t(lang, statistic) })]
    : [t(lang, "m_ri_none")];
  return { heading: t(lang, "m_ri_heading"), items };
}

interface FamilyLite {
  members: { outcome: string; horizon: number }[];
}

/** The plan's families, else the ones the meta records. */
function families(inputs: ReportInputs): FamilyLite[] {
  if (inputs.plan) return testFamilies(inputs.plan);
  const members = inputs.effects?.meta?.multiplicity.members ?? [];
  const out: FamilyLite[] = [];
  for (const f of members) {
    const list = (f as { members?: unknown }).members;
    if (!Array.isArray(list)) continue;
    out.push({ members: list.filter((m): m is { outcome: string; horizon: number } => typeof m?.outcome === "string" && typeof m?.horizon === "number") });
  }
  return out;
}

function multiplicityBlock(inputs: ReportInputs, ctx: SectionContext): TextBlock | null {
  const meta = inputs.effects?.meta;
  if (!meta) return null;
  const { lang, labels } = ctx;
  const method = meta.multiplicity.method;
  const methods = method === "both" ? t(lang, "m_methods_both") : method === "holm" ? "Holm" : "Benjamini-Hochberg";
  const items = [t(lang, "m_multiplicity", { methods, alpha: formatNumber(meta.alpha, lang, 2) })];
  for (const f of families(inputs)) {
    const horizons = [...new Set(f.members.map((m) => m.horizon))];
    const members = horizons.map((h) => `${labels.horizon(h)}: ${[...new Set(f.members.filter((m) => m.horizon === h).map((m) => shortLabel(labels.outcome(m.outcome))))].join(", ")}`);
    items.push(t(lang, "m_family", { members: members.join("; ") }));
  }
  return { heading: t(lang, "m_multiplicity_heading"), items };
}

/**
 * The last outcome date per outcome: the meta's `outcome_dates` (plan mode); for a meta written before it, the
 * date effekt estimate names in every pending horizon and every warning about persons whose window is still open
 * ("... the last employment date in the outcomes file (2028-09-01)").
 */
export function lastOutcomeDates(inputs: ReportInputs): Map<string, string> {
  const meta = inputs.effects?.meta;
  const out = new Map<string, string>();
  const texts = [...(meta?.pending ?? []).map((p) => p.reason), ...(meta?.warnings ?? [])];
  for (const text of texts) {
    for (const m of text.matchAll(/the last (\S+) date in the outcomes file \((\d{4}-\d{2}-\d{2})\)/g)) out.set(m[1], m[2]);
  }
  for (const d of meta?.outcome_dates ?? []) if (d.last_date !== null) out.set(d.outcome, d.last_date);
  return out;
}

function dataBlock(inputs: ReportInputs, ctx: SectionContext): TextBlock | null {
  if (!inputs.effects) return null;
  const { lang, labels } = ctx;
  const dates = lastOutcomeDates(inputs);
  const names = inputs.plan ? inputs.plan.outcomes.map((o) => o.name) : [...new Set(inputs.effects.rows.map((r) => r.outcome))];
  const items = [t(lang, "m_window")];
  for (const name of names) {
    const date = dates.get(name);
    const outcome = shortLabel(labels.outcome(name));
    items.push(date ? t(lang, "m_cutoff", { outcome, date: formatDate(date, lang) }) : t(lang, "m_cutoff_unknown", { outcome }));
  }
  return { heading: t(lang, "m_data_heading"), items };
}

const LOCK: Record<string, MessageKey> = { matches: "mf_lock_matches", deviates: "mf_lock_deviates", "not locked": "mf_lock_not_locked" };

function versionsBlock(inputs: ReportInputs, version: string, lang: Lang): TextBlock {
  const short = (hash: string) => `${hash.slice(0, 12)}\u2026`;
  const meta = inputs.effects?.meta;
  const items = [t(lang, "m_version_report", { version, effects_version: meta?.effekt_version ?? "-" })];
  const plan = meta?.plan;
  if (plan) items.push(t(lang, "m_version_plan", { id: plan.id, version: inputs.plan?.version ?? "-", hash: short(plan.sha256), lock: LOCK[plan.lock] ? t(lang, LOCK[plan.lock]) : plan.lock }));
  for (const role of ["register", "effects", "indicators", "gains"]) {
    const f = inputs.files.find((x) => x.role === role);
    if (f) items.push(t(lang, "m_version_file", { role: roleLabel(lang, role), hash: short(f.sha256) }));
  }
  items.push(t(lang, "m_version_all"));
  return { heading: t(lang, "m_versions_heading"), items };
}

export function methodsSection(inputs: ReportInputs, version: string, ctx: SectionContext, shown: (ids: string[]) => boolean): ReportSection {
  const { lang } = ctx;
  const blocks = [
    designBlock(inputs, ctx, shown),
    estimatorsBlock(inputs, ctx),
    riBlock(inputs, ctx),
    multiplicityBlock(inputs, ctx),
    { heading: t(lang, "m_disclosure_heading"), items: [t(lang, "m_disclosure", { min: ctx.minCell, mark: SUPPRESSION_MARK })] },
    dataBlock(inputs, ctx),
    versionsBlock(inputs, version, lang),
  ].filter((b): b is TextBlock => b !== null);
  return { id: "methods", title: label(lang, "section_methods"), intro: t(lang, "m_generated"), blocks, tables: [], charts: [] };
}
