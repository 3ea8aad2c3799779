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
    throw new MismatchError(`wave ${removed[0]}: the commit record says it was drawn and committed, but the register holds none of its households (a removed wave, not an interrupted draw)`);
  }
  const waves = new Set<number>([...rows.map((r) => r.wave), ...committed.keys()]);
  const maxWave = Math.max(0, ...waves);
  if (maxWave === 0) throw new MismatchError(`${registerPath} holds no drawn wave`);
  let previousBytes: string | null = null;
  const fromCopies: number[] = [];
  for (let w = 1; w <= maxWave; w++) {
    const stored = committed.get(w);
    const waveRows = rows.filter((r) => r.wave === w);
    if (!stored) throw new MismatchError(`wave ${w}: the register has ${waveRows.length} households in it but there is no manifest for it`);
    const { manifest } = stored;
    const seal = definitionHash(manifest.definition);
    if (manifest.definition_sha256 !== seal || waveRows.some((r) => r.seal !== seal)) {
      throw new MismatchError(`wave ${w}: the manifest's draw definition (seed, parameters or input hashes) is not the one the register was drawn with: it hashes to ${seal.slice(0, 12)}, the register's rows are sealed with ${waveRows[0]?.seal.slice(0, 12) ?? "(no rows)"}`);
    }
    const prior = rows.filter((r) => r.wave < w);
    const priorHash = registerHash(prior);
    if (manifest.register_sha256_before !== priorHash) {
      throw new MismatchError(`wave ${w}: the register before this wave does not hash to what the manifest recorded (the hash chain is broken)`);
    }
    if ((previousBytes === null ? null : sha256(previousBytes)) !== manifest.previous_manifest_sha256) {
      throw new MismatchError(`wave ${w}: the manifest of wave ${w - 1} was changed after wave ${w} was drawn (the hash chain is broken)`);
    }
    const committedAs = commits.get(w);
    if (committedAs && committedAs.manifestSha256 !== sha256(stored.bytes)) {
      throw new MismatchError(`wave ${w}: its manifest was changed after the wave was committed (the commit record holds another SHA-256 for it)`);
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
      throw new MismatchError(`wave ${w}: the register after this wave does not hash to what the manifest recorded`);
    }
    previousBytes = stored.bytes;
  }
  compareRegisterBytes(registerPath, rows);
  const lock = checkPlanLock(registerPath);
  const copies = fromCopies.length > 0 ? `; wave${fromCopies.length === 1 ? "" : "s"} ${fromCopies.join(", ")} re-derived from the pseudonymised households kept in the manifests folder (the exports hold CPR numbers and are not kept)` : "";
  const note = copies + (uncommitted.length > 0 ? ` (ignored ${uncommitted.length} manifest(s) left by an interrupted draw, which the next draw removes)` : "");
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
    if (anchors.length > 0) throw new MismatchError(`${planLockPath(registerPath)}: the plan lock is gone, but the register's commit record anchors ${anchors.length} lock${anchors.length === 1 ? "" : "s"} of the analysis plan; it was removed`);
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
      throw new MismatchError(`wave ${wave}: the manifest's ${k} is ${shown(a)}, the draw gives ${shown(b)}`);
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
  throw new MismatchError(`${registerPath} line ${line + 1}: differs from the register its rows give (a field such as p_treatment was edited, or the file was re-saved); expected ${JSON.stringify((b[line] ?? "(end of file)").slice(0, 160))}`);
}

function checkInput(wave: number, what: string, path: string, expected: string): void {
  if (!existsSync(path)) throw new UserError(`wave ${wave}: the ${what} file ${path} recorded in the manifest does not exist; pass --${what} to say where it is now`);
  const actual = sha256File(path);
  if (actual !== expected) {
    throw new MismatchError(`wave ${wave}: the ${what} file ${path} has changed since the draw (SHA-256 ${actual.slice(0, 12)}..., the manifest recorded ${expected.slice(0, 12)}...)`);
  }
}

function compareRows(wave: number, derived: RegisterRow[], recorded: RegisterRow[]): void {
  const byId = new Map(recorded.map((r) => [r.householdId, r] as const));
  for (const d of derived) {
    const r = byId.get(d.householdId);
    if (!r) throw new MismatchError(`wave ${wave}, household ${d.householdId}: missing from the register; the draw gives it ${d.arm} in stratum "${d.stratum}"`);
    const diffs: string[] = [];
    if (r.arm !== d.arm) diffs.push(`arm is ${r.arm} in the register, the draw gives ${d.arm}`);
    if (r.stratum !== d.stratum) diffs.push(`stratum is "${r.stratum}" in the register, the draw gives "${d.stratum}"`);
    if (r.pNumerator * d.pDenominator !== d.pNumerator * r.pDenominator) diffs.push(`p_treatment is ${decimal(r.pNumerator, r.pDenominator)} in the register, the draw gives ${decimal(d.pNumerator, d.pDenominator)}`);
    if (r.drawDate !== d.drawDate) diffs.push(`draw_date is "${r.drawDate}" in the register, the draw gives "${d.drawDate}"`);
    if (diffs.length > 0) throw new MismatchError(`wave ${wave}, household ${d.householdId}: ${diffs.join("; ")}`);
    byId.delete(d.householdId);
  }
  const extra = [...byId.keys()].sort(byCodeUnit);
  if (extra.length > 0) throw new MismatchError(`wave ${wave}, household ${extra[0]}: in the register but not drawn in this wave by its manifest and inputs`);
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
