/**
 * Reading the result files a report is built from, into plain aggregates. Household ids are read only to join
 * the register with the take-up file and are dropped here: nothing past this file sees an identifier.
 *
 * Text cells of effekt's own CSVs (effects, indicators, balance table) are read back with `restoreNeutralised`:
 * the writers put a `'` before a formula-like label (Excel safety) and put it back on output, so the report
 * shows the label without a stray quote and never doubles the prefix.
 *
 * CPR-like household ids in the take-up file are refused, or replaced by keyed pseudonyms (`pseudonyms`, from
 * `--allow-cpr-like-ids --pseudonym-key FILE`) so they match the register effekt draw wrote with the same key.
 *
 * Checks: a file named on the command line must exist; the effects table must hash to its meta's `table_sha256`;
 * the meta's register hash must match the register given. Each failure is one line (UserError, exit 2).
 */
import { readGainsFile, type GainsFile } from "../io/gainsFile.js";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { UserError } from "../errors.js";
import { readCsv } from "../io/csv.js";
import { restoreNeutralised } from "../io/excelSafe.js";
import { readIndicatorTable, type IndicatorRow } from "../io/indicatorTable.js";
import { readEffectTable, estimatorRank, type EffectsMetaRead, type EffectTableRow } from "../io/effectTable.js";
import { sha256, sha256File } from "../io/hash.js";
import { assertOrdinaryFile } from "../io/ordinaryFile.js";
import { readJsonFile } from "../io/json.js";
import { committedManifests, readManifests, readRegister } from "../io/register.js";
import { readTakeup } from "../io/takeup.js";
import { checkPseudonymKey, metaFilePath } from "../io/waveFiles.js";
import type { Pseudonymiser } from "../io/pseudonym.js";
import type { WaveManifest } from "../schemas/manifest.js";
import type { AnalysisPlan } from "../schemas/analysisPlan.js";
import { loadPlan } from "../plan/load.js";
import { parseIndicatorSpec, type IndicatorSpec } from "../schemas/indicatorSpec.js";
import { parseGainsModel, type GainsModel } from "../schemas/gainsModel.js";
import { tm } from "../i18n/messageLang.js";

export interface InputFile {
  role: string;
  /** The path as given, shown as its base name in outputs (no absolute paths). */
  path: string;
  sha256: string;
}

/** Households per wave and stratum (area) and arm, with take-up among the treated when a take-up file is given. */
export interface FlowCell {
  wave: number;
  area: string;
  eligible: number | null;
  treatment: number;
  control: number;
  took_up: number | null;
}

export interface ManifestSummary {
  wave: number;
  file: string;
  sha256: string;
  seed: string;
  algorithm: string;
  draw_date: string;
  eligible: number;
  exclusions: Record<string, number>;
  /** The column the wave was stratified by (the methods note), and each stratum's chance of treatment as written. */
  strata_column: string | null;
  strata: { stratum: string; p_treatment: string }[];
}

export interface RegisterData {
  flow: FlowCell[];
  manifests: ManifestSummary[];
  takeupGiven: boolean;
}

export type Num = number | null;

export interface EffectsData {
  rows: EffectTableRow[];
  meta: EffectsMetaRead | null;
}

export interface ReportInputs {
  files: InputFile[];
  register: RegisterData | null;
  balance: Record<string, string>[] | null;
  /** The joint test of balance beside it (`<register>.balance.joint.csv`, effekt draw), when present. */
  balanceJoint?: Record<string, string>[] | null;
  effects: EffectsData | null;
  indicators: IndicatorRow[] | null;
  /** gains.json, read strictly through src/io/gainsFile.ts */
  gains: GainsFile | null;
  /** The register passes `effekt verify` and is the one the effect table was estimated from (set by report/run.ts). */
  registerVerified?: boolean;
  /** The analysis plan (labels, title, design for the methods note): --plan, or the plan the effects meta names. */
  plan: AnalysisPlan | null;
  /** The indicator spec (indicator labels): --spec. */
  spec: IndicatorSpec | null;
  /** The gains model (outcome labels, name): --model. */
  model: GainsModel | null;
}

export interface InputPaths {
  plan?: string;
  spec?: string;
  model?: string;
  register?: string;
  effects?: string;
  indicators?: string;
  gains?: string;
  takeup?: string;
}

function mustExist(path: string, flag: string): void {
  if (!existsSync(path)) throw new UserError(tm("res_rep_no_file", { flag, path }));
  assertOrdinaryFile(path, flag);
}

function fileRef(role: string, path: string): InputFile {
  return { role, path, sha256: sha256File(path) };
}

const cmp = (a: string | number | null, b: string | number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Effects rows in a fixed order (whatever the file's row order): outcome, horizon, subgroup, level, estimator. */
export function sortEffects(rows: EffectTableRow[]): EffectTableRow[] {
  return [...rows].sort(
    (a, b) =>
      cmp(a.outcome, b.outcome) ||
      cmp(a.horizon, b.horizon) ||
      cmp(a.subgroup, b.subgroup) ||
      cmp(a.subgroup_level, b.subgroup_level) ||
      estimatorRank(a.estimator) - estimatorRank(b.estimator) ||
      cmp(a.estimator, b.estimator) ||
      cmp(a.estimand, b.estimand),
  );
}

/** Indicator rows in a fixed order: indicator, year, areas by name with "all areas" last. */
export function sortIndicators(rows: IndicatorRow[]): IndicatorRow[] {
  const areaKey = (a: string) => (a === "all areas" ? "\uffff" : a);
  return [...rows].sort((a, b) => cmp(a.indicator, b.indicator) || cmp(a.year, b.year) || cmp(areaKey(a.area), areaKey(b.area)));
}

/** Reads the register, its committed manifests and (optionally) the take-up file into flow counts. */
export function readRegisterData(path: string, takeupPath: string | undefined, files: InputFile[], pseudonyms?: Pseudonymiser): RegisterData {
  const rows = readRegister(path);
  if (rows.length === 0) throw new UserError(tm("res_rep_register_empty", { file: basename(path) }));
  const { committed } = committedManifests(rows, readManifests(path));
  // a key other than the one the waves were drawn with gives other pseudonyms: the take-up file would not join
  if (pseudonyms) for (const s of committed.values()) checkPseudonymKey(s.manifest.definition, { pseudonyms });
  const manifests: ManifestSummary[] = [];
  const eligibleBy = new Map<string, number>();
  for (const [wave, stored] of [...committed.entries()].sort((a, b) => a[0] - b[0])) {
    const m: WaveManifest = stored.manifest;
    const file = `${basename(path)}.manifests/${basename(stored.path)}`;
    const hash = sha256(stored.bytes);
    files.push({ role: `manifest wave ${wave}`, path: file, sha256: hash });
    manifests.push({
      wave,
      file,
      sha256: hash,
      seed: m.definition.seed,
      algorithm: m.definition.algorithm,
      draw_date: m.definition.draw_date,
      eligible: m.eligible.count,
      exclusions: { ...(m.exclusions as Record<string, number>) },
      strata_column: typeof m.definition.strata_column === "string" ? m.definition.strata_column : null,
      strata: (m.strata as { stratum: string; p_treatment?: unknown }[]).map((s) => ({ stratum: s.stratum, p_treatment: typeof s.p_treatment === "string" ? s.p_treatment : String(s.p_treatment ?? "") })),
    });
    for (const s of m.strata as { stratum: string; eligible: number }[]) eligibleBy.set(`${wave}\u0000${s.stratum}`, s.eligible);
  }
  let tookUp: Set<string> | null = null;
  if (takeupPath) {
    // the one take-up reader (src/io/takeup.ts): true/false, 1/0, ja/nej, yes/no as effekt estimate takes them
    tookUp = new Set();
    for (const [id, took] of readTakeup(takeupPath, pseudonyms)) if (took === 1) tookUp.add(id);
  }
  const cells = new Map<string, FlowCell>();
  for (const r of rows) {
    const key = `${r.wave}\u0000${r.stratum}`;
    let c = cells.get(key);
    if (!c) {
      c = { wave: r.wave, area: r.stratum, eligible: eligibleBy.get(key) ?? null, treatment: 0, control: 0, took_up: tookUp ? 0 : null };
      cells.set(key, c);
    }
    if (r.arm === "treatment") {
      c.treatment += 1;
      if (tookUp && tookUp.has(r.householdId)) c.took_up = (c.took_up ?? 0) + 1;
    } else c.control += 1;
  }
  const flow = [...cells.values()].sort((a, b) => a.wave - b.wave || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
  return { flow, manifests, takeupGiven: tookUp !== null };
}

/** Reads the balance table beside the register (`<register>.balance.csv`), if there is one. */
function readBalance(registerPath: string, files: InputFile[], joint = false): Record<string, string>[] | null {
  const name = joint ? "balance.joint.csv" : "balance.csv";
  const path = `${registerPath}.${name}`;
  if (!existsSync(path)) return null;
  files.push({ role: joint ? "balance joint" : "balance", path: `${basename(registerPath)}.${name}`, sha256: sha256(readFileSync(path)) });
  const table = readCsv(path, { required: joint ? ["wave", "households", "p_value"] : ["wave", "covariate", "n_treatment", "n_control"] });
  const out: Record<string, string>[] = [];
  for (let i = 0; i < table.nRows; i++) {
    const row: Record<string, string> = {};
    for (const h of table.header) row[h] = restoreNeutralised(table.columns.get(h)![i]);
    out.push(row);
  }
  return out;
}

/** Reads the effects table and its `.meta.json` sidecar (checked to belong together, src/io/effectTable.ts). */
export function readEffects(path: string, files: InputFile[]): EffectsData {
  const { rows, meta } = readEffectTable(path);
  if (meta) files.push({ role: "effects meta", path: basename(`${path}.meta.json`), sha256: sha256(readFileSync(`${path}.meta.json`)) });
  if (meta?.attrition) {
    meta.attrition = [...meta.attrition].sort((a, b) => cmp(a.outcome, b.outcome) || cmp(a.horizon, b.horizon) || cmp(a.arm, b.arm));
  }
  return { rows: sortEffects(rows), meta };
}

/** indicators.csv (src/io/indicatorTable.ts), in the report's order. */
export function readIndicators(path: string): IndicatorRow[] {
  return sortIndicators(readIndicatorTable(path));
}

/**
 * Reads every input given. Files named explicitly must exist (`flags` maps each path to the flag it came from,
 * for the message); a results folder's files are optional. Also checks the effects came from this register.
 */
export function readInputs(paths: InputPaths, flags: Partial<Record<keyof InputPaths, string>>, pseudonyms?: Pseudonymiser): ReportInputs {
  for (const [k, p] of Object.entries(paths) as [keyof InputPaths, string | undefined][]) {
    if (p && flags[k]) mustExist(p, flags[k]!);
  }
  const present = (p?: string) => (p && existsSync(p) ? p : undefined);
  const files: InputFile[] = [];
  const reg = present(paths.register);
  const takeup = present(paths.takeup);
  let register: RegisterData | null = null;
  let balance: Record<string, string>[] | null = null;
  let balanceJoint: Record<string, string>[] | null = null;
  if (reg) {
    files.push(fileRef("register", reg));
    if (takeup) files.push(fileRef("takeup", takeup));
    register = readRegisterData(reg, takeup, files, pseudonyms);
    balance = readBalance(reg, files);
    balanceJoint = balance ? readBalance(reg, files, true) : null;
  }
  const eff = present(paths.effects);
  let effects: EffectsData | null = null;
  if (eff) {
    files.push(fileRef("effects", eff));
    effects = readEffects(eff, files);
    const regHash = effects.meta?.register?.sha256;
    const given = reg ? files.find((f) => f.role === "register")!.sha256 : undefined;
    if (regHash && given && regHash !== given) {
      throw new UserError(tm("res_rep_other_register", { file: basename(eff), theirs: regHash.slice(0, 12), register: basename(reg!), ours: given.slice(0, 12) }));
    }
  }
  const ind = present(paths.indicators);
  const indicators = ind ? (files.push(fileRef("indicators", ind)), readIndicators(ind)) : null;
  const gp = present(paths.gains);
  const gains = gp ? (files.push(fileRef("gains", gp)), readGainsFile(gp)) : null;
  // The plan: --plan, or the one the effects meta names when it is found unchanged (same canonical hash).
  let plan: AnalysisPlan | null = null;
  const metaPlan = effects?.meta?.plan;
  if (paths.plan) {
    files.push(fileRef("plan", paths.plan));
    plan = loadPlan(paths.plan).plan;
  } else if (metaPlan && eff && metaFilePath(`${eff}.meta.json`, metaPlan.file) !== undefined) {
    const planFile = metaFilePath(`${eff}.meta.json`, metaPlan.file)!;
    try {
      const loaded = loadPlan(planFile);
      if (loaded.sha256 === metaPlan.sha256) {
        files.push(fileRef("plan", planFile));
        plan = loaded.plan;
      }
    } catch {
      // a plan edited into an invalid one since is simply not used for labels
    }
  }
  const spec = paths.spec ? (files.push(fileRef("spec", paths.spec)), parseIndicatorSpec(readJsonFile(paths.spec), basename(paths.spec))) : null;
  const model = paths.model ? (files.push(fileRef("model", paths.model)), parseGainsModel(readJsonFile(paths.model), basename(paths.model))) : null;
  for (const f of files) if (!f.path.includes(".manifests/") && !f.role.startsWith("balance") && f.role !== "effects meta") f.path = basename(f.path);
  return { files, register, balance, balanceJoint, effects, indicators, gains, plan, spec, model };
}
