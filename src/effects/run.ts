/**
 * `effekt estimate`: reads the inputs (register or allocation file, persons, outcomes streamed, take-up, plan),
 * derives one value per person (the plan's windows, or quick mode's), runs `estimateEffects`, writes the effect
 * table and its meta (io/effectTable.ts) and a short summary under disclosure control. Terminal lines go through
 * `terminal`.
 */
import { basename } from "node:path";
import cliProgress from "cli-progress";
import { InputError, UserError } from "../errors.js";
import { formatNumber, messageLang, t, tm } from "../i18n/index.js";
import { shown, stored } from "../i18n/storedText.js";
import type { Pseudonymiser } from "../io/pseudonym.js";
import {
  createQuickAccumulator, estimateEffects, formatCsv, formatJson, META_FORMAT, planOutcomeValues, takeupByArm,
  type Assignment, type EffectRow, type EffectsInput, type EffectsMeta, type PendingHorizon, type PlanRef, type QuickWindow,
} from "./index.js";
import { assertWritable } from "../io/atomic.js";
import { writeEffectTable } from "../io/effectTable.js";
import { guardOutputs, registerFamily, requireInputFile } from "../io/outputGuard.js";
import { parseDateText } from "../io/columns.js";
import { formatDay } from "../days.js";
import { sha256, sha256File } from "../io/hash.js";
import { readAssignment } from "../io/assignment.js";
import { readPersons } from "../io/persons.js";
import { readTakeup } from "../io/takeup.js";
import { readOutcomes } from "../io/outcomesStream.js";
import { loadPlan } from "../plan/load.js";
import { createOutcomeAccumulator } from "../plan/outcomeWindows.js";
import { createPopulationFrame } from "../plan/population.js";
import { outcomeCovariates, outcomeSubgroups, testFamilies } from "../schemas/analysisPlan.js";
import { VERSION } from "../version.js";
import { DEFAULT_MIN_CELL, SUPPRESSION_MARK } from "../disclosure/rules.js";
import { TableStructure } from "../disclosure/structure.js";
import { parseFormat } from "../io/csvOut.js";
import { styled } from "../terminalText.js";
import { registerPasses } from "../verify/register.js";
import { planLock } from "./planLock.js";
import { idPolicyFrom, type CprFlags } from "../io/pseudonym.js";

/** At most this many randomisation-inference re-draws (--permutations): a typo of extra zeros must not run for days. */
const MAX_PERMUTATIONS = 1_000_000;

export interface EstimateOptions extends CprFlags {
  register?: string;
  allocation?: string;
  drawDate?: string;
  persons: string;
  outcomes: string;
  outcome?: string[];
  plan?: string;
  takeup?: string;
  covariates?: string;
  subgroup?: string[];
  window?: string;
  permutations?: string;
  seed?: string;
  out?: string;
  format?: string;
  byHorizon?: boolean;
  progress?: boolean;
}


/** Where `effekt estimate` writes for people: lines to stdout and stderr, warnings, and the table to stdout. */
export interface Terminal {
  say: (line: string) => void;
  tell: (line: string) => void;
  warn: (line: string) => void;
  writeData: (text: string) => void;
}

export interface EstimateRun {
  rows: EffectRow[];
  meta: EffectsMeta;
  text: string;
}

/**
 * What differs between plan mode and quick mode, once the inputs are read: estimateEffects's settings, and what the
 * meta records besides.
 */
type Analysis = Pick<EffectsInput,
  "values" | "outcomeOrder" | "covariates" | "subgroups" | "subgroupOrder" | "role" | "alpha" | "permutations" | "seed" | "riStatistic" | "adjustEstimator" | "multiplicity" | "families"
> & {
  persons: ReturnType<typeof readPersons>;
  /** SHA-256 of outcomes.csv, hashed while streaming it */
  outcomesSha256: string;
  plan: PlanRef | null;
  pending: PendingHorizon[];
  /** plan mode: per outcome, rows read and the last date among them; empty in quick mode */
  outcomeDates: { outcome: string; rows: number; last_date: string | null }[];
  warnings: string[];
};

/** Runs the command: reads the inputs, runs the pipeline, writes the table (and its meta with --out). */
export async function estimateRun(opts: EstimateOptions, terminal: Terminal): Promise<EstimateRun> {
  const { warn } = terminal;
  // CPR-like ids in persons, outcomes, take-up or an allocation file: refused, or replaced by keyed pseudonyms
  const { pseudonyms } = idPolicyFrom(opts);
  const format = parseFormat(opts.format ?? "csv");
  for (const [f, flag] of [[opts.persons, "--persons"], [opts.outcomes, "--outcomes"], [opts.takeup, "--takeup"], [opts.plan, "--plan"]] as const) requireInputFile(f, flag);
  if (opts.out !== undefined) guardOutputs(
    [{ path: opts.out, flag: "--out", kind: "file", replaces: ["effects table"] }, { path: `${opts.out}.meta.json`, flag: "--out's .meta.json", kind: "file", replaces: ["effects meta"] }],
    [
      ...([["--persons", opts.persons], ["--outcomes", opts.outcomes], ["--takeup", opts.takeup], ["--plan", opts.plan], ["--allocation", opts.allocation]] as const)
        .filter(([, f]) => f !== undefined).map(([what, f]) => ({ path: f!, what })),
      ...(opts.register !== undefined ? [...registerFamily(opts.register), { path: `${opts.register}.balance.csv`, what: "the register's balance table" }] : []),
    ],
  );
  let assignment = readAssignment(opts, pseudonyms);
  let notVerified: string | undefined;
  if (assignment.source === "effekt") {
    // "verified by effekt" only for a register that passes verify's checks (not merely one effekt's format)
    const passes = registerPasses(opts.register!, { pseudonyms });
    // said once the inputs are read (a refused input stays the one line printed)
    if (passes !== true) notVerified = tm("est_not_verified", { register: opts.register!, reason: passes });
    assignment = { ...assignment, verified: passes === true };
  }
  if (assignment.source === "external") warn(tm("est_external_allocation", { file: String(opts.allocation) }));
  const takeup = opts.takeup !== undefined ? readTakeup(opts.takeup, pseudonyms) : undefined;

  const analysis = opts.plan !== undefined ? await planAnalysis(opts, assignment, terminal, pseudonyms) : await quickAnalysis(opts, assignment, terminal, pseudonyms);
  if (notVerified !== undefined) warn(notVerified);
  const bar = opts.progress !== false && analysis.permutations > 0 && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: tm("term_progress_ri", { bar: "{bar}", value: "{value}", total: "{total}" }), stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  // the bar starts with the re-draws, after the estimators' warnings, so that no warning lands inside the bar's line
  let barStarted = false;
  const effects = estimateEffects({
    ...analysis,
    assignment,
    takeup,
    takeupFile: opts.takeup,
    // warnings are kept in English for the meta (the report reads them) and printed in the run's language
    onWarning: (w) => warn(shown(w)),
    onProgress: (done, total) => {
      if (bar && !barStarted) {
        bar.start(total, 0);
        barStarted = true;
      }
      bar?.update(done);
    },
  });
  if (barStarted) bar?.stop();
  const sorted = effects.rows;
  const warnings = [...analysis.warnings, ...effects.warnings];
  const attrition = effects.attrition;
  const text = format === "json" ? formatJson(sorted) : formatCsv(sorted);
  const allocationFile = (opts.register ?? opts.allocation)!;
  const meta: EffectsMeta = {
    format: META_FORMAT,
    effekt_version: VERSION,
    table_sha256: sha256(text),
    register: {
      file: allocationFile,
      sha256: sha256File(allocationFile),
      source: assignment.source,
      verified_by_effekt: assignment.source === "effekt" && assignment.verified === true,
      households: assignment.households.length,
      waves: [...new Set(assignment.households.map((h) => h.wave))].sort((a, b) => a - b),
    },
    inputs: {
      persons: { file: opts.persons, sha256: sha256File(opts.persons) },
      outcomes: { file: opts.outcomes, sha256: analysis.outcomesSha256 },
      takeup: opts.takeup !== undefined ? { file: opts.takeup, sha256: sha256File(opts.takeup) } : null,
    },
    plan: analysis.plan,
    alpha: analysis.alpha,
    multiplicity: {
      method: analysis.multiplicity,
      estimator: analysis.adjustEstimator,
      families: analysis.plan ? "the plan's families: whole-sample rows of each family's outcomes at its horizon (its families, or one per role over every outcome x horizon it lists); pending members count with p = 1" : "all whole-sample rows (quick mode: one exploratory family)",
      members: effects.families,
    },
    permutations: analysis.permutations,
    ri_seed: analysis.permutations > 0 ? analysis.seed : null,
    ri_statistic: analysis.permutations > 0 ? analysis.riStatistic ?? "estimate" : null,
    takeup: takeup ? takeupByArm(assignment.households, takeup) : [],
    attrition,
    attrition_bounds: effects.attritionBounds,
    exposure: effects.exposure,
    pending: analysis.pending,
    outcome_dates: analysis.outcomeDates,
    warnings,
  };
  writeOutputs(opts.out, text, meta, sorted, terminal);
  return { rows: sorted, meta, text };
}

/** Quick mode: `--outcome NAME` values taken as given (one per person, or reduced by --window). */
async function quickAnalysis(opts: EstimateOptions, assignment: Assignment, { warn }: Terminal, pseudonyms?: Pseudonymiser): Promise<Analysis> {
  const outcomes = opts.outcome ?? [];
  if (outcomes.length === 0) throw new UserError(tm("est_need_outcomes"));
  const window = opts.window as QuickWindow | undefined;
  if (window !== undefined && !["first", "last", "mean"].includes(window)) throw new UserError(tm("est_bad_window", { window }));
  if (!/^\d+$/.test(String(opts.permutations ?? "0").trim()) || Number(opts.permutations ?? "0") > MAX_PERMUTATIONS) throw new UserError(tm("est_bad_permutations", { value: String(opts.permutations), max: MAX_PERMUTATIONS }));
  if (opts.seed !== undefined && opts.seed.trim() === "") throw new UserError(tm("est_empty_seed"));
  const permutations = Number(opts.permutations ?? "0");
  const covariates = (opts.covariates ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  const subgroups = opts.subgroup ?? [];
  if (opts.byHorizon && assignment.households.some((h) => h.drawDate === "")) {
    throw new UserError(tm("est_by_horizon_draw_date"));
  }
  const persons = readPersons(opts.persons, covariates, subgroups, assignment, [], pseudonyms);
  const drawDay = Float64Array.from(persons.householdIds, (h) => {
    const d = assignment.byId.get(h)?.drawDate;
    return d ? parseDateText(d) ?? NaN : NaN;
  });
  const acc = createQuickAccumulator({ outcomes, window, byHorizon: opts.byHorizon === true, drawDayOf: (p) => drawDay[p], file: basename(opts.outcomes), personIdOf: (p) => persons.personIds[p] });
  const read = await readOutcomes(opts.outcomes, persons.personIds, (p, outcome, day, value, line, dateText) => acc.add(p, outcome, day, value, line, dateText), basename(opts.persons), pseudonyms);
  for (const o of outcomes) if (acc.rowsSeen(o) === 0) throw new UserError(tm("est_no_rows_for_outcome", { file: opts.outcomes, outcome: o }));
  const warnings: string[] = [];
  for (const o of outcomes) {
    const n = acc.beforeDraw(o);
    if (n > 0) warnings.push(stored((lang) => t(lang, "est_before_draw", { outcome: o, n })));
  }
  for (const w of warnings) warn(shown(w));
  return {
    persons,
    outcomesSha256: read.sha256,
    values: acc.finish(),
    outcomeOrder: outcomes,
    covariates: () => covariates,
    subgroups: () => subgroups.map((s) => ({ name: s, column: s })),
    subgroupOrder: subgroups,
    role: () => "exploratory",
    alpha: 0.05,
    permutations,
    seed: opts.seed ?? "effekt-ri",
    adjustEstimator: "difference_in_means",
    multiplicity: "both",
    plan: null,
    pending: [],
    outcomeDates: [],
    warnings,
  };
}

/**
 * Plan mode: the plan says which outcomes, who counts, the windows and horizons, covariates, subgroups, alpha and
 * the randomisation inference. Holm and BH run over the whole-sample `lm_lin` rows (Lin's estimator is the
 * plan's primary analysis: it uses the pre-registered covariates), per role.
 */
async function planAnalysis(opts: EstimateOptions, assignment: Assignment, { say, warn, tell: tellErr }: Terminal, pseudonyms?: Pseudonymiser): Promise<Analysis> {
  for (const [flag, v] of [["--outcome", (opts.outcome ?? []).length > 0], ["--covariates", opts.covariates !== undefined], ["--window", opts.window !== undefined], ["--by-horizon", opts.byHorizon === true], ["--subgroup", (opts.subgroup ?? []).length > 0]] as const) {
    if (v) throw new UserError(tm("est_quick_flag_in_plan", { flag }));
  }
  // a typed --permutations or --seed would otherwise be silently replaced by the plan's pre-registered values
  if (opts.permutations !== undefined) throw new UserError(tm("est_ri_flag_in_plan", { flag: "--permutations", field: "randomisation_inference.permutations" }));
  if (opts.seed !== undefined) throw new UserError(tm("est_ri_flag_in_plan", { flag: "--seed", field: "randomisation_inference.seed" }));
  const loaded = loadPlan(opts.plan!);
  const plan = loaded.plan;
  const lock = planLock(opts.plan!, loaded, opts.register);
  if (assignment.households.some((h) => h.drawDate === "")) {
    throw new UserError(tm("est_plan_draw_date"));
  }
  // every column the plan names must exist, even a plan-level covariate that each outcome overrides
  const covariateNames = [...new Set([...plan.covariates, ...plan.outcomes.flatMap((o) => outcomeCovariates(plan, o))])];
  const subgroupColumns = [...new Set(plan.subgroups.map((s) => s.column))];
  const populationColumns = [
    ...(plan.outcomes.some((o) => o.population.role !== undefined) ? ["role"] : []),
    ...(plan.outcomes.some((o) => o.population.age_min !== undefined || o.population.age_max !== undefined) ? ["birth_year"] : []),
  ];
  const persons = readPersons(opts.persons, covariateNames, subgroupColumns, assignment, populationColumns, pseudonyms);
  const drawDay = Int32Array.from(persons.householdIds, (h) => {
    const d = assignment.byId.get(h)?.drawDate;
    const day = d ? parseDateText(d) : undefined;
    return day === undefined ? -1 : day;
  });
  const frame = createPopulationFrame({ personIds: persons.personIds, drawDay, birthYear: persons.birthYear, role: persons.role });
  const acc = createOutcomeAccumulator(plan, frame);
  const rowsOf = new Float64Array(plan.outcomes.length);
  const lastDay = new Float64Array(plan.outcomes.length).fill(-Infinity);
  const file = basename(opts.outcomes);
  const otherNames = new Set<string>();
  const read = await readOutcomes(opts.outcomes, persons.personIds, (p, outcome, day, value, line, dateText) => {
    const o = acc.outcomeIndex(outcome);
    if (o < 0) { if (otherNames.size < 50) otherNames.add(outcome); return; }
    if (!Number.isFinite(day)) throw new InputError({ file, line, column: "date" }, tm("err_not_date"), tm("est_exp_date"), dateText);
    rowsOf[o]++;
    if (day > lastDay[o]) lastDay[o] = day;
    acc.addAt(p, o, day, value);
  }, basename(opts.persons), pseudonyms);
  const warnings: string[] = [];
  // An outcome whose data have not arrived yet is pending (planValues reports each horizon), not a refusal; the
  // warning names the file's other outcomes in case the name is misspelt.
  plan.outcomes.forEach((o, i) => {
    if (rowsOf[i] === 0) {
      const others = [...otherNames].sort().map((n) => JSON.stringify(n)).join(", ");
      warnings.push(stored((lang) => t(lang, "est_no_rows_yet", { outcome: o.name, file, others: otherNames.size === 0 ? t(lang, "est_no_other_outcomes") : others })));
    }
  });
  for (const o of plan.outcomes) {
    const s = acc.skipped(o.name);
    if (s.onOrBeforeDraw > 0) warnings.push(stored((lang) => t(lang, "est_before_draw", { outcome: o.name, n: s.onOrBeforeDraw })));
    if (s.notDrawn > 0) warnings.push(stored((lang) => t(lang, "est_not_drawn_rows", { outcome: o.name, n: s.notDrawn })));
    if (s.sameDayRepeats > 0) warnings.push(stored((lang) => t(lang, "est_same_day_repeats", { outcome: o.name, n: s.sameDayRepeats })));
  }
  const { values, pending, warnings: pw } = planOutcomeValues(plan, acc, drawDay, Array.from(lastDay));
  warnings.push(...pw);
  for (const w of warnings) warn(shown(w));
  // the table may go to stdout: terminal lines then go to stderr
  const tell = opts.out !== undefined ? say : tellErr;
  const status = lock.lock === "matches"
    ? styled("green", tm("mf_lock_matches"))
    : lock.lock === "deviates"
      ? styled("red", tm("est_plan_deviates", { sha: lock.locked_sha256!.slice(0, 12), n: lock.deviations.length }))
      : styled("yellow", tm("est_plan_not_locked"));
  tell(tm("est_plan_status", { id: lock.id, status }));
  // the deviations and pending reasons are kept in English in the meta
  for (const d of lock.deviations) tell(`  ${tm("est_deviation", { deviation: shown(d) })}`);
  for (const p of pending) tell(tm("est_pending", { outcome: p.outcome, horizon: p.horizon, reason: shown(p.reason) }));
  const byName = new Map(plan.outcomes.map((o) => [o.name, o]));
  return {
    persons,
    outcomesSha256: read.sha256,
    values,
    outcomeOrder: plan.outcomes.map((o) => o.name),
    covariates: (name) => outcomeCovariates(plan, byName.get(name)!),
    subgroups: (name) => outcomeSubgroups(plan, byName.get(name)!),
    subgroupOrder: plan.subgroups.map((s) => s.name),
    role: (name) => byName.get(name)!.role,
    alpha: plan.alpha,
    permutations: plan.randomisation_inference.permutations,
    seed: plan.randomisation_inference.seed,
    riStatistic: plan.randomisation_inference.statistic,
    adjustEstimator: "lm_lin",
    multiplicity: plan.multiplicity,
    families: testFamilies(plan),
    plan: lock,
    pending,
    outcomeDates: plan.outcomes.map((o, i) => ({ outcome: o.name, rows: rowsOf[i], last_date: Number.isFinite(lastDay[i]) ? formatDay(lastDay[i]) : null })),
    warnings,
  };
}


/** The table to --out (then its meta) or stdout, and a short coloured summary on the terminal. */
function writeOutputs(out: string | undefined, text: string, meta: EffectsMeta, rows: readonly EffectRow[], { say, warn, writeData }: Terminal): void {
  if (meta.register.source === "external") warn(tm("est_table_not_verified", { file: meta.register.file }));
  if (out === undefined) {
    writeData(text);
    return;
  }
  assertWritable(out);
  assertWritable(`${out}.meta.json`);
  writeEffectTable(out, text, meta);
  // The terminal summary is a table for people too: the same disclosure control as the report (src/disclosure/).
  const d = new TableStructure(DEFAULT_MIN_CELL);
  const whole = rows.filter((r) => r.subgroup === "");
  const ids = whole.map((r, k) => ({
    t: r.n_treatment === undefined ? "unknown" : d.count(`${r.outcome}:${r.horizon ?? ""}:treatment:${r.n_treatment}`, r.n_treatment),
    c: r.n_control === undefined ? "unknown" : d.count(`${r.outcome}:${r.horizon ?? ""}:control:${r.n_control}`, r.n_control),
    h: r.n_clusters === undefined ? "unknown" : d.count(`clusters:${k}`, r.n_clusters),
  }));
  const takeup = meta.takeup.map((t) => {
    const hh = d.count(`takeup:${t.arm}:households`, t.households);
    const took = d.count(`takeup:${t.arm}:took_up`, t.took_up);
    d.sum(hh, [took, d.count(`takeup:${t.arm}:declined`, Math.max(0, t.households - t.took_up), { helper: true })]);
    return { hh, took };
  });
  const count = (v: number | undefined, id: string) => (v === undefined ? "?" : d.shown([id]) ? String(v) : SUPPRESSION_MARK);
  whole.forEach((r, k) => {
    const p = r.p_holm ?? r.p_value;
    const open = d.shown([ids[k].t, ids[k].c]);
    const est = r.estimate === undefined ? styled("yellow", tm("est_not_estimated_short")) : !open ? SUPPRESSION_MARK : tm("est_summary_estimate", { estimate: fmt(r.estimate), low: fmt(r.ci_low), high: fmt(r.ci_high), se: fmt(r.std_error), p: fmt(r.p_value), holm: r.p_holm !== undefined ? `, Holm ${fmt(r.p_holm)}` : "", ri: r.p_ri !== undefined ? `, RI ${fmt(r.p_ri)}` : "" });
    const label = r.horizon !== undefined ? tm("est_label_year", { outcome: r.outcome, horizon: r.horizon }) : r.outcome;
    const line = tm("est_summary_row", { label, estimator: r.estimator, estimand: r.estimand, estimate: est, treatment: count(r.n_treatment, ids[k].t), control: count(r.n_control, ids[k].c), households: count(r.n_clusters, ids[k].h) });
    say(open && p !== undefined && p < meta.alpha ? styled("bold", line) : line);
  });
  meta.takeup.forEach((t, k) => {
    const open = d.shown([takeup[k].hh, takeup[k].took]);
    const share = !open ? SUPPRESSION_MARK : percentOf(t.took_up, t.households);
    say(tm("est_summary_takeup", { took: count(t.took_up, takeup[k].took), households: count(t.households, takeup[k].hh), arm: tm(t.arm === "treatment" ? "est_arm_treatment" : "est_arm_control"), share }));
  });
  if (d.solve().hidden.size > d.problem().cells.filter((c) => c.helper).length) say(tm("est_summary_suppressed", { mark: SUPPRESSION_MARK, min: DEFAULT_MIN_CELL }));
  say(tm("est_summary_table", { out, meta: `${out}.meta.json` }));
}

/** took of all as a percentage with one decimal, in the run's language (25.6% in English, 25,6 % in Danish). */
function percentOf(took: number, all: number): string {
  const lang = messageLang();
  const text = formatNumber(all > 0 ? (100 * took) / all : 0, lang, 1);
  return lang === "da" ? `${text} %` : `${text}%`;
}

/** A figure of the summary to four significant digits, with the decimal mark of the run's language. */
function fmt(x: number | undefined): string {
  if (x === undefined) return "";
  const text = String(Number(x.toPrecision(4)));
  return messageLang() === "da" ? text.replace(".", ",") : text;
}
