/**
 * `effekt verify`'s checks of an allocation register: every wave re-derived from its manifest and inputs, the hash
 * chain, the register's bytes. `effekt verify` runs them; `estimate` and `report` ask `registerPasses` before they
 * call a register "verified by effekt".
 */
import { MismatchError, UserError } from "../errors.js";
import { byCodeUnit } from "../draw/wave.js";
import { sha256File, sha256 } from "../io/hash.js";
import { committedManifests, decimal, readCommitLog, readPlanLockAnchors, readManifests, readRegister, registerHash, serializeRegister, type RegisterRow } from "../io/register.js";
import { buildWave, definitionHash, loadPseudonymisedCopy, loadWaveHouseholds, waveInputPath } from "../io/waveFiles.js";
import { existsSync, readFileSync } from "node:fs";
import { requireInputFile } from "../io/outputGuard.js";
import { planLockPath, readPlanLock } from "../plan/lock.js";
import { canonicalJson, type WaveManifest } from "../schemas/manifest.js";
import type { IdPolicy } from "../io/pseudonym.js";
import { tm } from "../i18n/messageLang.js";

/** A register's arm (a code: treatment, control) in the run's language. */
const armText = (arm: string) => (arm === "treatment" ? tm("draw_arm_treatment") : arm === "control" ? tm("draw_arm_control") : arm);

/** Checks a register wave by wave; throws MismatchError naming the first difference. Returns "N waves, M households, hash chain intact". */
export function verifyRegister(registerPath: string, overrides: { households?: string; cases?: string } = {}, ids: IdPolicy = {}): string {
  const { waves, households, planLocks: n, note } = verifyRegisterCounts(registerPath, overrides, ids);
  return `${waves} wave${waves === 1 ? "" : "s"}, ${households} households, hash chain intact${n > 0 ? `; plan lock intact (${n} lock${n === 1 ? "" : "s"})` : ""}${note}`;
}

/** `verifyRegister`'s checks, with what was verified as numbers (the CLI words them in the run's language). */
export function verifyRegisterCounts(registerPath: string, overrides: { households?: string; cases?: string } = {}, ids: IdPolicy = {}): { waves: number; households: number; planLocks: number; note: string } {
  requireInputFile(registerPath, "--register");
  const rows = readRegister(registerPath);
  const commits = readCommitLog(registerPath);
  const { committed, uncommitted, removed } = committedManifests(rows, readManifests(registerPath), commits);
  if (removed.length > 0) {
    throw new MismatchError(tm("draw_verify_removed", { wave: removed[0] }));
  }
  const waves = new Set<number>([...rows.map((r) => r.wave), ...committed.keys()]);
  const maxWave = Math.max(0, ...waves);
  if (maxWave === 0) throw new MismatchError(tm("draw_verify_no_wave", { register: registerPath }));
  let previousBytes: string | null = null;
  const fromCopies: number[] = [];
  for (let w = 1; w <= maxWave; w++) {
    const stored = committed.get(w);
    const waveRows = rows.filter((r) => r.wave === w);
    if (!stored) throw new MismatchError(tm("draw_verify_no_manifest", { wave: w, households: waveRows.length }));
    const { manifest } = stored;
    const seal = definitionHash(manifest.definition);
    if (manifest.definition_sha256 !== seal || waveRows.some((r) => r.seal !== seal)) {
      throw new MismatchError(tm("draw_verify_seal", { wave: w, seal: seal.slice(0, 12), rows: waveRows[0]?.seal.slice(0, 12) ?? tm("draw_verify_no_rows") }));
    }
    const prior = rows.filter((r) => r.wave < w);
    const priorHash = registerHash(prior);
    if (manifest.register_sha256_before !== priorHash) {
      throw new MismatchError(tm("draw_verify_chain_before", { wave: w }));
    }
    if ((previousBytes === null ? null : sha256(previousBytes)) !== manifest.previous_manifest_sha256) {
      throw new MismatchError(tm("draw_verify_chain_manifest", { wave: w, previous: w - 1 }));
    }
    const committedAs = commits.get(w);
    if (committedAs && committedAs.manifestSha256 !== sha256(stored.bytes)) {
      throw new MismatchError(tm("draw_verify_commit", { wave: w }));
    }
    const inputs = manifest.definition.inputs;
    // A pseudonymised wave is re-derived from its kept households (hash sealed in the definition), unless the
    // exports are given on the command line; then from them, with the key, as any other wave.
    const copy = overrides.households === undefined ? loadPseudonymisedCopy(registerPath, manifest.definition) : undefined;
    if (copy) fromCopies.push(w);
    else {
      const householdsPath = waveInputPath(registerPath, w, "households", inputs.households, overrides.households);
      checkInput(w, "households", householdsPath, inputs.households.sha256);
      if (inputs.cases) checkInput(w, "cases", waveInputPath(registerPath, w, "cases", inputs.cases, overrides.cases), inputs.cases.sha256);
    }
    const households = copy ?? loadWaveHouseholds(registerPath, manifest.definition, overrides, { allowCpr: true, pseudonyms: ids.pseudonyms });
    const rebuilt = buildWave({ definition: manifest.definition, households, priorRows: prior, priorRegisterHash: priorHash, previousManifestBytes: previousBytes });
    compareRows(w, rebuilt.rows, waveRows);
    compareManifest(w, rebuilt.manifest, manifest);
    if (manifest.register_sha256_after !== registerHash([...prior, ...waveRows])) {
      throw new MismatchError(tm("draw_verify_after", { wave: w }));
    }
    previousBytes = stored.bytes;
  }
  compareRegisterBytes(registerPath, rows);
  const lock = checkPlanLock(registerPath);
  const copies = fromCopies.length === 0 ? "" : tm(fromCopies.length === 1 ? "draw_verify_copies_one" : "draw_verify_copies_many", { waves: fromCopies.join(", ") });
  const note = copies + (uncommitted.length > 0 ? tm("draw_verify_ignored", { n: uncommitted.length }) : "");
  return { waves: maxWave, households: rows.length, planLocks: lock, note };
}

/**
 * The plan lock beside the register, when there is one or the commit record anchors one: its history is a hash
 * chain anchored in the commit record (plan/lock.ts); an edited lock, a history cut back or a removed lock file is
 * a difference (exit 1), as for a wave.
 */
function checkPlanLock(registerPath: string): number {
  const anchors = readPlanLockAnchors(registerPath);
  if (!existsSync(planLockPath(registerPath))) {
    if (anchors.length > 0) throw new MismatchError(anchors.length === 1 ? tm("draw_verify_lock_gone_one", { lock: planLockPath(registerPath) }) : tm("draw_verify_lock_gone_many", { lock: planLockPath(registerPath), n: anchors.length }));
    return 0;
  }
  let lock;
  try {
    lock = readPlanLock(registerPath);
  } catch (err) {
    if (err instanceof UserError) throw new MismatchError(err.message);
    throw err;
  }
  return (lock?.previous.length ?? 0) + 1;
}

/**
 * Every field of a manifest re-derived and compared (counts, exclusions, strata, p_treatment, hashes); only
 * `effekt_version` (which effekt wrote it) is not re-derived.
 */
function compareManifest(wave: number, derived: WaveManifest, recorded: WaveManifest): void {
  const keys = new Set([...Object.keys(derived), ...Object.keys(recorded)]) as Set<keyof WaveManifest>;
  for (const k of keys) {
    if (k === "effekt_version") continue;
    const a = canonicalJson(recorded[k] ?? null);
    const b = canonicalJson(derived[k] ?? null);
    if (a !== b) {
      const shown = (s: string) => (s.length > 120 ? `${s.slice(0, 120)}...` : s);
      throw new MismatchError(tm("draw_verify_manifest_field", { wave, field: k, recorded: shown(a), derived: shown(b) }));
    }
  }
}

/**
 * The register's bytes are exactly the canonical bytes its rows give (hashed in the manifests): an edit to a field
 * that is not read back as a row (the decimal p_treatment, quoting, line ends, an extra column) is caught too.
 */
function compareRegisterBytes(registerPath: string, rows: readonly RegisterRow[]): void {
  const actual = readFileSync(registerPath);
  if (sha256(actual) === registerHash(rows)) return;
  const canonical = Buffer.from(serializeRegister(rows), "utf8"); // only to name the line that differs
  const a = actual.toString("utf8").split("\n");
  const b = canonical.toString("utf8").split("\n");
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  throw new MismatchError(tm("draw_verify_bytes", { register: registerPath, line: line + 1, expected: JSON.stringify((b[line] ?? tm("draw_verify_end_of_file")).slice(0, 160)) }));
}

function checkInput(wave: number, what: "households" | "cases", path: string, expected: string): void {
  if (!existsSync(path)) throw new UserError(tm(what === "households" ? "draw_verify_households_missing" : "draw_verify_cases_missing", { wave, file: path }));
  const actual = sha256File(path);
  if (actual !== expected) {
    throw new MismatchError(tm(what === "households" ? "draw_verify_households_changed" : "draw_verify_cases_changed", { wave, file: path, actual: actual.slice(0, 12), expected: expected.slice(0, 12) }));
  }
}

function compareRows(wave: number, derived: RegisterRow[], recorded: RegisterRow[]): void {
  const byId = new Map(recorded.map((r) => [r.householdId, r] as const));
  for (const d of derived) {
    const r = byId.get(d.householdId);
    if (!r) throw new MismatchError(tm("draw_verify_row_missing", { wave, household: d.householdId, arm: armText(d.arm), stratum: d.stratum }));
    const diffs: string[] = [];
    if (r.arm !== d.arm) diffs.push(tm("draw_verify_row_arm", { recorded: armText(r.arm), derived: armText(d.arm) }));
    if (r.stratum !== d.stratum) diffs.push(tm("draw_verify_row_stratum", { recorded: r.stratum, derived: d.stratum }));
    if (r.pNumerator * d.pDenominator !== d.pNumerator * r.pDenominator) diffs.push(tm("draw_verify_row_p", { recorded: decimal(r.pNumerator, r.pDenominator), derived: decimal(d.pNumerator, d.pDenominator) }));
    if (r.drawDate !== d.drawDate) diffs.push(tm("draw_verify_row_date", { recorded: r.drawDate, derived: d.drawDate }));
    if (diffs.length > 0) throw new MismatchError(tm("draw_verify_row", { wave, household: d.householdId, differences: diffs.join("; ") }));
    byId.delete(d.householdId);
  }
  const extra = [...byId.keys()].sort(byCodeUnit);
  if (extra.length > 0) throw new MismatchError(tm("draw_verify_row_extra", { wave, household: extra[0] }));
}

/**
 * Whether a register passes every check of `effekt verify` (true), or why not: `estimate` and `report` call a
 * register "verified by effekt" only then.
 */
export function registerPasses(registerPath: string, ids: IdPolicy = {}): true | string {
  try {
    verifyRegister(registerPath, {}, ids);
    return true;
  } catch (err) {
    if (err instanceof MismatchError || err instanceof UserError) return err.message;
    throw err;
  }
}
