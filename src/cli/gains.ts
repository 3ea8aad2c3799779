import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { loadPlan } from "../plan/load.js";
import type { Command } from "commander";
import { InputError, UserError } from "../errors.js";
import {
  budgetResult,
  dependsOnIllustrative,
  illustrativeParameters,
  monteCarlo,
  paymentResult,
  persistenceFactor,
  sensitivityTable,
  type BreakEven,
  type BudgetResult,
  type McInterval,
  type MonteCarloResult,
  type PaymentResult,
  type Roi,
} from "../gains/index.js";
import { writeFileAtomic } from "../io/atomic.js";
import { guardOutputs, requireInputFile } from "../io/outputGuard.js";
import { numberColumn, textColumn, where } from "../io/columns.js";
import { readCsv } from "../io/csv.js";
import { csvField, csvNumber } from "../io/csvOut.js";
import { parseEffectsMeta } from "../schemas/effectsMeta.js";
import { PAYERS, parseGainsModel, type GainsModel } from "../schemas/gainsModel.js";
import { readJsonFile } from "../io/json.js";
import { sha256 } from "../io/hash.js";
import { parseFormat } from "./flags.js";
import { say } from "./output.js";

interface GainsOptions {
  model: string;
  estimates?: string;
  estimator?: string;
  plan?: string;
  assume: string[];
  out?: string;
  format?: string;
  draws?: string;
  seed?: string;
}

export function registerGains(program: Command): void {
  program
    .command("gains")
    .description("budget-economic gains (SØM) at 3 and 5 years by payer, Monte Carlo intervals, sensitivity and the repayment")
    .requiredOption("--model <file>", "gains model JSON (effekt-gains-model/1), e.g. analyses/gains-relationel-velfaerd.json")
    .option("--estimates <file>", "effect table CSV: outcome, horizon, estimator, estimate, std_error; see data-schemas/effect-table.md")
    .option("--estimator <name>", "with --estimates: use this estimator's rows instead of the default ITT preference")
    .option("--plan <file>", "with --estimates: the analysis plan whose gains_outcome maps the table's outcomes to the model's (default: the plan named in <estimates>.meta.json, else by name)")
    .option("--assume <OUTCOME=EFFECT[:SE]>", "assumed effect for planning (repeatable; with --estimates it replaces that outcome's row and is marked illustrative); SE defaults to the model's", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--out <file>", "write the result here (atomically) and print a summary; default: the result to stdout")
    .option("--format <json|csv>", "output format (default json; csv = one tidy long table with a section column)")
    .option("--draws <n>", "Monte Carlo draws (at least 10000; default: the model's, else 10000)")
    .option("--seed <text>", "Monte Carlo seed (default: the model's monte_carlo.seed)")
    .addHelpText("after", "\nExample:\n  effekt gains --model analyses/gains-relationel-velfaerd.json --assume employment=0.05 --out out/gains.json\n")
    .action((opts: GainsOptions) => runGains(opts));
}

interface EffectUsed {
  outcome: string;
  estimate: number;
  se: number;
  source: string;
  illustrative: boolean;
  horizon?: number;
  estimator?: string;
}

/** ITT estimators in order of preference when a table has several for one outcome and horizon. */
export const ITT_PREFERENCE = ["lm_lin", "lm_robust", "difference_in_means"];
const NOT_ITT = /(^|_)(iv|cace|late|tot)(_|$)|iv_robust/i;

/** Parses `--assume OUTCOME=EFFECT[:SE]` against the model's outcomes. */
export function parseAssume(raw: string, model: GainsModel): { outcome: string; estimate: number; se?: number } {
  const m = /^\s*([^=\s]+)\s*=\s*([^:\s]+)\s*(?::\s*(\S+)\s*)?$/.exec(raw);
  const ids = model.outcomes.map((o) => o.id);
  if (!m) throw new UserError(`--assume "${raw}": expected OUTCOME=EFFECT or OUTCOME=EFFECT:SE, e.g. employment=0.05 (outcomes: ${ids.join(", ")})`);
  if (!ids.includes(m[1])) throw new UserError(`--assume "${raw}": "${m[1]}" is not an outcome in the model (outcomes: ${ids.join(", ")})`);
  const num = (text: string, what: string) => {
    const x = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(x)) throw new UserError(`--assume "${raw}": ${what} "${text}" is not a number (use a point as decimal mark, e.g. 0.05)`);
    return x;
  };
  const estimate = num(m[2], "effect");
  const se = m[3] !== undefined ? num(m[3], "standard error") : undefined;
  if (se !== undefined && se < 0) throw new UserError(`--assume "${raw}": standard error ${se} must not be negative`);
  return { outcome: m[1], estimate, se };
}

/**
 * Reads an effect table and picks one ITT row per model outcome at the horizon the model's persistence profile
 * is anchored at (its first measured year). See data-schemas/effect-table.md for the rule.
 *
 * Only whole-sample rows are used (`subgroup` empty or absent) and rows with a horizon. A table row's outcome
 * matches a model outcome by `outcomeMap` (the analysis plan's `gains_outcome`: table outcome -> model id) or
 * else by name. `skip` lists model outcomes taken from elsewhere (`--assume`).
 */
export function readEstimates(path: string, model: GainsModel, estimator?: string, outcomeMap: ReadonlyMap<string, string> = new Map(), skip: ReadonlySet<string> = new Set()): EffectUsed[] {
  const table = readCsv(path, { required: ["outcome", "horizon", "estimator", "estimate", "std_error"] });
  const rawOutcomes = textColumn(table, "outcome", { expected: "an outcome id" });
  const outcomes = rawOutcomes.map((o) => outcomeMap.get(o) ?? o);
  const horizons = numberColumn(table, "horizon", { integer: true, min: 1, allowMissing: true, expected: "a whole number of years (1 or more), or empty" });
  const estimators = textColumn(table, "estimator", { expected: "an estimator name such as lm_lin" });
  const estimates = numberColumn(table, "estimate", { allowMissing: true });
  const ses = numberColumn(table, "std_error", { allowMissing: true, min: 0 });
  const estimands = table.columns.has("estimand") ? textColumn(table, "estimand", { allowEmpty: true }) : undefined;
  const subgroups = table.columns.has("subgroup") ? textColumn(table, "subgroup", { allowEmpty: true }) : undefined;
  const allocations = table.columns.has("allocation") ? textColumn(table, "allocation", { allowEmpty: true }) : undefined;
  const isItt = (i: number) => (estimands && estimands[i] !== "" ? estimands[i].toUpperCase() === "ITT" : !NOT_ITT.test(estimators[i]));
  const file = table.file;
  const used: EffectUsed[] = [];
  model.outcomes.forEach((o, k) => {
    if (skip.has(o.id)) return;
    const h = o.persistence.measured[0].year;
    const rows: number[] = [];
    for (let i = 0; i < table.nRows; i++) if (outcomes[i] === o.id && horizons[i] === h && (!subgroups || subgroups[i] === "")) rows.push(i);
    if (rows.length === 0) {
      const have = [...new Set(outcomes.flatMap((x, i) => (x === o.id ? [horizons[i]] : [])))].sort();
      throw new InputError(
        { file, column: "horizon" },
        `has no row for outcome "${o.id}" at horizon ${h} (the model needs it: outcomes[${k}].persistence.measured[0].year = ${h})`,
        have.length ? `a row for horizon ${h}; the table has horizons ${have.join(", ")} for "${o.id}"` : `whole-sample rows for outcome "${o.id}" (or --assume ${o.id}=EFFECT)`,
      );
    }
    let pick: number[];
    if (estimator !== undefined) pick = rows.filter((i) => estimators[i] === estimator);
    else {
      const itt = rows.filter(isItt);
      const rank = (i: number) => {
        const r = ITT_PREFERENCE.indexOf(estimators[i]);
        return r < 0 ? ITT_PREFERENCE.length : r;
      };
      const best = Math.min(...itt.map(rank));
      pick = itt.filter((i) => rank(i) === best);
    }
    if (pick.length === 0) {
      throw new InputError(
        { file, line: table.lineOf(rows[0]), column: "estimator" },
        `no ${estimator !== undefined ? `"${estimator}"` : "ITT"} row for outcome "${o.id}" at horizon ${h}`,
        estimator !== undefined ? `an estimator among ${[...new Set(rows.map((i) => estimators[i]))].join(", ")}` : "an ITT estimator (not iv_robust/CACE)",
        estimators[rows[0]],
      );
    }
    if (pick.length > 1) {
      throw new InputError(
        { file, line: table.lineOf(pick[1]), column: "estimator" },
        `is ambiguous: lines ${pick.map((i) => table.lineOf(i)).join(" and ")} both give outcome "${o.id}" at horizon ${h}`,
        "one row per outcome, horizon and estimator (or choose with --estimator)",
        estimators[pick[1]],
      );
    }
    const i = pick[0];
    if (Number.isNaN(estimates[i])) throw new InputError(where(table, i, "estimate"), "is missing", "a number (the chosen ITT row)", "");
    if (Number.isNaN(ses[i])) throw new InputError(where(table, i, "std_error"), "is missing", "a number >= 0 (the chosen ITT row)", "");
    const f = persistenceFactor(o.persistence, h);
    if (!(f > 0)) throw new UserError(`${basename(path)}: outcome "${o.id}": persistence factor at horizon ${h} is ${f}; cannot scale the estimate to the model's effect`);
    const unverified = allocations !== undefined && allocations[i] !== "" && allocations[i] !== "effekt";
    used.push({
      outcome: o.id,
      estimate: estimates[i] / f,
      se: ses[i] / f,
      source: `${basename(path)} line ${table.lineOf(i)}: ${estimators[i]} at horizon ${h}${rawOutcomes[i] !== o.id ? ` (table outcome "${rawOutcomes[i]}")` : ""}${f !== 1 ? ` divided by persistence ${f}` : ""}${unverified ? ` (allocation ${allocations![i]})` : ""}`,
      illustrative: false,
      horizon: h,
      estimator: estimators[i],
    });
  });
  return used;
}

function withEffects(model: GainsModel, effects: EffectUsed[]): GainsModel {
  const m = structuredClone(model);
  for (const e of effects) {
    const o = m.outcomes.find((x) => x.id === e.outcome)!;
    o.effect = { ...o.effect, estimate: e.estimate, se: e.se, source: e.source, illustrative: e.illustrative };
  }
  return m;
}

/** Adds `illustrative: true|false` to every traced number (any object with numeric `value`/`point` and `from`). */
function mark(x: unknown, ill: readonly string[]): unknown {
  if (Array.isArray(x)) return x.map((v) => mark(v, ill));
  if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = mark(v, ill);
    if (Array.isArray(o.from) && (typeof o.value === "number" || typeof o.point === "number")) out.illustrative = dependsOnIllustrative(o.from as string[], ill);
    return out;
  }
  return x;
}

interface GainsOutput {
  budget: BudgetResult;
  mc: MonteCarloResult;
  payment?: PaymentResult;
  sensitivity: ReturnType<typeof sensitivityTable>;
  ill: string[];
}

const TIDY_COLUMNS = ["section", "item", "year", "payer", "measure", "value", "lower", "upper", "level", "illustrative"] as const;

function tidyCsv(r: GainsOutput): string {
  const lines: string[] = [TIDY_COLUMNS.join(",")];
  const row = (section: string, item: string, year: number | undefined, payer: string, measure: string, value: number | string | undefined, from: readonly string[] | undefined, iv?: McInterval) =>
    lines.push(
      [section, csvField(item), csvNumber(year), payer, csvField(measure), typeof value === "string" ? csvField(value) : csvNumber(value), csvNumber(iv?.lower), csvNumber(iv?.upper), csvNumber(iv?.level), from ? String(dependsOnIllustrative(from, r.ill)) : ""].join(","),
    );
  for (const y of r.budget.years) {
    for (const p of PAYERS) {
      row("year", "", y.year, p, "gains", y.gains_by_payer[p].value, y.gains_by_payer[p].from);
      row("year", "", y.year, p, "costs", y.costs_by_payer[p].value, y.costs_by_payer[p].from);
    }
    for (const k of ["gains", "costs", "net", "cumulative_net", "discount_factor", "pv_net", "cumulative_pv_net"] as const) row("year", "", y.year, "all", k, y[k].value, y[k].from);
  }
  for (const [basis, t] of [["undiscounted", r.budget.totals.undiscounted], ["present_value", r.budget.totals.present_value]] as const) {
    for (const [T, tot] of [[3, t.y3], [5, t.y5]] as const) {
      for (const p of PAYERS) {
        row(`totals_${basis}`, "", T, p, "gains", tot.gains_by_payer[p].value, tot.gains_by_payer[p].from);
        row(`totals_${basis}`, "", T, p, "costs", tot.costs_by_payer[p].value, tot.costs_by_payer[p].from);
        row(`totals_${basis}`, "", T, p, "net", tot.net_by_payer[p].value, tot.net_by_payer[p].from);
      }
      for (const k of ["gains", "costs", "net"] as const) row(`totals_${basis}`, "", T, "all", k, tot[k].value, tot[k].from);
    }
  }
  for (const [T, roi] of [[3, r.budget.roi.y3], [5, r.budget.roi.y5]] as const) row("roi", "", T, "all", "roi_pv", roi.defined ? roi.value.value : roi.reason, roi.defined ? roi.value.from : undefined);
  for (const k of ["undiscounted", "discounted"] as const) {
    const b = r.budget.break_even[k];
    row("break_even", k, b.reached ? b.year : undefined, "all", "break_even_year", b.reached ? b.year : `not within ${b.horizon_years} years`, undefined);
  }
  const mcRows: [string, number, McInterval][] = [
    ["net", 3, r.mc.net_y3], ["net", 5, r.mc.net_y5], ["net_pv", 3, r.mc.net_pv_y3], ["net_pv", 5, r.mc.net_pv_y5],
    ["gains_pv", 3, r.mc.gains_pv_y3], ["gains_pv", 5, r.mc.gains_pv_y5],
  ];
  for (const [k, T, iv] of mcRows) row("monte_carlo", `${r.mc.draws} draws, seed ${r.mc.seed}`, T, "all", k, iv.point, iv.from, iv);
  for (const p of PAYERS) row("monte_carlo", `${r.mc.draws} draws, seed ${r.mc.seed}`, 5, p, "net_pv", r.mc.net_pv_y5_by_payer[p].point, r.mc.net_pv_y5_by_payer[p].from, r.mc.net_pv_y5_by_payer[p]);
  row("monte_carlo", "", 3, "all", "p_payback", r.mc.p_payback_within_3.value, r.mc.p_payback_within_3.from);
  row("monte_carlo", "", 5, "all", "p_payback", r.mc.p_payback_within_5.value, r.mc.p_payback_within_5.from);
  row("monte_carlo", "", 3, "all", "p_payback_discounted", r.mc.p_payback_within_3_discounted.value, r.mc.p_payback_within_3_discounted.from);
  row("monte_carlo", "", 5, "all", "p_payback_discounted", r.mc.p_payback_within_5_discounted.value, r.mc.p_payback_within_5_discounted.from);
  for (const s of r.sensitivity.rows) {
    for (const c of [s.low, s.high]) {
      for (const k of ["net_pv_y3", "net_pv_y5", "net_y3", "net_y5"] as const) row("sensitivity", `${s.parameter}: ${c.setting}`, Number(k.slice(-1)), "all", k.slice(0, -3), c[k], s.from);
    }
  }
  if (r.payment && r.mc.payment) {
    const pm = r.mc.payment;
    row("payment", "", undefined, "", "repayment", r.payment.repayment.value, r.payment.repayment.from, pm.repayment);
    row("payment", "", undefined, "", "repayment_before_limits", r.payment.repayment_before_limits.value, r.payment.repayment_before_limits.from);
    row("payment", "", undefined, "", "limited_by", r.payment.limited_by, undefined);
    row("payment", "", undefined, "", "investor_annual_return", r.payment.investor_annual_return.value, r.payment.investor_annual_return.from, pm.investor_annual_return);
    r.payment.lines.forEach((l, i) => {
      row("payment", l.goal, l.follow_up_year, "", "successes", l.successes.value, l.successes.from);
      row("payment", l.goal, l.follow_up_year, "", "payment", l.payment.value, l.payment.from);
      row("payment", l.goal, l.follow_up_year, "", "p_goal_met", pm.p_goal_met[i].p.value, pm.p_goal_met[i].p.from);
    });
  }
  return `${lines.join("\n")}\n`;
}

const dkk = (x: number) => `${Math.round(x).toLocaleString("en-US")} DKK`;
const pctf = (x: number) => `${(x * 100).toFixed(1)}%`;
const be = (b: BreakEven) => (b.reached ? `year ${b.year}` : `not within ${b.horizon_years} years`);
const roiText = (r: Roi) => (r.defined ? pctf(r.value.value) : r.reason);

function summary(model: GainsModel, effects: EffectUsed[], r: GainsOutput): string[] {
  const star = (from: readonly string[]) => (dependsOnIllustrative(from, r.ill) ? " *" : "");
  const iv = (m: McInterval) => `${dkk(m.point)} [${dkk(m.lower)}, ${dkk(m.upper)}]${star(m.from)}`;
  const u = r.budget.totals.undiscounted;
  const pv = r.budget.totals.present_value;
  const out = [
    `${model.name}`,
    `effects (per person per year, net of control): ${effects.map((e) => `${e.outcome} ${e.estimate} (se ${e.se}${e.illustrative ? ", illustrative" : ""})`).join("; ")}`,
    `prices ${r.budget.price_year}, discount rate ${pctf(r.budget.discount_rate.value)}; intervals ${r.mc.net_y3.level * 100}% from ${r.mc.draws} Monte Carlo draws (seed ${r.mc.seed})`,
  ];
  for (const [T, tu, tp, mcu, mcp, pb] of [
    [3, u.y3, pv.y3, r.mc.net_y3, r.mc.net_pv_y3, r.mc.p_payback_within_3],
    [5, u.y5, pv.y5, r.mc.net_y5, r.mc.net_pv_y5, r.mc.p_payback_within_5],
  ] as const) {
    out.push(
      `${T} years: gains ${dkk(tu.gains.value)} (${PAYERS.map((p) => `${p} ${dkk(tu.gains_by_payer[p].value)}`).join(", ")}), costs ${dkk(tu.costs.value)}${star(tu.gains.from)}`,
      `  net ${iv(mcu)}; PV net ${iv(mcp)}; ROI (PV) ${roiText(T === 3 ? r.budget.roi.y3 : r.budget.roi.y5)}; P(payback within ${T} years) ${pctf(pb.value)}`,
    );
    void tp;
  }
  out.push(`break-even: ${be(r.budget.break_even.undiscounted)} (discounted: ${be(r.budget.break_even.discounted)})`);
  if (r.payment && r.mc.payment) {
    const pm = r.mc.payment;
    out.push(
      `repayment to the investor: ${iv(pm.repayment)}${r.payment.limited_by !== "none" ? ` (limited by ${r.payment.limited_by})` : ""}; investor's annual return ${pctf(pm.investor_annual_return.point)} [${pctf(pm.investor_annual_return.lower)}, ${pctf(pm.investor_annual_return.upper)}]`,
      `  goals met: ${pm.p_goal_met.map((g, i) => `${g.outcome} year ${g.follow_up_year} ${r.payment!.lines[i].met ? "met" : "not met"} (P ${pctf(g.p.value)})`).join("; ")}`,
    );
  }
  if (r.ill.length) out.push(`* depends on illustrative parameters (${r.ill.length} in the model, e.g. ${r.ill.slice(0, 3).join(", ")})`);
  return out;
}

/** Table outcome -> model outcome id, from the plan's `gains_outcome` (none without a plan). */
function gainsOutcomeMap(planFile: string | undefined): Map<string, string> {
  if (planFile === undefined) return new Map();
  const { plan } = loadPlan(planFile);
  return new Map(plan.outcomes.filter((o) => o.gains_outcome !== undefined).map((o) => [o.name, o.gains_outcome!]));
}

/**
 * The plan named in the table's meta sidecar (`<table>.meta.json`), when the plan file is there (a table copied
 * elsewhere may have left it behind; `--plan` then names it). A sidecar that is there must be effekt's, unedited.
 */
function planOfTable(estimates: string): string | undefined {
  const metaPath = `${estimates}.meta.json`;
  if (!existsSync(metaPath)) return undefined;
  const meta = parseEffectsMeta(readJsonFile(metaPath), metaPath);
  const hash = sha256(readFileSync(estimates));
  if (meta.table_sha256 !== hash) {
    throw new UserError(`${estimates}: its SHA-256 ${hash.slice(0, 12)}... differs from table_sha256 ${meta.table_sha256.slice(0, 12)}... in ${metaPath}; the table was changed after effekt estimate wrote it, or the two files do not belong together`);
  }
  const file = meta.plan?.file;
  return file !== undefined && existsSync(file) ? file : undefined;
}

function runGains(opts: GainsOptions): void {
  const format = parseFormat(opts.format ?? "json");
  const inputs: { path: string; what: string }[] = ([["--model", opts.model], ["--estimates", opts.estimates], ["--plan", opts.plan]] as const).filter(([, f]) => f !== undefined).map(([what, f]) => ({ path: f!, what }));
  for (const i of inputs) requireInputFile(i.path, i.what);
  if (opts.estimates !== undefined) inputs.push({ path: `${opts.estimates}.meta.json`, what: "the effect table's .meta.json" });
  if (opts.out !== undefined) guardOutputs([{ path: opts.out, flag: "--out", kind: "file" }], inputs);
  const base = parseGainsModel(readJsonFile(opts.model), basename(opts.model));
  if (opts.estimates === undefined && opts.assume.length === 0) throw new UserError("give --estimates FILE (an effect table) or at least one --assume OUTCOME=EFFECT");
  if (opts.estimator !== undefined && opts.estimates === undefined) throw new UserError("--estimator needs --estimates");
  if (opts.plan !== undefined && opts.estimates === undefined) throw new UserError("--plan needs --estimates (it maps the table's outcomes to the model's)");
  const given = new Map<string, ReturnType<typeof parseAssume>>();
  for (const raw of opts.assume) {
    const a = parseAssume(raw, base);
    if (given.has(a.outcome)) throw new UserError(`--assume names outcome "${a.outcome}" twice`);
    given.set(a.outcome, a);
  }
  const fromTable = new Map<string, EffectUsed>();
  if (opts.estimates !== undefined) {
    const tablePlan = planOfTable(opts.estimates); // also checks the sidecar, when there is one
    const map = gainsOutcomeMap(opts.plan ?? tablePlan);
    for (const e of readEstimates(opts.estimates, base, opts.estimator, map, new Set(given.keys()))) fromTable.set(e.outcome, e);
  }
  const effects: EffectUsed[] = base.outcomes.map((o) => {
    const a = given.get(o.id);
    if (a) return { outcome: o.id, estimate: a.estimate, se: a.se ?? o.effect.se, source: `--assume ${o.id}=${a.estimate}${a.se !== undefined ? `:${a.se}` : ""} (assumed, for planning)`, illustrative: true };
    const t = fromTable.get(o.id);
    if (t) return t;
    return { outcome: o.id, estimate: o.effect.estimate, se: o.effect.se, source: `model: ${o.effect.source}`, illustrative: o.effect.illustrative };
  });
  const model = withEffects(base, effects);
  let draws: number | undefined;
  if (opts.draws !== undefined) {
    if (!/^\d+$/.test(opts.draws.trim()) || Number(opts.draws) < 10_000) throw new UserError(`--draws "${opts.draws}" is not a whole number of at least 10000`);
    draws = Number(opts.draws);
  }
  const seed = opts.seed ?? model.monte_carlo?.seed;
  if (!seed) throw new UserError(`${basename(opts.model)}: monte_carlo.seed is missing; give --seed TEXT`);
  const budget = budgetResult(model);
  const mc = monteCarlo(model, { draws, seed });
  const payment = model.payment_model ? paymentResult(model) : undefined;
  const sensitivity = sensitivityTable(model);
  const ill = illustrativeParameters(model);
  const result: GainsOutput = { budget, mc, payment, sensitivity, ill };
  let text: string;
  if (format === "csv") text = tidyCsv(result);
  else {
    const doc = {
      format: "effekt-gains/1",
      model: model.name,
      model_file: basename(opts.model),
      effects,
      illustrative_parameters: ill,
      note: "every number carries `from` (the model fields it came from) and `illustrative` (true when any of them is marked illustrative)",
      budget: mark(budget, ill),
      monte_carlo: mark(mc, ill),
      sensitivity: { ...sensitivity, rows: sensitivity.rows.map((s) => ({ ...s, illustrative: dependsOnIllustrative(s.from, ill) })) },
      payment: payment ? mark(payment, ill) : null,
    };
    text = `${JSON.stringify(doc, null, 2)}\n`;
  }
  if (opts.out === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(opts.out, text);
  for (const line of summary(model, effects, result)) say(line);
  say(`written to ${opts.out}`);
}
