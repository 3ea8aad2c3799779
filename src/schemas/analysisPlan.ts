import { z } from "zod";
import { UserError } from "../errors.js";
import { issueText, listIssues, schemaText } from "./indicatorSpec.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Analysis plans (`effekt-analysis-plan/1`): the pre-registered answer to "what will be estimated, for whom, over
 * which window, and how will it be tested". `effekt plan lock` records the plan's hash beside the register before any
 * outcome is read; `effekt estimate --plan` follows it and reports every deviation from the locked plan.
 * Contract documented in `data-schemas/analysis-plan.md`.
 */

const nonEmpty = z.string().trim().min(1, schemaText("res_zod_non_empty"));
const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, schemaText("est_zod_slug"));
/** Names of columns and outcomes as they appear in the CSV files (case matters). */
const columnName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, schemaText("est_zod_column_name"));
/** Whole years, as ages and horizons take them. */
const wholeYears = () => z.number().int(schemaText("res_zod_whole_years"));

/** Covariates that are not persons.csv columns but derived from them (see `data-schemas/analysis-plan.md`). */
export const DERIVED_COVARIATES = ["age"] as const;

/** Subgroup columns that come from the register, not from persons.csv. */
export const REGISTER_SUBGROUP_COLUMNS = ["area", "wave"] as const;

export const MAX_HORIZON = 10;

export const populationSchema = z
  .object({
    role: nonEmpty.optional(),
    age_min: wholeYears().min(0, schemaText("est_zod_at_least", { n: 0 })).max(130, schemaText("res_zod_at_most", { n: 130 })).optional(),
    age_max: wholeYears().min(0, schemaText("est_zod_at_least", { n: 0 })).max(130, schemaText("res_zod_at_most", { n: 130 })).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.age_min !== undefined && p.age_max !== undefined && p.age_min > p.age_max) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["age_max"], message: schemaText("est_zod_age_order", { min: p.age_min, max: p.age_max }) });
    }
  });
export type Population = z.infer<typeof populationSchema>;

export const aggregationSchema = z.enum(["mean", "last", "first", "sum", "max"], {
  errorMap: () => ({ message: schemaText("est_zod_aggregation") }),
});
export type Aggregation = z.infer<typeof aggregationSchema>;

const covariateList = z.array(columnName).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(c)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i], message: schemaText("est_zod_duplicate_covariate", { name: c }) });
    seen.add(c);
  });
});

export const planOutcomeSchema = z
  .object({
    name: z.string().trim().min(1, schemaText("est_zod_outcome_name")),
    label: nonEmpty,
    /** The label in English, for an English report (`label` is shown when it is absent). */
    label_en: nonEmpty.optional(),
    role: z.enum(["primary", "secondary"], { errorMap: () => ({ message: schemaText("est_zod_role") }) }),
    type: z.enum(["binary", "continuous"], {
      errorMap: () => ({ message: schemaText("est_zod_type") }),
    }),
    direction: z.enum(["higher_is_better", "lower_is_better"], {
      errorMap: () => ({ message: schemaText("est_zod_direction") }),
    }),
    population: populationSchema,
    aggregation: aggregationSchema,
    horizons: z
      .array(wholeYears().min(1, schemaText("res_zod_at_least_1")).max(MAX_HORIZON, schemaText("res_zod_at_most", { n: MAX_HORIZON })))
      .min(1, schemaText("est_zod_horizons"))
      .superRefine((hs, ctx) => {
        for (let i = 1; i < hs.length; i++) {
          if (hs[i] <= hs[i - 1]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i], message: schemaText("est_zod_increasing", { value: hs[i], before: hs[i - 1] }) });
        }
      }),
    covariates: covariateList.optional(),
    gains_outcome: nonEmpty.optional(),
    /** how many values a fully observed window of one year holds (52 for weekly, 12 for monthly, 1 for yearly) */
    periods_per_year: z.number().int(schemaText("est_zod_whole_per_year")).min(1, schemaText("res_zod_at_least_1")).max(366, schemaText("res_zod_at_most", { n: 366 })).optional(),
    /** persons whose window is observed for less than this share count as missing (attrition) at that horizon */
    min_observed_share: z.number().gt(0, schemaText("est_zod_more_than", { n: 0 })).max(1, schemaText("res_zod_at_most", { n: 1 })).optional(),
    note: z.string().optional(),
  })
  .strict();
export type PlanOutcome = z.infer<typeof planOutcomeSchema>;

export const subgroupSchema = z
  .object({
    name: slug,
    column: columnName,
    /** The outcomes this split applies to (default: all); e.g. benefit type is an adult's column, empty for children. */
    outcomes: z.array(z.string().trim().min(1, schemaText("res_zod_non_empty"))).min(1, schemaText("est_zod_subgroup_outcomes")).optional(),
  })
  .strict();
export type Subgroup = z.infer<typeof subgroupSchema>;

/** A multiple-testing family fixed in advance: the outcomes tested together at one evaluation point (horizon). */
export const familySchema = z
  .object({
    name: slug,
    horizon: wholeYears().min(1, schemaText("res_zod_at_least_1")).max(MAX_HORIZON, schemaText("res_zod_at_most", { n: MAX_HORIZON })),
    outcomes: z.array(z.string().trim().min(1, schemaText("res_zod_non_empty"))).min(1, schemaText("est_zod_family_outcomes")),
    note: z.string().optional(),
  })
  .strict();
export type Family = z.infer<typeof familySchema>;

export const analysisPlanSchema = z
  .object({
    format: z.literal("effekt-analysis-plan/1", { errorMap: () => ({ message: schemaText("res_zod_format", { format: "effekt-analysis-plan/1" }) }) }),
    id: slug,
    title: nonEmpty,
    /** The title in English, for an English report (`title` is shown when it is absent). */
    title_en: nonEmpty.optional(),
    version: nonEmpty,
    description: z.string().optional(),
    // a two-sided level outside [1e-6, 0.5] is a typing mistake (0.5 already gives a 50% interval)
    alpha: z.number().min(1e-6, schemaText("est_zod_at_least", { n: "0.000001" })).max(0.5, schemaText("res_zod_at_most", { n: 0.5 })).default(0.05),
    multiplicity: z
      .enum(["holm", "bh", "both"], { errorMap: () => ({ message: schemaText("est_zod_multiplicity") }) })
      .default("both"),
    randomisation_inference: z
      .object({
        permutations: z.number().int(schemaText("est_zod_whole")).min(0, schemaText("est_zod_permutations")),
        seed: nonEmpty,
        // the statistic of the lm_lin and CACE rows' RI (and of Westfall-Young and the RI intervals)
        statistic: z
          .enum(["estimate", "studentised"], { errorMap: () => ({ message: schemaText("est_zod_statistic") }) })
          .optional(),
      })
      .strict(),
    covariates: covariateList.default([]),
    subgroups: z.array(subgroupSchema).default([]),
    /** Holm/BH families per evaluation point; without it, one family per role over every outcome x horizon */
    families: z.array(familySchema).min(1, schemaText("est_zod_families")).optional(),
    outcomes: z.array(planOutcomeSchema).min(1, schemaText("est_zod_outcomes")),
    notes: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const names = new Set<string>();
    plan.outcomes.forEach((o, i) => {
      if (names.has(o.name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "name"], message: schemaText("est_zod_duplicate_outcome", { name: o.name }) });
      if (o.min_observed_share !== undefined && o.periods_per_year === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["outcomes", i, "min_observed_share"], message: schemaText("est_zod_needs_periods") });
      }
      names.add(o.name);
    });
    const familyNames = new Set<string>();
    const inFamily = new Map<string, string>();
    plan.families?.forEach((f, i) => {
      if (familyNames.has(f.name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["families", i, "name"], message: schemaText("est_zod_duplicate_family", { name: f.name }) });
      familyNames.add(f.name);
      f.outcomes.forEach((name, j) => {
        const o = plan.outcomes.find((x) => x.name === name);
        if (!o) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["families", i, "outcomes", j], message: schemaText("est_zod_not_outcome", { names: [...names].join(", ") }) });
        else if (!o.horizons.includes(f.horizon)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["families", i, "outcomes", j], message: schemaText("est_zod_no_horizon", { horizon: f.horizon, horizons: o.horizons.join(", ") }) });
        const key = `${name} year ${f.horizon}`;
        const other = inFamily.get(key);
        if (other !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["families", i, "outcomes", j], message: schemaText("est_zod_in_family", { outcome: name, horizon: f.horizon, family: other }) });
        inFamily.set(key, f.name);
      });
    });
    const groups = new Set<string>();
    plan.subgroups.forEach((s, i) => {
      if (groups.has(s.name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["subgroups", i, "name"], message: schemaText("est_zod_duplicate_subgroup", { name: s.name }) });
      groups.add(s.name);
      s.outcomes?.forEach((name, j) => {
        if (!names.has(name)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["subgroups", i, "outcomes", j], message: schemaText("est_zod_not_outcome", { names: [...names].join(", ") }) });
        }
      });
    });
  });
export type AnalysisPlan = z.infer<typeof analysisPlanSchema>;

/** The covariates that apply to one outcome: its own list when it has one, else the plan's. */
export function outcomeCovariates(plan: AnalysisPlan, outcome: PlanOutcome): string[] {
  return outcome.covariates ?? plan.covariates;
}

/** The plan's outcomes of one role, in plan order. */
export function outcomeFamily(plan: AnalysisPlan, role: PlanOutcome["role"]): PlanOutcome[] {
  return plan.outcomes.filter((o) => o.role === role);
}

/** A family as the adjustment uses it: its name and its members (outcome x horizon), fixed by the plan. */
export interface TestFamily {
  name: string;
  members: { outcome: string; horizon: number }[];
}

/**
 * The plan's multiple-testing families: its `families` (one evaluation point each) when it names them, else one
 * family per role (primary, secondary) over every outcome x horizon the plan lists. Either way the members are
 * the plan's, not whichever horizons happen to have data.
 */
export function testFamilies(plan: AnalysisPlan): TestFamily[] {
  if (plan.families) return plan.families.map((f) => ({ name: f.name, members: f.outcomes.map((outcome) => ({ outcome, horizon: f.horizon })) }));
  return (["primary", "secondary"] as const)
    .map((role) => ({ name: role, members: outcomeFamily(plan, role).flatMap((o) => o.horizons.map((horizon) => ({ outcome: o.name, horizon }))) }))
    .filter((f) => f.members.length > 0);
}

/** The subgroup splits that apply to one outcome, in plan order. */
export function outcomeSubgroups(plan: AnalysisPlan, outcome: PlanOutcome): Subgroup[] {
  return plan.subgroups.filter((s) => s.outcomes === undefined || s.outcomes.includes(outcome.name));
}

/**
 * Validates a parsed plan; throws `UserError` on one line naming the file, the JSON path (outcomes by name where the
 * name is readable, e.g. `outcomes[employment].horizons[1]`), the value found and what was expected.
 */
export function parseAnalysisPlan(json: unknown, file: string): AnalysisPlan {
  const r = analysisPlanSchema.safeParse(json);
  if (!r.success) throw new UserError(formatPlanIssues(file, json, r.error));
  return r.data;
}

/** Like `formatZodIssues`, with outcome names in paths and the offending value shown. */
export function formatPlanIssues(file: string, json: unknown, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    let node: unknown = json;
    let path = "";
    for (const key of issue.path) {
      const parent = node;
      node = parent !== null && typeof parent === "object" ? (parent as Record<string | number, unknown>)[key] : undefined;
      if (typeof key === "number") {
        const name = node !== null && typeof node === "object" ? (node as Record<string, unknown>).name : undefined;
        path += typeof name === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(name) && path === "outcomes" ? `[${name}]` : `[${key}]`;
      } else {
        path += path ? `.${key}` : key;
      }
    }
    const shown = node === undefined ? "" : tm("est_issue_value", { value: describeJson(node) });
    return `${path || tm("res_zod_top_level")}: ${issueText(issue)}${shown}`;
  });
  return listIssues(file, parts);
}

/** A JSON value for a message: shortened, control characters as `?` (UserError hides CPR-like digits). */
function describeJson(value: unknown): string {
  const text = (JSON.stringify(value) ?? String(value)).replace(/[\u0000-\u001f\u007f]/g, "?");
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}
