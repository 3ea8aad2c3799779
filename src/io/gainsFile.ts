import { basename } from "node:path";
import { z } from "zod";
import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { dependsOnIllustrative, type GainsResult, type MonteCarloResult, type SensitivityTable } from "../gains/index.js";
import { formatZodIssues } from "../schemas/indicatorSpec.js";
import { csvField, csvNumber } from "./csvOut.js";
import { readJsonFile } from "./json.js";

/**
 * gains.json (`effekt-gains/2`), written by `effekt gains` and read by `effekt report`: the point result by budget
 * year and by years since the draw, per account, the repayment, the Monte Carlo and the sensitivity (tornado).
 * Every number carries `from` (the model fields it came from) and `illustrative` (true when any of them is marked
 * illustrative in the model). Documented in data-schemas/gains-output.md; this zod schema is the contract the
 * report reads (strictly: an edited or older file is refused with the field named).
 */
export const GAINS_FORMAT = "effekt-gains/2";

const num = z.number();
const strs = z.array(z.string());
const traced = z.object({ value: num, from: strs, illustrative: z.boolean() }).strict();
// An amount that would give a withheld count back (src/disclosure's money rule) is written as null and
// read as NaN: the report shows it as [s] (gains/withheld.ts decides the same cells from the withheld counts).
const withheldNum = z.number().nullable().transform((v) => v ?? NaN);
const money = z.object({ value: withheldNum, from: strs, illustrative: z.boolean() }).strict();
const interval = z.object({ point: withheldNum, mean: withheldNum, lower: withheldNum, upper: withheldNum, level: num, from: strs, illustrative: z.boolean() }).strict();
const payers = z.object({ kommune: money, region: money, stat: money }).strict();
const accounts = z.object({ kommune: money, region: money, stat: money, public: money, investor: traced }).strict();
const status = z.enum(["measured", "interpolated", "projected"]);
const breakEven = z.union([z.object({ reached: z.literal(true), year: num }).strict(), z.object({ reached: z.literal(false), through_year: num }).strict()]);
const periodBlock = z.object({ gains: money, costs: money, repayment: traced, investment: traced, accounts }).strict();
const period = z
  .object({ period: z.enum(["3 years", "5 years", "all budget years"]), first_year: num, last_year: num, through: z.string(), undiscounted: periodBlock, present_value: periodBlock })
  .strict();
const sensCase = z.object({ setting: z.string(), public_net_pv_y5: withheldNum, public_net_pv_y3: withheldNum, public_net_y5: withheldNum, kommune_net_pv_y5: withheldNum, repayment: num.nullable() }).strict();
const measured = z.object({ year: num, estimate: num, se: num, source: z.string().optional() }).strict();

export const gainsFileSchema = z
  .object({
    format: z.literal(GAINS_FORMAT),
    model: z.string(),
    model_file: z.string(),
    note: z.string(),
    illustrative_parameters: strs,
    effects_used: z.array(
      z.object({ outcome: z.string(), estimand: z.enum(["ITT", "CACE"]), measured: z.array(measured), source: z.string(), illustrative: z.boolean(), estimator: z.string().optional() }).strict(),
    ),
    result: z
      .object({
        year0: num,
        price_year: num,
        horizon_years: num,
        discount_rate: traced,
        cohorts_from: z.enum(["register", "planning"]),
        // per wave: null when fewer than --min-cell households (or when it would give such a count back); see gains-output.md
        cohorts: z.array(z.object({ label: z.string(), draw_date: z.string(), treatment_units: num.nullable() }).strict()),
        counts: z.array(
          z
            .object({ outcome: z.string(), estimand: z.enum(["ITT", "CACE"]), basis: z.string(), source: z.string(), from: strs, value: num.nullable(), illustrative: z.boolean(), by_cohort: z.array(z.object({ label: z.string(), value: num.nullable() }).strict()) })
            .strict(),
        ),
        effects: z.array(
          z.object({ outcome: z.string(), estimand: z.enum(["ITT", "CACE"]), by_year: z.array(z.object({ year: num, effect: num, se_in_draws: num, status }).strict()) }).strict(),
        ),
        costs: z.array(z.object({ label: z.string(), field: z.string(), payer: z.enum(["kommune", "region", "stat"]), additional: z.boolean(), counted: z.boolean(), total: money }).strict()),
        budget_years: z.array(
          z
            .object({
              year: num,
              discount_factor: num,
              gains_by_payer: payers,
              gains: money,
              costs_by_payer: payers,
              costs: money,
              investment: traced,
              repayment: traced,
              accounts,
              cumulative_public_net: money,
              cumulative_public_pv_net: money,
            })
            .strict(),
        ),
        by_year_since_draw: z.array(
          z
            .object({
              year_since_draw: num,
              effects: z.array(z.object({ outcome: z.string(), effect: num, status }).strict()),
              gains_by_payer: payers,
              gains: traced,
              per_unit_costs: money,
            })
            .strict(),
        ),
        totals: z.object({ y3: period, y5: period, all: period }).strict(),
        break_even: z.object({ undiscounted: breakEven, discounted: breakEven }).strict(),
        kommune_repayment: z.array(z.object({ year: num, savings: money, own_costs: money, repayment: traced, net: money, cumulative_net: money }).strict()),
        payment: z
          .object({
            investor: z.string().nullable(),
            payer: z.literal("kommune"),
            lines: z.array(
              z
                .object({
                  goal: z.string(),
                  outcome: z.string(),
                  target_group: z.string().optional(),
                  follow_up_year: num,
                  counting: z.enum(["net_of_control", "gross"]),
                  counting_words: z.string(),
                  control_rate: num.nullable(),
                  persons: traced,
                  successes: traced,
                  min_successes: num,
                  met: z.boolean(),
                  below_threshold: z.enum(["nothing", "pro_rata"]),
                  payment: traced,
                  payment_year: num,
                })
                .strict(),
            ),
            disbursements: z.array(z.object({ year: num, dkk: num }).strict()),
            investment: traced,
            repayment_before_limits: traced,
            adjustment: traced,
            limit: z.enum(["none", "capped", "raised_to_floor"]),
            limit_words: z.string(),
            repayment: traced,
            schedule: z.array(z.object({ year: num, dkk: num }).strict()),
            settlement_year: num,
            investor_irr: traced.nullable(),
            investor_irr_before_limits: traced.nullable(),
            afkastloft: num.nullable(),
            afkastgulv: num.nullable(),
          })
          .strict()
          .nullable(),
      })
      .strict(),
    monte_carlo: z
      .object({
        draws: num,
        seed: z.string(),
        level: num,
        method: z.string(),
        public_net_y3: interval,
        public_net_y5: interval,
        public_net_pv_y3: interval,
        public_net_pv_y5: interval,
        gains_pv_y5: interval,
        accounts_pv_y5: z.object({ kommune: interval, region: interval, stat: interval, public: interval, investor: interval }).strict(),
        p_payback_within_3: traced,
        p_payback_within_5: traced,
        p_payback_within_3_discounted: traced,
        p_payback_within_5_discounted: traced,
        kommune_by_year: z.array(z.object({ year: num, cumulative_net: interval, p_cumulative_net_nonnegative: money }).strict()),
        payment: z
          .object({
            repayment: interval,
            investor_irr: interval.nullable(),
            lines: z.array(z.object({ goal: z.string(), outcome: z.string(), follow_up_year: num, p_met: traced, expected_payment: traced }).strict()),
            p_floor_binds: traced,
            p_cap_binds: traced,
          })
          .strict()
          .nullable(),
      })
      .strict(),
    sensitivity: z
      .object({
        metric: z.string(),
        base: sensCase,
        rows: z.array(z.object({ assumption: z.string(), moved: strs, illustrative: z.boolean(), low: sensCase, high: sensCase, swing_public_net_pv_y5: withheldNum }).strict()),
      })
      .strict(),
  })
  .strict();
export type GainsFile = z.infer<typeof gainsFileSchema>;

/** Adds `illustrative` to every traced number (any object with numeric `value`/`point` and `from`). */
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

export interface GainsDocumentParts {
  modelName: string;
  modelFile: string;
  illustrative: string[];
  effectsUsed: GainsFile["effects_used"];
  result: GainsResult;
  monteCarlo: MonteCarloResult;
  sensitivity: SensitivityTable;
}

export function gainsDocument(p: GainsDocumentParts): GainsFile {
  const doc = {
    format: GAINS_FORMAT,
    model: p.modelName,
    model_file: p.modelFile,
    note: "every number carries `from` (the model fields it came from; counts.<outcome> for counts from the register) and `illustrative` (true when any of them is marked illustrative)",
    illustrative_parameters: p.illustrative,
    effects_used: p.effectsUsed,
    result: mark(p.result, p.illustrative),
    monte_carlo: mark(p.monteCarlo, p.illustrative),
    sensitivity: { ...p.sensitivity, rows: p.sensitivity.rows.map((r) => ({ assumption: r.assumption, moved: r.moved, illustrative: dependsOnIllustrative(r.moved, p.illustrative), low: r.low, high: r.high, swing_public_net_pv_y5: r.swing_public_net_pv_y5 })) },
  };
  return gainsFileSchema.parse(JSON.parse(JSON.stringify(doc)));
}

export function gainsJson(doc: GainsFile): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const TIDY_COLUMNS = ["section", "item", "year", "account", "measure", "value", "lower", "upper", "level", "illustrative"] as const;

/** gains.csv: one tidy long table with a section column (the same numbers as gains.json). */
export function gainsCsv(doc: GainsFile): string {
  const lines: string[] = [TIDY_COLUMNS.join(",")];
  type T = { value: number; illustrative: boolean };
  type I = { point: number; lower: number; upper: number; level: number; illustrative: boolean };
  const row = (section: string, item: string, year: number | undefined, account: string, measure: string, x: T | I | string | number | null) => {
    let cells: string[];
    if (x === null) cells = ["", "", "", "", ""];
    else if (typeof x === "string") cells = [csvField(x), "", "", "", ""];
    else if (typeof x === "number") cells = [csvNumber(x), "", "", "", ""];
    else if ("point" in x) cells = [csvNumber(x.point), csvNumber(x.lower), csvNumber(x.upper), csvNumber(x.level), String(x.illustrative)];
    else cells = [csvNumber(x.value), "", "", "", String(x.illustrative)];
    lines.push([section, csvField(item), csvNumber(year), account, csvField(measure), ...cells].join(","));
  };
  const r = doc.result;
  for (const y of r.budget_years) {
    for (const p of ["kommune", "region", "stat"] as const) {
      row("budget_year", "", y.year, p, "gains", y.gains_by_payer[p]);
      row("budget_year", "", y.year, p, "costs", y.costs_by_payer[p]);
    }
    row("budget_year", "", y.year, "investor", "investment", y.investment);
    row("budget_year", "", y.year, "kommune", "repayment", y.repayment);
    for (const a of ["kommune", "region", "stat", "public", "investor"] as const) row("budget_year", "", y.year, a, "net", y.accounts[a]);
    row("budget_year", "", y.year, "public", "cumulative_net", y.cumulative_public_net);
  }
  for (const y of r.by_year_since_draw) {
    row("year_since_draw", "", y.year_since_draw, "public", "gains", y.gains);
    for (const e of y.effects) row("year_since_draw", e.outcome, y.year_since_draw, "", `effect (${e.status})`, e.effect);
  }
  for (const k of ["y3", "y5", "all"] as const) {
    const t = r.totals[k];
    for (const a of ["kommune", "region", "stat", "public", "investor"] as const) {
      row("totals", `${t.period}, through ${t.through}`, t.last_year, a, "net", t.undiscounted.accounts[a]);
      row("totals", `${t.period}, through ${t.through}`, t.last_year, a, "net_pv", t.present_value.accounts[a]);
    }
  }
  for (const c of r.counts) row("counts", `${c.outcome}: ${c.basis}`, undefined, "", c.estimand, c.value);
  const mc = doc.monte_carlo;
  row("monte_carlo", `${mc.draws} draws, seed ${mc.seed}`, 3, "public", "net", mc.public_net_y3);
  row("monte_carlo", `${mc.draws} draws, seed ${mc.seed}`, 5, "public", "net", mc.public_net_y5);
  row("monte_carlo", `${mc.draws} draws, seed ${mc.seed}`, 3, "public", "net_pv", mc.public_net_pv_y3);
  row("monte_carlo", `${mc.draws} draws, seed ${mc.seed}`, 5, "public", "net_pv", mc.public_net_pv_y5);
  for (const a of ["kommune", "region", "stat", "public", "investor"] as const) row("monte_carlo", "", 5, a, "net_pv", mc.accounts_pv_y5[a]);
  row("monte_carlo", "", 3, "public", "p_payback", mc.p_payback_within_3);
  row("monte_carlo", "", 5, "public", "p_payback", mc.p_payback_within_5);
  for (const k of mc.kommune_by_year) {
    row("kommune_repayment", "", k.year, "kommune", "cumulative_net", k.cumulative_net);
    row("kommune_repayment", "", k.year, "kommune", "p_cumulative_net_nonnegative", k.p_cumulative_net_nonnegative);
  }
  if (r.payment && mc.payment) {
    const pay = r.payment;
    row("payment", "", undefined, "kommune", "repayment_before_limits", pay.repayment_before_limits);
    row("payment", pay.limit_words, pay.settlement_year, "kommune", "adjustment", pay.adjustment);
    row("payment", "", undefined, "kommune", "repayment", mc.payment.repayment);
    if (mc.payment.investor_irr) row("payment", "", undefined, "investor", "irr", mc.payment.investor_irr);
    row("payment", "", undefined, "", "p_floor_binds", mc.payment.p_floor_binds);
    row("payment", "", undefined, "", "p_cap_binds", mc.payment.p_cap_binds);
    pay.lines.forEach((l, i) => {
      row("payment", l.goal, l.payment_year, "kommune", `successes (${l.counting})`, l.successes);
      row("payment", l.goal, l.payment_year, "kommune", l.met ? "payment (threshold met)" : "payment (threshold not met)", l.payment);
      row("payment", l.goal, l.payment_year, "kommune", "p_met", mc.payment!.lines[i].p_met);
      row("payment", l.goal, l.payment_year, "kommune", "expected_payment", mc.payment!.lines[i].expected_payment);
    });
  }
  for (const s of doc.sensitivity.rows) {
    for (const c of [s.low, s.high]) row("sensitivity", `${s.assumption}: ${c.setting}`, 5, "public", "net_pv", c.public_net_pv_y5);
  }
  return `${lines.join("\n")}\n`;
}

/** Reads gains.json strictly: anything that is not effekt-gains/2 as written by effekt gains is refused. */
export function readGainsFile(path: string): GainsFile {
  const json = readJsonFile(path);
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== GAINS_FORMAT) throw new UserError(tm("file_gains_format", { file: basename(path), format: GAINS_FORMAT, found: JSON.stringify(format ?? null) }));
  const r = gainsFileSchema.safeParse(json);
  if (!r.success) throw new UserError(formatZodIssues(basename(path), r.error));
  return r.data;
}
