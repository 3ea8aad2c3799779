import { existsSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError, UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { byCodeUnit, type Allocation, type Arm } from "../draw/wave.js";
import type { StratumPlaces } from "../draw/places.js";
import { waveManifestSchema, type WaveManifest } from "../schemas/manifest.js";
import { issueText } from "../schemas/indicatorSpec.js";
import { readCsv, throwProblems } from "./csv.js";
import { fail, idColumn, numberColumn, textColumn, where } from "./columns.js";
import { sha256 } from "./hash.js";
import { csvField, csvFieldVerbatim } from "./csvOut.js";
import { restoreNeutralised } from "./excelSafe.js";

/** A register row: an allocation plus the seal of the wave definition that produced it. */
export interface RegisterRow extends Allocation {
  seal: string;
}

export const REGISTER_COLUMNS = ["household_id", "wave", "stratum", "arm", "p_treatment", "p_fraction", "draw_date", "seal"] as const;

/** The decimal value of an exact fraction, as JavaScript's shortest round-trip representation. */
export function decimal(numerator: number, denominator: number): string {
  return String(numerator / denominator);
}

/**
 * The register's canonical bytes: UTF-8 without BOM, `,`, `\n`, rows sorted by (wave, stratum, household_id).
 * A stratum (an area name from the municipality's file) that a spreadsheet would run as a formula is written with
 * a leading `'` (`csvField`) and read back without it (`restoreNeutralised`, its exact inverse), so opening the
 * register in Excel runs nothing and verify and later draws see the name as drawn. Household ids are written as
 * they are: they must join with persons and outcomes files in any tool (R, Stata), not only in effekt.
 * Hashes in the manifests are over exactly these bytes, so the same allocations always hash the same.
 */
export function serializeRegister(rows: readonly RegisterRow[]): string {
  return registerChunks(rows).map((c) => c.toString("utf8")).join("");
}

/** Rows per chunk of `registerChunks`: a few MB each, so no 100 MB string is ever built. */
const CHUNK_ROWS = 1 << 16;

/**
 * `serializeRegister`'s bytes as a list of UTF-8 chunks whose concatenation is exactly those bytes: hashed
 * incrementally and written with `writeFileAtomic`, never joined into one string or buffer.
 */
export function registerChunks(rows: readonly RegisterRow[]): Buffer[] {
  const order = (a: RegisterRow, b: RegisterRow) => a.wave - b.wave || byCodeUnit(a.stratum, b.stratum) || byCodeUnit(a.householdId, b.householdId);
  let isSorted = true;
  for (let i = 1; i < rows.length && isSorted; i++) if (order(rows[i - 1], rows[i]) > 0) isSorted = false;
  const sorted = isSorted ? rows : [...rows].sort(order);
  const chunks: Buffer[] = [];
  let lines: string[] = [REGISTER_COLUMNS.join(",")];
  // Everything after the id is shared by a whole stratum of a wave; build it once per stratum, not per row.
  let last: RegisterRow | undefined;
  let middle = "";
  let rest = "";
  for (const r of sorted) {
    if (!last || r.wave !== last.wave || r.stratum !== last.stratum || r.pNumerator !== last.pNumerator || r.pDenominator !== last.pDenominator || r.drawDate !== last.drawDate || r.seal !== last.seal) {
      last = r;
      middle = `,${r.wave},${csvField(r.stratum)},`;
      rest = `,${decimal(r.pNumerator, r.pDenominator)},${r.pNumerator}/${r.pDenominator},${r.drawDate},${r.seal}`;
    }
    lines.push(`${csvFieldVerbatim(r.householdId)}${middle}${r.arm}${rest}`);
    if (lines.length === CHUNK_ROWS) {
      lines.push("");
      chunks.push(Buffer.from(lines.join("\n"), "utf8"));
      lines = [];
    }
  }
  if (lines.length > 0) {
    lines.push("");
    chunks.push(Buffer.from(lines.join("\n"), "utf8"));
  }
  return chunks;
}

/**
 * A newly drawn wave's register lines (after every earlier wave's, as its number is the highest), straight from
 * the draw's columns: the same bytes `registerChunks` gives for its rows, without an object per household.
 */
export function waveRegisterChunks(
  wave: { wave: number; drawDate: string; seal: string; strata: readonly StratumPlaces[]; ids: readonly string[][]; treated: readonly Uint8Array[] },
  withHeader: boolean,
): Buffer[] {
  // Bytes are written straight into chunk buffers: per row the id, then one of two tails shared by the stratum.
  const CHUNK_BYTES = 1 << 22;
  const chunks: Buffer[] = [];
  let buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  const flush = (need: number) => {
    if (at > 0) chunks.push(buf.subarray(0, at));
    buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
    at = 0;
  };
  if (withHeader) at += buf.write(`${REGISTER_COLUMNS.join(",")}\n`, at, "utf8");
  wave.strata.forEach((st, k) => {
    const middle = `,${wave.wave},${csvField(st.stratum)},`;
    const rest = `,${decimal(st.pNumerator, st.pDenominator)},${st.pNumerator}/${st.pDenominator},${wave.drawDate},${wave.seal}\n`;
    const treatmentTail = Buffer.from(`${middle}treatment${rest}`, "utf8");
    const controlTail = Buffer.from(`${middle}control${rest}`, "utf8");
    const longestTail = Math.max(treatmentTail.length, controlTail.length);
    const ids = wave.ids[k];
    const treated = wave.treated[k];
    for (let r = 0; r < ids.length; r++) {
      const id = csvFieldVerbatim(ids[r]);
      const need = 3 * id.length + longestTail; // UTF-8 takes at most 3 bytes per UTF-16 code unit
      if (at + need > buf.length) flush(need);
      at += buf.write(id, at, "utf8");
      const tail = treated[r] ? treatmentTail : controlTail;
      buf.set(tail, at);
      at += tail.length;
    }
  });
  if (at > 0) chunks.push(buf.subarray(0, at));
  return chunks;
}

export function registerHash(rows: readonly RegisterRow[]): string {
  return sha256(registerChunks(rows));
}

/** Reads a register; a missing file is an empty register. */
export function readRegister(path: string): RegisterRow[] {
  if (!existsSync(path)) return [];
  const table = readCsv(path, { required: REGISTER_COLUMNS, allowEmpty: true, collectProblems: true });
  const ids = idColumn(table, "household_id", { unique: true, allowCpr: true });
  const waves = numberColumn(table, "wave", { integer: true, min: 1 });
  const strata = textColumn(table, "stratum", { allowEmpty: true });
  const arms = textColumn(table, "arm");
  const fractions = textColumn(table, "p_fraction");
  const dates = textColumn(table, "draw_date", { allowEmpty: true });
  const seals = textColumn(table, "seal");
  const rows: RegisterRow[] = [];
  for (let i = 0; i < table.nRows; i++) {
    if (arms[i] !== "treatment" && arms[i] !== "control") {
      fail(table, new InputError(where(table, i, "arm"), tm("file_not_arm"), tm("file_exp_arm"), arms[i]));
      continue;
    }
    const m = /^(\d+)\/(\d+)$/.exec(fractions[i]);
    if (!m || Number(m[2]) === 0) { fail(table, new InputError(where(table, i, "p_fraction"), tm("file_not_fraction"), tm("file_exp_fraction"), fractions[i])); continue; }
    rows.push({
      householdId: ids[i],
      wave: waves[i],
      stratum: restoreNeutralised(strata[i]),
      arm: arms[i] as Arm,
      pNumerator: Number(m[1]),
      pDenominator: Number(m[2]),
      drawDate: dates[i],
      seal: seals[i],
    });
  }
  throwProblems(table);
  return rows;
}

/** Manifests live beside the register: `allocations.csv` -> `allocations.csv.manifests/wave-0001.json`. */
export function manifestDir(registerPath: string): string {
  return join(dirname(registerPath), `${basename(registerPath)}.manifests`);
}

export function manifestPath(registerPath: string, wave: number): string {
  return join(manifestDir(registerPath), `wave-${String(wave).padStart(4, "0")}.json`);
}

export interface StoredManifest {
  manifest: WaveManifest;
  bytes: string;
  path: string;
}

/** Reads every manifest file beside the register, by wave. */
export function readManifests(registerPath: string): Map<number, StoredManifest> {
  const dir = manifestDir(registerPath);
  const out = new Map<number, StoredManifest>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const m = /^wave-(\d{4,})\.json$/.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const bytes = readFileSync(path, "utf8");
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes);
    } catch {
      throw new UserError(tm("file_manifest_not_json", { path }));
    }
    const result = waveManifestSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UserError(tm("file_manifest_field", { path, field: issue.path.join(".") || tm("file_field_top"), problem: issueText(issue) }));
    }
    if (result.data.definition.wave !== Number(m[1])) {
      throw new UserError(tm("file_manifest_wave", { path, wave: result.data.definition.wave, named: Number(m[1]) }));
    }
    out.set(Number(m[1]), { manifest: result.data, bytes, path });
  }
  return out;
}

/** One line of the commit record: a wave whose register was written, with its manifest's and the register's hash. */
export interface CommitEntry {
  wave: number;
  manifestSha256: string;
  registerSha256After: string;
}

/** The commit record beside the manifests: `commits.log`, one line per committed wave, written after the register. */
export function commitLogPath(registerPath: string): string {
  return join(manifestDir(registerPath), "commits.log");
}

/**
 * Reads the commit record (empty when there is none: a register drawn before effekt kept one). It tells a wave
 * whose register was written (committed; its rows may not disappear) from a draw interrupted before that.
 */
export function readCommitLog(registerPath: string): Map<number, CommitEntry> {
  const path = commitLogPath(registerPath);
  const out = new Map<number, CommitEntry>();
  if (!existsSync(path)) return out;
  readFileSync(path, "utf8").split("\n").forEach((line, i) => {
    if (line === "" || /^plan-lock \d+ [0-9a-f]{64}$/.test(line)) return;
    const m = /^wave (\d+) manifest ([0-9a-f]{64}) register ([0-9a-f]{64})$/.exec(line);
    if (!m) throw new UserError(tm("file_commit_line", { path, n: i + 1 }));
    out.set(Number(m[1]), { wave: Number(m[1]), manifestSha256: m[2], registerSha256After: m[3] });
  });
  return out;
}

/**
 * The plan lock's entries as the commit record anchors them (`plan-lock K SHA256`, the K-th lock's entry hash, in
 * order), so a lock file whose history was cut is caught even when its own hash chain was rewritten to match.
 */
export function readPlanLockAnchors(registerPath: string): string[] {
  const path = commitLogPath(registerPath);
  if (!existsSync(path)) return [];
  const out: string[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^plan-lock (\d+) ([0-9a-f]{64})$/.exec(line);
    if (m) out[Number(m[1]) - 1] = m[2];
  }
  return out;
}

/** The commit record's bytes: the waves (in wave order), then the plan lock anchors (kept as they were unless given). */
export function commitLogText(entries: Iterable<CommitEntry>, planLocks: readonly string[]): string {
  const waves = [...entries].sort((a, b) => a.wave - b.wave).map((e) => `wave ${e.wave} manifest ${e.manifestSha256} register ${e.registerSha256After}\n`);
  return [...waves, ...planLocks.map((h, k) => `plan-lock ${k + 1} ${h}\n`)].join("");
}

/** The commit record entry of a stored manifest. */
export function commitEntryOf(stored: StoredManifest): CommitEntry {
  return { wave: stored.manifest.definition.wave, manifestSha256: sha256(stored.bytes), registerSha256After: stored.manifest.register_sha256_after };
}

/**
 * The manifests that the register commits to. The register file is the commit point of a draw: a manifest is
 * written first, then the register. A manifest whose `register_sha256_after` the register does not reach was
 * left by an interrupted draw; it is not part of the register's history and is removed by the next draw.
 */
export function committedManifests(rows: readonly RegisterRow[], manifests: Map<number, StoredManifest>, commits: Map<number, CommitEntry> = new Map()): {
  committed: Map<number, StoredManifest>;
  uncommitted: StoredManifest[];
  /** Waves the commit record says were committed whose rows are no longer in the register (tampering). */
  removed: number[];
} {
  const committed = new Map<number, StoredManifest>();
  const uncommitted: StoredManifest[] = [];
  const maxWave = rows.reduce((w, r) => Math.max(w, r.wave), 0);
  for (const [wave, stored] of manifests) {
    if (wave > maxWave && stored.manifest.register_sha256_after !== registerHash(rows.filter((r) => r.wave <= wave))) {
      if (!commits.has(wave)) uncommitted.push(stored);
    } else {
      committed.set(wave, stored);
    }
  }
  // A committed wave stays committed: its rows gone (with or without its manifest) is a removed wave, not an interrupted draw.
  const removed = [...commits.keys()].filter((w) => w > maxWave).sort((a, b) => a - b);
  return { committed, uncommitted, removed };
}

export function removeUncommitted(uncommitted: readonly StoredManifest[]): void {
  for (const u of uncommitted) {
    try { unlinkSync(u.path); } catch { /* already gone */ }
  }
}
