import { z } from "zod";
import { UserError } from "../errors.js";
import { formatZodIssues } from "./indicatorSpec.js";

/**
 * Budget-economic gains model files (`effekt-gains-model/1`), following Socialstyrelsen's SØM conventions: the
 * effect is net of what would have happened anyway (treatment minus control), each outcome has a unit value per
 * person per year for each public payer (kommune, region, stat) with its source and price year, gains persist over
 * years 1-5 by a persistence profile, costs are stated by year, and everything is discounted with the Finance
 * Ministry's rate (3.5% a year, years 0-35, since January 2021). Optionally a DSI-style payment model (rate card,
 * afkastloft, afkastgulv). Contract documented in `data-schemas/gains-model.md`.
 */

export const HORIZON_YEARS = 5;
export const DEFAULT_DISCOUNT_RATE = 0.035;
export const DEFAULT_DISCOUNT_SOURCE =
  "Finansministeriet, samfundsøkonomisk diskonteringsrente 3,5% p.a. for år 0-35 (gældende fra januar 2021)";

const year = z.number().int().min(1900).max(2200);
const nonEmpty = z.string().trim().min(1, "must be a non-empty text");
const source = z.string({ required_error: "is required: every number needs its source" }).trim().min(1, "is required: every number needs its source");
const priceYear = z
  .number({ required_error: "is required: every amount needs its price year", invalid_type_error: "must be a year (number)" })
  .int()
  .min(1900)
  .max(2200);
const horizonYear = z.number().int().min(1).max(HORIZON_YEARS);

export const payerSchema = z.enum(["kommune", "region", "stat"], {
  errorMap: () => ({ message: 'must be "kommune", "region" or "stat"' }),
});
export type Payer = z.infer<typeof payerSchema>;
export const PAYERS: readonly Payer[] = ["kommune", "region", "stat"];

/** One unit value: DKK per person per year of the outcome, for one payer. */
export const unitValueSchema = z
  .object({
    payer: payerSchema,
    value_dkk: z.number({ required_error: "is required", invalid_type_error: "must be a number (DKK)" }).finite(),
    source,
    price_year: priceYear,
    illustrative: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type UnitValue = z.infer<typeof unitValueSchema>;

/**
 * Persistence: the share of the year-1 effect still present in year t. `measured` gives factors at measured
 * horizons (linear interpolation between them, the first factor held before the first horizon); beyond the last
 * measured horizon the factor decays geometrically by `decay_after_last` a year.
 */
export const persistenceSchema = z
  .object({
    measured: z
      .array(z.object({ year: horizonYear, factor: z.number().finite().min(0, "must be at least 0") }).strict())
      .min(1, "needs at least one measured horizon"),
    decay_after_last: z.number().min(0, "must be in [0, 1]").max(1, "must be in [0, 1]"),
    source,
  })
  .strict()
  .superRefine((p, ctx) => {
    for (let i = 1; i < p.measured.length; i++) {
      if (p.measured[i].year <= p.measured[i - 1].year) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["measured", i, "year"], message: "horizons must be strictly increasing" });
      }
    }
  });
export type Persistence = z.infer<typeof persistenceSchema>;

/** The effect per person (net of control) with its sampling distribution: Normal(estimate, se). */
export const effectSchema = z
  .object({
    estimate: z.number().finite(),
    se: z.number().finite().min(0, "must be non-negative"),
    scale: nonEmpty,
    source,
    illustrative: z.boolean().default(false),
  })
  .strict();

export const personsSchema = z
  .object({
    value: z
      .number({ required_error: "is required", invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .nonnegative("must be non-negative (a count of persons)"),
    source,
  })
  .strict();

export const outcomeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lower-case letters, digits, '-' or '_'"),
    label: nonEmpty,
    effect: effectSchema,
    persons: personsSchema.optional(),
    unit_values: z.array(unitValueSchema).min(1, "needs at least one unit value"),
    persistence: persistenceSchema,
    target_group: z.string().optional(),
  })
  .strict();
export type Outcome = z.infer<typeof outcomeSchema>;

const amount = z.number().finite().nonnegative("must be non-negative (DKK)");

export const costItemSchema = z
  .object({
    label: nonEmpty,
    payer: payerSchema.default("kommune"),
    amounts_by_year: z.array(amount).min(1).max(HORIZON_YEARS, `covers at most ${HORIZON_YEARS} years`),
    source,
    price_year: priceYear,
    illustrative: z.boolean().default(false),
  })
  .strict();

export const staffItemSchema = z
  .object({
    activity: nonEmpty,
    payer: payerSchema.default("kommune"),
    hours_per_week: z.number().finite().nonnegative("must be non-negative"),
    weeks_per_year: z.number().finite().positive().max(53),
    years: z.array(horizonYear).min(1),
    hourly_cost_dkk: z.object({ value: amount, source, price_year: priceYear, illustrative: z.boolean().default(false) }).strict(),
    source,
  })
  .strict();

export const costsSchema = z
  .object({ items: z.array(costItemSchema).default([]), staff: z.array(staffItemSchema).default([]) })
  .strict();
export type Costs = z.infer<typeof costsSchema>;

export const discountRateSchema = z
  .object({
    value: z.number().min(0, "must be between 0 and 0.20 (0-20%)").max(0.2, "must be between 0 and 0.20 (0-20%)"),
    source,
  })
  .strict();

/** One rate-card line: goal x follow-up year x price per success. */
export const rateCardLineSchema = z
  .object({
    goal: nonEmpty,
    outcome: nonEmpty,
    follow_up_year: horizonYear,
    price_per_success_dkk: amount,
    net_of_control: z.boolean(),
    control_rate: z.number().min(0).max(1).optional(),
    target_group: z.string().optional(),
    persons: personsSchema.optional(),
    min_successes: z.number().nonnegative().default(1),
    source,
    illustrative: z.boolean().default(false),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (!l.net_of_control && l.control_rate === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["control_rate"], message: "is required when net_of_control is false (successes are counted gross)" });
    }
  });
export type RateCardLine = z.infer<typeof rateCardLineSchema>;

export const paymentModelSchema = z
  .object({
    investment_dkk: z.number().finite().positive(),
    investor: z.string().optional(),
    repayment_horizon_years: z.number().positive(),
    rate_card: z.array(rateCardLineSchema).min(1),
    afkastloft: z.object({ max_annual_return: z.number().min(-1).max(1), source }).strict().optional(),
    afkastgulv: z.object({ min_annual_return: z.number().min(-1).max(1), source }).strict().optional(),
    source,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.afkastloft && p.afkastgulv && p.afkastgulv.min_annual_return > p.afkastloft.max_annual_return) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["afkastgulv", "min_annual_return"], message: "must not exceed afkastloft.max_annual_return" });
    }
  });
export type PaymentModel = z.infer<typeof paymentModelSchema>;

export const gainsModelSchema = z
  .object({
    format: z.literal("effekt-gains-model/1"),
    name: nonEmpty,
    description: z.string().optional(),
    notes: z.array(z.string()).optional(),
    price_year: priceYear,
    price_index: z
      .object({ values: z.record(z.string().regex(/^\d{4}$/), z.number().positive()), source, illustrative: z.boolean().default(false) })
      .strict()
      .optional(),
    discount_rate: discountRateSchema.default({ value: DEFAULT_DISCOUNT_RATE, source: DEFAULT_DISCOUNT_SOURCE }),
    persons: personsSchema,
    outcomes: z.array(outcomeSchema).min(1),
    costs: costsSchema,
    payment_model: paymentModelSchema.optional(),
    monte_carlo: z.object({ draws: z.number().int().min(10_000, "must be at least 10000").default(10_000), seed: nonEmpty }).strict().optional(),
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
          message: `${py} differs from the model's price_year ${m.price_year} and price_index.values lacks ${index[String(py)] === undefined ? py : m.price_year} (needed to move prices with the net price index)`,
        });
      }
    };
    const ids = new Set<string>();
    m.outcomes.forEach((o, i) => {
      if (ids.has(o.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "id"], message: `duplicate id "${o.id}"` });
      ids.add(o.id);
      const payers = new Set<string>();
      o.unit_values.forEach((u, j) => {
        needIndex(u.price_year, ["outcomes", i, "unit_values", j, "price_year"]);
        if (payers.has(u.payer)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "unit_values", j, "payer"], message: `duplicate payer "${u.payer}"` });
        payers.add(u.payer);
      });
    });
    m.costs.items.forEach((c, i) => needIndex(c.price_year, ["costs", "items", i, "price_year"]));
    m.costs.staff.forEach((s, i) => needIndex(s.hourly_cost_dkk.price_year, ["costs", "staff", i, "hourly_cost_dkk", "price_year"]));
    m.payment_model?.rate_card.forEach((l, i) => {
      if (!ids.has(l.outcome)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["payment_model", "rate_card", i, "outcome"], message: `"${l.outcome}" is not an outcome id in this model` });
      }
    });
  });
export type GainsModel = z.infer<typeof gainsModelSchema>;
export type GainsModelInput = z.input<typeof gainsModelSchema>;

/** Validates a parsed gains model file; throws `UserError` naming the file and the field on bad input. */
export function parseGainsModel(json: unknown, file: string): GainsModel {
  const r = gainsModelSchema.safeParse(json);
  if (!r.success) throw new UserError(formatZodIssues(file, r.error));
  return r.data;
}
