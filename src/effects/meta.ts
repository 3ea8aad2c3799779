import type { FamilyReport } from "./adjust.js";
import type { ArmAttrition, AttritionBounds } from "./analysisData.js";
import type { AllocationSource } from "../draw/assignment.js";

/**
 * The metadata sidecar `<table>.meta.json` (format `effekt-effects-meta-v1`), documented in
 * data-schemas/effect-table-meta.md. It says which inputs (by SHA-256) and which plan produced the table, and
 * carries `table_sha256` so a reader can tell the two files belong together. No person or household id.
 */
export const META_FORMAT = "effekt-effects-meta-v1";

export interface FileRef {
  file: string;
  sha256: string;
}

export interface PlanRef {
  file: string;
  id: string;
  sha256: string;
  lock: "matches" | "deviates" | "not locked";
  locked_sha256: string | null;
  deviations: string[];
}

export interface EffectsMeta {
  format: typeof META_FORMAT;
  effekt_version: string;
  table_sha256: string;
  register: FileRef & { source: AllocationSource; verified_by_effekt: boolean; households: number; waves: number[] };
  inputs: { persons: FileRef; outcomes: FileRef; takeup: FileRef | null };
  plan: PlanRef | null;
  alpha: number;
  multiplicity: { method: string; estimator: string; families: string; members: FamilyReport[] };
  permutations: number;
  ri_seed: string | null;
  /** the statistic of the re-fitted RI (lm_lin and CACE rows, Westfall-Young, intervals); null without RI */
  ri_statistic: "estimate" | "studentised" | null;
  takeup: { arm: "treatment" | "control"; households: number; took_up: number }[];
  attrition: ({ outcome: string; horizon: number | null } & ArmAttrition)[];
  /** Lee (2009) trimming bounds on the ITT of each outcome x horizon whose attrition differs between arms */
  attrition_bounds: ({ outcome: string; horizon: number | null } & AttritionBounds)[];
  pending: { outcome: string; horizon: number; reason: string }[];
  warnings: string[];
}

/** Serialised with two-space indentation and a final newline; key order as in the interface (fixed bytes). */
export function formatMeta(meta: EffectsMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}
