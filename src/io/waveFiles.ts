import { existsSync, readFileSync, statSync } from "node:fs";
import { writeFileAtomic } from "./atomic.js";
import { realPath } from "./outputGuard.js";
import path from "node:path";
import { MismatchError, UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { createHash } from "node:crypto";
import { deriveWaveColumns } from "../draw/derive.js";
import { allocationsOf } from "../draw/wave.js";
import type { StratumPlaces } from "../draw/places.js";
import { VERSION } from "../version.js";
import { canonicalJson, type DrawDefinition, type WaveManifest } from "../schemas/manifest.js";
import { decimalMark, parseDateText, withDecimalMark } from "./columns.js";
import { sha256, sha256File } from "./hash.js";
import { applyAreaNames, loadHouseholds, type Households } from "./households.js";
import type { IdPolicy } from "./pseudonym.js";
import { settingsFromRecord } from "./inputSettings.js";
import { decimal, manifestDir, registerChunks, waveRegisterChunks, type RegisterRow } from "./register.js";

/**
 * Input paths are stored relative to the register's folder with `/` separators, so a copied evaluation folder
 * still verifies, on Windows as on Linux. `paths` is `node:path` (the running platform's rules); tests pass
 * `path.win32` to check the Windows rules (drive letters, backslashes) on any machine.
 */
export function storedPath(registerPath: string, file: string, paths: PathRules = path): string {
  const rel = paths.relative(paths.dirname(paths.resolve(registerPath)), paths.resolve(file));
  return rel.split(paths.sep).join("/");
}

/** A stored input path (relative with `/`, or absolute) as a path on this platform. */
export function resolveStored(registerPath: string, stored: string, paths: PathRules = path): string {
  const native = stored.split("/").join(paths.sep);
  return paths.isAbsolute(native) ? native : paths.resolve(paths.dirname(paths.resolve(registerPath)), native);
}

/**
 * A file a meta sidecar names (`<table>.meta.json`): stored relative to the meta's folder; a meta written before
 * that holds the path as it was given (relative to the folder effekt ran in). The existing file, else undefined.
 */
export function metaFilePath(metaPath: string, stored: string): string | undefined {
  for (const p of [resolveStored(metaPath, stored), stored]) if (existsSync(p) && statSync(p).isFile()) return p;
  return undefined;
}

type PathRules = Pick<typeof path, "relative" | "dirname" | "resolve" | "isAbsolute" | "sep">;

/**
 * Where a wave's input is kept for verification: a content-addressed copy inside the register's manifests folder
 * (`inputs/<sha256>.csv`), so re-exporting the file under its old name or moving the folder changes nothing.
 */
export function keptInputPath(registerPath: string, sha: string): string {
  return path.join(manifestDir(registerPath), "inputs", `${sha}.csv`);
}

/**
 * Keeps a copy of an input under its content hash (written atomically, its bytes checked against `sha`), unless
 * one is there already. A wave whose ids were pseudonymised is not copied: its file holds CPR-like ids.
 */
export function keepInput(registerPath: string, file: string, sha: string): void {
  const target = keptInputPath(registerPath, sha);
  if (existsSync(target) && sha256File(target) === sha) return;
  const bytes = readFileSync(file);
  if (sha256(bytes) !== sha) throw new UserError(tm("file_input_changed", { file, sha: sha.slice(0, 12) }));
  writeFileAtomic(target, bytes);
}

/**
 * The file to read a wave's input from: the one given on the command line, else the kept copy with the recorded
 * hash, else the recorded path. A recorded path may not leave the register's folder (a manifest cannot make
 * effekt read /etc/shadow or a device) and must be an ordinary file; `--households`/`--cases` say where it is now.
 */
export function waveInputPath(
  registerPath: string, wave: number, what: "households" | "cases", ref: { path: string; sha256: string }, override?: string,
  /** files given on the command line, used when one has the recorded content (matched by hash, not by path) */
  candidates: readonly string[] = [],
): string {
  if (override !== undefined) return override;
  const kept = keptInputPath(registerPath, ref.sha256);
  if (existsSync(kept)) return kept;
  const match = candidates.find((c) => existsSync(c) && sha256File(c) === ref.sha256);
  if (match !== undefined) return match;
  const recorded = resolveStored(registerPath, ref.path);
  const folder = realPath(path.dirname(path.resolve(registerPath)));
  const real = realPath(recorded);
  const rel = path.relative(folder, real);
  if (path.isAbsolute(ref.path) || rel === "" || rel.split(path.sep)[0] === ".." || path.isAbsolute(rel)) {
    throw new UserError(tm("file_wave_input_outside", { wave, what, path: ref.path }));
  }
  let st;
  try { st = statSync(real); } catch { throw new UserError(tm("file_wave_input_missing", { wave, what, path: recorded })); }
  if (!st.isFile()) throw new UserError(tm("file_wave_input_special", { wave, what, path: recorded }));
  return recorded;
}

/**
 * The households of a wave whose ids were pseudonymised, as the draw read them, as a plain CSV kept in the
 * manifests folder in place of the exports (which hold CPR numbers and stay out of the evaluation folder):
 * `household_id` (the keyed pseudonym), `area` and the strata column as drawn, then every covariate in its order
 * (`active_cases` among them, counted from the cases file on the draw date), numbers in JavaScript's shortest form.
 * Read back by `loadPseudonymisedCopy`, it gives the same eligibility, lottery and balance rows, without the exports
 * or the key. Bytes are canonical (same households, same bytes).
 */
export function pseudonymisedCopy(households: Households, strataColumn: string): Buffer {
  const cell = (v: string) => (/[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const covs = households.covariates.filter((c) => c.name !== "household_id" && c.name !== "area" && c.name !== strataColumn);
  if (!covs.some((c) => c.name === "active_cases")) throw new Error("pseudonymisedCopy: active_cases is always a covariate");
  const header = ["household_id", "area", ...(strataColumn === "area" ? [] : [strataColumn]), ...covs.map((c) => c.name)];
  const lines = [header.map(cell).join(",")];
  for (let i = 0; i < households.ids.length; i++) {
    const row = [households.ids[i], households.areas[i], ...(strataColumn === "area" ? [] : [households.strata[i]])];
    for (const c of covs) {
      if (c.kind === "numeric") row.push(Number.isNaN(c.values[i]) ? "" : String(c.values[i]));
      else row.push(c.levels[i] ?? "");
    }
    lines.push(row.map(cell).join(","));
  }
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

/** Writes a wave's pseudonymised copy under its hash (unless there), atomically. */
export function keepBytes(registerPath: string, bytes: Buffer, sha: string): void {
  const target = keptInputPath(registerPath, sha);
  if (existsSync(target) && sha256File(target) === sha) return;
  writeFileAtomic(target, bytes);
}

/**
 * The households of a pseudonymised wave from its kept copy (hash-checked against the sealed definition), read as
 * a plain file: ids are the pseudonyms already, so neither the exports nor the key are needed. Undefined when the
 * wave has no copy (not pseudonymised, or drawn before copies were kept) or the copy is not there.
 */
export function loadPseudonymisedCopy(registerPath: string, definition: DrawDefinition): Households | undefined {
  const sha = definition.inputs.pseudonymised_households;
  if (sha === undefined) return undefined;
  const file = keptInputPath(registerPath, sha);
  if (!existsSync(file)) return undefined;
  if (sha256File(file) !== sha) throw new MismatchError(tm("file_kept_copy_changed", { wave: definition.wave, file }));
  const households = withDecimalMark(".", () => loadHouseholds({ path: file, strataColumn: definition.strata_column, allowCprLikeIds: true, read: { households: {} } }));
  applyAreaNames(households, definition.area_names);
  return households;
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
  candidates: readonly string[] = [],
): Households {
  const householdsPath = waveInputPath(registerPath, definition.wave, "households", definition.inputs.households, overrides.households, candidates);
  const casesPath = definition.inputs.cases ? waveInputPath(registerPath, definition.wave, "cases", definition.inputs.cases, overrides.cases, candidates) : undefined;
  for (const p of [householdsPath, casesPath]) {
    if (p !== undefined && !existsSync(p)) throw new UserError(tm("file_wave_input_absent", { wave: definition.wave, path: p }));
  }
  const policy: IdPolicy = typeof ids === "boolean" ? { allowCpr: ids } : ids;
  checkPseudonymKey(definition, policy);
  // The decimal mark the wave was drawn with (its manifest's `read.decimal`, from --decimal), else this run's.
  const mark = definition.inputs.households.read?.decimal ?? definition.inputs.cases?.read?.decimal ?? decimalMark();
  const households = withDecimalMark(mark, () => loadHouseholds({
    path: householdsPath,
    casesPath,
    casesDate: definition.inputs.cases ? parseDateText(definition.inputs.cases.date) : undefined,
    strataColumn: definition.strata_column,
    allowCprLikeIds: policy.allowCpr,
    pseudonyms: definition.pseudonym_key_check !== undefined ? policy.pseudonyms : undefined,
    // The wave is read as it was drawn: the sheet, title lines and header mapping its manifest records.
    read: {
      households: settingsFromRecord(definition.inputs.households.read),
      cases: settingsFromRecord(definition.inputs.cases?.read),
    },
  }));
  applyAreaNames(households, definition.area_names);
  return households;
}

/** A wave drawn with keyed pseudonyms can only be re-read with the same key (else its households would not match). */
export function checkPseudonymKey(definition: DrawDefinition, policy: IdPolicy): void {
  const recorded = definition.pseudonym_key_check;
  if (recorded === undefined) return;
  if (!policy.pseudonyms) {
    throw new UserError(tm("file_wave_needs_key", { wave: definition.wave }));
  }
  if (policy.pseudonyms.keyCheck !== recorded) {
    throw new UserError(tm("file_wave_other_key", { wave: definition.wave, recorded, given: policy.pseudonyms.keyCheck }));
  }
}

export function definitionHash(definition: DrawDefinition): string {
  return sha256(canonicalJson(definition));
}

/** A built wave's households, in register order: whether each is treated, and its row in the households file. */
export interface BuiltWaveUnits {
  treated: Uint8Array;
  fileRows: Int32Array;
}

/** Draws a wave and builds its register bytes and manifest; writes nothing. */
export function buildWave(args: {
  definition: DrawDefinition;
  households: Households;
  priorRows: readonly RegisterRow[];
  /** `registerHash(priorRows)`: callers have it already (they check it against the manifests), so it is not hashed again. */
  priorRegisterHash: string;
  previousManifestBytes: string | null;
}): { readonly rows: RegisterRow[]; units: BuiltWaveUnits; manifest: WaveManifest; registerBytes: Buffer[]; eligibleCount: number; excluded: Record<string, number> } {
  const { definition, households, priorRows } = args;
  const seal = definitionHash(definition);
  const { eligibility, draw } = deriveWaveColumns(definition, households, new Set(priorRows.map((r) => r.householdId)));
  const eligibleCount = draw.ids.reduce((a, g) => a + g.length, 0);
  const wave = { wave: definition.wave, drawDate: definition.draw_date, seal, strata: draw.strata, ids: draw.ids, treated: draw.treated };
  // Encoded once, in chunks: hashed and written without one 100 MB string or buffer. The new wave's rows come
  // after all earlier waves' (the register is sorted by wave first; draw and verify pass only earlier waves).
  if (priorRows.some((r) => r.wave >= definition.wave)) throw new Error(`buildWave: prior rows must be of waves before ${definition.wave}`);
  const registerBytes = [...(priorRows.length > 0 ? registerChunks(priorRows) : []), ...waveRegisterChunks(wave, priorRows.length === 0)];
  const manifest: WaveManifest = {
    format: "effekt-wave-manifest/1",
    effekt_version: VERSION,
    definition,
    definition_sha256: seal,
    eligible: { count: eligibleCount, sha256: canonicalEligibleSha256(draw.strata, draw.ids) },
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
  const units: BuiltWaveUnits = { treated: concatInto(draw.treated, new Uint8Array(eligibleCount)), fileRows: concatInto(draw.positions, new Int32Array(eligibleCount)) };
  // The rows as objects only when asked for (verify compares them row by row; draw never needs them).
  let rows: RegisterRow[] | undefined;
  const sealedRows = (): RegisterRow[] => {
    const r = allocationsOf(draw, definition.wave, definition.draw_date) as RegisterRow[];
    for (const row of r) row.seal = seal; // the allocations become register rows in place
    return r;
  };
  return { get rows() { return (rows ??= sealedRows()); }, units, manifest, registerBytes, eligibleCount, excluded: eligibility.exclusions };
}

/**
 * SHA-256 of the canonical eligible list (`drawWave`'s `canonicalEligible`: one `stratum<TAB>household_id\n` line
 * per household, in draw order), hashed in pieces rather than built as one string.
 */
function canonicalEligibleSha256(strata: readonly StratumPlaces[], ids: readonly string[][]): string {
  const hash = createHash("sha256");
  const buf = Buffer.allocUnsafe(1 << 20);
  let at = 0;
  const tab = "\t".charCodeAt(0);
  const newline = "\n".charCodeAt(0);
  strata.forEach((st, k) => {
    const prefix = Buffer.from(st.stratum, "utf8");
    for (const id of ids[k]) {
      const need = prefix.length + 3 * id.length + 2; // UTF-8 takes at most 3 bytes per UTF-16 code unit
      if (at + need > buf.length) {
        hash.update(buf.subarray(0, at));
        at = 0;
        if (need > buf.length) { hash.update(`${st.stratum}\t${id}\n`, "utf8"); continue; }
      }
      buf.set(prefix, at);
      at += prefix.length;
      buf[at++] = tab;
      at += buf.write(id, at, "utf8");
      buf[at++] = newline;
    }
  });
  hash.update(buf.subarray(0, at));
  return hash.digest("hex");
}

/** The parts one after the other in `out` (sized to their total). */
function concatInto<T extends Uint8Array | Int32Array>(parts: readonly T[], out: T): T {
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

export function inputHashes(householdsPath: string, casesPath?: string): { households: string; cases?: string } {
  return { households: sha256File(householdsPath), cases: casesPath ? sha256File(casesPath) : undefined };
}
