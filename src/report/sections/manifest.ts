/**
 * Both audiences: what the numbers came from, so a reader can reproduce each table: effekt's version, the
 * SHA-256 of every input file, the analysis plan and its lock status, and every seed (the draw seed of each wave,
 * the randomisation-inference seed, the gains Monte Carlo seed).
 */
import { label } from "../i18n.js";
import type { ReportInputs } from "../inputs.js";
import type { Cell, ReportSection } from "../model.js";
import type { SectionContext } from "./common.js";

export interface ManifestItem {
  item: string;
  value: string;
  sha256: string;
}

export function manifestItems(inputs: ReportInputs, version: string): ManifestItem[] {
  const items: ManifestItem[] = [{ item: "effekt_version", value: version, sha256: "" }];
  for (const f of inputs.files) items.push({ item: `file: ${f.role}`, value: f.path, sha256: f.sha256 });
  const meta = inputs.effects?.meta;
  if (inputs.effects) {
    const plan = meta?.plan;
    items.push({ item: "plan", value: plan ? `${plan.id ?? ""} (lock: ${plan.lock ?? "unknown"}${plan.deviations && plan.deviations.length > 0 ? `; deviations: ${plan.deviations.join("; ")}` : ""})` : meta ? "none (quick mode, exploratory)" : "unknown (no effects meta)", sha256: plan?.sha256 ?? "" });
    if (meta?.register) items.push({ item: "effects: register", value: `${(meta.register.file ?? "").split(/[\\/]/).pop()}${meta.register.verified_by_effekt && inputs.registerVerified === true ? " (verified by effekt)" : ""}`, sha256: meta.register.sha256 ?? "" });
    for (const [role, ref] of Object.entries(meta?.inputs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (ref) items.push({ item: `effects input: ${role}`, value: ref.file.split(/[\\/]/).pop() ?? ref.file, sha256: ref.sha256 });
    }
    if (meta?.effekt_version) items.push({ item: "effects: effekt_version", value: meta.effekt_version, sha256: "" });
  }
  for (const m of inputs.register?.manifests ?? []) {
    items.push({ item: `seed: draw wave ${m.wave}`, value: `${m.seed} (${m.algorithm}, ${m.draw_date})`, sha256: m.sha256 });
  }
  if (meta && meta.ri_seed !== undefined) items.push({ item: "seed: randomisation inference", value: `${meta.ri_seed ?? "none"}${meta.permutations ? ` (${meta.permutations} permutations)` : ""}`, sha256: "" });
  const modelFile = inputs.gains?.model_file;
  if (typeof modelFile === "string") items.push({ item: "gains: model file", value: modelFile.split(/[\\/]/).pop() ?? modelFile, sha256: "" });
  const mc = inputs.gains?.monte_carlo ?? null;
  if (mc) items.push({ item: "seed: gains Monte Carlo", value: `${mc.seed} (${mc.draws} draws)`, sha256: "" });
  return items;
}

export function manifestSection(inputs: ReportInputs, version: string, ctx: SectionContext): ReportSection {
  const { lang } = ctx;
  const rows: Cell[][] = manifestItems(inputs, version).map((i) => [i.item, i.value, i.sha256 || null]);
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
