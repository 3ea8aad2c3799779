import { z } from "zod";
import { UserError } from "../errors.js";
import { formatZodIssues, schemaText } from "./indicatorSpec.js";

/**
 * Budget-economic gains model files (`effekt-gains-model/2`), following Socialstyrelsen's SØM conventions and the
 * Finance Ministry's guidance: the effect is net of what would have happened anyway (treatment minus control),
 * measured by years since each household's draw; it is multiplied by the number of persons it is an effect per (ITT:
 * persons assigned to treatment in the outcome's population; CACE: compliers); each outcome has a unit value per
 * person per year for each public payer (kommune, region, stat) with its source and price year; only costs that are
 * additional to what the control group gets count; flows are kept by calendar (budget) year and discounted with the
 * Finance Ministry's rate (3.5% a year, years 0-35, since January 2021) from `year0`. Optionally a DSI-style payment
 * model (rate card with thresholds, dated disbursements and payments, afkastloft, afkastgulv) with the investor as a
 * separate account. Contract documented in `data-schemas/gains-model.md`.
 */

export const MODEL_FORMAT = "effekt-gains-model/2";
export const DEFAULT_HORIZON_YEARS = 5;
export const MAX_HORIZON_YEARS = 10;
export const DEFAULT_DISCOUNT_RATE = 0.035;
export const DEFAULT_DISCOUNT_SOURCE =
  "Finansministeriet, samfundsøkonomisk diskonteringsrente 3,5% p.a. for år 0-35 (gældende fra januar 2021)";

const nonEmpty = z.string().trim().min(1, schemaText("res_zod_non_empty"));
const source = z.string({ required_error: schemaText("res_zod_source") }).trim().min(1, schemaText("res_zod_source"));
const calendarYear = z
  .number({ required_error: schemaText("res_zod_is_required"), invalid_type_error: schemaText("res_zod_year_number") })
  .int(schemaText("res_zod_whole_year"))
  .min(1900, schemaText("res_zod_year_range"))
  .max(2200, schemaText("res_zod_year_range"));
const priceYear = z
  .number({ required_error: schemaText("res_zod_price_year"), invalid_type_error: schemaText("res_zod_year_number") })
  .int()
  .min(1900)
  .max(2200);
const yearSinceDraw = z.number().int(schemaText("res_zod_whole_years")).min(1, schemaText("res_zod_at_least_1")).max(MAX_HORIZON_YEARS, schemaText("res_zod_at_most", { n: MAX_HORIZON_YEARS }));
const amount = z.number({ invalid_type_error: schemaText("res_zod_dkk") }).finite().nonnegative(schemaText("res_zod_dkk_non_negative"));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, schemaText("res_zod_date"))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, schemaText("res_zod_real_date"));

export const payerSchema = z.enum(["kommune", "region", "stat"], {
  errorMap: () => ({ message: schemaText("res_zod_payer") }),
});
export type Payer = z.infer<typeof payerSchema>;
export const PAYERS: readonly Payer[] = ["kommune", "region", "stat"];

/** One unit value: DKK per person per year of the outcome, for one payer. */
export const unitValueSchema = z
  .object({
    payer: payerSchema,
    value_dkk: z.number({ required_error: schemaText("res_zod_is_required"), invalid_type_error: schemaText("res_zod_dkk") }).finite(),
    source,
    price_year: priceYear,
    illustrative: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type UnitValue = z.infer<typeof unitValueSchema>;

/** An effect measured (or assumed) at one year since the draw, with its standard error. */
export const measuredEffectSchema = z
  .object({
    year: yearSinceDraw,
    estimate: z.number({ required_error: schemaText("res_zod_is_required"), invalid_type_error: schemaText("res_zod_number") }).finite(),
    se: z.number({ required_error: schemaText("res_zod_is_required"), invalid_type_error: schemaText("res_zod_number") }).finite().min(0, schemaText("res_zod_non_negative")),
    source: z.string().optional(),
  })
  .strict();
export type MeasuredEffect = z.infer<typeof measuredEffectSchema>;

/**
 * The effect per person (net of control) by years since the draw: measured at some horizons, linear between them,
 * x (1 - decay_after_last) a year beyond the last; before the first measured year the first is held.
 */
export const effectSchema = z
  .object({
    estimand: z.enum(["ITT", "CACE"], { errorMap: () => ({ message: schemaText("res_zod_estimand") }) }).default("ITT"),
    scale: nonEmpty,
    measured: z.array(measuredEffectSchema).min(1, schemaText("res_zod_measured")),
    decay_after_last: z.number().min(0, schemaText("res_zod_unit_interval")).max(1, schemaText("res_zod_unit_interval")),
    decay_source: source,
    source,
    illustrative: z.boolean().default(false),
  })
  .strict()
  .superRefine((e, ctx) => {
    for (let i = 1; i < e.measured.length; i++) {
      if (e.measured[i].year <= e.measured[i - 1].year) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["measured", i, "year"], message: schemaText("res_zod_years_increasing") });
    }
  });
export type Effect = z.infer<typeof effectSchema>;

/** Who the effect is per person of: the analysis plan's outcome population (role and age at the draw). */
export const populationSchema = z
  .object({
    role: z.string().trim().min(1).optional(),
    age_min: z.number().int().min(0).max(130).optional(),
    age_max: z.number().int().min(0).max(130).optional(),
    source,
  })
  .strict();
export type ModelPopulation = z.infer<typeof populationSchema>;

/** Planning count before any draw: persons in the outcome's population per intake unit assigned to treatment. */
export const planningCountSchema = z
  .object({
    per_intake_unit: z.number({ invalid_type_error: schemaText("res_zod_number") }).finite().nonnegative(schemaText("res_zod_non_negative")),
    takeup_share: z.number().min(0).max(1).optional(),
    source,
    illustrative: z.boolean().default(false),
  })
  .strict();

export const outcomeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, schemaText("res_zod_id")),
    label: nonEmpty,
    /** The label in Danish, for a Danish report (`label` is shown when it is absent). */
    label_da: nonEmpty.optional(),
    target_group: z.string().optional(),
    effect: effectSchema,
    population: populationSchema.optional(),
    planning_count: planningCountSchema,
    unit_values: z.array(unitValueSchema).min(1, schemaText("res_zod_unit_values")),
  })
  .strict();
export type Outcome = z.infer<typeof outcomeSchema>;

const additionality = {
  additional: z.boolean({ required_error: schemaText("res_zod_additional"), invalid_type_error: schemaText("res_zod_true_false") }),
  additionality_source: source,
};

export const costItemSchema = z
  .object({
    label: nonEmpty,
    payer: payerSchema,
    ...additionality,
    by_budget_year: z.array(z.object({ year: calendarYear, dkk: amount }).strict()).min(1),
    source,
    price_year: priceYear,
    illustrative: z.boolean().default(false),
  })
  .strict();

export const staffItemSchema = z
  .object({
    activity: nonEmpty,
    payer: payerSchema,
    ...additionality,
    hours_per_week: z.number().finite().nonnegative(schemaText("res_zod_non_negative")),
    weeks_per_year: z.number().finite().positive().max(53),
    budget_years: z.array(calendarYear).min(1),
    hourly_cost_dkk: z.object({ value: amount, source, price_year: priceYear, illustrative: z.boolean().default(false) }).strict(),
    source,
    illustrative: z.boolean().default(false),
  })
  .strict();

/** A cost per intake unit assigned to treatment, by years since its draw (runs from each household's own draw date). */
export const perUnitCostSchema = z
  .object({
    label: nonEmpty,
    payer: payerSchema,
    ...additionality,
    dkk_by_year_since_draw: z.array(amount).min(1).max(MAX_HORIZON_YEARS),
    source,
    price_year: priceYear,
    illustrative: z.boolean().default(false),
  })
  .strict();

export const costsSchema = z
  .object({
    items: z.array(costItemSchema).default([]),
    staff: z.array(staffItemSchema).default([]),
    per_treatment_unit: z.array(perUnitCostSchema).default([]),
  })
  .strict();
export type Costs = z.infer<typeof costsSchema>;

export const discountRateSchema = z
  .object({
    value: z.number().min(0, schemaText("res_zod_discount")).max(0.2, schemaText("res_zod_discount")),
    source,
  })
  .strict();

/** Expected intake per year (planning, before any draw): units assigned to treatment, dated by an expected draw date. */
export const intakeSchema = z
  .object({
    unit: z.enum(["households", "persons"], { errorMap: () => ({ message: schemaText("res_zod_intake_unit") }) }),
    years: z
      .array(z.object({ year: calendarYear, treatment_units: amount, draw_date: isoDate.optional() }).strict())
      .min(1, schemaText("res_zod_intake_years")),
    source,
    illustrative: z.boolean().default(false),
  })
  .strict();
export type Intake = z.infer<typeof intakeSchema>;

/** One rate-card line: goal x follow-up year x price per success, with its threshold and counting rule. */
export const rateCardLineSchema = z
  .object({
    goal: nonEmpty,
    /** The goal in Danish, for a Danish report. */
    goal_da: nonEmpty.optional(),
    outcome: nonEmpty,
    target_group: z.string().optional(),
    follow_up_year: yearSinceDraw,
    price_per_success_dkk: amount,
    counting: z.enum(["net_of_control", "gross"], { errorMap: () => ({ message: schemaText("res_zod_counting") }) }),
    control_rate: z.object({ value: z.number().min(0).max(1), source, illustrative: z.boolean().default(false) }).strict().optional(),
    min_successes: z.number().nonnegative(),
    below_threshold: z.enum(["nothing", "pro_rata"], { errorMap: () => ({ message: schemaText("res_zod_below_threshold") }) }).default("nothing"),
    payment_year: calendarYear.optional(),
    source,
    illustrative: z.boolean().default(false),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.counting === "gross" && l.control_rate === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["control_rate"], message: schemaText("res_zod_control_rate") });
    }
  });
export type RateCardLine = z.infer<typeof rateCardLineSchema>;

export const paymentModelSchema = z
  .object({
    investor: z.string().optional(),
    payer: z.literal("kommune").default("kommune"),
    disbursements: z.array(z.object({ year: calendarYear, dkk: amount }).strict()).min(1, schemaText("res_zod_disbursements")),
    disbursements_source: source,
    disbursements_illustrative: z.boolean().default(false),
    rate_card: z.array(rateCardLineSchema).min(1),
    settlement_year: calendarYear.optional(),
    afkastloft: z.object({ max_annual_return: z.number().min(-0.99).max(1), source, illustrative: z.boolean().default(false) }).strict().optional(),
    afkastgulv: z
      .object({ min_annual_return: z.number().gt(-1, schemaText("res_zod_floor_above")).max(1), source, illustrative: z.boolean().default(false) })
      .strict()
      .optional(),
    source,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.afkastloft && p.afkastgulv && p.afkastgulv.min_annual_return > p.afkastloft.max_annual_return) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["afkastgulv", "min_annual_return"], message: schemaText("res_zod_floor_cap") });
    }
    if (!p.disbursements.some((d) => d.dkk > 0)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["disbursements"], message: schemaText("res_zod_disburse_positive") });
  });
export type PaymentModel = z.infer<typeof paymentModelSchema>;

export const gainsModelSchema = z
  .object({
    format: z.literal(MODEL_FORMAT, { errorMap: () => ({ message: schemaText("res_zod_format", { format: MODEL_FORMAT }) }) }),
    name: nonEmpty,
    /** The name in Danish, for a Danish report (`name` is shown when it is absent). */
    name_da: nonEmpty.optional(),
    description: z.string().optional(),
    notes: z.array(z.string()).optional(),
    price_year: priceYear,
    price_index: z
      .object({ values: z.record(z.string().regex(/^\d{4}$/), z.number().positive()), source, illustrative: z.boolean().default(false) })
      .strict()
      .optional(),
    year0: calendarYear,
    year0_source: source,
    horizon_years: z.number().int().min(1).max(MAX_HORIZON_YEARS).default(DEFAULT_HORIZON_YEARS),
    discount_rate: discountRateSchema.default({ value: DEFAULT_DISCOUNT_RATE, source: DEFAULT_DISCOUNT_SOURCE }),
    intake: intakeSchema,
    outcomes: z.array(outcomeSchema).min(1),
    costs: costsSchema,
    payment_model: paymentModelSchema.optional(),
    monte_carlo: z.object({ draws: z.number().int().min(10_000, schemaText("res_zod_draws")).default(10_000), seed: nonEmpty }).strict().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const index = m.price_index?.values ?? {};
    const needIndex = (py: number, path: (string | number)[]) => {
      if (py === m.price_year) return;
      if (index[String(py)] === undefined || index[String(m.price_year)] === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path,
          message: schemaText("res_zod_price_index", { year: py, price_year: m.price_year, missing: index[String(py)] === undefined ? py : m.price_year }),
        });
      }
    };
    const beforeYear0 = (y: number, path: (string | number)[]) => {
      if (y < m.year0) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: schemaText("res_zod_before_year0", { year: y, year0: m.year0 }) });
    };
    const ids = new Set<string>();
    m.outcomes.forEach((o, i) => {
      if (ids.has(o.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "id"], message: schemaText("res_zod_duplicate_id", { id: o.id }) });
      ids.add(o.id);
      const payers = new Set<string>();
      o.unit_values.forEach((u, j) => {
        needIndex(u.price_year, ["outcomes", i, "unit_values", j, "price_year"]);
        if (payers.has(u.payer)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "unit_values", j, "payer"], message: schemaText("res_zod_duplicate_payer", { payer: u.payer }) });
        payers.add(u.payer);
      });
      if (o.effect.estimand === "CACE" && o.planning_count.takeup_share === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "planning_count", "takeup_share"], message: schemaText("res_zod_cace_takeup") });
      }
      o.effect.measured.forEach((e, j) => {
        if (e.year > m.horizon_years) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "effect", "measured", j, "year"], message: schemaText("res_zod_beyond_horizon", { year: e.year, horizon: m.horizon_years }) });
      });
    });
    m.intake.years.forEach((y, i) => {
      beforeYear0(y.year, ["intake", "years", i, "year"]);
      if (y.draw_date !== undefined && Number(y.draw_date.slice(0, 4)) !== y.year) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["intake", "years", i, "draw_date"], message: schemaText("res_zod_in_year", { year: y.year }) });
    });
    m.costs.items.forEach((c, i) => {
      needIndex(c.price_year, ["costs", "items", i, "price_year"]);
      c.by_budget_year.forEach((b, j) => beforeYear0(b.year, ["costs", "items", i, "by_budget_year", j, "year"]));
    });
    m.costs.staff.forEach((s, i) => {
      needIndex(s.hourly_cost_dkk.price_year, ["costs", "staff", i, "hourly_cost_dkk", "price_year"]);
      s.budget_years.forEach((y, j) => beforeYear0(y, ["costs", "staff", i, "budget_years", j]));
    });
    m.costs.per_treatment_unit.forEach((c, i) => needIndex(c.price_year, ["costs", "per_treatment_unit", i, "price_year"]));
    const pm = m.payment_model;
    if (pm) {
      pm.disbursements.forEach((d, i) => beforeYear0(d.year, ["payment_model", "disbursements", i, "year"]));
      pm.rate_card.forEach((l, i) => {
        if (!ids.has(l.outcome)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["payment_model", "rate_card", i, "outcome"], message: schemaText("res_zod_not_outcome", { outcome: l.outcome }) });
        if (l.payment_year !== undefined) beforeYear0(l.payment_year, ["payment_model", "rate_card", i, "payment_year"]);
        if (l.follow_up_year > m.horizon_years) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["payment_model", "rate_card", i, "follow_up_year"], message: schemaText("res_zod_beyond_horizon", { year: l.follow_up_year, horizon: m.horizon_years }) });
      });
      if (pm.settlement_year !== undefined) beforeYear0(pm.settlement_year, ["payment_model", "settlement_year"]);
    }
  });
export type GainsModel = z.infer<typeof gainsModelSchema>;
export type GainsModelInput = z.input<typeof gainsModelSchema>;

/** Validates a parsed gains model file; throws `UserError` naming the file and the field on bad input. */
export function parseGainsModel(json: unknown, file: string): GainsModel {
  const r = gainsModelSchema.safeParse(json);
  if (!r.success) throw new UserError(formatZodIssues(file, r.error));
  return r.data;
}
