import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import { UserError, type InputLocation } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { formatZodIssues } from "../schemas/indicatorSpec.js";
import { writeFileAtomic } from "./atomic.js";
import { numberCell, numberColumn, textColumn, where } from "./columns.js";
import { readCsv, throwProblems } from "./csv.js";
import { csvField } from "./csvOut.js";
import { restoreNeutralised } from "./excelSafe.js";
import { sha256 } from "./hash.js";
import { readJsonFile } from "./json.js";
import { acquireLock } from "./lock.js";
import { storedPath } from "./waveFiles.js";

/**
 * The effect table and its sidecar `<table>.meta.json`: columns, row and meta types, the zod schema of the meta, the
 * writer (`effekt estimate`) and the readers (`effekt report`, `effekt gains --estimates`). Documented in
 * data-schemas/effect-table.md and data-schemas/effect-table-meta.md.
 */

// ---------------------------------------------------------------------------------------------------- the table

/** One row per outcome x horizon x estimator x subgroup (level); the columns in this order. */
export const EFFECT_COLUMNS = [
  "outcome", "horizon", "estimator", "estimand", "subgroup", "subgroup_level",
  "estimate", "std_error", "df", "ci_low", "ci_high", "p_value", "p_ri", "p_holm", "p_bh", "p_interaction",
  "p_ri_wy", "ri_ci_low", "ri_ci_high",
  "n_treatment", "n_control", "n_clusters", "control_mean", "first_stage", "role", "allocation",
] as const;

export type EffectColumn = (typeof EFFECT_COLUMNS)[number];

export type Estimator = "difference_in_means" | "lm_lin" | "cace_ratio";
/**
 * Estimators in the order an evaluator reads them: effekt's three, and the names other tools' tables may hold
 * (`lm_robust`, `iv_robust`) in their place.
 */
export const ESTIMATOR_ORDER: readonly string[] = ["difference_in_means", "lm_lin", "lm_robust", "cace_ratio", "iv_robust"];
/** An estimator's place in ESTIMATOR_ORDER; unknown ones after. */
export function estimatorRank(e: string): number {
  const k = ESTIMATOR_ORDER.indexOf(e);
  return k < 0 ? ESTIMATOR_ORDER.length : k;
}
export type Role = "primary" | "secondary" | "exploratory";

/** A row as effekt estimate computes it, numbers unformatted; `undefined` = an empty cell (never NaN). */
export interface EffectRow {
  outcome: string;
  /** whole years after the draw; undefined in quick mode without --by-horizon */
  horizon?: number;
  estimator: Estimator;
  estimand: "ITT" | "CACE";
  /** "" for the whole sample */
  subgroup: string;
  subgroup_level: string;
  estimate?: number;
  std_error?: number;
  df?: number;
  ci_low?: number;
  ci_high?: number;
  p_value?: number;
  p_ri?: number;
  p_holm?: number;
  p_bh?: number;
  p_interaction?: number;
  /** RI p-value adjusted over the Holm family by Westfall-Young step-down min-p */
  p_ri_wy?: number;
  /** randomisation-inference interval: constant effects not rejected (primary rows) */
  ri_ci_low?: number;
  ri_ci_high?: number;
  n_treatment: number;
  n_control: number;
  n_clusters: number;
  control_mean?: number;
  /** CACE rows: the first stage, the blocked ITT on take-up over the persons this row analyses */
  first_stage?: number;
  role: Role;
  allocation: string;
}

/** 10 significant digits, shortest form; not finite -> empty cell. */
export function formatTableNumber(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return "";
  return String(Number(v.toPrecision(10)));
}

/** Each cell as text (CSV) -- numbers rounded to 10 significant digits. */
export function rowCells(r: EffectRow): Record<EffectColumn, string> {
  const out = {} as Record<EffectColumn, string>;
  for (const c of EFFECT_COLUMNS) {
    const v = r[c];
    out[c] = typeof v === "number" ? formatTableNumber(v) : v === undefined ? "" : v;
  }
  return out;
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deterministic order: outcomes in the order given (the plan's, or the --outcome flags'), then horizon, then
 * estimator (difference_in_means, lm_lin, cace_ratio), then the whole sample before subgroups, subgroups in the
 * order given, levels by code unit.
 */
export function sortRows(rows: readonly EffectRow[], outcomeOrder: readonly string[], subgroupOrder: readonly string[] = []): EffectRow[] {
  const oi = (o: string) => { const i = outcomeOrder.indexOf(o); return i < 0 ? outcomeOrder.length : i; };
  const si = (s: string) => (s === "" ? -1 : subgroupOrder.indexOf(s) < 0 ? subgroupOrder.length : subgroupOrder.indexOf(s));
  return [...rows].sort((a, b) =>
    oi(a.outcome) - oi(b.outcome) || byCodeUnit(a.outcome, b.outcome) ||
    (a.horizon ?? 0) - (b.horizon ?? 0) ||
    estimatorRank(a.estimator) - estimatorRank(b.estimator) ||
    si(a.subgroup) - si(b.subgroup) || byCodeUnit(a.subgroup, b.subgroup) ||
    byCodeUnit(a.subgroup_level, b.subgroup_level));
}

/** CSV with the header, `,`, `\n`, UTF-8. */
export function formatCsv(rows: readonly EffectRow[]): string {
  const lines = [EFFECT_COLUMNS.join(",")];
  for (const r of rows) {
    const cells = rowCells(r);
    lines.push(EFFECT_COLUMNS.map((c) => csvField(cells[c])).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** JSON: an array of objects with the same keys; an empty cell is null, numbers as numbers (10 significant digits). */
export function formatJson(rows: readonly EffectRow[]): string {
  const docs = rows.map((r) => {
    const cells = rowCells(r);
    return Object.fromEntries(EFFECT_COLUMNS.map((c) => {
      const v = r[c];
      if (typeof v === "number") return [c, cells[c] === "" ? null : Number(cells[c])];
      return [c, v === undefined || (v === "" && c !== "subgroup" && c !== "subgroup_level") ? null : v];
    }));
  });
  return `${JSON.stringify(docs, null, 2)}\n`;
}

// ----------------------------------------------------------------------------------------------------- the meta

/**
 * The sidecar `<table>.meta.json` (format `effekt-effects-meta-v1`): which inputs (by SHA-256) and which plan
 * produced the table, and `table_sha256` so a reader can tell the two files belong together. No person or household
 * id. `report` and `gains` copy its fields into what they write, so a hand-edited sidecar is refused on reading,
 * naming the field, rather than passed on (a version "NaN", a negative count, an attrition list that is not a list).
 */
export const META_FORMAT = "effekt-effects-meta-v1";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in lower-case hex (64 characters)");
const count = z.number().int("must be a whole number").min(0, "must be 0 or more");
const fileRef = z.object({ file: z.string(), sha256: hex64 });
const arm = z.enum(["treatment", "control"], { errorMap: () => ({ message: 'must be "treatment" or "control"' }) });

const horizon = z.number().int().positive();
const familyReport = z.object({
  name: z.string(),
  members: z.array(z.object({ outcome: z.string(), horizon, status: z.enum(["estimated", "pending", "not estimated"]) })),
  /** how a member without a p-value entered the adjustment */
  pending_rule: z.string(),
});
const attritionBounds = z.object({
  outcome: z.string(),
  horizon: horizon.nullable(),
  lower: z.number(),
  upper: z.number(),
  /** per wave x stratum block: the arm trimmed and the share trimmed from it */
  blocks: z.array(z.object({ wave: z.number().int(), stratum: z.string(), trimmed: z.enum(["treatment", "control", ""]), trimming_share: z.number() })),
});

const exposure = z.object({
  outcome: z.string(),
  horizon: horizon.nullable(),
  periods_per_year: z.number().int().min(1),
  min_observed_share: z.number().gt(0).max(1).nullable(),
  arms: z.array(z.object({ arm, persons_counted: count, mean_observed_share: z.number().min(0).max(1), persons_below_minimum: count })),
});

/** The meta as effekt estimate writes it. */
export const effectsMetaSchema = z.object({
  format: z.literal(META_FORMAT, { errorMap: () => ({ message: `must be "${META_FORMAT}"` }) }),
  effekt_version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, "must be an effekt version such as 0.1.0"),
  table_sha256: hex64,
  register: fileRef.extend({
    source: z.enum(["effekt", "external"], { errorMap: () => ({ message: 'must be "effekt" or "external"' }) }),
    verified_by_effekt: z.boolean(),
    households: count,
    waves: z.array(z.number().int().positive()),
  }),
  inputs: z.object({ persons: fileRef, outcomes: fileRef, takeup: fileRef.nullable() }),
  plan: z
    .object({
      file: z.string(),
      id: z.string(),
      sha256: hex64,
      lock: z.enum(["matches", "deviates", "not locked"], { errorMap: () => ({ message: 'must be "matches", "deviates" or "not locked"' }) }),
      locked_sha256: hex64.nullable(),
      deviations: z.array(z.string()),
    })
    .nullable(),
  alpha: z.number().min(1e-6).max(0.5),
  multiplicity: z.object({ method: z.enum(["holm", "bh", "both"]), estimator: z.string(), families: z.string(), members: z.array(familyReport) }),
  permutations: count,
  ri_seed: z.string().nullable(),
  /** the statistic of the re-fitted RI (lm_lin and CACE rows, Westfall-Young, intervals); null without RI */
  ri_statistic: z.enum(["estimate", "studentised"]).nullable(),
  takeup: z.array(
    z.object({ arm, households: count, took_up: count }).refine((t) => t.took_up <= t.households, { message: "took_up must not exceed households" }),
  ),
  attrition: z.array(
    z
      .object({ outcome: z.string(), horizon: horizon.nullable(), arm, persons_counted: count, persons_with_value: count })
      .refine((a) => a.persons_with_value <= a.persons_counted, { message: "persons_with_value must not exceed persons_counted" }),
  ),
  /** Lee (2009) trimming bounds on the ITT of each outcome x horizon whose attrition differs between arms */
  attrition_bounds: z.array(attritionBounds),
  /** the observed share of each person's window, per arm, for outcomes whose plan gives periods_per_year */
  exposure: z.array(exposure),
  pending: z.array(z.object({ outcome: z.string(), horizon, reason: z.string() })),
  /** per outcome of the plan: rows read from outcomes.csv and the last date among them (the data's cut-off) */
  outcome_dates: z.array(z.object({ outcome: z.string(), rows: count, last_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").nullable() })),
  warnings: z.array(z.string()),
});

/**
 * The meta as the readers take it: sidecars of earlier versions lack the families' members, `ri_statistic` and
 * `attrition_bounds` (whose entries are checked for their bounds only); everything else as written.
 */
export const effectsMetaReadSchema = effectsMetaSchema.extend({
  multiplicity: effectsMetaSchema.shape.multiplicity.extend({ members: z.array(z.unknown()).optional() }),
  ri_statistic: effectsMetaSchema.shape.ri_statistic.optional(),
  attrition_bounds: z.array(attritionBounds.omit({ blocks: true }).passthrough()).optional(),
  exposure: z.array(exposure).optional(),
  outcome_dates: effectsMetaSchema.shape.outcome_dates.optional(),
});

/** The meta as written (its keys in this order when effekt estimate builds it: fixed bytes). */
export type EffectsMeta = z.infer<typeof effectsMetaSchema>;
/** The meta as read back by `report` and `gains`. */
export type EffectsMetaRead = z.infer<typeof effectsMetaReadSchema>;
export type FileRef = z.infer<typeof fileRef>;
export type PlanRef = NonNullable<EffectsMeta["plan"]>;

/** Serialised with two-space indentation and a final newline. */
export function formatMeta(meta: EffectsMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

/** Validates a parsed sidecar; throws `UserError` naming the file and every bad field. */
export function parseEffectsMeta(json: unknown, file: string): EffectsMetaRead {
  const r = effectsMetaReadSchema.safeParse(json);
  if (!r.success) throw new UserError(tm("file_meta_invalid", { problems: formatZodIssues(file, r.error) }));
  return r.data;
}

/**
 * The sidecar beside an effect table, validated and checked to belong to the table (`table_sha256` is the table's
 * SHA-256); null when there is none. Errors name the files by their base names.
 */
export function readEffectsMeta(tablePath: string, tableBytes: Buffer = readFileSync(tablePath)): EffectsMetaRead | null {
  const metaPath = `${tablePath}.meta.json`;
  if (!existsSync(metaPath)) return null;
  const meta = parseEffectsMeta(readJsonFile(metaPath), basename(metaPath));
  const hash = sha256(tableBytes);
  if (meta.table_sha256 !== hash) {
    throw new UserError(tm("file_meta_other_table", { table: basename(tablePath), hash: hash.slice(0, 12), recorded: meta.table_sha256.slice(0, 12), meta: basename(metaPath) }));
  }
  return meta;
}

/**
 * The meta as written beside `out`: every file path relative to the meta's own folder with `/` (never absolute),
 * so a moved or copied evaluation folder keeps its meaning and the meta names no machine's folders. Readers
 * resolve them against the meta's folder (`metaFilePath`).
 */
export function metaAsWritten(meta: EffectsMeta, out: string): EffectsMeta {
  const m = structuredClone(meta);
  m.register.file = storedPath(out, m.register.file);
  m.inputs.persons.file = storedPath(out, m.inputs.persons.file);
  m.inputs.outcomes.file = storedPath(out, m.inputs.outcomes.file);
  if (m.inputs.takeup) m.inputs.takeup.file = storedPath(out, m.inputs.takeup.file);
  if (m.plan) m.plan.file = storedPath(out, m.plan.file);
  return m;
}

/**
 * Writes the table and then its meta (`<out>.meta.json`, paths as `metaAsWritten` stores them), each atomically,
 * as one unit: two runs onto the same `out` take turns under a lock, so neither pair is mixed.
 */
export function writeEffectTable(out: string, text: string, meta: EffectsMeta): void {
  const release = acquireLock(out, tm("file_lock_busy_estimate"));
  try {
    writeFileAtomic(out, text);
    writeFileAtomic(`${out}.meta.json`, formatMeta(metaAsWritten(meta, out)));
  } finally {
    release();
  }
}

// ---------------------------------------------------------------------------------------------- reading it back

type Num = number | null;
const TEXT_COLUMNS = ["outcome", "estimator", "estimand", "subgroup", "subgroup_level", "role", "allocation"] as const;
const NUMBER_COLUMNS = ["horizon", "estimate", "std_error", "df", "ci_low", "ci_high", "p_value", "p_ri", "p_holm", "p_bh", "p_interaction", "p_ri_wy", "ri_ci_low", "ri_ci_high", "n_treatment", "n_control", "n_clusters", "control_mean", "first_stage"] as const;

/**
 * A row of an effect table as read back (by the report): text cells as text, number cells a finite number or null
 * (empty). Tables from earlier versions or other tools read too: absent columns are null (text: "").
 */
export type EffectTableRow = Record<(typeof TEXT_COLUMNS)[number], string> & Record<(typeof NUMBER_COLUMNS)[number], Num>;

/**
 * Reads an effect table (CSV) in file order with its meta (checked to belong to it). Text cells are read with
 * `restoreNeutralised` (effekt's writers put a `'` before a formula-like label); a missing estimand is ITT, or CACE
 * for `iv_robust` and `cace_ratio`.
 */
export function readEffectTable(path: string): { rows: EffectTableRow[]; meta: EffectsMetaRead | null } {
  const bytes = readFileSync(path);
  // every problem of the table in one run (io/columns.ts numberCell collects them)
  const table = readCsv(path, { required: ["outcome", "estimator", "estimate"], collectProblems: true });
  const rows: EffectTableRow[] = [];
  for (let i = 0; i < table.nRows; i++) {
    const row: Record<string, unknown> = {};
    for (const k of TEXT_COLUMNS) row[k] = restoreNeutralised(table.columns.get(k)?.[i] ?? "");
    for (const k of NUMBER_COLUMNS) row[k] = numberCell(table, k, i);
    if (!row.estimand) row.estimand = row.estimator === "iv_robust" || row.estimator === "cace_ratio" ? "CACE" : "ITT";
    rows.push(row as EffectTableRow);
  }
  throwProblems(table);
  return { rows, meta: readEffectsMeta(path, bytes) };
}

/**
 * A whole-sample-or-subgroup row of an effect table as `effekt gains --estimates` reads it, with the line it stands
 * on: text cells read with `restoreNeutralised`, absent text columns "" (`estimand` as given: "" when empty or absent,
 * the reader then decides from the estimator), number cells null when empty.
 */
export interface EffectTableLine {
  /** the file's line (an .xlsx: Excel's row number) */
  line: number;
  outcome: string;
  horizon: number | null;
  estimator: string;
  estimand: string;
  subgroup: string;
  allocation: string;
  estimate: number | null;
  std_error: number | null;
}

/**
 * Reads an effect table for `effekt gains --estimates`, in file order: outcome, horizon, estimator, estimate and
 * std_error are required columns; an outcome and estimator in every row, a horizon a whole number of years (1 or
 * more) or empty, a std_error a number >= 0 or empty. Every problem of the file is reported in one run. Returns the
 * table's file name (as errors name it) and `at(row, column)`, the location of a cell for the caller's own errors.
 */
export function readEffectTableLines(path: string): { file: string; rows: EffectTableLine[]; at: (row: number, column: string) => InputLocation } {
  const table = readCsv(path, { required: ["outcome", "horizon", "estimator", "estimate", "std_error"], collectProblems: true });
  const outcomes = textColumn(table, "outcome", { expected: tm("file_exp_outcome") });
  const horizons = numberColumn(table, "horizon", { integer: true, min: 1, allowMissing: true, expected: tm("file_exp_horizon") });
  const estimators = textColumn(table, "estimator", { expected: tm("file_exp_estimator") });
  const estimates = numberColumn(table, "estimate", { allowMissing: true });
  const ses = numberColumn(table, "std_error", { allowMissing: true, min: 0 });
  const optional = (name: string): string[] | undefined => (table.columns.has(name) ? textColumn(table, name, { allowEmpty: true }) : undefined);
  const estimands = optional("estimand");
  const subgroups = optional("subgroup");
  const allocations = optional("allocation");
  throwProblems(table);
  const num = (x: number): number | null => (Number.isNaN(x) ? null : x);
  const rows: EffectTableLine[] = [];
  for (let i = 0; i < table.nRows; i++) {
    rows.push({
      line: table.lineOf(i),
      outcome: restoreNeutralised(outcomes[i]),
      horizon: num(horizons[i]),
      estimator: restoreNeutralised(estimators[i]),
      estimand: restoreNeutralised(estimands?.[i] ?? ""),
      subgroup: restoreNeutralised(subgroups?.[i] ?? ""),
      allocation: restoreNeutralised(allocations?.[i] ?? ""),
      estimate: num(estimates[i]),
      std_error: num(ses[i]),
    });
  }
  return { file: table.file, rows, at: (row, column) => where(table, row, column) };
}
