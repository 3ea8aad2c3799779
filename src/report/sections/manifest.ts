/**
 * Both audiences: what the numbers came from, so a reader can reproduce each table: effekt's version, the
 * SHA-256 of every input file, the analysis plan and its lock status, and every seed (the draw seed of each wave,
 * the randomisation-inference seed, the gains Monte Carlo seed). Worded in the report's language.
 */
import { formatDate, t, type Lang, type MessageKey } from "../../i18n/index.js";
import { label } from "../i18n.js";
import type { ReportInputs } from "../inputs.js";
import type { Cell, ReportSection } from "../model.js";
import type { SectionContext } from "./common.js";

export interface ManifestItem {
  item: string;
  value: string;
  sha256: string;
}

/** An input's role in the reader's words ("manifest wave 2" -> "manifest runde 2"); unknown roles as they are. */
export function roleLabel(lang: Lang, role: string): string {
  const wave = /^manifest wave (\d+)$/.exec(role);
  if (wave) return t(lang, "role_manifest_wave", { wave: wave[1] });
  const key = `role_${role.replace(/[ -]/g, "_")}`;
  return key in ROLE_KEYS ? t(lang, key as MessageKey) : role;
}
const ROLE_KEYS: Record<string, true> = Object.fromEntries(
  ["register", "takeup", "balance", "balance_joint", "effects", "effects_meta", "indicators", "gains", "plan", "spec", "model", "persons", "outcomes"].map((r) => [`role_${r}`, true]),
);

const LOCK: Record<string, MessageKey> = { matches: "mf_lock_matches", deviates: "mf_lock_deviates", "not locked": "mf_lock_not_locked" };

export function manifestItems(inputs: ReportInputs, version: string, lang: Lang = "en"): ManifestItem[] {
  const items: ManifestItem[] = [{ item: t(lang, "mf_effekt_version"), value: version, sha256: "" }];
  for (const f of inputs.files) items.push({ item: t(lang, "mf_file", { role: roleLabel(lang, f.role) }), value: f.path, sha256: f.sha256 });
  const meta = inputs.effects?.meta;
  if (inputs.effects) {
    const plan = meta?.plan;
    const deviations = plan && plan.deviations.length > 0 ? t(lang, "mf_deviations", { list: plan.deviations.join("; ") }) : "";
    items.push({
      item: t(lang, "mf_plan"),
      value: plan ? t(lang, "mf_plan_value", { id: plan.id, lock: LOCK[plan.lock] ? t(lang, LOCK[plan.lock]) : plan.lock, deviations }) : meta ? t(lang, "mf_no_plan") : t(lang, "mf_plan_unknown"),
      sha256: plan?.sha256 ?? "",
    });
    if (meta?.register) items.push({ item: t(lang, "mf_effects_register"), value: `${(meta.register.file ?? "").split(/[\\/]/).pop()}${meta.register.verified_by_effekt && inputs.registerVerified === true ? t(lang, "mf_verified") : ""}`, sha256: meta.register.sha256 ?? "" });
    for (const [role, ref] of Object.entries(meta?.inputs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (ref) items.push({ item: t(lang, "mf_effects_input", { role: roleLabel(lang, role) }), value: ref.file.split(/[\\/]/).pop() ?? ref.file, sha256: ref.sha256 });
    }
    if (meta?.effekt_version) items.push({ item: t(lang, "mf_effects_version"), value: meta.effekt_version, sha256: "" });
  }
  for (const m of inputs.register?.manifests ?? []) {
    items.push({ item: t(lang, "mf_seed_wave", { wave: m.wave }), value: `${m.seed} (${m.algorithm}, ${formatDate(m.draw_date, lang)})`, sha256: m.sha256 });
  }
  if (meta && meta.ri_seed !== undefined) {
    items.push({ item: t(lang, "mf_seed_ri"), value: `${meta.ri_seed ?? t(lang, "mf_none")}${meta.permutations ? t(lang, "mf_permutations", { n: meta.permutations }) : ""}`, sha256: "" });
  }
  const modelFile = inputs.gains?.model_file;
  if (typeof modelFile === "string") items.push({ item: t(lang, "mf_gains_model"), value: modelFile.split(/[\\/]/).pop() ?? modelFile, sha256: "" });
  const mc = inputs.gains?.monte_carlo ?? null;
  if (mc) items.push({ item: t(lang, "mf_seed_gains"), value: t(lang, "mf_draws", { seed: mc.seed, n: mc.draws }), sha256: "" });
  return items;
}

export function manifestSection(inputs: ReportInputs, version: string, ctx: SectionContext): ReportSection {
  const { lang } = ctx;
  const rows: Cell[][] = manifestItems(inputs, version, lang).map((i) => [i.item, i.value, i.sha256 || null]);
  return {
    id: "manifest",
    title: label(lang, "section_manifest"),
    tables: [
      {
        id: "manifest",
        title: label(lang, "section_manifest"),
        columns: [{ key: "item", label: label(lang, "item"), kind: "text" }, { key: "value", label: label(lang, "value"), kind: "text" }, { key: "sha256", label: "SHA-256", kind: "text" }],
        rows,
      },
    ],
    charts: [],
  };
}
