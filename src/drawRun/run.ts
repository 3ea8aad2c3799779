import { existsSync, readFileSync } from "node:fs";
import { UserError } from "../errors.js";
import { VIBORG_AREAS } from "../draw/eligibility.js";
import { ALGORITHM } from "../draw/wave.js";
import { RNG_NAME } from "../draw/rng.js";
import { parseTreat } from "../draw/places.js";
import { balanceTable, type Covariate } from "../draw/balance.js";
import { unlinkSync } from "node:fs";
import { assertWritable, writeFileAtomic } from "../io/atomic.js";
import { acquireLock } from "../io/lock.js";
import { guardOutputs, registerFamily, requireInputFile } from "../io/outputGuard.js";
import { decimalMark, parseDateFlag, formatDay } from "../io/columns.js";
import { commitEntryOf, commitLogPath, commitLogText, committedManifests, readPlanLockAnchors, manifestPath, readCommitLog, readManifests, readRegister, registerHash, removeUncommitted, type RegisterRow, type StoredManifest } from "../io/register.js";
import { sha256, sha256File } from "../io/hash.js";
import type { IdPolicy } from "../io/pseudonym.js";
import { buildWave, checkPseudonymKey, inputHashes, keepBytes, keepInput, loadPseudonymisedCopy, loadWaveHouseholds, pseudonymisedCopy, storedPath, waveInputPath } from "../io/waveFiles.js";
import { applyAreaNames } from "../io/households.js";
import { matchAreas } from "../draw/areaNames.js";
import { eligibilityByArea } from "../draw/eligibility.js";
import { balanceCsv, formatBalance, formatJointBalance, jointBalanceCsv, jointBalancePath } from "../report/balance.js";
import { JOINT_BALANCE_REDRAWS, lotteryJointBalance, type JointBalanceRow } from "../estimate/balance_lottery.js";
import type { LotteryHousehold } from "../draw/redraw.js";
import { parseMinCell } from "../disclosure/rules.js";
import { drawnLines, dryRunLines, reason } from "./summary.js";
import { messageLang, tm } from "../i18n/messageLang.js";
import { formatNumber } from "../i18n/numbers.js";
import type { DrawDefinition } from "../schemas/manifest.js";
import { canonicalJson } from "../schemas/manifest.js";
import { recordedSettings, settingsFor } from "../io/inputSettings.js";
import { idPolicyFrom } from "../io/pseudonym.js";

export interface DrawOptions {
  households: string;
  cases?: string;
  date?: string;
  register: string;
  wave: string;
  seed: string;
  treat: string;
  strata: string;
  areas?: string;
  minCases: string;
  balance?: string;
  balanceRedraws?: string;
  minCell?: string;
  allowCprLikeIds?: boolean;
  pseudonymKey?: string;
  areaAlias?: string[];
  excludeArea?: string[];
  dryRun?: boolean;
}

function parseWhole(raw: string, flag: string, min: number): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) throw new UserError(tm("draw_not_whole", { flag, raw, min, max: Number.MAX_SAFE_INTEGER }));
  return Number(raw);
}

/** Above this many households the joint balance test runs only when --balance-redraws asks for it (it costs re-draws x households). */
export const JOINT_TEST_MAX_HOUSEHOLDS = 100_000;

/**
 * `effekt draw`: one wave of the lottery into the register (or, with `--dry-run`, its eligibility and places only),
 * its manifest and commit record, and the balance tables; the terminal lines go to `say`.
 */
export function runDraw(opts: DrawOptions, say: (line: string) => void): void {
  const wave = parseWhole(opts.wave, "wave", 1);
  const minCell = parseMinCell(opts.minCell);
  const balanceRedraws = opts.balanceRedraws === undefined ? undefined : parseWhole(opts.balanceRedraws, "balance-redraws", 0);
  if (balanceRedraws !== undefined && balanceRedraws > 1_000_000) throw new UserError(tm("draw_redraws_too_many", { n: balanceRedraws }));
  const minCases = parseWhole(opts.minCases, "min-cases", 0);
  const treat = parseTreat(opts.treat);
  if (opts.seed.trim() === "") throw new UserError(tm("draw_seed_empty"));
  const drawDay = opts.date !== undefined ? parseDateFlag(opts.date, "date") : undefined;
  if (opts.cases && drawDay === undefined) throw new UserError(tm("in_cases_need_date"));
  const areas = (opts.areas ? opts.areas.split(",") : [...VIBORG_AREAS]).map((a) => a.trim().normalize("NFC")).filter((a) => a !== "");
  if (areas.length === 0) throw new UserError(tm("draw_areas_none"));
  requireInputFile(opts.households, "--households");
  requireInputFile(opts.cases, "--cases");
  const registerPath = opts.register;
  const balancePath = opts.balance ?? `${registerPath}.balance.csv`;
  // Nothing the draw reads may be written over: the register not onto an input, the balance table onto neither.
  const inputs = [{ path: opts.households, what: "--households" }, ...(opts.cases ? [{ path: opts.cases, what: "--cases" }] : [])];
  guardOutputs([{ path: registerPath, flag: "--register", kind: "file", replaces: ["register"] }], inputs);
  guardOutputs([{ path: balancePath, flag: "--balance", kind: "file", replaces: ["balance"] }, { path: jointBalancePath(balancePath), flag: "--balance", kind: "file", replaces: ["balance"] }], [...inputs, ...registerFamily(registerPath)]);
  const idPolicy = idPolicyFrom(opts);

  // A dry run writes nothing, not even the lock.
  const release = opts.dryRun ? () => {} : acquireLock(registerPath);
  try {
    const prior = readRegister(registerPath);
    const commits = readCommitLog(registerPath);
    const { committed, uncommitted, removed } = committedManifests(prior, readManifests(registerPath), commits);
    if (removed.length > 0) {
      throw new UserError(tm("draw_wave_removed", { register: registerPath, wave: removed[0] }));
    }
    const lastWave = committed.size === 0 ? 0 : Math.max(...committed.keys());
    const priorHash = registerHash(prior);
    checkRegisterIntact(registerPath, priorHash, committed, lastWave);
    if (existsSync(registerPath) && sha256File(registerPath) !== priorHash) {
      throw new UserError(tm("draw_register_edited", { register: registerPath }));
    }
    // Earlier waves drawn with keyed pseudonyms need the same key now, before anything is written.
    for (const s of committed.values()) checkPseudonymKey(s.manifest.definition, idPolicy);

    const hashes = inputHashes(opts.households, opts.cases);
    const given = [opts.households, ...(opts.cases ? [opts.cases] : [])];
    const definition: DrawDefinition = {
      wave,
      algorithm: ALGORITHM,
      rng: RNG_NAME,
      seed: opts.seed,
      draw_date: drawDay === undefined ? "" : formatDay(drawDay),
      areas,
      min_cases: minCases,
      strata_column: opts.strata,
      treat,
      inputs: {
        households: withRead({ path: storedPath(registerPath, opts.households), sha256: hashes.households }, "households"),
        ...(opts.cases ? { cases: withRead({ path: storedPath(registerPath, opts.cases), sha256: hashes.cases!, date: formatDay(drawDay!) }, "cases") } : {}),
      },
      ...(idPolicy.pseudonyms ? { pseudonym_key_check: idPolicy.pseudonyms.keyCheck } : {}),
    };

    // Area names as the file spells them, matched to the selected areas (draw/areaNames.ts) before anything else.
    const households = loadWaveHouseholds(registerPath, definition, { households: opts.households, cases: opts.cases }, idPolicy);
    const areaNames = matchFileAreas(households.areas, areas, opts, opts.households);
    if (Object.keys(areaNames).length > 0) {
      definition.area_names = areaNames;
      applyAreaNames(households, areaNames);
    }
    // A pseudonymised wave keeps its households as read (pseudonyms, no CPR number) in place of the exports, so
    // verify and later waves need neither the exports nor the key (io/waveFiles.ts pseudonymisedCopy).
    const copy = idPolicy.pseudonyms ? pseudonymisedCopy(households, opts.strata) : undefined;
    if (copy) definition.inputs.pseudonymised_households = sha256(copy);

    const existing = committed.get(wave);
    if (existing) {
      // a wave drawn before copies were kept is confirmed without one
      if (existing.manifest.definition.inputs.pseudonymised_households === undefined) delete definition.inputs.pseudonymised_households;
      confirmSameWave(existing.manifest.definition, definition);
      say(tm("draw_already_drawn", { wave, register: registerPath }));
      // A draw killed after committing the register left the derived files stale or missing: rebuild them. Nothing
      // the lottery decided changes (register and manifests are only read).
      if (wave === lastWave) {
        const repaired: string[] = [];
        const record = commitLogText([...committed.values()].map(commitEntryOf), readPlanLockAnchors(registerPath));
        if (!existsSync(commitLogPath(registerPath)) || readFileSync(commitLogPath(registerPath), "utf8") !== record) {
          writeFileAtomic(commitLogPath(registerPath), record);
          repaired.push(tm("draw_rebuilt_commit"));
        }
        const waves = earlierWaves(registerPath, committed, prior, idPolicy, given);
        const balanceBytes = balanceCsv(balanceOfWaves(waves));
        if (!existsSync(balancePath) || readFileSync(balancePath, "utf8") !== balanceBytes) {
          writeFileAtomic(balancePath, balanceBytes);
          repaired.push(tm("draw_rebuilt_balance", { file: balancePath }));
        }
        const jointPath = jointBalancePath(balancePath);
        const jointBytes = jointBalanceCsv(jointBalanceOfWaves(waves, balanceRedraws).rows);
        if (!existsSync(jointPath) || readFileSync(jointPath, "utf8") !== jointBytes) {
          writeFileAtomic(jointPath, jointBytes);
          repaired.push(tm("draw_rebuilt_joint", { file: jointPath }));
        }
        if (repaired.length > 0) say(tm("draw_rebuilt", { files: repaired.join(", ") }));
      }
      return;
    }
    if (wave !== lastWave + 1) {
      throw new UserError(tm("draw_not_next_wave", { wave, has: lastWave === 0 ? tm("draw_no_waves") : lastWave === 1 ? tm("draw_waves_first") : tm("draw_waves_up_to", { last: lastWave }), next: lastWave + 1 }));
    }
    // A draw of this wave interrupted before its commit point may be finished, but only with the same settings.
    const interrupted = uncommitted.find((u) => u.manifest.definition.wave === wave);
    if (interrupted && canonicalJson(interrupted.manifest.definition) !== canonicalJson(definition)) {
      throw new UserError(tm("draw_interrupted", { manifest: interrupted.path, wave }));
    }

    const previous = lastWave > 0 ? committed.get(lastWave)!.bytes : null;
    const built = buildWave({ definition, households, priorRows: prior, priorRegisterHash: priorHash, previousManifestBytes: previous });
    if (opts.dryRun) {
      printDryRun(built, households, areas, prior, minCases, wave, minCell, say);
      return;
    }
    if (built.eligibleCount === 0) {
      throw new UserError(tm("draw_none_eligible", { wave, excluded: formatExclusions(built.excluded) }));
    }
    // Everything that can fail runs before the commit point: the earlier waves' inputs (kept copies, hash-checked)
    // for the balance table, and the balance table itself.
    const perWave = earlierWaves(registerPath, committed, prior, idPolicy, given);
    perWave.push({ covariates: households.covariates, wave, ...built.units, households: () => built.rows });
    const balance = balanceOfWaves(perWave);
    const balanceBytes = balanceCsv(balance);
    const joint = jointBalanceOfWaves(perWave, balanceRedraws);
    const jointBytes = jointBalanceCsv(joint.rows);
    const jointPath = jointBalancePath(balancePath);
    const manifestBytes = `${JSON.stringify(built.manifest, null, 2)}\n`;
    const record = commitLogText([...[...committed.values()].map(commitEntryOf), { wave, manifestSha256: sha256(manifestBytes), registerSha256After: built.manifest.register_sha256_after }], readPlanLockAnchors(registerPath));
    // A register or balance table open in Excel (locked on Windows) stops the draw here, before anything is written.
    assertWritable(registerPath);
    assertWritable(balancePath);
    assertWritable(jointPath);
    // Inputs kept by content hash, so verify and later waves never depend on the export files staying unchanged.
    // Not for a wave whose ids were pseudonymised here: its file holds CPR-like ids, which stay out of the folder.
    if (!idPolicy.pseudonyms) {
      keepInput(registerPath, opts.households, hashes.households);
      if (opts.cases) keepInput(registerPath, opts.cases, hashes.cases!);
    } else if (copy) {
      keepBytes(registerPath, copy, definition.inputs.pseudonymised_households!);
    }
    // Commit order: the manifest first, then the register. The register is the commit point (see io/register.ts).
    removeUncommitted(uncommitted);
    const newManifest = manifestPath(registerPath, wave);
    writeFileAtomic(newManifest, manifestBytes);
    try {
      writeFileAtomic(registerPath, built.registerBytes);
    } catch (err) {
      // Not committed: the manifest goes too, so the folder is as before.
      try { unlinkSync(newManifest); } catch { /* already gone */ }
      throw err;
    }
    // After the commit point only derived files, each rebuilt by re-running the same draw.
    writeFileAtomic(commitLogPath(registerPath), record);
    const registerRows = prior.length + built.eligibleCount;
    writeFileAtomic(balancePath, balanceBytes);
    writeFileAtomic(jointPath, jointBytes);

    const m = built.manifest;
    for (const line of drawnLines({ wave, areas: areaLines(households, areas, prior, minCases), strata: m.strata, exclusions: m.exclusions, registerHouseholds: registerRows, registerPath, manifestPath: manifestPath(registerPath, wave), minCell })) say(line);
    say("");
    say(tm(wave > 1 ? "draw_balance_heading_pooled" : "draw_balance_heading", { file: balancePath }));
    say(formatBalance(balance, minCell, messageLang()));
    if (!joint.skipped) say(formatJointBalance(joint.rows, messageLang()));
    else if (balanceRedraws === 0) say(tm("draw_joint_left_out"));
    else say(tm("draw_joint_left_out_large", { households: countText(joint.households), max: countText(JOINT_TEST_MAX_HOUSEHOLDS) }));
  } finally {
    release();
  }
}

/** The committed waves' households for the balance table, each read from its kept input (hash-checked). */
function earlierWaves(registerPath: string, committed: Map<number, StoredManifest>, prior: readonly RegisterRow[], idPolicy: IdPolicy, given: readonly string[]): WaveForBalance[] {
  return [...committed.values()].sort((a, b) => a.manifest.definition.wave - b.manifest.definition.wave).map((s) => {
    const d = s.manifest.definition;
    const copy = loadPseudonymisedCopy(registerPath, d);
    if (copy) return drawnWave(copy, prior.filter((r) => r.wave === d.wave));
    const file = waveInputPath(registerPath, d.wave, "households", d.inputs.households, undefined, given);
    if (sha256File(file) !== d.inputs.households.sha256) {
      throw new UserError(tm("draw_households_changed", { wave: d.wave, file }));
    }
    if (d.inputs.cases) {
      const cases = waveInputPath(registerPath, d.wave, "cases", d.inputs.cases, undefined, given);
      if (sha256File(cases) !== d.inputs.cases.sha256) throw new UserError(tm("draw_cases_changed", { wave: d.wave, file: cases }));
    }
    return drawnWave(loadWaveHouseholds(registerPath, d, {}, { allowCpr: true, pseudonyms: idPolicy.pseudonyms }, given), prior.filter((r) => r.wave === d.wave));
  });
}

/**
 * The file's area names matched to the selected areas (see draw/areaNames.ts): returns the names read as another
 * spelling of a selected area; stops on a name near a selected one that is neither aliased nor excluded, and on an
 * area named by --areas that no household lives in. The default areas may be only partly in the file.
 */
function matchFileAreas(fileAreas: readonly string[], selected: readonly string[], opts: DrawOptions, file: string): Record<string, string> {
  const counts = new Map<string, number>();
  for (const a of fileAreas) counts.set(a, (counts.get(a) ?? 0) + 1);
  const aliases: Record<string, string> = {};
  for (const a of opts.areaAlias ?? []) {
    const at = a.lastIndexOf("=");
    const to = at > 0 ? a.slice(at + 1).trim().normalize("NFC") : "";
    if (at <= 0 || !selected.includes(to)) {
      throw new UserError(tm("draw_area_alias_bad", { alias: a, areas: selected.map((x) => `"${x}"`).join(", ") }));
    }
    aliases[a.slice(0, at).trim().normalize("NFC")] = to;
  }
  const m = matchAreas(counts, selected, aliases, (opts.excludeArea ?? []).map((x) => x.trim().normalize("NFC")));
  if (m.unconfirmed.length > 0) {
    const listed = m.unconfirmed.map((u) => (u.count === 1 ? tm("draw_area_unconfirmed_one", { name: u.name, nearest: u.nearest }) : tm("draw_area_unconfirmed_many", { name: u.name, n: u.count, nearest: u.nearest }))).join(", ");
    const first = m.unconfirmed[0];
    throw new UserError(tm("draw_area_unconfirmed", { file, names: listed, name: first.name, nearest: first.nearest }));
  }
  if (opts.areas !== undefined && m.absent.length > 0) {
    throw new UserError(tm("draw_areas_absent", { absent: m.absent.map((a) => `"${a}"`).join(", "), file, present: [...counts.keys()].sort().map((a) => `"${a}"`).join(", ") }));
  }
  return m.names;
}

/** `--dry-run`: eligibility by area and reason, and the strata with their places; nothing drawn is shown or written. */
function printDryRun(built: ReturnType<typeof buildWave>, households: { ids: string[]; areas: string[]; activeCases: ArrayLike<number> }, selected: readonly string[], prior: readonly RegisterRow[], minCases: number, wave: number, minCell: number, say: (line: string) => void): void {
  for (const line of dryRunLines({ wave, selected, minCases, areas: areaLines(households, selected, prior, minCases), strata: built.manifest.strata, minCell })) say(line);
}

/** Eligibility by area of the households file (households, eligible, excluded by reason), in code-unit order of the area. */
function areaLines(households: { ids: string[]; areas: string[]; activeCases: ArrayLike<number> }, selected: readonly string[], prior: readonly RegisterRow[], minCases: number): { area: string; households: number; eligible: number; exclusions: Record<string, number> }[] {
  const byArea = eligibilityByArea({ householdIds: households.ids, areas: households.areas, activeCases: households.activeCases, selectedAreas: selected, minCases, alreadyDrawn: new Set(prior.map((r) => r.householdId)) });
  return [...byArea].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([area, x]) => ({ area, ...x }));
}

/** An input's entry in the manifest, with how it was read (sheet, title lines, header mapping) when not plainly. */
function withRead<T extends object>(entry: T, format: "households" | "cases"): T & { read?: ReturnType<typeof recordedSettings> } {
  // --decimal, when given, is part of how the file was read: verify and later waves re-read it the same way.
  const read = recordedSettings({ ...settingsFor(format), decimal: decimalMark() });
  return read === undefined ? entry : { ...entry, read };
}

/** One wave's drawn households, in register order: arm, and row in the households file it was drawn from (-1 if absent). */
interface WaveForBalance {
  covariates: Covariate[];
  wave: number;
  treated: Uint8Array;
  fileRows: Int32Array;
  /** the drawn households in the same order (id, wave, stratum, arm), for the joint test's re-draws of the lottery */
  households: () => readonly LotteryHousehold[];
}

/** An earlier wave's households from its register rows, found in its households file by id. */
function drawnWave(households: { covariates: Covariate[]; rowOf: Map<string, number> }, rows: readonly RegisterRow[]): WaveForBalance {
  const treated = new Uint8Array(rows.length);
  const fileRows = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    treated[k] = rows[k].arm === "treatment" ? 1 : 0;
    fileRows[k] = households.rowOf.get(rows[k].householdId) ?? -1;
  }
  return { covariates: households.covariates, wave: rows.length > 0 ? rows[0].wave : 0, treated, fileRows, households: () => rows };
}

/** The balance table of the given waves (per wave and pooled). */
function balanceOfWaves(perWave: WaveForBalance[]) {
  const total = perWave.reduce((a, w) => a + w.treated.length, 0);
  const wave = new Int32Array(total);
  const treated = new Uint8Array(total);
  let at = 0;
  for (const w of perWave) {
    wave.fill(w.wave, at, at + w.treated.length);
    treated.set(w.treated, at);
    at += w.treated.length;
  }
  return balanceTable({ wave, treated }, mergeCovariates(perWave));
}

/**
 * The joint test of balance of the given waves (src/estimate/balance_lottery.ts: per wave and pooled, all
 * covariates at once, by re-running the register's lottery). Left out (skipped) with 0 re-draws, and above
 * JOINT_TEST_MAX_HOUSEHOLDS households unless the re-draws were asked for.
 */
function jointBalanceOfWaves(perWave: WaveForBalance[], redraws: number | undefined): { rows: JointBalanceRow[]; skipped: boolean; households: number } {
  const total = perWave.reduce((a, w) => a + w.treated.length, 0);
  const S = redraws ?? (total > JOINT_TEST_MAX_HOUSEHOLDS ? 0 : JOINT_BALANCE_REDRAWS);
  if (S === 0) return { rows: [], skipped: true, households: total };
  const households = perWave.flatMap((w) => [...w.households()]);
  return { rows: lotteryJointBalance({ households, covariates: mergeCovariates(perWave), redraws: S }), skipped: false, households: total };
}

/** Stacks each wave's covariates for its drawn households; a covariate absent from a wave's file is missing there. */
function mergeCovariates(waves: WaveForBalance[]): Covariate[] {
  const names: { name: string; kind: Covariate["kind"] }[] = [];
  for (const w of waves) for (const c of w.covariates) if (!names.some((n) => n.name === c.name)) names.push({ name: c.name, kind: c.kind });
  const rowsOf = waves.map((w) => w.fileRows);
  const total = rowsOf.reduce((a, r) => a + r.length, 0);
  return names.map(({ name, kind }) => {
    const numeric = kind === "numeric" ? new Float64Array(total) : undefined;
    const levels: (string | undefined)[] = kind === "categorical" ? new Array(total) : [];
    let at = 0;
    waves.forEach((w, k) => {
      const c = w.covariates.find((x) => x.name === name && x.kind === kind);
      for (const i of rowsOf[k]) {
        if (numeric) numeric[at] = c && c.kind === "numeric" && i >= 0 ? c.values[i] : NaN;
        else levels[at] = c && c.kind === "categorical" && i >= 0 ? c.levels[i] : undefined;
        at++;
      }
    });
    return numeric ? { name, kind: "numeric" as const, values: numeric } : { name, kind: "categorical" as const, levels };
  });
}

function formatExclusions(ex: Record<string, number>): string {
  return Object.entries(ex).map(([k, v]) => `${v} ${reason(k)}`).join(", ");
}

/** A count of households as the run's language writes it (1,000,000 / 1.000.000). */
function countText(n: number): string {
  return messageLang() === "en" ? n.toLocaleString("en") : formatNumber(n, messageLang(), 0);
}

/** Refuses to add to a register whose bytes are not what its last manifest says they are. */
function checkRegisterIntact(registerPath: string, priorHash: string, committed: ReturnType<typeof committedManifests>["committed"], lastWave: number): void {
  const expected = lastWave === 0 ? registerHash([]) : committed.get(lastWave)!.manifest.register_sha256_after;
  if (priorHash !== expected) {
    throw new UserError(tm("draw_register_changed", { register: registerPath, wave: lastWave }));
  }
}

function confirmSameWave(recorded: DrawDefinition, requested: DrawDefinition): void {
  if (canonicalJson(recorded) === canonicalJson(requested)) return;
  const differences: string[] = [];
  const keys = new Set([...Object.keys(recorded), ...Object.keys(requested)]) as Set<keyof DrawDefinition>;
  for (const k of keys) {
    if (k === "inputs") {
      const a = recorded.inputs;
      const b = requested.inputs;
      if (a.households.sha256 !== b.households.sha256) differences.push(tm("draw_diff_households"));
      else if (a.households.path !== b.households.path) differences.push(tm("draw_diff_households_path"));
      if (canonicalJson(a.households.read ?? null) !== canonicalJson(b.households.read ?? null)) differences.push(tm("draw_diff_households_read"));
      if (canonicalJson(a.cases ?? null) !== canonicalJson(b.cases ?? null)) differences.push(tm("draw_diff_cases"));
    } else if (canonicalJson(recorded[k]) !== canonicalJson(requested[k])) {
      differences.push(k === "seed" ? tm("draw_diff_seed") : tm("draw_diff_field", { field: k, recorded: canonicalJson(recorded[k]), now: canonicalJson(requested[k]) }));
    }
  }
  throw new UserError(tm("draw_redraw_refused", { wave: recorded.wave, differences: differences.join("; ") }));
}
