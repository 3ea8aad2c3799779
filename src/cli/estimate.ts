import type { Command } from "commander";
import { UserError } from "../errors.js";
import {
  adjustPValues, allocationLabel, buildAnalysisData, createQuickAccumulator, formatCsv, formatJson, formatMeta,
  lotteryRedraws, META_FORMAT, riPValue, runEstimators, sortRows, subsetAnalysisData, takeupByArm,
  type AnalysisData, type EffectRow, type EffectsMeta, type OutcomeValues, type QuickWindow, type Role,
} from "../estimate/pipeline/index.js";
import { writeFileAtomic } from "../io/atomic.js";
import { parseDateText } from "../io/columns.js";
import { sha256, sha256File } from "../io/hash.js";
import { readAssignment, readPersons, readTakeup, requireFile } from "../io/estimateInputs.js";
import { readOutcomes } from "../io/outcomesStream.js";
import { VERSION } from "../version.js";
import { parseFormat } from "./flags.js";
import { say, warn } from "./output.js";

export interface EstimateOptions {
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

export { EFFECT_COLUMNS, type EffectRow } from "../estimate/pipeline/index.js";

const collect = (v: string, acc: string[]) => [...acc, v];

export function registerEstimate(program: Command): void {
  program
    .command("estimate")
    .description("effect estimates (ITT by difference in means and Lin regression, CACE with take-up) from the register")
    .option("--register <file>", "allocations.csv written by effekt draw")
    .option("--allocation <file>", "instead of --register: household_id, arm, stratum, p_treatment[, wave, draw_date] made by another tool (not verified by effekt)")
    .option("--draw-date <YYYY-MM-DD>", "with --allocation: the draw date when the file has no draw_date column")
    .requiredOption("--persons <file>", "persons.csv: person_id, household_id, baseline covariates")
    .requiredOption("--outcomes <file>", "outcomes.csv: person_id, outcome, date, value")
    .option("--plan <file>", "analysis plan JSON (analyses/*.json): outcomes, windows, horizons, covariates, subgroups, RI")
    .option("--outcome <name>", "quick mode: outcome to estimate (repeatable)", collect, [] as string[])
    .option("--takeup <file>", "takeup.csv: household_id, took_up; adds the complier effect (iv_robust)")
    .option("--covariates <list>", "quick mode: comma-separated numeric person covariates for Lin regression (from persons.csv)")
    .option("--subgroup <column>", "quick mode: estimate within each level of this persons.csv column (repeatable)", collect, [] as string[])
    .option("--window <first|last|mean>", "quick mode: how to reduce several values per person and outcome to one")
    .option("--permutations <n>", "quick mode: re-draws of the lottery for the randomisation-inference p-value (0 = none)", "0")
    .option("--seed <text>", "quick mode: seed for the re-draws", "effekt-ri")
    .option("--by-horizon", "quick mode: estimate per horizon: whole years from the household's draw date to the outcome date (rounded; before year 1 ignored)")
    .option("--out <file>", "write the effect table here (atomically) and <file>.meta.json beside it; default stdout")
    .option("--format <csv|json>", "output format", "csv")
    .option("--no-progress", "no progress bar on the terminal")
    .addHelpText("after", "\nExamples:\n  effekt estimate --plan analyses/relationel-velfaerd.json --register out/demo/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --takeup samples/takeup.csv --out out/demo/effects.csv\n  effekt estimate --register out/demo/allocations.csv --persons samples/persons.csv --outcomes samples/outcomes.csv --outcome employment --window first\n")
    .action(async (opts: EstimateOptions) => {
      await runEstimate(opts);
    });
}

export interface EstimateRun {
  rows: EffectRow[];
  meta: EffectsMeta;
  text: string;
}

/** Runs the command: reads the inputs, runs the pipeline, writes the table (and its meta with --out). */
export async function runEstimate(opts: EstimateOptions): Promise<EstimateRun> {
  const format = parseFormat(opts.format ?? "csv");
  if (opts.plan !== undefined) throw new UserError("--plan is not available yet");
  const outcomes = opts.outcome ?? [];
  if (outcomes.length === 0) throw new UserError("name the outcomes: --plan FILE, or --outcome NAME (repeatable) for quick mode");
  const window = opts.window as QuickWindow | undefined;
  if (window !== undefined && !["first", "last", "mean"].includes(window)) throw new UserError(`--window "${window}": expected first, last or mean`);
  const permutations = Number(opts.permutations ?? "0");
  if (!/^\d+$/.test(String(opts.permutations ?? "0").trim())) throw new UserError(`--permutations "${opts.permutations}" is not a whole number`);
  const covariates = (opts.covariates ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  const subgroups = opts.subgroup ?? [];
  for (const [f, flag] of [[opts.persons, "--persons"], [opts.outcomes, "--outcomes"], [opts.takeup, "--takeup"]] as const) requireFile(f, flag);

  const assignment = readAssignment(opts);
  const allocation = allocationLabel(assignment.source);
  if (assignment.source === "external") warn(`${opts.allocation}: allocation made by another tool, not verified by effekt (randomisation inference re-draws by complete randomisation within wave x stratum)`);
  const persons = readPersons(opts.persons, covariates, subgroups, assignment);
  const takeup = opts.takeup !== undefined ? readTakeup(opts.takeup) : undefined;
  const drawDay = Float64Array.from(persons.householdIds, (h) => {
    const d = assignment.byId.get(h)?.drawDate;
    return d ? parseDateText(d) ?? NaN : NaN;
  });
  if (opts.byHorizon && assignment.households.some((h) => h.drawDate === "")) {
    throw new UserError("--by-horizon needs each household's draw date: give --draw-date or a draw_date column in the allocation file");
  }
  const acc = createQuickAccumulator({ outcomes, window, byHorizon: opts.byHorizon === true, drawDayOf: (p) => drawDay[p], file: opts.outcomes, personIdOf: (p) => persons.personIds[p] });
  await readOutcomes(opts.outcomes, persons.personIds, (p, outcome, day, value, line, dateText) => acc.add(p, outcome, day, value, line, dateText), opts.persons);
  for (const o of outcomes) if (acc.rowsSeen(o) === 0) throw new UserError(`${opts.outcomes} has no rows for outcome "${o}"`);
  const values = acc.finish();

  const seed = opts.seed ?? "effekt-ri";
  const warnings: string[] = [];
  const rows = estimateAll(values, { persons, assignment, covariates, subgroups, takeup, takeupFile: opts.takeup, alpha: 0.05, role: () => "exploratory", allocation, permutations, seed, warnings, attrition: [] });
  adjustPValues(rows, "difference_in_means");
  const sorted = sortRows(rows, outcomes, subgroups);
  const text = format === "json" ? formatJson(sorted) : formatCsv(sorted);
  const meta: EffectsMeta = {
    format: META_FORMAT,
    effekt_version: VERSION,
    table_sha256: sha256(text),
    register: {
      file: (opts.register ?? opts.allocation)!,
      sha256: sha256File((opts.register ?? opts.allocation)!),
      source: assignment.source,
      verified_by_effekt: assignment.source === "effekt",
      households: assignment.households.length,
      waves: [...new Set(assignment.households.map((h) => h.wave))].sort((a, b) => a - b),
    },
    inputs: {
      persons: { file: opts.persons, sha256: sha256File(opts.persons) },
      outcomes: { file: opts.outcomes, sha256: sha256File(opts.outcomes) },
      takeup: opts.takeup !== undefined ? { file: opts.takeup, sha256: sha256File(opts.takeup) } : null,
    },
    plan: null,
    alpha: 0.05,
    multiplicity: { method: "holm and BH", estimator: "difference_in_means", families: "whole-sample rows of one role (quick mode: all exploratory)" },
    permutations,
    ri_seed: permutations > 0 ? seed : null,
    takeup: takeup ? takeupByArm(assignment.households, takeup) : [],
    attrition: [],
    pending: [],
    warnings,
  };
  writeOutputs(opts.out, text, meta, sorted);
  return { rows: sorted, meta, text };
}

interface EstimateContext {
  persons: ReturnType<typeof readPersons>;
  assignment: ReturnType<typeof readAssignment>;
  covariates: readonly string[] | ((outcome: string) => readonly string[]);
  subgroups: readonly string[];
  takeup?: Map<string, number>;
  takeupFile?: string;
  alpha: number;
  role: (outcome: string) => Role;
  allocation: string;
  permutations: number;
  seed: string;
  warnings: string[];
  attrition: EffectsMeta["attrition"];
}

/** Builds each outcome x horizon's data and runs the estimators on the whole sample and on each subgroup level. */
function estimateAll(values: OutcomeValues[], ctx: EstimateContext): EffectRow[] {
  const redraws = ctx.permutations > 0 ? lotteryRedraws(ctx.assignment, ctx.seed) : undefined;
  const rows: EffectRow[] = [];
  const note = (w: string) => {
    ctx.warnings.push(w);
    warn(w);
  };
  for (const v of values) {
    const covariates = typeof ctx.covariates === "function" ? ctx.covariates(v.outcome) : ctx.covariates;
    const data = buildAnalysisData(v, ctx.persons, ctx.assignment, { covariates, takeup: ctx.takeup, takeupFile: ctx.takeupFile });
    data.warnings.forEach(note);
    for (const a of data.attrition) ctx.attrition.push({ outcome: v.outcome, horizon: v.horizon ?? null, ...a });
    const ri = redraws ? (d: AnalysisData) => riPValue(d, redraws, ctx.permutations) : undefined;
    const whole = runEstimators(data, { alpha: ctx.alpha, role: ctx.role(v.outcome), allocation: ctx.allocation, riPValue: ri });
    whole.warnings.forEach(note);
    rows.push(...whole.rows);
    for (const name of ctx.subgroups) {
      const column = ctx.persons.subgroups.get(name)!;
      const levels = [...new Set(Array.from(data.persons, (p) => column[p]).filter((l) => l !== ""))].sort();
      for (const level of levels) {
        const sub = subsetAnalysisData(data, (i) => column[data.persons[i]] === level);
        const r = runEstimators(sub, { alpha: ctx.alpha, role: ctx.role(v.outcome), allocation: ctx.allocation, subgroup: { name, level }, minClustersPerArm: 2 });
        r.warnings.forEach(note);
        rows.push(...r.rows);
      }
    }
  }
  return rows;
}

/** The table to --out (then its meta) or stdout, and a short summary on the terminal. */
function writeOutputs(out: string | undefined, text: string, meta: EffectsMeta, rows: readonly EffectRow[]): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(out, text);
  writeFileAtomic(`${out}.meta.json`, formatMeta(meta));
  for (const r of rows) {
    if (r.subgroup !== "") continue;
    say(`${r.outcome}${r.horizon !== undefined ? ` year ${r.horizon}` : ""} ${r.estimator}: ${r.estimate === undefined ? "not estimated" : `${fmt(r.estimate)} (se ${fmt(r.std_error)}, p ${fmt(r.p_value)}${r.p_holm !== undefined ? `, Holm ${fmt(r.p_holm)}` : ""})`}, n ${r.n_treatment} treatment / ${r.n_control} control in ${r.n_clusters} households`);
  }
  for (const t of meta.takeup) say(`take-up: ${t.took_up} of ${t.households} ${t.arm} households (${t.households > 0 ? ((100 * t.took_up) / t.households).toFixed(1) : "0.0"}%)`);
  say(`effect table: ${out} (metadata: ${out}.meta.json)`);
}

function fmt(x: number | undefined): string {
  return x === undefined ? "" : String(Number(x.toPrecision(4)));
}
