import { existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { UserError } from "../errors.js";
import { deriveWave } from "../draw/derive.js";
import { VERSION } from "../version.js";
import { canonicalJson, type DrawDefinition, type WaveManifest } from "../schemas/manifest.js";
import { parseDateText } from "./columns.js";
import { sha256, sha256File } from "./hash.js";
import { loadHouseholds, type Households } from "./households.js";
import type { IdPolicy } from "./pseudonym.js";
import { decimal, serializeRegister, type RegisterRow } from "./register.js";

/** Input paths are stored relative to the register's folder, so a copied evaluation folder still verifies. */
export function storedPath(registerPath: string, file: string): string {
  const rel = relative(dirname(resolve(registerPath)), resolve(file));
  return rel.split("\\").join("/");
}

export function resolveStored(registerPath: string, stored: string): string {
  return isAbsolute(stored) ? stored : resolve(dirname(resolve(registerPath)), stored);
}

/**
 * Loads the households a definition names (from `overrides` when given), after checking the files exist.
 * Identifiers are read as the wave was drawn: pseudonymised with the same key when its definition records a key
 * check, otherwise as they are (`ids` = true keeps CPR-like ids, for re-reading a wave drawn before pseudonyms).
 */
export function loadWaveHouseholds(
  registerPath: string,
  definition: DrawDefinition,
  overrides: { households?: string; cases?: string } = {},
  ids: boolean | IdPolicy = false,
): Households {
  const householdsPath = overrides.households ?? resolveStored(registerPath, definition.inputs.households.path);
  const casesPath = definition.inputs.cases ? overrides.cases ?? resolveStored(registerPath, definition.inputs.cases.path) : undefined;
  for (const p of [householdsPath, casesPath]) {
    if (p !== undefined && !existsSync(p)) throw new UserError(`wave ${definition.wave}: input file ${p} does not exist`);
  }
  const policy: IdPolicy = typeof ids === "boolean" ? { allowCpr: ids } : ids;
  checkPseudonymKey(definition, policy);
  return loadHouseholds({
    path: householdsPath,
    casesPath,
    casesDate: definition.inputs.cases ? parseDateText(definition.inputs.cases.date) : undefined,
    strataColumn: definition.strata_column,
    allowCprLikeIds: policy.allowCpr,
    pseudonyms: definition.pseudonym_key_check !== undefined ? policy.pseudonyms : undefined,
  });
}

/** A wave drawn with keyed pseudonyms can only be re-read with the same key (else its households would not match). */
export function checkPseudonymKey(definition: DrawDefinition, policy: IdPolicy): void {
  const recorded = definition.pseudonym_key_check;
  if (recorded === undefined) return;
  if (!policy.pseudonyms) {
    throw new UserError(`wave ${definition.wave} was drawn with CPR-like ids replaced by keyed pseudonyms; pass --allow-cpr-like-ids --pseudonym-key FILE with the same key`);
  }
  if (policy.pseudonyms.keyCheck !== recorded) {
    throw new UserError(`wave ${definition.wave} was drawn with a different pseudonym key (its manifest records key check ${recorded}, this key gives ${policy.pseudonyms.keyCheck}); pass the key the wave was drawn with`);
  }
}

export function definitionHash(definition: DrawDefinition): string {
  return sha256(canonicalJson(definition));
}

/** Draws a wave and builds its register rows and manifest; writes nothing. */
export function buildWave(args: {
  definition: DrawDefinition;
  households: Households;
  priorRows: readonly RegisterRow[];
  /** `registerHash(priorRows)`: callers have it already (they check it against the manifests), so it is not hashed again. */
  priorRegisterHash: string;
  previousManifestBytes: string | null;
}): { rows: RegisterRow[]; manifest: WaveManifest; registerBytes: Buffer; eligibleCount: number; excluded: Record<string, number> } {
  const { definition, households, priorRows } = args;
  const seal = definitionHash(definition);
  const { eligibility, draw } = deriveWave(definition, households, new Set(priorRows.map((r) => r.householdId)));
  const waveRows = draw.allocations as RegisterRow[];
  for (const row of waveRows) row.seal = seal; // the allocations become register rows in place (no copy of a million objects)
  const registerBytes = Buffer.from(serializeRegister([...priorRows, ...waveRows]), "utf8"); // encoded once: hashed and written
  const manifest: WaveManifest = {
    format: "effekt-wave-manifest/1",
    effekt_version: VERSION,
    definition,
    definition_sha256: seal,
    eligible: { count: draw.allocations.length, sha256: sha256(draw.canonicalEligible) },
    strata: draw.strata.map((s) => ({
      stratum: s.stratum,
      eligible: s.eligible,
      treatment: s.places,
      control: s.eligible - s.places,
      p_treatment: `${decimal(s.pNumerator, s.pDenominator)} (${s.pNumerator}/${s.pDenominator})`,
    })),
    exclusions: eligibility.exclusions,
    previous_manifest_sha256: args.previousManifestBytes === null ? null : sha256(args.previousManifestBytes),
    register_sha256_before: args.priorRegisterHash,
    register_sha256_after: sha256(registerBytes),
  };
  return { rows: waveRows, manifest, registerBytes, eligibleCount: draw.allocations.length, excluded: eligibility.exclusions };
}

export function inputHashes(householdsPath: string, casesPath?: string): { households: string; cases?: string } {
  return { households: sha256File(householdsPath), cases: casesPath ? sha256File(casesPath) : undefined };
}
