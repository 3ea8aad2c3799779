import { readJsonFile } from "../io/json.js";
import { sha256 } from "../io/hash.js";
import { canonicalJson } from "../schemas/manifest.js";
import { parseAnalysisPlan, type AnalysisPlan } from "../schemas/analysisPlan.js";

export interface LoadedPlan {
  plan: AnalysisPlan;
  /** SHA-256 of `canonical`: the plan's identity in a lock. */
  sha256: string;
  /** Canonical JSON of the validated plan (defaults filled in, keys sorted, no spaces). */
  canonical: string;
}

/**
 * Reads and validates an analysis plan. The hash is over the canonical JSON of the validated plan, so whitespace,
 * key order and spelling out a default (`"alpha": 0.05`) do not change it; any change of meaning does.
 * Errors are one line: file, JSON path, value, expected.
 */
export function loadPlan(path: string): LoadedPlan {
  return planFromJson(readJsonFile(path), path);
}

/** `loadPlan` for JSON already parsed (e.g. the plan kept in a lock file). */
export function planFromJson(json: unknown, source: string): LoadedPlan {
  const plan = parseAnalysisPlan(json, source);
  const canonical = canonicalJson(plan);
  return { plan, sha256: sha256(canonical), canonical };
}
